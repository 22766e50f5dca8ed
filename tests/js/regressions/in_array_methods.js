// Regression (differential testing, tests/differential/FINDINGS.md): the in operator sees
// the methods an array inherits ('push' in [] is true), like property reads do.
const a = [1, 2];
print(typeof a.push, 'push' in a, 'length' in a, 'missing' in a); // expect: function true true false
print('push' in [], 0 in a, 5 in a); // expect: true true false
