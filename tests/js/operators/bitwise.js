// & | ^ convert operands with ToInt32 (wrapping modulo 2^32) and give signed 32-bit results.
print(5 & 3, 5 | 3, 5 ^ 3); // expect: 1 7 6
print(-1 & 255, -1 | 0, -1 ^ 0); // expect: 255 -1 -1
print(0xFFFFFFFF | 0); // expect: -1
print(4294967295 & 1); // expect: 1
print(2 ** 31 | 0); // expect: -2147483648
print(2 ** 32 | 0, (2 ** 32 + 5) | 0); // expect: 0 5
print((2 ** 32 + 2 ** 31) | 0); // expect: -2147483648
print(-2147483649 | 0); // expect: 2147483647
print(1.9 | 0, -1.9 | 0); // expect: 1 -1
print(1e10 | 0); // expect: 1410065408
print(-1e10 | 0); // expect: -1410065408
print(2 ** 53 | 0, (2 ** 53 + 2) | 0); // expect: 0 2
print(1e21 | 0); // expect: -559939584
print(0x7FFFFFFF & 0x80000000); // expect: 0
print(0x80000000 | 0x7FFFFFFF); // expect: -1
print(0x12345678 ^ 0xFFFFFFFF); // expect: -305419897
print('12' & '10', '3' | null); // expect: 8 3
print(true | false, true & true); // expect: 1 1
print(1073741823 | 1073741824); // expect: 2147483647
print(1073741824 ^ -1073741824); // expect: -2147483648
let h = 0;
const str = 'hash me';
for (let i = 0; i < str.length; i++) h = (h * 31 + (i + 1) * 7) | 0;
print(h); // expect: -1956337636
