// Assigning past the end grows the array; the gap is filled with holes.
const a = [1, 2];
a[5] = 6;
print(a.length); // expect: 6
print(a[2], a[3], a[4], a[5]); // expect: undefined undefined undefined 6
print(2 in a, 5 in a); // expect: false true
a[a.length] = 'appended';
print(a.length, a[6]); // expect: 7 appended
const b = [];
b[0] = 'first';
print(b.length); // expect: 1
b[99] = 'far';
print(b.length, b[50], b[99]); // expect: 100 undefined far
print(b.push('after'), b[100]); // expect: 101 after
const c = [];
for (let i = 9; i >= 0; i--) c[i] = i * 2;
print(c.length, c[0], c[9]); // expect: 10 0 18
b['2'] = 'string index';
print(b[2]); // expect: string index
