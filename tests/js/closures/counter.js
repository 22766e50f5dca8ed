// A closure keeps its captured variables alive between calls; each call of the factory
// makes a fresh, independent environment.
function makeCounter() {
  let count = 0;
  return function () {
    count++;
    return count;
  };
}
const c1 = makeCounter();
const c2 = makeCounter();
print(c1(), c1(), c1()); // expect: 1 2 3
print(c2(), c2()); // expect: 1 2
print(c1()); // expect: 4
function makeStepper(step) {
  let value = 0;
  return () => (value += step);
}
const by5 = makeStepper(5);
by5();
print(by5()); // expect: 10
let topLevel = 0;
const bumpTop = () => ++topLevel;
bumpTop();
bumpTop();
print(topLevel); // expect: 2
