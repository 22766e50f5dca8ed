// Number.prototype.toFixed: rounding of the exact binary value, padding with zeros,
// negative numbers, large numbers (exponent form above 1e21), and the digits range.
print((3.14159).toFixed(2), (2.5).toFixed(0), (1.45).toFixed(1), (1.005).toFixed(2)); // expect: 3.14 3 1.4 1.00
print((0).toFixed(2), (-1.5).toFixed(0), (-0.0001).toFixed(2), (123.456).toFixed()); // expect: 0.00 -2 -0.00 123
print((1e21).toFixed(2), (1e20).toFixed(2), (0.000001).toFixed(7), (5e-7).toFixed(6)); // expect: 1e+21 100000000000000000000.00 0.0000010 0.000000
print((10).toFixed(20), (0.1).toFixed(20)); // expect: 10.00000000000000000000 0.10000000000000000555
print(NaN.toFixed(2), (-Infinity).toFixed(1), (2 ** 31).toFixed(1)); // expect: NaN -Infinity 2147483648.0
const price = 19.999;
print(price.toFixed(2), (price * 3).toFixed(1)); // expect: 20.00 60.0
try {
  (1).toFixed(101);
} catch (e) {
  print(e instanceof RangeError); // expect: true
}

export function afterResume() {
  print((Math.PI === undefined ? 0 : 22 / 7).toFixed(3), (-0).toFixed(1)); // expect: 3.143 0.0
}
