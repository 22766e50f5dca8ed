// Infinity arithmetic.
print(Infinity); // expect: Infinity
print(-Infinity); // expect: -Infinity
print(1 / 0); // expect: Infinity
print(-1 / 0); // expect: -Infinity
print(1e308 * 10); // expect: Infinity
print(-1e308 * 10); // expect: -Infinity
print(Infinity + 1); // expect: Infinity
print(Infinity - Infinity); // expect: NaN
print(Infinity * 0); // expect: NaN
print(Infinity * -1); // expect: -Infinity
print(Infinity / Infinity); // expect: NaN
print(1 / Infinity); // expect: 0
print(Infinity === Infinity); // expect: true
print(Infinity > 1.7976931348623157e308); // expect: true
print(-Infinity < -1.7976931348623157e308); // expect: true
print(Infinity % 2); // expect: NaN
print(5 % Infinity); // expect: 5
print(Infinity | 0, -Infinity | 0, Infinity >>> 0); // expect: 0 0 0
print(typeof Infinity); // expect: number
print(2 ** 1024); // expect: Infinity
print(Infinity ** 0); // expect: 1
print(+'Infinity', +'-Infinity'); // expect: Infinity -Infinity
print('' + Infinity); // expect: Infinity
