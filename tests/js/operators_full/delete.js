// delete: removes own properties (true even when absent), leaves holes in arrays without
// changing the length, and does not touch the prototype chain.
const o = { a: 1, b: 2, c: 3 };
print(delete o.b, o.b, 'b' in o); // expect: true undefined false
print(delete o.missing); // expect: true
const key = 'c';
print(delete o[key], 'c' in o); // expect: true false
o.b = 'again';
print(Object.keys(o).join(',')); // expect: a,b
const arr = [1, 2, 3];
print(delete arr[1], arr.length, arr[1], 1 in arr); // expect: true 3 undefined false
print(arr.join('-')); // expect: 1--3
function P() {}
P.prototype.shared = 'proto';
const p = new P();
p.shared = 'own';
print(delete p.shared, p.shared); // expect: true proto
print(delete p.shared, p.shared); // expect: true proto
const frozen = Object.freeze({ x: 1 });
try {
  delete frozen.x;
  print('no error');
} catch (e) {
  print(e instanceof TypeError, frozen.x); // expect: true 1
}
const n = { 1: 'one', 2: 'two' };
delete n[1];
print(Object.keys(n).join(',')); // expect: 2

export function afterResume() {
  print('a' in o, 'b' in o, o.b); // expect: true true again
  delete o.a;
  print(Object.keys(o).join(','), arr.length, 1 in arr); // expect: b 3 false
}
