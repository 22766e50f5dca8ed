/*---
description: >
  if/else chains, while, do-while, for with break and continue, nested loops, switch with
  fallthrough and default in the middle, the conditional operator.
runExportedFunction: 0
assertionCount: 8
expectedPrintout: |
  fizzbuzz 1 2 fizz 4 buzz fizz 7 8 fizz buzz 11 fizz 13 14 fizzbuzz
---*/
vmExport(0, run);

function classify(n) {
  if (n < 0) return 'negative';
  else if (n === 0) return 'zero';
  else if (n < 10) return 'small';
  return 'large';
}

function sw(v) {
  let out = '';
  switch (v) {
    case 1:
      out += 'one ';
    case 2:
      out += 'two ';
      break;
    default:
      out += 'default ';
    case 3:
      out += 'three ';
  }
  return out;
}

function run() {
  let line = 'fizzbuzz';
  for (let i = 1; i <= 15; i++) {
    line += ' ' + (i % 15 === 0 ? 'fizzbuzz' : i % 3 === 0 ? 'fizz' : i % 5 === 0 ? 'buzz' : i);
  }
  print(line);
  assertEqual(classify(-1) + classify(0) + classify(5) + classify(50), 'negativezerosmalllarge');
  let n = 0;
  while (true) {
    n++;
    if (n < 5) continue;
    break;
  }
  assertEqual(n, 5);
  let d = 10;
  do d--; while (d > 100);
  assertEqual(d, 9);
  let pairs = 0;
  for (let a = 0; a < 5; a++) {
    for (let b = 0; b < 5; b++) {
      if (b > a) break;
      pairs++;
    }
  }
  assertEqual(pairs, 15);
  assertEqual(sw(1), 'one two ');
  assertEqual(sw(2), 'two ');
  assertEqual(sw(3), 'three ');
  assertEqual(sw('other'), 'default three ');
}
