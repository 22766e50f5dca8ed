/*---
description: >
  An asynchronous test in the basic subset: work is queued as callbacks, the exported
  function runs the queue, and the test reports completion with asyncTestComplete.
runExportedFunction: 0
isAsync: true
assertionCount: 3
expectedPrintout: |
  step 1
  step 2
  step 3
---*/
const queue = [];
function later(f) { queue.push(f); }

vmExport(0, () => {
  let steps = 0;
  later(() => { steps++; print('step ' + steps); later(() => { steps++; print('step ' + steps); }); });
  later(() => {
    steps++;
    print('step ' + steps);
    later(() => {
      try {
        assertEqual(steps, 3);
        assert(queue.length === 0, 'queue drained');
        assertEqual(typeof asyncTestComplete, 'function');
        asyncTestComplete(true, undefined);
      } catch (e) {
        asyncTestComplete(false, e);
      }
    });
  });
  while (queue.length) queue.shift()();
});
