// Destructuring in assignments (not declarations): swaps, member targets, defaults,
// rest elements, nested patterns, and the value of the assignment expression.
let a = 1, b = 2;
[a, b] = [b, a];
print(a, b); // expect: 2 1
const o = { p: 0, q: { r: 0 } };
({ x: o.p, y: o.q.r = 'dflt' } = { x: 'px' });
print(o.p, o.q.r); // expect: px dflt
const arr = [];
[arr[0], arr[1], ...arr[2]] = 'abcd';
print(arr[0], arr[1], arr[2].join('')); // expect: a b cd
let first, rest;
({ first, ...rest } = { first: 1, second: 2, third: 3 });
print(first, Object.keys(rest).join(',')); // expect: 1 second,third
let m, n;
const value = ([m, [n]] = [10, [20, 30]]);
print(m, n, value.length); // expect: 10 20 2
let k = 'dyn';
let got;
({ [k + 'amic']: got } = { dynamic: 'yes' });
print(got); // expect: yes
const frozen = 1;
try {
  [frozen] = [2];
} catch (e) {
  print(e instanceof TypeError, frozen); // expect: true 1
}
let count = 0;
for ([a, b] of [[1, 2], [3, 4]]) count += a * b;
print(count); // expect: 14
try {
  ({ z: a } = null);
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
