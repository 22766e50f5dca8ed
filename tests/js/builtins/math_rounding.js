// Math.floor, ceil, round, trunc, sign and abs, including halves, negative zero (shown as
// 1/x), NaN, infinities and values outside the int31/int32 ranges.
const neg = (x) => (x === 0 && 1 / x < 0 ? '-0' : '' + x);
print(Math.floor(1.5), Math.floor(-1.5), Math.floor(-0.5), neg(Math.floor(-0))); // expect: 1 -2 -1 -0
print(Math.ceil(1.2), Math.ceil(-1.2), neg(Math.ceil(-0.5)), Math.ceil(5)); // expect: 2 -1 -0 5
print(Math.round(2.5), Math.round(-2.5), Math.round(0.49999999999999994), neg(Math.round(-0.4))); // expect: 3 -2 0 -0
print(Math.round(1.5), Math.round(-1.5), Math.round(-0.5) === 0, Math.round(2 ** 52 + 0.5)); // expect: 2 -1 true 4503599627370496
print(Math.trunc(4.7), Math.trunc(-4.7), neg(Math.trunc(-0.9)), Math.trunc('12.9')); // expect: 4 -4 -0 12
print(Math.sign(-3), Math.sign(7), neg(Math.sign(-0)), Math.sign('x'), Math.sign(Infinity)); // expect: -1 1 -0 NaN 1
print(Math.abs(-5), Math.abs(5.5), neg(Math.abs(-0)), Math.abs(-2147483648), Math.abs(-Infinity)); // expect: 5 5.5 0 2147483648 Infinity
print(Math.floor(1e21), Math.floor(-2147483648.5), Math.ceil(1073741823.5), Math.floor(NaN)); // expect: 1e+21 -2147483649 1073741824 NaN
print(Math.floor(), Math.abs(null), Math.round('2.5'), Math.trunc(true)); // expect: NaN 0 3 1

export function afterResume() {
  print(Math.floor(-7 / 2), Math.round(7 / 2), Math.trunc(-7 / 2)); // expect: -4 4 -3
}
