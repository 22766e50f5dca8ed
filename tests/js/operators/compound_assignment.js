// Compound assignment operators on variables.
let x = 10;
x += 5;
print(x); // expect: 15
x -= 20;
print(x); // expect: -5
x *= -4;
print(x); // expect: 20
x /= 8;
print(x); // expect: 2.5
x %= 1;
print(x); // expect: 0.5
x **= 2;
print(x); // expect: 0.25
let b = 6;
b &= 3;
print(b); // expect: 2
b |= 8;
print(b); // expect: 10
b ^= 15;
print(b); // expect: 5
b <<= 29;
print(b); // expect: -1610612736
b >>= 28;
print(b); // expect: -6
b >>>= 28;
print(b); // expect: 15
let s = 'a';
s += 'b';
s += 1 + 2;
print(s); // expect: ab3
let n = 1073741823;
n += 1;
print(n); // expect: 1073741824
n *= 4;
print(n); // expect: 4294967296
let r = (x = 7) + 1;
print(r, x); // expect: 8 7
let y = 3;
const z = (y += 2);
print(y, z); // expect: 5 5
let u;
u += 1;
print(u); // expect: NaN
