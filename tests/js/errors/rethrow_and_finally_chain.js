// Errors cross function frames, closures and finally blocks with their identity and
// properties intact; catch parameters are block scoped.
function level3() { const e = new TypeError('deep'); e.level = 3; throw e; }
function level2() { try { level3(); } finally { print('cleanup 2'); } }
function level1() {
  try {
    level2();
  } catch (e) {
    e.seen = (e.seen || 0) + 1;
    throw e;
  }
}
let saved;
try {
  level1();
} catch (err) {
  saved = err;
  print(err.message, err.level, err.seen, err instanceof TypeError);
}
// expect: cleanup 2
// expect: deep 3 1 true
const e = 'outer e';
try { throw 'inner'; } catch (e) { print(e); } // expect: inner
print(e); // expect: outer e
const handlers = [];
for (let i = 0; i < 2; i++) {
  try { throw new RangeError('r' + i); } catch (err) { handlers.push(() => err.message); }
}
print(handlers[0](), handlers[1]()); // expect: r0 r1
try {
  try { null.x; } catch (inner) { throw new Error('wrapped: ' + inner.name); }
} catch (outer) {
  print(outer.message); // expect: wrapped: TypeError
}

export function afterResume() {
  try {
    throw saved;
  } catch (again) {
    print(again === saved, again.seen, handlers[1]()); // expect: true 1 r1
  }
}
