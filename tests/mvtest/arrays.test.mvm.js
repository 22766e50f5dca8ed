/*---
description: >
  Arrays: literals with holes, length, push, writing past the end, nested arrays, arrays
  shared by reference, and an array built at build time used after the snapshot.
runExportedFunction: 0
assertionCount: 14
expectedPrintout: |
  squares 0,1,4,9,16
---*/
vmExport(0, run);

const squares = [];
for (let i = 0; i < 5; i++) squares.push(i * i);

function join(a) {
  let s = '';
  for (let i = 0; i < a.length; i++) s += (i ? ',' : '') + a[i];
  return s;
}

function run() {
  print('squares ' + join(squares));
  assertEqual(squares.length, 5);
  const holes = [1, , 3];
  assertEqual(holes.length, 3);
  assertEqual(holes[1], undefined);
  assert(!(1 in holes), 'a hole is not a property');
  assertEqual(squares.push(25), 6);
  assertEqual(squares[5], 25);
  const grown = [];
  grown[3] = 'x';
  assertEqual(grown.length, 4);
  assertEqual(grown[0], undefined);
  const grid = [[1, 2], [3, 4]];
  assertEqual(grid[1][0], 3);
  grid[0][1] = 'two';
  assertEqual(grid[0][1], 'two');
  const ref = grid[1];
  ref.push(5);
  assertEqual(grid[1].length, 3);
  assertEqual(squares[-1], undefined);
  assertEqual(squares['2'], 4);
  assertEqual([].length, 0);
}
