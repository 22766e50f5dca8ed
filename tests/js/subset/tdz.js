// The temporal dead zone of let/const/class locals: a reference that may run before the
// declaration is checked at run time (scope.py may_precede_init) and throws ReferenceError.
function t(name, f) { try { print(name, f()); } catch (e) { print(name, 'threw', e.name); } }
t('before', () => { const r = x; let x = 1; return r; });
t('self-init', () => { let y = y + 1; return y; });
t('hoisted-fn', () => { const r = g(); const v = 2; function g() { return v; } return r; });
t('hoisted-fn-after', () => { const v = 2; function g() { return v; } return g(); });
t('closure-later', () => { let v = 1; const f = () => v; v = 5; return f(); });
t('closure-early', () => { const f = () => w; const r = f.call(); let w = 3; return r; });
t('loop', () => { const out = []; for (let i = 0; i < 2; i++) { if (i === 1) out.push(z); let z = i; } return out.join(); });
t('switch', () => { switch (1) { case 0: let q = 1; break; case 1: return q; } });
t('assign', () => { a = 1; let a; return a; });
t('typeof', () => { const r = typeof b; let b; return r; });
t('class', () => { const r = new K(); class K {} return r; });
t('class-ok', () => { class K { static make() { return new K(); } } return K.make() instanceof K; });
t('let-undefined', () => { let u; return u; });
t('loop-let', () => { let s = 0; for (let i = 0; i < 3; i++) { let sq = i * i; s += sq; } return s; });
t('nested-decl', () => { let v = 1; function outer() { function inner() { return v; } return inner(); } return outer(); });
t('catch-later', () => { try { throw 1; } catch (e) { let m = e; return m; } });
export function afterResume() { t('resume', () => { const r = x2; let x2 = 1; return r; }); t('resume-ok', () => { const c = 4; return (() => c)(); }); }

// Output (checked against Node.js): the build phase, then afterResume.
// expect: before threw ReferenceError
// expect: self-init threw ReferenceError
// expect: hoisted-fn threw ReferenceError
// expect: hoisted-fn-after 2
// expect: closure-later 5
// expect: closure-early threw ReferenceError
// expect: loop threw ReferenceError
// expect: switch threw ReferenceError
// expect: assign threw ReferenceError
// expect: typeof threw ReferenceError
// expect: class threw ReferenceError
// expect: class-ok true
// expect: let-undefined undefined
// expect: loop-let 5
// expect: nested-decl 1
// expect: catch-later 1
// expect: resume threw ReferenceError
// expect: resume-ok 4
