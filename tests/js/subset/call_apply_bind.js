// f.call / f.apply on every kind of function, and f.bind as a direct call (docs/language.md:
// reading `f.bind` as a value is not supported), at build time and after a resume.
function f(a) { return a; }
class C {}
async function af(x) { return x * 2; }
function t(phase, name, g) { try { print(phase, name, g()); } catch (e) { print(phase, name, 'threw', e.name); } }
function run(phase) {
  t(phase, 'host', () => { print.call(null, phase, 'via call'); console.log.apply(null, [phase, 'via apply', 2]); return 1; });
  t(phase, 'in', () => ['call' in f, 'apply' in f, typeof f.call, typeof f.apply, f.hasOwnProperty('call'), f.hasOwnProperty('name') === f.hasOwnProperty('name')].join());
  t(phase, 'class', () => C.call({}));
  t(phase, 'async', () => { af.call(null, 4).then((v) => print(phase, 'async result', v)); return 'started'; });
  t(phase, 'builtins', () => [Math.max.call(null, 1, 5), parseInt.apply(null, ['ff', 16]), String.fromCharCode.apply(null, [72, 73]), Math.min.apply(undefined, [])].join());
  t(phase, 'methods', () => [['a', 'b'].join.call(['x', 'y'], '+'), 'abc'.slice.call('hello', 1), [].map.call([1, 2], (x) => x * 3).join()].join());
  t(phase, 'no-args', () => [f.call(), f.apply(), f.apply(null, null), f.apply(null, [])].join());
  t(phase, 'apply-holes', () => ((...xs) => xs.length + ':' + String(xs[1]))(...[1, , 3]) + '|' + ((...xs) => xs.length + ':' + String(xs[1])).apply(null, [1, , 3]));
  t(phase, 'not-array', () => f.apply(null, 5));
  t(phase, 'nested-bind', () => { const g = function (a, b) { return this.k + a + b; }; return g.bind({ k: 1 }, 2).bind(null, 3)(); });
  t(phase, 'bound-this', () => { const o = { k: 5, m() { return this.k; } }; const b = o.m.bind(o); const other = { k: 9, b }; return other.b(); });
  t(phase, 'bound-callback', () => [1, 2, 3].map(Math.max.bind(null, 2)).join());
  t(phase, 'resolver', () => { let r; const p = new Promise((res) => { r = res; }); r.call(null, 7); p.then((v) => print(phase, 'resolved', v)); return 'ok'; });
}
run('build');
export function afterResume() { run('resume'); }

// Output (checked against Node.js): the build phase, then afterResume.
// expect: build via call
// expect: build via apply 2
// expect: build host 1
// expect: build in true,true,function,function,false,true
// expect: build class threw TypeError
// expect: build async started
// expect: build builtins 5,255,HI,Infinity
// expect: build methods x+y,ello,3,6
// expect: build no-args ,,,
// expect: build apply-holes 3:undefined|3:undefined
// expect: build not-array threw TypeError
// expect: build nested-bind 6
// expect: build bound-this 5
// expect: build bound-callback NaN,NaN,NaN
// expect: build resolver ok
// expect: build async result 8
// expect: build resolved 7
// expect: resume via call
// expect: resume via apply 2
// expect: resume host 1
// expect: resume in true,true,function,function,false,true
// expect: resume class threw TypeError
// expect: resume async started
// expect: resume builtins 5,255,HI,Infinity
// expect: resume methods x+y,ello,3,6
// expect: resume no-args ,,,
// expect: resume apply-holes 3:undefined|3:undefined
// expect: resume not-array threw TypeError
// expect: resume nested-bind 6
// expect: resume bound-this 5
// expect: resume bound-callback NaN,NaN,NaN
// expect: resume resolver ok
// expect: resume async result 8
// expect: resume resolved 7
