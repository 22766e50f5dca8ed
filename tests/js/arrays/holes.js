// Holes in array literals read as undefined but are not present as elements.
const a = [1, , 3];
print(a.length); // expect: 3
print(a[0], a[1], a[2]); // expect: 1 undefined 3
print(1 in a, 0 in a); // expect: false true
const b = [, , ,];
print(b.length, b[0], 0 in b); // expect: 3 undefined false
const c = [, 'second'];
print(c.length, c[0], c[1]); // expect: 2 undefined second
a[1] = 2;
print(a[1], 1 in a); // expect: 2 true
const d = [undefined];
print(d.length, 0 in d); // expect: 1 true
const e = [1, , ];
print(e.length); // expect: 2
let count = 0;
for (let i = 0; i < a.length; i++) if (a[i] !== undefined) count++;
print(count); // expect: 3
