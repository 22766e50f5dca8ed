// Closures over parameters.
function makeAdder(n) {
  return function (x) { return x + n; };
}
const add2 = makeAdder(2);
const add10 = makeAdder(10);
print(add2(1), add10(1)); // expect: 3 11
print(makeAdder(-1)(1)); // expect: 0
const adders = [];
for (let i = 0; i < 4; i++) adders.push(makeAdder(i * 100));
print(adders[0](1), adders[3](1)); // expect: 1 301
function makeMultiplier(m) {
  m = m * 2;
  return (x) => x * m;
}
print(makeMultiplier(3)(7)); // expect: 42
function makeConcat(prefix) {
  return (s) => prefix + s;
}
const greet = makeConcat('Hello, ');
print(greet('world')); // expect: Hello, world
