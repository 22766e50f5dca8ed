// Array.isArray, and assigning to length: truncates (elements are gone), extends with
// holes, converts, rejects invalid lengths with a RangeError.
print(Array.isArray([]), Array.isArray([1]), Array.isArray({ length: 0 }), Array.isArray('ab'), Array.isArray()); // expect: true true false false false
const a = [1, 2, 3, 4, 5];
a.length = 2;
print(a.join(','), a[3], 3 in a); // expect: 1,2 undefined false
a.length = 4;
print(a.length, 2 in a, a.join('-')); // expect: 4 false 1-2--
a.length = '1';
print(a.length, a[0]); // expect: 1 1
a.length = 0;
print(a.length, a[0], a.join() === ''); // expect: 0 undefined true
for (const bad of [-1, 1.5, 2 ** 32]) {
  try {
    a.length = bad;
    print('accepted', bad);
  } catch (e) {
    print(e instanceof RangeError); // expect: true
  }
}
// expect: true
// expect: true
const b = [];
b[4] = 'e';
print(b.length, b.join('.')); // expect: 5 ....e
b.length = 5;
print(b.length); // expect: 5
const list = ['x', 'y', 'z'];
list.length--;
print(list.join(',')); // expect: x,y

export function afterResume() {
  list.length = 3;
  list[2] = 'w';
  print(list.join(','), Array.isArray(list)); // expect: x,y,w true
}
