// Errors raised by the engine are catchable and of the right kind (messages are engine-
// specific, so only kinds are printed): calling a non-function, reading a property of null
// or undefined, assigning to a const, reading an undeclared variable.
function kindOf(f) {
  try {
    f();
    return 'no error';
  } catch (e) {
    return e.name + ' ' + (e instanceof Error);
  }
}
const notFn = 5;
const o = { notMethod: 'x', nested: null };
print(kindOf(() => notFn())); // expect: TypeError true
print(kindOf(() => o.notMethod())); // expect: TypeError true
print(kindOf(() => o.missing())); // expect: TypeError true
print(kindOf(() => undefined.x)); // expect: TypeError true
print(kindOf(() => null['y'])); // expect: TypeError true
print(kindOf(() => o.nested.deep)); // expect: TypeError true
print(kindOf(() => { o.nested.deep = 1; })); // expect: TypeError true
const fixed = 1;
print(kindOf(() => { fixed = 2; })); // expect: TypeError true
print(kindOf(() => { fixed += 1; }), fixed); // expect: TypeError true 1
print(kindOf(() => notDeclaredAnywhere)); // expect: ReferenceError true
print(kindOf(() => new notFn())); // expect: TypeError true
print(kindOf(() => [].reduce((a, b) => a))); // expect: TypeError true
print(kindOf(() => 'abc'.repeat(-1))); // expect: RangeError true
print(kindOf(() => (1).toFixed(101))); // expect: RangeError true
const arr = [];
print(kindOf(() => { arr.length = -1; })); // expect: RangeError true

export function afterResume() {
  print(kindOf(() => o.nested.deep), kindOf(() => { fixed = 3; })); // expect: TypeError true TypeError true
  print(kindOf(() => notFn())); // expect: TypeError true
}
