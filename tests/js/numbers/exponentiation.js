// The ** operator (right associative, exact where the result is representable).
print(2 ** 10); // expect: 1024
print(3 ** 3); // expect: 27
print((-2) ** 3); // expect: -8
print((-2) ** 2); // expect: 4
print(2 ** -1); // expect: 0.5
print(2 ** -2); // expect: 0.25
print(2 ** 0.5); // expect: 1.4142135623730951
print(0 ** 0); // expect: 1
print(5 ** 0); // expect: 1
print(0 ** 5); // expect: 0
print(2 ** 3 ** 2); // expect: 512
print((2 ** 3) ** 2); // expect: 64
print(-(2 ** 2)); // expect: -4
print(10 ** 15); // expect: 1000000000000000
print(1.5 ** 2); // expect: 2.25
print((-8) ** 0.5); // expect: NaN
print(1 ** Infinity); // expect: NaN
print(0 ** -1); // expect: Infinity
let p = 3;
p **= 4;
print(p); // expect: 81
print(2 ** 30, 2 ** 31 - 1); // expect: 1073741824 2147483647
