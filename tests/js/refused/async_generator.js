// Async generators stay outside the subset (even once async functions are in).
async function* stream() { // expect compile error: not supported
  yield 1;
}
print(typeof stream);
