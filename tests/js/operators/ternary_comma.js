// Conditional (ternary) operator and the comma operator.
const sign = (n) => (n > 0 ? 'pos' : n < 0 ? 'neg' : 'zero');
print(sign(5), sign(-5), sign(0)); // expect: pos neg zero
let log = '';
const t = true ? (log += 'then', 1) : (log += 'else', 2);
print(t, log); // expect: 1 then
print((1, 2, 3)); // expect: 3
let a = 0;
const r = (a++, a++, a);
print(r, a); // expect: 2 2
let i, j;
for (i = 0, j = 10; i < j; i += 3, j -= 3);
print(i, j); // expect: 6 4
print(0 ? 'a' : '' ? 'b' : 'c'); // expect: c
const nested = (x) => (x > 10 ? (x > 100 ? 'huge' : 'big') : 'small');
print(nested(5), nested(50), nested(500)); // expect: small big huge
let side = 0;
false ? side++ : side--;
print(side); // expect: -1
