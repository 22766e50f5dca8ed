// Number.prototype.toString with and without a radix: integers in bases 2..36, negative
// numbers, binary fractions, and the default (shortest round-trip) form.
print((255).toString(16), (255).toString(2), (-255).toString(16), (35).toString(36)); // expect: ff 11111111 -ff z
print((0).toString(2), (2 ** 31).toString(16), (2 ** 53).toString(36), (-(2 ** 31)).toString(2)); // expect: 0 80000000 2gosa7pa2gw -10000000000000000000000000000000
print((0.5).toString(2), (0.75).toString(2), (-2.25).toString(2), (3.5).toString(16)); // expect: 0.1 0.11 -10.01 3.8
print((10).toString(), (0.1).toString(), (1e21).toString(), (123e-20).toString(10)); // expect: 10 0.1 1e+21 1.23e-18
print((255).toString(10), NaN.toString(2), (-Infinity).toString(16)); // expect: 255 NaN -Infinity
const n = 1234;
print(n.toString(8), n.toString(36), (4294967295).toString(16)); // expect: 2322 ya ffffffff
try {
  (10).toString(1);
} catch (e) {
  print(e instanceof RangeError); // expect: true
}
try {
  (10).toString(37);
} catch (e) {
  print(e.name); // expect: RangeError
}

export function afterResume() {
  print((48879).toString(16), (-0).toString(2)); // expect: beef 0
}
