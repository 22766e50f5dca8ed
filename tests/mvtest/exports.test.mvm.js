/*---
description: >
  Several functions exported with vmExport; only the one named by runExportedFunction
  runs after the snapshot, and it can call the others.
runExportedFunction: 2
assertionCount: 3
expectedPrintout: |
  two called
  one called by two
---*/
let calls = 0;
function one() { calls++; print('one called by two'); return 1; }
function two() {
  print('two called');
  const r = one();
  assertEqual(r, 1);
  assertEqual(calls, 1);
  assertEqual(typeof three, 'function');
}
function three() { print('three must not run'); }
vmExport(1, one);
vmExport(2, two);
vmExport(3, three);
