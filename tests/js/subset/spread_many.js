// Spread calls with more than 255 arguments: JS functions take any number; Math.max/min,
// push and String.fromCharCode run in chunks (vm.c call_builtin_chunked); other builtins
// refuse with RangeError (docs/language.md), which this test accepts as well.
const big = []; for (let i = 0; i < 1000; i++) big.push((i * 7919) % 1000);
function count(...xs) { return xs.length + ':' + xs[999]; }
function run(phase) {
  print(phase, 'js', count(...big), count(...big, ...big).split(':')[0]);
  print(phase, 'max-min', Math.max(...big), Math.min(...big, -5), Math.max(...big, NaN), Math.max(...big.slice(0, 255)), Math.min(...big.slice(0, 256)), Math.max(...big.slice(0, 510)));
  const a = [1]; const n = a.push(...big);
  print(phase, 'push', n, a.length, a[1000], a[1]);
  const s = String.fromCharCode(...big.map((v) => 65 + (v % 26)));
  print(phase, 'fromCharCode', s.length, s.slice(0, 10), s.slice(-5));
  const log = []; const objs = [];
  for (let i = 0; i < 600; i++) objs.push({ valueOf() { log.push(i); return i; } });
  print(phase, 'valueOf-order', Math.max(...objs), log.length, log[0], log[599], Math.floor({ valueOf() { return 2.5; } }));
  let other; try { other = Array.of(...big).length === 1000; } catch (e) { other = e instanceof RangeError; }
  print(phase, 'other-builtin', other);
}
run('build');
export function afterResume() { run('resume'); }

// Output (checked against Node.js): the build phase, then afterResume.
// expect: build js 1000:81 2000
// expect: build max-min 999 -5 NaN 993 0 999
// expect: build push 1001 1001 81 0
// expect: build fromCharCode 1000 AJGDAXUROL PMJGD
// expect: build valueOf-order 599 600 0 599 2
// expect: build other-builtin true
// expect: resume js 1000:81 2000
// expect: resume max-min 999 -5 NaN 993 0 999
// expect: resume push 1001 1001 81 0
// expect: resume fromCharCode 1000 AJGDAXUROL PMJGD
// expect: resume valueOf-order 599 600 0 599 2
// expect: resume other-builtin true
