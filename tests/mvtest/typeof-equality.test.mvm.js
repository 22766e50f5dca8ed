/*---
description: >
  typeof for every kind of value, strict and loose equality between primitives, and
  truthiness.
runExportedFunction: 0
assertionCount: 20
---*/
vmExport(0, run);

function run() {
  assertEqual(typeof undefined, 'undefined');
  assertEqual(typeof null, 'object');
  assertEqual(typeof true, 'boolean');
  assertEqual(typeof 1.5, 'number');
  assertEqual(typeof 'text', 'string');
  assertEqual(typeof {}, 'object');
  assertEqual(typeof [], 'object');
  assertEqual(typeof run, 'function');
  assertEqual(typeof (() => 0), 'function');
  assertEqual(typeof notDeclaredAnywhere, 'undefined');
  assert(1 == '1' && 1 !== '1', 'loose vs strict');
  assert(null == undefined && null !== undefined, 'null and undefined');
  assert(0 == '' && 0 == '0' && '' != '0', 'zero and strings');
  assert(NaN != NaN, 'NaN');
  assert(0 === -0, 'zeros');
  assert(true == 1 && false == 0, 'booleans as numbers');
  assert(!0 && !'' && !null && !undefined && !NaN, 'falsy values');
  assert(!!'0' && !!' ' && !![] && !!{}, 'truthy values');
  assert(2147483648 == '2147483648', 'large numbers and strings');
  assertEqual('abc' === 'ab' + 'c', true);
}
