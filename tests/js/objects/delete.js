// delete removes a property (result true); on an array element it leaves a hole.
const o = { a: 1, b: 2 };
print(delete o.a); // expect: true
print(o.a, 'a' in o); // expect: undefined false
print(delete o.missing); // expect: true
const k = 'b';
print(delete o[k], 'b' in o); // expect: true false
o.a = 'back';
print(o.a); // expect: back
const arr = [1, 2, 3];
print(delete arr[1]); // expect: true
print(arr.length, arr[1], 1 in arr); // expect: 3 undefined false
arr[1] = 'refilled';
print(arr[1], 1 in arr); // expect: refilled true
const nested = { inner: { x: 1, y: 2 } };
delete nested.inner.x;
print('x' in nested.inner, nested.inner.y); // expect: false 2
