// fib(25), recursive: call overhead and small-integer arithmetic.
// expect: fib 75025
function fib(n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

export function run() {
  const r = fib(25);
  print('fib ' + r);
  return r;
}
