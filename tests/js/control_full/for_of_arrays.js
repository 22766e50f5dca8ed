// for-of over arrays: values in order, holes as undefined, elements pushed during the loop
// are visited, break and continue work, each iteration has its own binding.
let s = '';
for (const x of [1, 2, 3]) s += x;
print(s); // expect: 123
s = '';
for (const x of [1, , 3]) s += x + ' ';
print(s); // expect: 1 undefined 3 
const grow = [1, 2];
let visits = 0;
for (const x of grow) {
  visits++;
  if (x < 4) grow.push(x + 2);
}
print(visits, grow.join(',')); // expect: 5 1,2,3,4,5
s = '';
for (const x of [5, 6, 7, 8, 9]) {
  if (x === 6) continue;
  if (x === 9) break;
  s += x;
}
print(s); // expect: 578
const fs = [];
for (const x of ['a', 'b']) fs.push(() => x);
print(fs[0](), fs[1]()); // expect: a b
let last;
for (last of [1, 2, 3]);
print(last); // expect: 3
const o = { list: [] };
for (o.list[o.list.length] of ['p', 'q']);
print(o.list.join('')); // expect: pq
for (const row of [[1, 2], [3]]) for (const v of row) print(v);
// expect: 1
// expect: 2
// expect: 3
for (const x of []) print('never');

export function afterResume() {
  let t = 0;
  for (const v of grow) t += v;
  print(t); // expect: 15
}
