// void evaluates its operand for effects and gives undefined; the comma operator evaluates
// left to right and gives the last value.
let n = 0;
print(void 0, void n++, n); // expect: undefined undefined 1
print(typeof void 'x'); // expect: undefined
const r = (n++, n++, n);
print(r, n); // expect: 3 3
let s = '';
for (let i = 0, j = 10; i < 3; i++, j--) s += i + ':' + j + ' ';
print(s); // expect: 0:10 1:9 2:8 
const f = () => (n += 10, n * 2);
print(f(), n); // expect: 26 13
print([1, 2, 3][(0, 2)]); // expect: 3
const o = { m() { return this === o; } };
print(o.m(), (0, o.m)()); // expect: true false

export function afterResume() {
  print(void f(), n); // expect: undefined 23
  print((n = 1, n + 1)); // expect: 2
}
