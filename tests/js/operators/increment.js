// Prefix and postfix ++ and --: the value of the expression and the final variable value.
let i = 5;
print(i++); // expect: 5
print(i); // expect: 6
print(++i); // expect: 7
print(i--); // expect: 7
print(--i); // expect: 5
let a = 1;
const b = a++ + a++;
print(a, b); // expect: 3 3
const c = ++a + ++a;
print(a, c); // expect: 5 9
let s = '5';
const old = s++;
print(old, typeof old, s); // expect: 5 number 6
let t = '1.5';
++t;
print(t); // expect: 2.5
let u;
u++;
print(u); // expect: NaN
let nul = null;
nul++;
print(nul); // expect: 1
let f = 0.5;
f++;
print(f); // expect: 1.5
let big = 2147483647;
big++;
print(big); // expect: 2147483648
let neg = -2147483648;
neg--;
print(neg); // expect: -2147483649
let k = 0;
k = k++;
print(k); // expect: 0
let m = 0;
for (let j = 0; j < 10; ++j) m += j;
print(m); // expect: 45
