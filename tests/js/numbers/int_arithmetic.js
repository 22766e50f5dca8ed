// Integer arithmetic that stays in small-integer range.
print(1 + 2); // expect: 3
print(10 - 25); // expect: -15
print(6 * 7); // expect: 42
print(-6 * 7); // expect: -42
print(-6 * -7); // expect: 42
print(12 / 4); // expect: 3
print(7 / 2); // expect: 3.5
print(-7 / 2); // expect: -3.5
print(2 + 3 * 4); // expect: 14
print((2 + 3) * 4); // expect: 20
print(100 - 10 - 1); // expect: 89
print(100 / 10 / 2); // expect: 5
let a = 17;
let b = 5;
print(a + b, a - b, a * b, a / b, a % b); // expect: 22 12 85 3.4 2
print(-a); // expect: -17
print(- -a); // expect: 17
let x = 0.5;
x = x + 0.5;
print(x, x === 1); // expect: 1 true
print(3 / 3 + 1); // expect: 2
print(0.25 * 4); // expect: 1
