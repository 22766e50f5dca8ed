// Recursion 5000 frames deep works (no stack overflow at this depth).
function depth(n) {
  if (n === 0) return 0;
  return 1 + depth(n - 1);
}
print(depth(5000)); // expect: 5000
function sumTo(n) { return n === 0 ? 0 : n + sumTo(n - 1); }
print(sumTo(5000)); // expect: 12502500
function withLocals(n) {
  let a = n * 2;
  let b = a + 1;
  if (n === 0) return b;
  const r = withLocals(n - 1);
  return r + (b - a);
}
print(withLocals(5000)); // expect: 5001
function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
print(isEven(5000)); // expect: true
function buildList(n) { return n === 0 ? null : { v: n, next: buildList(n - 1) }; }
function listLength(l) { return l === null ? 0 : 1 + listLength(l.next); }
print(listLength(buildList(5000))); // expect: 5000
const closureDepth = (n) => (n === 0 ? 'bottom' : closureDepth(n - 1));
print(closureDepth(5000)); // expect: bottom
print(depth(5000)); // expect: 5000
