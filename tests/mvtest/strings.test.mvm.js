/*---
description: >
  Strings: concatenation with numbers and other values, length and indexing in UTF-16
  units, comparison by code units, template literals.
runExportedFunction: 0
assertionCount: 16
expectedPrintout: |
  héllo wörld 😀
  len 14
---*/
vmExport(0, run);

const greeting = 'héllo';

function run() {
  const s = greeting + ' ' + 'wörld' + ' ' + '😀';
  print(s);
  print('len ' + s.length);
  assertEqual('a' + 1 + 2, 'a12');
  assertEqual(1 + 2 + 'a', '3a');
  assertEqual('x' + null + undefined + true, 'xnullundefinedtrue');
  assertEqual('' + -0, '0');
  assertEqual('' + 1e21, '1e+21');
  assertEqual('' + 0.000001, '0.000001');
  assertEqual('' + 1e-7, '1e-7');
  assertEqual(s[1], 'é');
  assertEqual(s[12], '\ud83d');
  assertEqual(s[20], undefined);
  assert('a' < 'b' && 'B' < 'a' && 'ab' < 'abc', 'code unit order');
  assert('\u00ff' < '\u0100', 'latin-1 below the rest');
  assert('10' < '9' && 10 > 9, 'strings compare as strings');
  assertEqual(`${greeting}!${1 + 1}`, 'héllo!2');
  assertEqual(`a${''}b`.length, 2);
  assertEqual('é'.length + '😀'.length, 3);
}
