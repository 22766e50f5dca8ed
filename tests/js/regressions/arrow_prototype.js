// Regression (differential testing, tests/differential/FINDINGS.md): arrow functions and
// methods have no prototype property and are not constructors; function declarations and
// expressions do have a prototype.
const arrow = (x) => x;
const obj = { method() { return 1; } };
function decl() {}
const expr = function () {};
print(arrow.prototype, typeof arrow.prototype, obj.method.prototype); // expect: undefined undefined undefined
print(typeof decl.prototype, typeof expr.prototype, decl.prototype.constructor === decl); // expect: object object true
try {
  new arrow(1);
  print('constructed');
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
try {
  new obj.method();
  print('constructed');
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
print('prototype' in arrow, 'prototype' in decl); // expect: false true

export function afterResume() {
  print(arrow.prototype === undefined, typeof new decl()); // expect: true object
}
