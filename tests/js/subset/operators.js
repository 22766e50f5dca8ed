// Issue 3 audit: the operators of the subset, at build time and after a resume.
function run(phase) {
  const o = { valueOf() { return 3; } };
  const s = { toString() { return 'x'; } };
  print(phase, 'eq', null == undefined, null == 0, undefined == 0, '1' == 1, true == 1, '' == 0,
    '0' == false, [1] == 1, [1, 2] == '1,2', o == 3, s == 'x', NaN == NaN, null != false, {} == '[object Object]');
  const a = {};
  print(phase, 'eq-obj', a == a, a == {}, [] == '', [] == false, null == false);
  print(phase, 'in', 'a' in { a: 1 }, 0 in [1], 1 in [1], 'length' in [], 'x' in {}, 'm' in { m() {} });
  class K {} const k = new K();
  function P() {} const p = new P();
  print(phase, 'instanceof', k instanceof K, p instanceof P, p instanceof K, [] instanceof Array,
    new TypeError('t') instanceof Error);
  try { print(1 instanceof 1); } catch (e) { print(phase, 'instanceof-bad', e instanceof TypeError); }
  try { print('a' in 'str'); } catch (e) { print(phase, 'in-bad', e instanceof TypeError); }
  const d = { a: 1, b: 2, c: 3 }; const arr = [1, 2, 3];
  print(phase, 'delete', delete d.a, delete d['b'], Object.keys(d).join(), delete arr[1], arr.length, 1 in arr, String(arr[1]));
  print(phase, 'void', void 0, void 'x', typeof void 0);
  const oc = { a: { b() { return this.c; }, c: 5 }, n: null };
  print(phase, 'optional', oc?.a?.b(), oc.x?.y, oc.x?.(), oc.a?.['c'], oc.n?.z, oc.n?.z.w.v, oc.a.b?.());
  print(phase, 'nullish', null ?? 1, 0 ?? 2, undefined ?? 'u', '' ?? 'e', false ?? true);
  print(phase, 'pow', 2 ** 10, (-2) ** 3, 2 ** -1, 2 ** 0.5, 2 ** 3 ** 2, (-8) ** (1 / 3));
  let x = 5; x **= 2;
  const obj = { k: 1 }; const key = 'k'; const list = [1, 2, 3, 4];
  let i = 0;
  obj[key]++; list[i + 1] += 2; list[2] **= 2; list[0] <<= 3; obj[key] *= 10; list[1] -= 1;
  list[1] |= 8; list[1] &= 12; list[1] ^= 1; list[0] >>= 1; list[0] >>>= 1; list[2] %= 4; list[2] /= 4;
  obj.z ??= 4; obj.z ||= 9; obj.z &&= 7; obj.w ||= 'w'; obj.n = null; obj.n ??= 'n';
  list[i++] += 100;
  const post = obj[key]--, pre = --obj[key], pi = ++list[3];
  print(phase, 'compound', x, obj.k, list.join(), obj.z, obj.w, obj.n, post, pre, pi, i);
  let str = 'a'; str += 'b'; str += 1;
  print(phase, 'string-compound', str);
  let c = (1, 2, 3); let j = 0; for (let q = 0, r = 10; q < 3; q++, r--) j += r;
  print(phase, 'comma', c, j);
  const out = [];
  outer: for (let m = 0; m < 3; m++) {
    inner: for (let n = 0; n < 3; n++) {
      if (n === 1) continue outer;
      if (m === 2) break outer;
      out.push(m + '' + n);
    }
  }
  blk: { out.push('in'); if (out.length) break blk; out.push('never'); }
  let w = 0;
  loop: while (true) { do { w++; if (w > 3) break loop; continue loop; } while (false); }
  sw: switch (1) { case 1: for (;;) { break sw; } }
  print(phase, 'labels', out.join(), w);
  print(phase, 'typeof', typeof undeclaredName, typeof null, typeof [], typeof (() => 1));
}
run('build');
export function afterResume() { run('resume'); }

// Output (checked against Node.js): the build phase, then afterResume.
// expect: build eq true false false true true true true true true true true false true true
// expect: build eq-obj true false true true false
// expect: build in true true false true false true
// expect: build instanceof true true false true true
// expect: build instanceof-bad true
// expect: build in-bad true
// expect: build delete true true c true 3 false undefined
// expect: build void undefined undefined undefined
// expect: build optional 5 undefined undefined 5 undefined undefined 5
// expect: build nullish 1 0 u  false
// expect: build pow 1024 -8 0.5 1.4142135623730951 512 NaN
// expect: build compound 25 18 102,9,0.25,5 7 w n 20 18 5 1
// expect: build string-compound ab1
// expect: build comma 3 27
// expect: build labels 00,10,in 4
// expect: build typeof undefined object object function
// expect: resume eq true false false true true true true true true true true false true true
// expect: resume eq-obj true false true true false
// expect: resume in true true false true false true
// expect: resume instanceof true true false true true
// expect: resume instanceof-bad true
// expect: resume in-bad true
// expect: resume delete true true c true 3 false undefined
// expect: resume void undefined undefined undefined
// expect: resume optional 5 undefined undefined 5 undefined undefined 5
// expect: resume nullish 1 0 u  false
// expect: resume pow 1024 -8 0.5 1.4142135623730951 512 NaN
// expect: resume compound 25 18 102,9,0.25,5 7 w n 20 18 5 1
// expect: resume string-compound ab1
// expect: resume comma 3 27
// expect: resume labels 00,10,in 4
// expect: resume typeof undefined object object function
