/*---
description: >
  Garbage made in a loop is collected: after runGC the heap is no larger than before the
  loop plus what is still reachable. Under Node getHeapUsed is a stub and the comparisons
  hold trivially.
runExportedFunction: 0
assertionCount: 4
---*/
vmExport(0, run);

const keep = [];

function churn(n) {
  let last = null;
  for (let i = 0; i < n; i++) {
    last = { index: i, text: 'item ' + i, list: [i, i + 1, i + 2] };
  }
  return last;
}

function run() {
  runGC();
  const before = getHeapUsed();
  const last = churn(2000);
  assertEqual(last.index, 1999);
  runGC();
  const after = getHeapUsed();
  assert(after <= before + 1024, 'garbage was collected');
  for (let i = 0; i < 50; i++) keep.push({ i });
  runGC();
  const kept = getHeapUsed();
  assert(kept >= after, 'reachable objects stay');
  assertEqual(keep[49].i, 49);
}
