// Issue 3 audit: objects (literals, destructuring, property order, array named properties),
// at build time and after a resume.
function run(phase) {
  const k = 'dyn'; const x = 1;
  const o = { m() { return 'm' + this.x; }, [k + 1]: 2, x, ...{ y: 3, z: 4 }, ['s' + 'p']: 'sp', 10: 'ten', 2: 'two' };
  print(phase, 'literal', o.m(), o.dyn1, o.x, o.y, o.sp, Object.keys(o).join());
  const ordered = { b: 1, 2: 1, a: 1, 1: 1, '-1': 1, '01': 1, 4294967294: 1, 4294967295: 1 };
  ordered.c = 1; delete ordered.b; ordered.b = 2;
  const order = []; for (const key in ordered) order.push(key);
  print(phase, 'order', Object.keys(ordered).join(), order.join(), JSON.stringify(ordered));
  const { a, b: { c = 5 } = {}, ...rest } = { a: 1, d: 4, e: 5 };
  const [p, [q = 2, r] = [], , ...tail] = [1, undefined, 'skipped', 3, 4];
  print(phase, 'destructure', a, c, Object.keys(rest).join(), p, q, r, tail.join());
  let s1 = 1, s2 = 2; [s1, s2] = [s2, s1];
  const target = {}; ({ u: target.u, v: target['v'] = 'dv' } = { u: 'U' });
  print(phase, 'assign-pattern', s1, s2, target.u, target.v);
  function param({ a, b = 2 }, [c, d = 4] = [], ...[e = 'e']) { return [a, b, c, d, e].join(); }
  print(phase, 'param-pattern', param({ a: 1 }, [3]), param({ a: 1, b: 1 }, [1, 1], 'E'));
  let sum = '';
  for (const [key, { v = 1 }] of [['a', {}], ['b', { v: 2 }]]) sum += key + v;
  for (const { n, m = 3 } of [{ n: 1 }]) sum += n + m;
  for (const [i, ch] of Object.entries('xy')) sum += i + ch;
  print(phase, 'for-of-pattern', sum);
  const nested = { deep: { list: [{ id: 7 }] } };
  const { deep: { list: [{ id }] } } = nested;
  print(phase, 'nested', id);
  const la = [1, 2]; la.label = 'L'; la[-1] = 'neg';
  print(phase, 'array-named', la.hasOwnProperty('label'), la.hasOwnProperty(-1), la.hasOwnProperty(0), la.hasOwnProperty(5), la.hasOwnProperty('length'), la.length, Object.keys(la).join());
  const big = [1];
  // JS stores it (length 2^31 + 1); the VM refuses with RangeError (at most 2^30 - 1 elements)
  try { big[2147483648] = 'x'; print(phase, 'big-index', big.length === 2147483649); } catch (e) { print(phase, 'big-index', e instanceof RangeError); }
  big.length = 1;
  big[4294967295] = 'named';
  print(phase, 'not-index', big.length, big[4294967295]);
  const proto = { greet() { return 'hi ' + this.name; } };
  const child = { __proto__: proto, name: 'c' };
  print(phase, 'proto', child.greet(), Object.getPrototypeOf(child) === proto, 'greet' in child, child.hasOwnProperty('greet'));
  const copy = { ...child, extra: 1 };
  print(phase, 'spread-own', Object.keys(copy).join(), copy.greet === undefined);
}
run('build');
export function afterResume() { run('resume'); }

// Output (checked against Node.js): the build phase, then afterResume.
// expect: build literal m1 2 1 3 sp 2,10,m,dyn1,x,y,z,sp
// expect: build order 1,2,4294967294,a,-1,01,4294967295,c,b 1,2,4294967294,a,-1,01,4294967295,c,b {"1":1,"2":1,"4294967294":1,"a":1,"-1":1,"01":1,"4294967295":1,"c":1,"b":2}
// expect: build destructure 1 5 d,e 1 2 undefined 3,4
// expect: build assign-pattern 2 1 U dv
// expect: build param-pattern 1,2,3,4,e 1,1,1,1,E
// expect: build for-of-pattern a1b240x1y
// expect: build nested 7
// expect: build array-named true true true false true 2 0,1,label,-1
// expect: build big-index true
// expect: build not-index 1 named
// expect: build proto hi c true true false
// expect: build spread-own name,extra true
// expect: resume literal m1 2 1 3 sp 2,10,m,dyn1,x,y,z,sp
// expect: resume order 1,2,4294967294,a,-1,01,4294967295,c,b 1,2,4294967294,a,-1,01,4294967295,c,b {"1":1,"2":1,"4294967294":1,"a":1,"-1":1,"01":1,"4294967295":1,"c":1,"b":2}
// expect: resume destructure 1 5 d,e 1 2 undefined 3,4
// expect: resume assign-pattern 2 1 U dv
// expect: resume param-pattern 1,2,3,4,e 1,1,1,1,E
// expect: resume for-of-pattern a1b240x1y
// expect: resume nested 7
// expect: resume array-named true true true false true 2 0,1,label,-1
// expect: resume big-index true
// expect: resume not-index 1 named
// expect: resume proto hi c true true false
// expect: resume spread-own name,extra true
