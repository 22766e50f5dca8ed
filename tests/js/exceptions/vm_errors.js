// Errors raised by the engine itself are catchable like thrown ones.
let u;
try {
  u.x;
} catch (e) {
  print('' + e); // expect: TypeError: Cannot read properties of undefined (reading 'x')
}
const n = null;
try {
  n.field;
} catch (e) {
  print(e.message); // expect: Cannot read properties of null (reading 'field')
}
try {
  u[0];
} catch (e) {
  print(e.message); // expect: Cannot read properties of undefined (reading '0')
}
const o = { inner: undefined };
try {
  o.inner.deep;
} catch (e) {
  print(e.message); // expect: Cannot read properties of undefined (reading 'deep')
}
try {
  const k = 'computed';
  o.missing[k];
} catch (e) {
  print(e.message); // expect: Cannot read properties of undefined (reading 'computed')
}
try {
  u.x = 1;
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
try {
  const notFn = 5;
  notFn();
} catch (e) {
  print(e instanceof TypeError, e.name); // expect: true TypeError
}
try {
  o.nope();
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
try {
  new (function () {}.prop)();
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
try {
  neverDefinedAnywhere;
} catch (e) {
  print('' + e); // expect: ReferenceError: neverDefinedAnywhere is not defined
}
print('still running'); // expect: still running
