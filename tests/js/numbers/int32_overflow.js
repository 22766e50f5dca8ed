// Integer results beyond 32 bits become (exact or rounded) doubles, never wrap around.
print(2147483647 + 1); // expect: 2147483648
print(-2147483648 - 1); // expect: -2147483649
print(2147483647 * 2); // expect: 4294967294
print(65536 * 65536); // expect: 4294967296
print(46341 * 46341); // expect: 2147488281
print(-46341 * 46341); // expect: -2147488281
print(2 ** 31); // expect: 2147483648
print(-(2 ** 31)); // expect: -2147483648
print(2 ** 32); // expect: 4294967296
print(123456789 * 987654321); // expect: 121932631112635260
print(4294967295 + 1); // expect: 4294967296
let n = 1;
for (let i = 0; i < 40; i++) n = n * 2;
print(n); // expect: 1099511627776
let m = -1;
for (let i = 0; i < 40; i++) m *= 2;
print(m); // expect: -1099511627776
let s = 0;
for (let i = 0; i < 100; i++) s += 100000000;
print(s); // expect: 10000000000
print(2147483648 - 1); // expect: 2147483647
print(2147483647 - -1); // expect: 2147483648
print(-(-2147483648)); // expect: 2147483648
