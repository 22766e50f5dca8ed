// Arrays (with holes, nesting and many elements) survive the snapshot and stay growable.
const big = [];
for (let i = 0; i < 1000; i++) big.push(i);
const holes = [1, , 3];
holes[6] = 7;
const nested = [[1, 2], [3, [4, 5]]];
const sameRow = [0, 0];
const grid = [sameRow, sameRow];
print(big.length, holes.length); // expect: 1000 7

export function afterResume() {
  let sum = 0;
  for (let i = 0; i < big.length; i++) sum += big[i];
  print(big.length, sum); // expect: 1000 499500
  print(big.push('more'), big[1000]); // expect: 1001 more
  print(holes[1], 1 in holes, holes[5], holes[6], holes.length); // expect: undefined false undefined 7 7
  print(nested[1][1][0], nested[0].length); // expect: 4 2
  grid[0][1] = 'x';
  print(grid[1][1], grid[0] === grid[1]); // expect: x true
  big[2000] = 'far';
  print(big.length); // expect: 2001
}
