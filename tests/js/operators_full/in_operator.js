// The `in` operator: own and inherited properties, array indexes and holes, number keys,
// and a TypeError when the right side is not an object.
const o = { a: 1, 0: 'zero', u: undefined };
print('a' in o, 'b' in o, 'u' in o, 0 in o, '0' in o); // expect: true false true true true
function Base() {}
Base.prototype.inherited = 1;
const b = new Base();
b.own = 2;
print('own' in b, 'inherited' in b, 'missing' in b); // expect: true true false
const arr = [10, , 30];
print(0 in arr, 1 in arr, 2 in arr, 3 in arr, 'length' in arr); // expect: true false true false true
print('push' in arr, 'map' in arr); // expect: true true
delete o.a;
print('a' in o); // expect: false
function f() {}
f.prop = 1;
print('prop' in f, 'prototype' in f); // expect: true true
const keyObj = { toString() { return 'a'; } };
print(keyObj in { a: 1 }); // expect: true
try {
  print('a' in 'abc');
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
try {
  print('a' in null);
} catch (e) {
  print(e instanceof TypeError); // expect: true
}

export function afterResume() {
  print('own' in b, 'inherited' in b, 1 in arr); // expect: true true false
  arr[1] = 20;
  print(1 in arr); // expect: true
}
