// Compiler test corpus (tests/compiler): compiled for structure/stack checks and fuzz seeds.
function counter() { let c = 0; return { inc: () => ++c, get: function () { return c; } }; }
const c1 = counter(), c2 = counter();
c1.inc(); c1.inc(); c2.inc();
print(c1.get(), c2.get());
function outer(x) {
  const inner = function me(n) { return n ? me(n - 1) + x : 0; };
  return inner(3);
}
print(outer(5));
function adder(a) { return (b) => (c) => a + b + c; }
print(adder(1)(2)(3));
const obj = { v: 42, m() { const arrow = () => this.v; return arrow(); }, n() { return (() => () => this.v)()(); } };
print(obj.m(), obj.n());
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.sum = function () { return this.x + this.y; };
const p = new Point(3, 4);
print(p.x, p.y, p.sum(), p instanceof Point, {} instanceof Point);
function mk() { const r = []; for (let i = 0; i < 3; i++) { let j = i * 10; r.push(() => i + j); } return r; }
const r = mk(); print(r[0](), r[1](), r[2]());
function shadow() { let x = 1; { let x = 2; { const f = () => x; x = 3; print(f()); } } return x; }
print(shadow());
let gcount = 0;
function incg() { gcount++; return gcount; }
incg(); incg(); print(gcount);
function rec(n) { function inner(k) { return k <= 0 ? 0 : 1 + inner(k - 1); } return inner(n); }
print(rec(5));
function params(a, b, c) { return [a, b, c].length + (c === undefined ? 100 : 0); }
print(params(1), params(1, 2, 3), params(1, 2, 3, 4));
function capParam(a) { const f = () => a; a = 9; return f(); }
print(capParam(1));
const self = function fac(n) { return n <= 1 ? 1 : n * fac(n - 1); };
print(self(5));
function loopCapture() {
  const out = [];
  let i = 0;
  while (i < 3) { let k = i; out.push(() => k); i++; }
  return out[0]() + out[1]() + out[2]();
}
print(loopCapture());
