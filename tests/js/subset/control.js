// Issue 3 audit: control flow (finally, for-of, for-in), at build time and after a resume.
function run(phase) {
  const log = [];
  function retTry() { try { return 'try'; } finally { log.push('f1'); } }
  function retCatch() { try { throw 1; } catch (e) { return 'catch' + e; } finally { log.push('f2'); } }
  function breakTry() { for (;;) { try { break; } finally { log.push('f3'); } } return 'broke'; }
  function contTry() { let n = 0; for (let i = 0; i < 3; i++) { try { continue; } finally { n++; } } return 'cont' + n; }
  function throwTry() { try { try { throw new Error('x'); } finally { log.push('f4'); } } catch (e) { return 'rethrown ' + e.message; } }
  function throwCatch() { try { try { throw 1; } catch (e) { throw e + 1; } finally { log.push('f5'); } } catch (e) { return 'from catch ' + e; } }
  function overrideRet() { try { return 1; } finally { return 2; } }
  function overrideThrow() { try { throw 1; } finally { return 'swallowed'; } }
  function breakCatch() { let i = 0; while (true) { try { throw i; } catch (e) { if (++i > 2) break; } finally { log.push('f6'); } } return 'i' + i; }
  function nestedFinally() { try { try { return 'inner'; } finally { log.push('f7'); } } finally { log.push('f8'); } }
  function labeled() { outer: for (const a of [1, 2]) { for (const b of [1, 2]) { try { if (b === 2) continue outer; } finally { log.push('L' + a + b); } } } return 'labeled'; }
  print(phase, 'finally', retTry(), retCatch(), breakTry(), contTry(), throwTry(), throwCatch(), overrideRet(), overrideThrow(), breakCatch(), nestedFinally(), labeled());
  print(phase, 'finally-log', log.join());
  let s = '';
  for (const c of 'a😀b') s += c + '|';
  for (const x of [1, , 3]) s += x;
  for (const u of new Uint8Array([5, 6])) s += u;
  const grow = [1, 2]; for (const g of grow) { if (grow.length < 4) grow.push(g * 10); s += g; }
  print(phase, 'for-of', s, 'a😀b'.length, [...'a😀b'].length);
  const obj = { b: 1, a: 2, 1: 3 };
  const keys = []; for (const k in obj) keys.push(k);
  for (const i in ['x', 'y']) keys.push(typeof i + i);
  for (const i in 'hi') keys.push(i);
  const base = { inherited: 1 }; const derived = Object.create(base); derived.own = 1;
  for (const k in derived) keys.push(k);
  const shrink = { p: 1, q: 2, r: 3 }; for (const k in shrink) { delete shrink.q; keys.push(k); }
  print(phase, 'for-in', keys.join());
  let w = 0, d = 0; while (w < 5) w++; do { d++; } while (d < 3);
  switch (w) { case 4: d = -1; break; case 5: d += 100; default: d += 1000; }
  print(phase, 'loops', w, d);
  const fns = []; for (let i = 0; i < 3; i++) fns.push(() => i);
  print(phase, 'let-per-iteration', fns.map((f) => f()).join());
}
run('build');
export function afterResume() { run('resume'); }

// Output (checked against Node.js): the build phase, then afterResume.
// expect: build finally try catch1 broke cont3 rethrown x from catch 2 2 swallowed i3 inner labeled
// expect: build finally-log f1,f2,f3,f4,f5,f6,f6,f6,f7,f8,L11,L12,L21,L22
// expect: build for-of a|😀|b|1undefined356121020 4 3
// expect: build for-in 1,b,a,string0,string1,0,1,own,inherited,p,r
// expect: build loops 5 1103
// expect: build let-per-iteration 0,1,2
// expect: resume finally try catch1 broke cont3 rethrown x from catch 2 2 swallowed i3 inner labeled
// expect: resume finally-log f1,f2,f3,f4,f5,f6,f6,f6,f7,f8,L11,L12,L21,L22
// expect: resume for-of a|😀|b|1undefined356121020 4 3
// expect: resume for-in 1,b,a,string0,string1,0,1,own,inherited,p,r
// expect: resume loops 5 1103
// expect: resume let-per-iteration 0,1,2
