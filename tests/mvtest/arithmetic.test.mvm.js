/*---
description: >
  Number arithmetic at the small-integer, int32 and float64 edges, checked with
  assertEqual (strict equality) in the exported function after the snapshot.
runExportedFunction: 0
assertionCount: 24
expectedPrintout: |
  arithmetic done
---*/
vmExport(0, run);

const limit31 = 1073741823; // 2^30 - 1, the largest small integer on the host profile

function run() {
  assertEqual(limit31 + 1, 1073741824);
  assertEqual(-limit31 - 2, -1073741825);
  assertEqual(2147483647 + 1, 2147483648);
  assertEqual(-2147483648 - 1, -2147483649);
  assertEqual(65536 * 65536, 4294967296);
  assertEqual(2 ** 53 + 1, 9007199254740992);
  assertEqual(0.1 + 0.2, 0.30000000000000004);
  assertEqual(7 / 2, 3.5);
  assertEqual(-7 % 3, -1);
  assertEqual(7.5 % 2, 1.5);
  assertEqual(1 / 0, Infinity);
  assertEqual(-1 / 0, -Infinity);
  assert(0 / 0 !== 0 / 0, 'NaN is not equal to itself');
  assertEqual(1 / -0, -Infinity);
  assertEqual((2147483647 | 0) + 1, 2147483648);
  assertEqual(2147483648 | 0, -2147483648);
  assertEqual(4294967295 >>> 0, 4294967295);
  assertEqual(-1 >>> 0, 4294967295);
  assertEqual(-1 >>> 28, 15);
  assertEqual(1 << 31, -2147483648);
  assertEqual(~5, -6);
  assertEqual(5 & 3 | 8 ^ 1, 9);
  assertEqual(+'  42  ', 42);
  assertEqual(-'', -0);
  print('arithmetic done');
}
