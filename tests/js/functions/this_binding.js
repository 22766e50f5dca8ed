// `this` in a method call is the receiver; a plain call gets undefined (module code is strict).
const counter = {
  count: 0,
  inc() { this.count++; return this; },
  get() { return this.count; },
};
counter.inc();
counter.inc().inc();
print(counter.get()); // expect: 3
print(counter['get']()); // expect: 3
const detached = counter.get;
try {
  detached();
} catch (e) {
  print(e instanceof TypeError, e.message); // expect: true Cannot read properties of undefined (reading 'count')
}
function whoAmI() { return this === undefined ? 'undefined this' : this.name; }
print(whoAmI()); // expect: undefined this
const a = { name: 'a', whoAmI };
const b = { name: 'b', whoAmI };
print(a.whoAmI(), b.whoAmI()); // expect: a b
b.borrowed = a.whoAmI;
print(b.borrowed()); // expect: b
const nested = { inner: { name: 'inner', whoAmI } };
print(nested.inner.whoAmI()); // expect: inner
const key = 'whoAmI';
print(a[key]()); // expect: a
