/*---
description: >
  State built at build time (objects, arrays, closures, prototypes, strings made at run
  time) is all there after the snapshot, and can be changed after it.
runExportedFunction: 3
assertionCount: 10
expectedPrintout: |
  inventory: apples=3, pears=0, plums=12
---*/
function Inventory() { this.items = {}; this.log = []; }
Inventory.prototype.add = function (name, n) {
  this.items[name] = (this.items[name] || 0) + n;
  this.log.push(name);
  return this;
};
const inv = new Inventory().add('apples', 3).add('pears', 0).add('plums', 5);
let built = '';
for (let i = 0; i < 3; i++) built += '' + i;
const negZero = -0;
const big = 2 ** 40 + 0.5;

vmExport(3, () => {
  inv.add('plums', 7);
  let report = 'inventory:';
  const names = ['apples', 'pears', 'plums'];
  for (let i = 0; i < names.length; i++) {
    report += (i ? ', ' : ' ') + names[i] + '=' + inv.items[names[i]];
  }
  print(report);
  assertEqual(inv.log.length, 4);
  assertEqual(inv.log[3], 'plums');
  assert(inv instanceof Inventory, 'prototype survives');
  assertEqual(typeof inv.add, 'function');
  assertEqual(built, '012');
  assertEqual(1 / negZero, -Infinity);
  assertEqual(big, 1099511627776.5);
  assertEqual(inv.items.missing, undefined);
  const again = new Inventory();
  assertEqual(again.add('x', 1).items.x, 1);
  assertEqual(inv.items.plums, 12);
});
