// map, filter, reduce, forEach, find, findIndex, some and every: arguments (value, index,
// array), holes skipped where JS skips them, early exit, reduce without an initial value.
const a = [3, 1, 4, 1, 5];
print(a.map((x, i) => x * i).join(','), a.map(String).join('')); // expect: 0,1,8,3,20 31415
print(a.filter((x) => x > 1).join(','), a.filter((x, i, arr) => arr.indexOf(x) === i).join(',')); // expect: 3,4,5 3,1,4,5
print(a.reduce((s, x) => s + x), a.reduce((s, x) => s + x, 100), [7].reduce((s, x) => s + x)); // expect: 14 114 7
print(a.reduce((acc, x, i) => acc + i, ''), [].reduce((s, x) => s, 'init')); // expect: 01234 init
try {
  [].reduce((s, x) => s);
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
let seen = '';
a.forEach((x, i, arr) => { seen += i + ':' + x + (arr === a ? ' ' : '?'); });
print(seen); // expect: 0:3 1:1 2:4 3:1 4:5 
print(a.find((x) => x > 3), a.find((x) => x > 10), a.findIndex((x) => x === 1), a.findIndex((x) => x > 10)); // expect: 4 undefined 1 -1
print(a.some((x) => x > 4), a.some((x) => x > 5), [].some((x) => true)); // expect: true false false
print(a.every((x) => x > 0), a.every((x) => x > 1), [].every((x) => false)); // expect: true false true
let visited = 0;
a.some((x) => { visited++; return x === 4; });
print(visited); // expect: 3
const holes = [1, , 3];
let calls = 0;
holes.forEach(() => calls++);
print(calls, holes.map((x) => x * 2).length, 1 in holes.map((x) => x), holes.find((x) => x === undefined)); // expect: 2 3 false undefined
print(holes.findIndex((x) => x === undefined)); // expect: 1
const ctx = { factor: 10, run(arr) { return arr.map((x) => x * this.factor).join(','); } };
print(ctx.run([1, 2])); // expect: 10,20
const words = ['apple', 'bob', 'kayak', 'pear'];
const pal = words.filter((w) => w === w.split('').reverse().join('')).map((w) => w.toUpperCase());
print(pal.join(' ')); // expect: BOB KAYAK

export function afterResume() {
  const total = a.map((x) => x * x).filter((x) => x % 2).reduce((s, x) => s + x, 0);
  print(total, a.every(Number.isInteger)); // expect: 36 true
}
