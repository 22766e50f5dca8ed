// Building long strings incrementally.
let s = '';
for (let i = 0; i < 1000; i++) s += 'x';
print(s.length); // expect: 1000
print(s[0], s[999], s[1000]); // expect: x x undefined
let digits = '';
for (let i = 0; i < 10; i++) digits = digits + i;
print(digits); // expect: 0123456789
let rev = '';
for (let i = digits.length - 1; i >= 0; i--) rev += digits[i];
print(rev); // expect: 9876543210
let big = 'ab';
for (let i = 0; i < 14; i++) big = big + big;
print(big.length); // expect: 32768
print(big[32767], big[32766]); // expect: b a
let csv = '';
for (let i = 1; i <= 5; i++) {
  if (i > 1) csv += ',';
  csv += i * i;
}
print(csv); // expect: 1,4,9,16,25
