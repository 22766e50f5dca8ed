// f.bind read as a value (compiled to __mvm_bind_of, compiler/prelude_bind.js), at build time
// and after a resume.
function t(name, f) { try { print(phase, name, f()); } catch (e) { print(phase, name, 'threw', e.name); } }
let phase = 'build';
function f(a, b) { return this.k + a + b; }
function g() { return 'g'; }
t('typeof', () => [typeof f.bind, f.bind === g.bind].join());
t('value-call', () => { const b = f.bind; return b.call(f, { k: 1 }, 2)(3); });
t('optional', () => f?.bind({ k: 10 }, 1)(1));
t('standalone', () => { const b = f.bind; return b({ k: 1 }); });
t('object-bind', () => { const o = { bind: 5 }; o.bind += 1; return o.bind; });
t('method-bind', () => { const o = { bind(x) { return 'own' + x; } }; const m = o.bind; return m(1) + o.bind(2); });
t('null', () => { const n = null; return n.bind; });
t('call-bind', () => f.bind.call(f, { k: 0 }, 'a')('b'));
export function afterResume() {
  phase = 'resume';
  t('typeof', () => [typeof f.bind, f.bind === g.bind].join());
  t('value-call', () => { const b = f.bind; return b.call(f, { k: 1 }, 2)(3); });
  t('optional', () => f?.bind({ k: 10 }, 1)(1));
  t('standalone', () => { const b = f.bind; return b({ k: 1 }); });
  t('object-bind', () => { const o = { bind: 5 }; o.bind += 1; return o.bind; });
  t('method-bind', () => { const o = { bind(x) { return 'own' + x; } }; const m = o.bind; return m(1) + o.bind(2); });
  t('null', () => { const n = null; return n.bind; });
  t('call-bind', () => f.bind.call(f, { k: 0 }, 'a')('b'));
}

// Output (checked against Node.js): the build phase, then afterResume.
// expect: build typeof function,true
// expect: build value-call 6
// expect: build optional 12
// expect: build standalone threw TypeError
// expect: build object-bind 6
// expect: build method-bind own1own2
// expect: build null threw TypeError
// expect: build call-bind 0ab
// expect: resume typeof function,true
// expect: resume value-call 6
// expect: resume optional 12
// expect: resume standalone threw TypeError
// expect: resume object-bind 6
// expect: resume method-bind own1own2
// expect: resume null threw TypeError
// expect: resume call-bind 0ab
