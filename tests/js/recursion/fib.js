// Recursive Fibonacci.
function fib(n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}
print(fib(0), fib(1), fib(2), fib(10)); // expect: 0 1 1 55
print(fib(25)); // expect: 75025
const memo = [];
function mfib(n) {
  if (n < 2) return n;
  if (memo[n] !== undefined) return memo[n];
  const v = mfib(n - 1) + mfib(n - 2);
  memo[n] = v;
  return v;
}
print(mfib(50)); // expect: 12586269025
print(mfib(78)); // expect: 8944394323791464
print(mfib(90)); // expect: 2880067194370816000
