// Getters and setters in classes: on the prototype, inherited, overridden, and static.
class Temperature {
  constructor(c) { this._c = c; }
  get f() { return this._c * 9 / 5 + 32; }
  set f(v) { this._c = (v - 32) * 5 / 9; }
  static get unit() { return 'C'; }
}
const t = new Temperature(100);
print(t.f, Temperature.unit); // expect: 212 C
t.f = 32;
print(t._c, t.f); // expect: 0 32
print(Object.keys(t).join(','), 'f' in t); // expect: _c true
class Kelvin extends Temperature {
  get f() { return 'K' + super.f; }
}
const k = new Kelvin(0);
print(k.f); // expect: K32
// Kelvin's own accessor has no setter: it hides the parent's setter.
try {
  k.f = 212;
  print('no error');
} catch (e) {
  print(e instanceof TypeError, k._c); // expect: true 0
}
class ReadOnly {
  get v() { return 1; }
}
try {
  new ReadOnly().v = 2;
  print('no error');
} catch (e) {
  print(e instanceof TypeError); // expect: true
}

export function afterResume() {
  t.f = 212;
  print(t._c, k.f, Kelvin.unit); // expect: 100 K32 C
}
