// `this`: the receiver in a method call (dot or computed), undefined in a plain call
// (module code is strict), the enclosing function's in an arrow.
const o = {
  name: 'o',
  who() { return this === undefined ? 'undefined' : this.name; },
  arrowInside() { const inner = () => this.name; return inner(); },
  plainInside() { function inner() { return this; } return inner(); },
};
print(o.who(), o['who'](), o.arrowInside()); // expect: o o o
print(typeof o.plainInside()); // expect: undefined
const detached = o.who;
print(detached()); // expect: undefined
const other = { name: 'other', who: o.who };
print(other.who()); // expect: other
function plain() { return this; }
print(plain() === undefined); // expect: true
const arrowTop = () => this;
print(arrowTop()); // expect: undefined
const holder = { list: [1, 2], name: 'h', sum() { let s = ''; this.list.forEach((x) => { s += this.name + x; }); return s; } };
print(holder.sum()); // expect: h1h2
const cb = { name: 'cb', run(f) { return f(); } };
print(cb.run(o.who), cb.run(() => o.who())); // expect: undefined o
const nested = { inner: { name: 'inner', who: o.who } };
print(nested.inner.who()); // expect: inner

export function afterResume() {
  print(o.who(), detached(), other.who()); // expect: o undefined other
}
