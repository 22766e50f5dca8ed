// Compiler test corpus (tests/compiler): compiled for structure/stack checks and fuzz seeds.
var g = 1;
let a = [1, , 3];
a[5] = 2;
const o = { a, f() { return this.a; }, "q": 2, 3: 4, [g + 1]: 'x', arrow: () => this };
o.b = o.a.length;
o["c"] = 1;
o.c += 2; o[g] -= 1; o.c++; ++o[g]; o.c **= 2;
let i = 0; i++; ++i; i--; i <<= 1; i >>>= 0; i |= 3; i &= 7; i ^= 1; i %= 5; i /= 2; i *= 3;
let s = "a" + 1;
s += `b${i}c${o.c}`;
const t = typeof undeclared, u = typeof g, v = void 0;
delete o.c; delete o[g]; delete a?.[0];
if (i > 2 && s || !g) { print(1); } else if (i) print(2); else { print(3); }
while (i < 10) { i++; if (i == 5) continue; if (i == 8) break; }
do { i--; } while (i > 0);
for (var k = 0; k < 3; k++) {}
for (let k = 0, m = 1; k < 3; k++) { let z = k * m; a.push(() => z + k); }
for (;;) { break; }
switch (i) { case 0: print("zero"); case 1: print("one"); break; default: print("d"); case 2: { let q = 1; print(q); } }
function outer(x, y) {
  let captured = x;
  const inner = function me(n) { return n ? me(n - 1) + captured : y; };
  const arrow = (p) => { return this.v + p + captured; };
  return inner(3) + arrow(1);
}
try { throw new Error("boom"); } catch (e) { print(e.message); } finally { print("fin"); }
try { print(1); } catch { print(2); }
function f2() { for (let j = 0; j < 3; j++) { try { if (j) return j; continue; } finally { print(j); } } }
const n = null ?? 5, m = o?.x?.y, c = o.f?.(), d = o?.["a"];
const w = (1, 2, 3);
const cond = g ? 1 : 2;
const inst = o instanceof Object, has = "a" in o;
const bits = ~5 & 3 | 2 ^ 1 << 2 >> 1 >>> 0;
const cmp = 1 < 2 && 2 <= 3 && 3 > 2 && 3 >= 3 && 1 == 1 && 1 != 2 && 1 === 1 && 1 !== 2;
const neg = -g, pos = +s, not = !g;
const big = 123456789, fl = 0.5, nan = NaN, inf = Infinity, mi = -Infinity, mz = -0, n2 = -129, n3 = 2e9;
const e = new RangeError("x");
let la = 0; la ||= 5; la &&= 6; la ??= 7; o.la ||= 1; o[g] ??= 2;
const str = "\ud800\u{1F600}é";

export { g, o as obj };
export const ex = 1;
export var ev = 2;
