// Building and scanning a 100000-element array.
const a = [];
for (let i = 0; i < 100000; i++) a.push(i * 2);
print(a.length); // expect: 100000
print(a[0], a[50000], a[99999]); // expect: 0 100000 199998
let sum = 0;
for (let i = 0; i < a.length; i++) sum += a[i];
print(sum); // expect: 9999900000
const b = [];
for (let i = 0; i < 100000; i++) b[i] = 'v' + (i % 10);
print(b.length, b[12345]); // expect: 100000 v5
b[199999] = 'end';
print(b.length, b[150000], b[199999]); // expect: 200000 undefined end
let count = 0;
for (let i = 0; i < b.length; i++) if (b[i] === 'v7') count++;
print(count); // expect: 10000
