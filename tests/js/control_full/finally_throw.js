// throw inside try, catch and finally: an exception from catch still runs finally; an
// exception from finally replaces the pending one; nested handlers see the right value.
function run(f) {
  try {
    return 'ok ' + f();
  } catch (e) {
    return 'caught ' + (e instanceof Error ? e.message : e);
  }
}
print(run(() => { try { throw 'a'; } catch (e) { throw e + 'b'; } finally { print('fin1'); } }));
// expect: fin1
// expect: caught ab
print(run(() => { try { throw 'first'; } finally { throw 'second'; } })); // expect: caught second
print(run(() => { try { return 'value'; } finally { throw new Error('from finally'); } })); // expect: caught from finally
print(run(() => {
  try {
    try { throw 'inner'; } finally { print('inner fin'); }
  } catch (e) {
    return 'outer got ' + e;
  }
}));
// expect: inner fin
// expect: ok outer got inner
let trace = '';
function deep(n) {
  try {
    if (n === 0) throw new RangeError('bottom');
    return deep(n - 1);
  } finally {
    trace += n;
  }
}
print(run(() => deep(3)), trace); // expect: caught bottom 0123
const saved = [];
for (let i = 0; i < 3; i++) {
  try {
    try { throw i; } finally { saved.push(() => i); }
  } catch (e) {
    saved.push(() => 'e' + e);
  }
}
print(saved.map((f) => f()).join(',')); // expect: 0,e0,1,e1,2,e2

export function afterResume() {
  trace = '';
  print(run(() => deep(1)), trace); // expect: caught bottom 01
}
