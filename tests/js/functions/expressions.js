// Function expressions, anonymous and named; a named expression can call itself by name.
const add = function (a, b) { return a + b; };
print(add(2, 3)); // expect: 5
const fact = function f(n) { return n <= 1 ? 1 : n * f(n - 1); };
print(fact(6)); // expect: 720
print(typeof f); // expect: undefined
const countdown = function down(n) {
  if (n === 0) return 'liftoff';
  return n + ' ' + down(n - 1);
};
print(countdown(3)); // expect: 3 2 1 liftoff
print((function (x) { return x * 3; })(7)); // expect: 21
const ops = {
  double: function (x) { return x * 2; },
  negate: function (x) { return -x; },
};
print(ops.double(4), ops.negate(4)); // expect: 8 -4
let g = function () { return 'first'; };
const keep = g;
g = function () { return 'second'; };
print(keep(), g()); // expect: first second
