/*---
description: >
  Numbers converted to strings: integers, fractions, the shortest round-trip form,
  exponent notation thresholds, negative zero and the special values.
runExportedFunction: 0
assertionCount: 18
---*/
vmExport(0, run);

function run() {
  assertEqual('' + 0, '0');
  assertEqual('' + -0, '0');
  assertEqual('' + 123, '123');
  assertEqual('' + -45.5, '-45.5');
  assertEqual('' + 1 / 3, '0.3333333333333333');
  assertEqual('' + 2 / 3, '0.6666666666666666');
  assertEqual('' + 100 / 3, '33.333333333333336');
  assertEqual('' + 1e21, '1e+21');
  assertEqual('' + 1e20, '100000000000000000000');
  assertEqual('' + 123456789012345680000, '123456789012345680000');
  assertEqual('' + 0.000001, '0.000001');
  assertEqual('' + 0.0000001, '1e-7');
  assertEqual('' + 1.5e-10, '1.5e-10');
  assertEqual('' + 2 ** 53, '9007199254740992');
  assertEqual('' + 1.7976931348623157e308, '1.7976931348623157e+308');
  assertEqual('' + 5e-324, '5e-324');
  assertEqual('' + 0 / 0 + (1 / 0) + (-1 / 0), 'NaNInfinity-Infinity');
  assertEqual('' + 4.35, '4.35');
}
