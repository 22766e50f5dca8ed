// A prototype chain must end: JS refuses a cyclic __proto__ with a TypeError. Lookups walk
// chains without a bound, so accepting one would hang the VM (found by CI's image fuzzer,
// which made such a chain in a damaged image; the loader now refuses those too).
const a = { x: 1 }, b = { y: 2 }, c = {};
a.__proto__ = b;
b.__proto__ = c;
function attempt(label, f) {
  try { f(); print(label, 'accepted'); } catch (e) { print(label, e.name, e.message); }
}
attempt('self', () => { a.__proto__ = a; }); // expect: self TypeError Cyclic __proto__ value
attempt('two', () => { b.__proto__ = a; }); // expect: two TypeError Cyclic __proto__ value
attempt('three', () => { c.__proto__ = a; }); // expect: three TypeError Cyclic __proto__ value
attempt('fine', () => { c.__proto__ = { z: 3 }; }); // expect: fine accepted
print(a.x, a.y, a.z, a.missing); // expect: 1 2 3 undefined
print('missing' in a, 'z' in a); // expect: false true

export function afterResume() {
  attempt('resumed', () => { c.__proto__ = b; }); // expect: resumed TypeError Cyclic __proto__ value
  print(a.z, a.nope); // expect: 3 undefined
}
