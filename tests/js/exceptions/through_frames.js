// An exception unwinds through several call frames to the nearest handler; the frames
// in between do not continue, and the catching frame's locals are intact.
let log = '';
function c(n) {
  log += 'c;';
  if (n > 0) throw new Error('deep ' + n);
  return 'c ok';
}
function b(n) {
  log += 'b;';
  const r = c(n);
  log += 'b-after;';
  return r;
}
function a(n) {
  const local = 'a local';
  try {
    return b(n);
  } catch (e) {
    return 'a caught ' + e.message + ' with ' + local;
  }
}
print(a(0), log); // expect: c ok b;c;b-after;
log = '';
print(a(7), log); // expect: a caught deep 7 with a local b;c;
function recurse(n) {
  if (n === 0) throw 'bottom reached';
  const mine = n;
  recurse(n - 1);
  return mine;
}
try {
  recurse(100);
} catch (e) {
  print(e); // expect: bottom reached
}
function sumThenFail(arr, i) {
  if (i === arr.length) throw 'end';
  return arr[i] + sumThenFail(arr, i + 1);
}
let total = 1000;
try {
  total = total + sumThenFail([1, 2, 3], 0);
} catch (e) {
  print('total unchanged', total); // expect: total unchanged 1000
}
const callbacks = [() => 1, () => { throw 'from callback'; }, () => 3];
function runAll(cbs) {
  let sum = 0;
  for (let i = 0; i < cbs.length; i++) sum += cbs[i]();
  return sum;
}
try {
  runAll(callbacks);
} catch (e) {
  print(e); // expect: from callback
}
let depth = 0;
function deepThrow(n) {
  depth = n;
  if (n === 3000) throw new RangeError('at 3000');
  return deepThrow(n + 1);
}
try {
  deepThrow(0);
} catch (e) {
  print(e.message, depth); // expect: at 3000 3000
}
print(a(0)); // expect: c ok
