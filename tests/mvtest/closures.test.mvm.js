/*---
description: >
  Closures made at build time keep their captured state across the snapshot; closures
  made in loops capture their own iteration's binding.
runExportedFunction: 1
assertionCount: 9
expectedPrintout: |
  counter 11
  counter 12
---*/
function makeCounter(start) {
  let n = start;
  return {
    next: () => ++n,
    peek: () => n,
  };
}

const counter = makeCounter(10);
const fromLoop = [];
for (let i = 0; i < 3; i++) fromLoop.push(() => i * 10);
let shared = 0;
const incShared = () => ++shared;
incShared();

vmExport(1, () => {
  print('counter ' + counter.next());
  print('counter ' + counter.next());
  assertEqual(counter.peek(), 12);
  assertEqual(fromLoop[0](), 0);
  assertEqual(fromLoop[1](), 10);
  assertEqual(fromLoop[2](), 20);
  assertEqual(incShared(), 2);
  assertEqual(shared, 2);
  const other = makeCounter(0);
  assertEqual(other.next(), 1);
  assertEqual(counter.peek(), 12);
  const adders = [1, 2, 3].length;
  assertEqual(adders, 3);
});
