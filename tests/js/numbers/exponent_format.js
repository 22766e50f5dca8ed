// Where number-to-string switches to exponent notation: at 1e21 and below 1e-6.
print(1e20); // expect: 100000000000000000000
print(1e21); // expect: 1e+21
print(-1e21); // expect: -1e+21
print(999999999999999900000); // expect: 999999999999999900000
print(1.5e21); // expect: 1.5e+21
print(1e22); // expect: 1e+22
print(123e20); // expect: 1.23e+22
print(1e100); // expect: 1e+100
print(0.000001); // expect: 0.000001
print(1e-6); // expect: 0.000001
print(1e-7); // expect: 1e-7
print(-1e-7); // expect: -1e-7
print(1.5e-7); // expect: 1.5e-7
print(0.0000015); // expect: 0.0000015
print(123e-20); // expect: 1.23e-18
print(1e-300 * 1e-10); // expect: 1e-310
print(10 ** 21); // expect: 1e+21
print(1e21 - 1e5); // expect: 999999999999999900000
