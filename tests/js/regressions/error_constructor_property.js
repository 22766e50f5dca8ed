// Regression (probing while building the differential generator, FINDINGS.md): error
// objects inherit constructor from their prototype, as instances of user functions do.
const e = new Error('m');
const t = new TypeError('t');
print(e.constructor === Error, t.constructor === TypeError, t.constructor === Error); // expect: true true false
function User() {}
print(new User().constructor === User); // expect: true
