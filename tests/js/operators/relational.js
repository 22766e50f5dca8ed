// < > <= >= with numbers, strings and mixed operands.
print(1 < 2, 2 < 1, 2 <= 2, 3 >= 4); // expect: true false true false
print(-1 < 0, -1.5 < -1); // expect: true true
print(1073741824 > 1073741823, 2147483648 > 2147483647); // expect: true true
print(-2147483649 < -2147483648); // expect: true
print('10' > 9, '10' > '9'); // expect: true false
print('3' < 12, '3' < '12'); // expect: true false
print(null < 1, null > -1, undefined < 1); // expect: true true false
print(true > false, true >= 1); // expect: true true
print('abc' < 1, 'abc' > 1); // expect: false false
print(Infinity > 1e308, -Infinity < -1e308); // expect: true true
print(0.1 + 0.2 > 0.3); // expect: true
print(0 <= -0, 0 >= -0, 0 < -0); // expect: true true false
print('' < 0, '' <= 0); // expect: false true
