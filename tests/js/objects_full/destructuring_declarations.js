// Destructuring in declarations: objects and arrays, nested, with defaults (used only for
// undefined), renaming, skipped elements, rest elements and rest properties.
const { a, b: renamed, c = 'dc', d = 'dd' } = { a: 1, b: 2, d: null };
print(a, renamed, c, d); // expect: 1 2 dc null
const [x, , z = 'dz', w = 'dw'] = [10, 20, undefined];
print(x, z, w); // expect: 10 dz dw
const { outer: { inner: [first, second = 's'] }, list: [, { deep }] } =
  { outer: { inner: ['f'] }, list: [0, { deep: 'D' }] };
print(first, second, deep); // expect: f s D
const [head, ...tail] = [1, 2, 3, 4];
print(head, tail.length, tail.join('')); // expect: 1 3 234
const { p, ...others } = { p: 'P', q: 'Q', r: 'R' };
print(p, Object.keys(others).join(',')); // expect: P q,r
let [m, n] = 'hi';
print(m, n); // expect: h i
let calls = 0;
const { v = ++calls } = { v: 0 };
const { u = ++calls } = {};
print(v, u, calls); // expect: 0 1 1
const key = 'dyn';
const { [key]: dynValue } = { dyn: 'computed' };
print(dynValue); // expect: computed
const [one = 'x', two = one + '!'] = [];
print(one, two); // expect: x x!
try {
  const { nope } = null;
  print(nope);
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
var { length } = 'abcd';
print(length); // expect: 4

export function afterResume() {
  const { a: again = 'unused', missing = renamed * 10 } = { a };
  print(again, missing, tail[2]); // expect: 1 20 4
}
