// Shortest round-trip number-to-string formatting.
print(0.1 + 0.2); // expect: 0.30000000000000004
print(0.1 * 3); // expect: 0.30000000000000004
print(0.3 - 0.1); // expect: 0.19999999999999998
print(1 / 3); // expect: 0.3333333333333333
print(2 / 3); // expect: 0.6666666666666666
print(100 / 3); // expect: 33.333333333333336
print(0.1 * 0.1); // expect: 0.010000000000000002
print(1.1 + 2.2); // expect: 3.3000000000000003
print(123.456); // expect: 123.456
print(-123.456); // expect: -123.456
print(4.35 * 100); // expect: 434.99999999999994
print(1.5 + 1.5); // expect: 3
print(0.5 + 0.25); // expect: 0.75
print(9.95); // expect: 9.95
print(1 / 1024); // expect: 0.0009765625
print(3.0000000000000004); // expect: 3.0000000000000004
print(0.000001234); // expect: 0.000001234
print(5e-324); // expect: 5e-324
print(1.7976931348623157e308); // expect: 1.7976931348623157e+308
print(2.2250738585072014e-308); // expect: 2.2250738585072014e-308
// Next to a tie: 2^-24's 16-digit rounding (...062) reads back as another double; ...063 is
// the shortest string that reads back as 2^-24.
print(2 ** -24, 2 ** -1022, (1 + 1073741823) % (1 / 3)); // expect: 5.960464477539063e-8 2.2250738585072014e-308 5.960464477539063e-8
