// Generator function expressions stay outside the subset.
const gen = function* () { // expect compile error: not supported
  yield 'a';
};
print(typeof gen);
