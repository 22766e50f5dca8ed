// Closures capture block-scoped variables, and captured parameters can still be modified.
function f(p) {
  const readP = () => p;
  p = p + 1;
  const results = [];
  {
    let blockVar = 'block';
    results.push(() => blockVar + ' ' + readP());
    blockVar = 'block changed';
  }
  if (p > 0) {
    const inIf = 'in if';
    results.push(() => inIf);
  }
  return results;
}
const r = f(1);
print(r[0](), r[1]()); // expect: block changed 2 in if
function recurseWithClosures(n, acc) {
  if (n === 0) return acc;
  return recurseWithClosures(n - 1, () => n + (acc ? acc() : 0));
}
print(recurseWithClosures(4, null)()); // expect: 10
function tryCapture() {
  let msg = 'start';
  let get;
  try {
    let inTry = 'from try';
    get = () => inTry + ' / ' + msg;
    throw 'oops';
  } catch (e) {
    let inCatch = e;
    msg = 'caught ' + inCatch;
  }
  return get();
}
print(tryCapture()); // expect: from try / caught oops
