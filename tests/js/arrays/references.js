// Arrays are objects held by reference.
const a = [1, 2, 3];
const b = a;
b.push(4);
print(a.length, a === b); // expect: 4 true
function fill(arr, v, n) { for (let i = 0; i < n; i++) arr[i] = v; }
fill(a, 0, 2);
print(a[0], a[1], a[2]); // expect: 0 0 3
const copy = [];
for (let i = 0; i < a.length; i++) copy.push(a[i]);
copy[0] = 'copy';
print(a[0], copy[0], copy.length); // expect: 0 copy 4
const matrix = [];
const row = [0, 0];
matrix.push(row);
matrix.push(row);
matrix[0][0] = 'shared';
print(matrix[1][0]); // expect: shared
const fns = [];
fns.push(function () { return fns.length; });
fns.push(() => 'second');
print(fns[0](), fns[1]()); // expect: 2 second
const self = [];
self.push(self);
print(self[0] === self, self[0][0][0].length); // expect: true 1
