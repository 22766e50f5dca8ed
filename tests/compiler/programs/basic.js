// Compiler test corpus (tests/compiler): compiled for structure/stack checks and fuzz seeds.
let x = 1;
print(x + 2, "a" + 1, 1 + "b", 7 / 2, 7 % 3, 2 ** 10, -7 % 3, 1 / 0, 0 / 0, -0);
const s = `x=${x} y=${x + 1}!`;
print(s, s.length, s[0], typeof s, typeof x, typeof undefinedThing, typeof null, typeof print);
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
print(fact(10), fact(20));
const fns = [];
for (let i = 0; i < 3; i++) { fns.push(() => i); }
print(fns[0](), fns[1](), fns[2]());
const vfns = [];
for (var j = 0; j < 3; j++) { vfns.push(() => j); }
print(vfns[0](), vfns[2]());
let a = [1, , 3];
a[5] = 6;
print(a.length, a[1], a[5], a[4]);
const o = { a: 1, b: "two", f() { return this.a; }, 3: "three" };
print(o.a, o.b, o.f(), o[3], o["3"], o.zz);
o.a += 10; o.c = 5; o.c++; ++o.c; o["b"] += "!";
print(o.a, o.c, o.b);
let i = 5; const post = i++; const pre = ++i;
print(i, post, pre, i--, i, --i);
let k = 3; k <<= 2; print(k); k >>= 1; print(k); k >>>= 1; print(k); k |= 8; print(k); k &= 12; print(k); k ^= 5; print(k); k **= 2; print(k); k %= 7; print(k); k /= 2; print(k); k *= 4; print(k); k -= 1; print(k);
print(~5, 5 & 3, 5 | 3, 5 ^ 3, 1 << 4, -16 >> 2, -16 >>> 28);
print(1 < 2, 2 <= 1, "a" < "b", 3 > 2, 2 >= 2, 1 == "1", 1 === "1", null == undefined, null === undefined, 1 != 2, 1 !== 1);
print(!0, !1, !"", !!"x", -"3", +"4", +true);
print(null ?? 1, 0 ?? 1, undefined ?? "d", 0 || "or", 1 && "and", "" && 1);
print(o?.a, o?.zz?.yy, o.f?.(), o.nope?.(), o?.["b"]);
const n = null;
print(n?.x, n?.x.y.z, n?.[1], n?.f());
print(void 0, (1, 2, 3), x ? "t" : "f", 0 ? "t" : "f");
print("a" in o, "zz" in o, delete o.a, "a" in o, delete o["c"], o.c);
print(NaN, Infinity, -Infinity, 1e21, 1.5e-7, 123456789012, 0.1 + 0.2);
