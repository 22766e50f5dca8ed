// ?. stops evaluation and yields undefined when the left side is null or undefined.
const o = { a: { b: { c: 'deep' } }, arr: [10, 20], f() { return this.a.b.c; } };
const n = null;
let u;
print(o?.a?.b?.c); // expect: deep
print(n?.a, u?.a); // expect: undefined undefined
print(o.x?.y); // expect: undefined
print(n?.a.b.c.d); // expect: undefined
print(o?.arr?.[1], n?.[0]); // expect: 20 undefined
print(o.f?.(), o.missing?.()); // expect: deep undefined
let calls = 0;
function key() { calls++; return 'a'; }
print(n?.[key()], calls); // expect: undefined 0
print(o?.[key()] === o.a, calls); // expect: true 1
const m = { count: 0, inc() { this.count++; return this.count; } };
print(m.inc?.(), m?.inc(), m.count); // expect: 1 2 2
try {
  print((n?.a).b);
} catch (e) {
  print(e instanceof TypeError, e.message); // expect: true Cannot read properties of undefined (reading 'b')
}
