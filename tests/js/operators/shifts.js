// << >> >>> use the low five bits of the shift count; >>> gives an unsigned result.
print(1 << 0, 1 << 1, 1 << 10); // expect: 1 2 1024
print(1 << 30); // expect: 1073741824
print(1 << 31); // expect: -2147483648
print(1 << 32, 1 << 33); // expect: 1 2
print(3 << 30); // expect: -1073741824
print(-1 << 31); // expect: -2147483648
print(0xFF << 24); // expect: -16777216
print(-16 >> 2, 16 >> 2); // expect: -4 4
print(-1 >> 31, -1 >> 0); // expect: -1 -1
print(-2147483648 >> 31); // expect: -1
print(5 >> 33); // expect: 2
print(-1 >>> 0); // expect: 4294967295
print(-1 >>> 28); // expect: 15
print(-1 >>> 31, -1 >>> 32); // expect: 1 4294967295
print(-16 >>> 2); // expect: 1073741820
print(2147483648 >>> 0, 4294967296 >>> 0); // expect: 2147483648 0
print(1 >>> 0, 0 >>> 0); // expect: 1 0
print((1 << 31) >>> 0); // expect: 2147483648
print(1 << -1); // expect: -2147483648
print(256 >> -28); // expect: 16
print(2.9 << 1, '8' >> '1'); // expect: 4 4
let x = 1;
x <<= 4;
print(x); // expect: 16
x >>= 2;
print(x); // expect: 4
x = -8;
x >>>= 1;
print(x); // expect: 2147483644
