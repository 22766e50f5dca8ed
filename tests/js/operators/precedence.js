// Operator precedence and associativity.
print(1 + 2 * 3); // expect: 7
print((1 + 2) * 3); // expect: 9
print(10 - 4 - 3); // expect: 3
print(10 - (4 - 3)); // expect: 9
print(64 / 4 / 2); // expect: 8
print(2 * 3 % 4); // expect: 2
print(2 ** 3 ** 2); // expect: 512
print(-2 * -3 + 1); // expect: 7
print(1 + 2 < 4); // expect: true
print(1 < 2 === 2 < 3); // expect: true
print(1 | 2 ^ 3 & 4); // expect: 3
print(1 + 2 << 1); // expect: 6
print(5 & 3 === 3); // expect: 1
print(true || false && false); // expect: true
print((true || false) && false); // expect: false
print(1 === 1 ? 'a' : 'b' + 'c'); // expect: a
print(!0 + 1); // expect: 2
print(typeof 'a' + 'b'); // expect: stringb
let a = 1;
let b = 2;
a = b = 5;
print(a, b); // expect: 5 5
print(1 + - + + + - + 1); // expect: 2
print(2 * (3 + 4) ** 2 / 7); // expect: 14
