// finally with return: the finally block runs after a return in try or catch; a return in
// finally overrides the pending return or exception; the returned value is computed
// before finally runs.
function a() {
  try { return 'try'; } finally { print('finally a'); }
}
print(a()); // expect: finally a
// expect: try
function b() {
  try { return 'try'; } finally { return 'finally'; }
}
print(b()); // expect: finally
function c() {
  try { throw new Error('lost'); } finally { return 'swallowed'; }
}
print(c()); // expect: swallowed
function d() {
  try { throw 1; } catch (e) { return 'catch ' + e; } finally { print('finally d'); }
}
print(d()); // expect: finally d
// expect: catch 1
function e() {
  let x = 1;
  try { return x; } finally { x = 2; }
}
print(e()); // expect: 1
function f() {
  const o = { v: 1 };
  try { return o; } finally { o.v = 2; }
}
print(f().v); // expect: 2
function g() {
  try {
    try { return 'inner'; } finally { print('inner finally'); }
  } finally {
    print('outer finally');
  }
}
print(g()); // expect: inner finally
// expect: outer finally
// expect: inner
function h() {
  try { return 'try'; } catch (err) { return 'catch'; } finally { if (false) return 'never'; }
}
print(h()); // expect: try

export function afterResume() {
  print(b(), c(), e()); // expect: finally swallowed 1
}
