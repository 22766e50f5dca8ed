// Function declarations are hoisted: they can be called before the line that defines them.
print(square(5)); // expect: 25
function square(x) { return x * x; }
print(callsLater()); // expect: defined later
function callsLater() { return helper(); }
function helper() { return 'defined later'; }
function outer() {
  return inner() + 1;
  function inner() { return 41; }
}
print(outer()); // expect: 42
print(typeof hoisted); // expect: function
function hoisted() {}
const expr = function () { return 'expression'; };
print(expr()); // expect: expression
