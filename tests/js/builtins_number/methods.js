// toFixed (exact decimal rounding of the binary value) and toString(radix).
print((1.005).toFixed(2), (1.255).toFixed(2), (2.5).toFixed(0), (-2.5).toFixed(0), (0.5).toFixed(0)); // expect: 1.00 1.25 3 -3 1
print((1234.5678).toFixed(1), (0).toFixed(2), (-0.0001).toFixed(2), (1e-10).toFixed(12)); // expect: 1234.6 0.00 -0.00 0.000000000100
print((123.456).toFixed(), (1e21).toFixed(2), (NaN).toFixed(2), (1.45).toFixed(1), (8.345).toFixed(2)); // expect: 123 1e+21 NaN 1.4 8.35
print((0.1).toFixed(20), (123456789.123).toFixed(5)); // expect: 0.10000000000000000555 123456789.12300
print((255).toString(16), (255).toString(2), (-255).toString(36), (0).toString(7), (3.14).toString()); // expect: ff 11111111 -73 0 3.14
print((0.5).toString(2), (3.14).toString(16), (-0.1).toString(3), (1e21).toString(36)); // expect: 0.1 3.23d70a3d70a3e -0.0022002200220022002200220022002201 5v1j4f4ds7c000
print((2 ** 60).toString(2).length, (12345.6789).toString(8), (1 / 3).toString(2).length); // expect: 61 30071.5334614374241 56
print((5).toString(), (5.5).valueOf(), typeof (5).valueOf()); // expect: 5 5.5 number
try {
  (1).toFixed(101);
} catch (e) {
  print(e instanceof RangeError); // expect: true
}
try {
  (1).toString(1);
} catch (e) {
  print(e instanceof RangeError); // expect: true
}
