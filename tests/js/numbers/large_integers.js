// Integers up to and beyond 2^53 print without exponent below 1e21.
print(123456789012); // expect: 123456789012
print(-123456789012); // expect: -123456789012
print(2 ** 53); // expect: 9007199254740992
print(2 ** 53 + 1); // expect: 9007199254740992
print(2 ** 53 + 2); // expect: 9007199254740994
print(9007199254740993); // expect: 9007199254740992
print(2 ** 63); // expect: 9223372036854776000
print(2 ** 64); // expect: 18446744073709552000
print(12345678901234567890); // expect: 12345678901234567000
print(1e15 + 0.5); // expect: 1000000000000000.5
print(1e16 + 1); // expect: 10000000000000000
print(2 ** 53 === 2 ** 53 + 1); // expect: true
print(4294967296 * 4294967296); // expect: 18446744073709552000
let f = 1;
for (let i = 1; i <= 20; i++) f *= i;
print(f); // expect: 2432902008176640000
f *= 21;
print(f); // expect: 51090942171709440000
f *= 22;
print(f); // expect: 1.1240007277776077e+21
