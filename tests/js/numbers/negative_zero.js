// -0 prints as 0 but is distinguishable through 1/x.
const nz = -0;
print(nz); // expect: 0
print(1 / nz); // expect: -Infinity
print(1 / 0); // expect: Infinity
print(nz === 0, nz == 0); // expect: true true
print(nz < 0, nz > 0); // expect: false false
print(1 / (0 * -1)); // expect: -Infinity
print(1 / (-1 * 0)); // expect: -Infinity
print(1 / (0 / -5)); // expect: -Infinity
print(1 / -0.0); // expect: -Infinity
let z = 0;
z = -z;
print(1 / z); // expect: -Infinity
let a = -5;
a += 5;
print(1 / a); // expect: Infinity
print(1 / (nz + 0)); // expect: Infinity
print(1 / (nz - 0)); // expect: -Infinity
print(1 / (nz + nz)); // expect: -Infinity
print(1 / (0 - 0)); // expect: Infinity
print(1 / (-4 % 2)); // expect: -Infinity
print(1 / (4 % -2)); // expect: Infinity
print(1 / (nz | 0)); // expect: Infinity
print(1 / (nz * nz)); // expect: Infinity
print('' + nz, `${nz}`); // expect: 0 0
print(nz ? 'truthy' : 'falsy'); // expect: falsy
print(1 / +'-0'); // expect: -Infinity
print(1 / neg(0)); // expect: -Infinity
function neg(v) { return -v; }
const o = {};
o[nz] = 'zero key';
print(o[0], o['0']); // expect: zero key zero key
