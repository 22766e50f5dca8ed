// Issue 3 audit: classes, at build time and after a resume.
class A {
  static count = 0;
  field = 'f';
  ['comp' + 'uted'] = 1;
  constructor(x) { this.x = x; A.count++; }
  m() { return 'A.m' + this.x; }
  static sm() { return 'A.sm'; }
  get g() { return this.field; }
  set g(v) { this.field = v; }
}
class B extends A {
  extra = this.x * 2;
  constructor() { super(7); this.y = 1; }
  m() { return 'B>' + super.m(); }
  static sm() { return 'B>' + super.sm(); }
}
class C extends B {}
class NoSuper extends A { constructor() { } }
class ReturnsObject extends A { constructor() { return { replaced: true }; } }
class ThisFirst extends A { constructor() { this.x = 1; super(); } }
class MaybeSuper extends A { constructor(call) { if (call) super(1); } }
class E2 extends Error { constructor(m) { super(m); this.name = 'E2'; } }
const Expr = class Named { who() { return Named.name; } };
function run(phase) {
  const b = new B(); b.g = 9;
  print(phase, 'methods', b.m(), B.sm(), b.field, b.g, b.extra, b.computed, A.count > 0, b.y);
  print(phase, 'instanceof', b instanceof A, b instanceof B, new C() instanceof A, new A(1) instanceof B, C.sm());
  print(phase, 'keys', Object.keys(b).join(), Object.keys(A.prototype).length, typeof A, A.name, B.name);
  for (const K of [NoSuper, ThisFirst]) {
    try { new K(); print(phase, K.name, 'no error'); } catch (e) { print(phase, K.name, e instanceof ReferenceError); }
  }
  try { new MaybeSuper(false); print(phase, 'maybe-false', 'no error'); } catch (e) { print(phase, 'maybe-false', e instanceof ReferenceError); }
  print(phase, 'maybe-true', new MaybeSuper(true).x, new ReturnsObject().replaced);
  try { A(); } catch (e) { print(phase, 'call-class', e instanceof TypeError); }
  const e = new E2('boom');
  print(phase, 'extends-error', e instanceof E2, e instanceof Error, e.message, String(e));
  print(phase, 'class-expr', new Expr().who(), Expr.name);
}
run('build');
export function afterResume() { run('resume'); }

// Output (checked against Node.js): the build phase, then afterResume.
// expect: build methods B>A.m7 B>A.sm 9 9 14 1 true 1
// expect: build instanceof true true true false B>A.sm
// expect: build keys field,computed,x,extra,y 0 function A B
// expect: build NoSuper true
// expect: build ThisFirst true
// expect: build maybe-false true
// expect: build maybe-true 1 true
// expect: build call-class true
// expect: build extends-error true true boom E2: boom
// expect: build class-expr Named Named
// expect: resume methods B>A.m7 B>A.sm 9 9 14 1 true 1
// expect: resume instanceof true true true false B>A.sm
// expect: resume keys field,computed,x,extra,y 0 function A B
// expect: resume NoSuper true
// expect: resume ThisFirst true
// expect: resume maybe-false true
// expect: resume maybe-true 1 true
// expect: resume call-class true
// expect: resume extends-error true true boom E2: boom
// expect: resume class-expr Named Named
