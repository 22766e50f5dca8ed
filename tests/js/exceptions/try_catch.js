// Basic throw and catch.
try {
  print('in try'); // expect: in try
  throw new Error('boom');
  print('not reached');
} catch (e) {
  print('caught', e.message); // expect: caught boom
}
print('after'); // expect: after
try {
  print('no throw'); // expect: no throw
} catch (e) {
  print('not reached');
}
function risky(n) {
  if (n > 2) throw new RangeError('too big: ' + n);
  return n;
}
for (let i = 1; i <= 4; i++) {
  try {
    print('ok', risky(i));
  } catch (e) {
    print('failed', e.message);
  }
}
// expect: ok 1
// expect: ok 2
// expect: failed too big: 3
// expect: failed too big: 4
let e = 'outer e';
try {
  throw 'inner';
} catch (e) {
  print(e); // expect: inner
}
print(e); // expect: outer e
