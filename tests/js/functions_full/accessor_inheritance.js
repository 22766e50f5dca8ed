// Accessors are found along the prototype chain: an inherited setter runs instead of an own
// property being added, a getter sees the receiver as this, and a getter-only property
// cannot be assigned (modules are strict code).
const base = {
  _v: 1,
  get v() { return this._v * 10; },
  set v(x) { this._v = x; },
};
const child = Object.create ? { __proto__: base } : null;
child.v = 5;
print(child.v, base.v, Object.keys(child).join(',')); // expect: 50 10 _v
class Box {
  constructor(w) { this.w = w; }
  get area() { return this.w * this.w; }
  static get kind() { return 'box:' + this.name; }
}
class Crate extends Box {
  get area() { return super.area + 1; }
}
const c = new Crate(3);
print(c.area, Box.kind, Crate.kind); // expect: 10 box:Box box:Crate
try {
  c.area = 4;
} catch (e) {
  print(e instanceof TypeError, c.area); // expect: true 10
}
const o = { get both() { return 'g'; }, set both(v) { this.seen = v; } };
o.both = 'set!';
print(o.both, o.seen, Object.keys(o).join(',')); // expect: g set! both,seen
let out = '';
for (const k in c) out += k + ';';
print(out); // expect: w;
