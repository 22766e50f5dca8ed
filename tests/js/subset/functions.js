// Issue 3 audit: functions (defaults, rest, spread, properties, new, this, accessors,
// call/apply/bind), at build time and after a resume.
function run(phase) {
  function f(a, b = a + 1, ...r) { return [a, b, r.length, r.join('+')].join(); }
  print(phase, 'params', f(1), f(1, undefined, 6), f(1, null, 6, 7), f.length);
  const g = (x = 2, { y = 3, z } = {}, [w = 4] = []) => x + y + w + String(z);
  print(phase, 'pattern-params', g(), g(1, { z: 9 }, [0]));
  function count(...xs) { return xs.length; }
  const arr = [1, 2, 3];
  print(phase, 'spread', count(...arr, 4, ...'ab', ...[]), [...arr, ...arr, ...'hi'].join(''), Math.max(...arr), String.fromCharCode(...[72, 105]));
  function h() {} h.x = 3; h['y'] = 4; h.x += 1;
  print(phase, 'fn-props', h.x, h.y, h.name, (function () {}).name, (() => 1).name, Object.keys(h).join());
  function Point(x, y) { this.x = x; this.y = y; }
  Point.prototype.sum = function () { return this.x + this.y; };
  Point.origin = function () { return new Point(0, 0); };
  const pt = new Point(3, 4);
  print(phase, 'new', pt.sum(), pt instanceof Point, pt.constructor === Point, Point.origin().sum(), Object.keys(pt).join());
  function Boxed() { this.a = 1; return { b: 2 }; }
  function Prim() { this.a = 1; return 5; }
  print(phase, 'new-return', new Boxed().b, new Boxed().a, new Prim().a);
  function who() { return this; }
  const holder = { who, inner: { who } };
  print(phase, 'this', who() === undefined, holder.who() === holder, holder.inner.who() === holder.inner, holder['who']() === holder);
  const m = holder.who;
  print(phase, 'this-detached', m() === undefined);
  const arrow = { v: 1, get() { return (() => this.v)(); } };
  print(phase, 'this-arrow', arrow.get());
  const acc = { _v: 1, get v() { return this._v; }, set v(x) { this._v = x * 2; } };
  acc.v = 5;
  class Temp { constructor() { this.c = 0; } get f() { return this.c * 9 / 5 + 32; } set f(v) { this.c = (v - 32) * 5 / 9; } static get unit() { return 'C'; } }
  const t = new Temp(); t.f = 212;
  print(phase, 'accessors', acc.v, acc._v, t.c, t.f, Temp.unit, Object.keys(acc).join());
  function add(a, b) { return this.base + a + b; }
  const ctx = { base: 10 };
  print(phase, 'call', add.call(ctx, 1, 2), add.apply(ctx, [3, 4]), add.apply({ base: 0 }), Math.max.apply(null, [1, 9, 3]), [].slice.call([1, 2, 3], 1).join());
  const bound = add.bind(ctx, 100);
  const bound2 = add.bind({ base: 1 });
  print(phase, 'bind', bound(1), bound2(2, 3), typeof bound, add.bind(ctx)(1, 1));
  const user = { bind(x) { return 'own ' + x; } };
  print(phase, 'own-bind', user.bind('b'));
  const method = { n: 7, get() { return this.n; } };
  const getN = method.get.bind(method);
  print(phase, 'bind-method', getN(), [1, 2].map(add.bind({ base: 0 }, 1)).join());
  function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
  print(phase, 'recursion', fact(10), fact.call(null, 5));
  try { add.call(); } catch (e) { print(phase, 'call-undefined-this', e instanceof TypeError); }
  try { ({}).x(); } catch (e) { print(phase, 'not-function', e instanceof TypeError); }
}
run('build');
export function afterResume() { run('resume'); }

// Output (checked against Node.js): the build phase, then afterResume.
// expect: build params 1,2,0, 1,2,1,6 1,,2,6+7 1
// expect: build pattern-params 9undefined 49
// expect: build spread 6 123123hi 3 Hi
// expect: build fn-props 4 4 h   x,y
// expect: build new 7 true true 0 x,y
// expect: build new-return 2 undefined 1
// expect: build this true true true true
// expect: build this-detached true
// expect: build this-arrow 1
// expect: build accessors 10 10 100 212 C _v,v
// expect: build call 13 17 NaN 9 2,3
// expect: build bind 111 6 function 12
// expect: build own-bind own b
// expect: build bind-method 7 2,3
// expect: build recursion 3628800 120
// expect: build call-undefined-this true
// expect: build not-function true
// expect: resume params 1,2,0, 1,2,1,6 1,,2,6+7 1
// expect: resume pattern-params 9undefined 49
// expect: resume spread 6 123123hi 3 Hi
// expect: resume fn-props 4 4 h   x,y
// expect: resume new 7 true true 0 x,y
// expect: resume new-return 2 undefined 1
// expect: resume this true true true true
// expect: resume this-detached true
// expect: resume this-arrow 1
// expect: resume accessors 10 10 100 212 C _v,v
// expect: resume call 13 17 NaN 9 2,3
// expect: resume bind 111 6 function 12
// expect: resume own-bind own b
// expect: resume bind-method 7 2,3
// expect: resume recursion 3628800 120
// expect: resume call-undefined-this true
// expect: resume not-function true
