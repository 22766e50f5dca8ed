// Object spread copies own enumerable properties in order; later properties win; null,
// undefined and primitives other than strings add nothing.
const base = { a: 1, b: 2 };
const ext = { ...base, b: 3, c: 4 };
print(ext.a, ext.b, ext.c, base.b); // expect: 1 3 4 2
const over = { b: 'first', ...base };
print(over.b, Object.keys(over).join(',')); // expect: 2 b,a
print(Object.keys({ ...null, ...undefined, ...42, ...true }).length); // expect: 0
const fromString = { ...'hi' };
print(fromString[0], fromString[1], Object.keys(fromString).length); // expect: h i 2
const fromArray = { ...['x', 'y'] };
print(fromArray[1], Object.keys(fromArray).join(',')); // expect: y 0,1
function P() { this.own = 1; }
P.prototype.inherited = 2;
const copy = { ...new P() };
print(copy.own, copy.inherited); // expect: 1 undefined
const nested = { inner: { v: 1 } };
const shallow = { ...nested };
shallow.inner.v = 99;
print(nested.inner.v, shallow.inner === nested.inner); // expect: 99 true
let reads = 0;
const withGetter = { get g() { reads++; return 'got'; } };
const snap = { ...withGetter };
print(snap.g, snap.g, reads); // expect: got got 1
const ordered = { z: 1, 10: 'ten', 2: 'two', y: 2 };
print(Object.keys({ ...ordered }).join(',')); // expect: 2,10,z,y

export function afterResume() {
  const later = { ...ext, d: 5 };
  print(Object.keys(later).join(','), later.b); // expect: a,b,c,d 3
}
