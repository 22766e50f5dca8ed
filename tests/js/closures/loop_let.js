// A `let` loop variable gets a fresh binding per iteration, so each closure sees its own.
const fns = [];
for (let i = 0; i < 3; i++) {
  fns.push(() => i);
}
print(fns[0](), fns[1](), fns[2]()); // expect: 0 1 2
const fns2 = [];
for (let i = 0; i < 6; i++) {
  fns2.push(() => i);
  i++;
}
print(fns2.length, fns2[0](), fns2[1](), fns2[2]()); // expect: 3 1 3 5
const fns3 = [];
for (let i = 0; i < 3; i++) {
  const sq = i * i;
  fns3.push(() => i + ':' + sq);
}
print(fns3[0](), fns3[1](), fns3[2]()); // expect: 0:0 1:1 2:4
const counters = [];
for (let i = 0; i < 2; i++) {
  counters.push(() => ++i);
}
print(counters[0](), counters[0](), counters[1]()); // expect: 1 2 2
const fns4 = [];
let j = 0;
while (j < 3) {
  let k = j;
  fns4.push(() => k * 10);
  j++;
}
print(fns4[0](), fns4[1](), fns4[2]()); // expect: 0 10 20
const grid = [];
for (let r = 0; r < 2; r++) {
  for (let c = 0; c < 2; c++) {
    grid.push(() => '' + r + c);
  }
}
print(grid[0](), grid[1](), grid[2](), grid[3]()); // expect: 00 01 10 11
