/*---
description: >
  Recursion, mutual recursion, higher-order functions, function expressions and arrows,
  missing and extra arguments, `this` in methods, constructors with prototypes.
runExportedFunction: 0
assertionCount: 12
---*/
vmExport(0, run);

function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
const compose = (f, g) => (x) => f(g(x));
const inc = function (x) { return x + 1; };
const twice = (x) => x * 2;

function Vec(x, y) { this.x = x; this.y = y; }
Vec.prototype.len2 = function () { return this.x * this.x + this.y * this.y; };

function run() {
  assertEqual(fib(20), 6765);
  assertEqual(isEven(10), true);
  assertEqual(isOdd(7), true);
  assertEqual(compose(inc, twice)(5), 11);
  assertEqual(compose(twice, inc)(5), 12);
  function args(a, b) { return typeof b; }
  assertEqual(args(1), 'undefined');
  assertEqual(args(1, 2, 3), 'number');
  const o = { v: 3, get() { return this.v; } };
  assertEqual(o.get(), 3);
  const v = new Vec(3, 4);
  assertEqual(v.len2(), 25);
  assert(v instanceof Vec, 'instanceof');
  function returnsObject() { return { made: true }; }
  assertEqual(new returnsObject().made, true);
  assertEqual(typeof run, 'function');
}
