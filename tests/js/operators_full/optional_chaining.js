// Optional chaining: member, computed member and call forms; the whole chain short-
// circuits (later parts and arguments are not evaluated) when the base is null/undefined.
const o = { a: { b: { c: 42 } }, arr: [1, 2], f() { return this.tag; }, tag: 'T', nul: null };
print(o?.a?.b?.c, o.x?.y, o.nul?.y, o.a?.['b']?.c); // expect: 42 undefined undefined 42
let key = 0;
print(o.arr?.[1], o.none?.[key++], key); // expect: 2 undefined 0
print(o.f?.(), o.g?.(), o.nul?.(key++), key); // expect: T undefined undefined 0
// A method called through ?. keeps its receiver.
print(o?.f(), o?.['f']?.()); // expect: T T
// Short-circuiting skips the rest of the chain, not only the next step.
const n = null;
print(n?.a.b.c.d, n?.[key++].x, key); // expect: undefined undefined 0
let called = 0;
const fn = () => { called++; return { v: 'v' }; };
print(fn?.().v, called); // expect: v 1
const maybe = undefined;
print(maybe?.(called++), called); // expect: undefined 1
// Not null/undefined: an ordinary access (so it can still throw).
try {
  o.a?.b.c.d.e;
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
try {
  o.tag?.();
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
print((0)?.toFixed(1), ''?.length); // expect: 0.0 0
print(typeof o?.a, o?.a?.b?.c === 42); // expect: object true

export function afterResume() {
  o.a.b = null;
  print(o.a.b?.c, o.a?.b?.c); // expect: undefined undefined
  print(o.f?.()); // expect: T
}
