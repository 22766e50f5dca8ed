// Destructuring in for-of heads: array and object patterns, nested, with defaults;
// each iteration has its own bindings.
const pairs = [[1, 'one'], [2, 'two'], [3]];
let out = '';
for (const [n, word = '?'] of pairs) out += n + word + ' ';
print(out); // expect: 1one 2two 3? 
const people = [{ name: 'a', age: 30 }, { name: 'b' }];
for (const { name, age = 'unknown' } of people) print(name, age);
// expect: a 30
// expect: b unknown
const fs = [];
for (const { v } of [{ v: 'x' }, { v: 'y' }]) fs.push(() => v);
print(fs[0](), fs[1]()); // expect: x y
let total = 0;
for (const [, { inner: [deep] }] of [[0, { inner: [5] }], [0, { inner: [6] }]]) total += deep;
print(total); // expect: 11
for (let [k, v] of Object.entries({ p: 1, q: 2 })) {
  k = k.toUpperCase();
  print(k, v);
}
// expect: P 1
// expect: Q 2
let a, b;
for ([a, b] of [['A', 'B']]) {}
print(a, b); // expect: A B

export function afterResume() {
  let s = '';
  for (const [i, ch] of [...'xyz'].map((c, i) => [i, c])) s += ch + i;
  print(s); // expect: x0y1z2
}
