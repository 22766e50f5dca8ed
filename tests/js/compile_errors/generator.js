// Generator functions are outside the subset.
function* gen() { // expect compile error: not supported
  yield 1;
}
print(gen);
