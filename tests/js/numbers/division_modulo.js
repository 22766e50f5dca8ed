// Division and remainder with negatives, fractions and zero.
print(7 % 3); // expect: 1
print(-7 % 3); // expect: -1
print(7 % -3); // expect: 1
print(-7 % -3); // expect: -1
print(6 % 3); // expect: 0
print(5.5 % 2); // expect: 1.5
print(-5.5 % 2); // expect: -1.5
print(0.3 % 0.1); // expect: 0.09999999999999998
print(5 % 0); // expect: NaN
print(0 % 5); // expect: 0
print(2147483648 % 10); // expect: 8
print(-2147483648 % 10); // expect: -8
print(1e17 % 7); // expect: 5
print(10 / 4); // expect: 2.5
print(-10 / 4); // expect: -2.5
print(1 / 8); // expect: 0.125
print(0 / 0); // expect: NaN
print(-2147483648 / -1); // expect: 2147483648
print(-1073741824 / -1); // expect: 1073741824
print(9 / 3 === 3); // expect: true
let i = 17;
i %= 5;
print(i); // expect: 2
i /= 4;
print(i); // expect: 0.5
