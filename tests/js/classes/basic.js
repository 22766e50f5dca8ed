// Class declarations and expressions: constructor, methods on the prototype, instanceof,
// typeof, methods are shared and non-enumerable, classes need `new`.
class Counter {
  constructor(start) {
    this.n = start;
  }
  inc() { this.n++; return this; }
  get value() { return this.n; }
}
const c = new Counter(5);
print(c.inc().inc().value, c instanceof Counter, typeof Counter); // expect: 7 true function
print(c.inc === new Counter(0).inc, Object.keys(c).join(',')); // expect: true n
let s = '';
for (const k in c) s += k;
print(s); // expect: n
const Anon = class {
  hello() { return 'anon'; }
};
const Named = class Inner {
  who() { return typeof Inner; }
};
print(new Anon().hello(), new Named().who(), Named.name); // expect: anon function Inner
class NoCtor {
  m() { return 'm'; }
}
print(new NoCtor().m()); // expect: m
try {
  Counter(1);
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
class WithComputed {
  ['comp' + 'uted']() { return 'computed method'; }
}
print(new WithComputed().computed()); // expect: computed method

export function afterResume() {
  const d = new Counter(100);
  print(d.inc().value, c.inc().value, d instanceof Counter); // expect: 101 8 true
}
