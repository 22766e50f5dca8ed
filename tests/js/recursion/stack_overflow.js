// Unbounded recursion throws a catchable RangeError; the program continues afterwards.
function forever(n) { return forever(n + 1) + 1; }
try {
  forever(0);
  print('not reached');
} catch (e) {
  print(e instanceof RangeError); // expect: true
  print(e.message); // expect: Maximum call stack size exceeded
}
let depthReached = 0;
function probe(n) {
  depthReached = n;
  probe(n + 1);
}
try {
  probe(0);
} catch (e) {
  print(depthReached > 1000); // expect: true
}
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
print(fact(10)); // expect: 3628800
