// Generator declarations stay outside the subset.
function* count() { // expect compile error: not supported
  yield 1;
  yield 2;
}
for (const n of count()) print(n);
