// Math.min, max, pow and sqrt, with no arguments, NaN, negative zero and conversions.
print(Math.max(1, 3, 2), Math.min(1, 3, 2), Math.max(), Math.min()); // expect: 3 1 -Infinity Infinity
print(Math.max(1, NaN, 3), Math.min('4', 2), Math.max('10', 9)); // expect: NaN 2 10
print(1 / Math.max(-0, 0), 1 / Math.min(0, -0)); // expect: Infinity -Infinity
print(Math.max(-1073741824, 2 ** 31), Math.min(-(2 ** 31), 0.5)); // expect: 2147483648 -2147483648
print(Math.pow(2, 10), Math.pow(2, 0.5), Math.pow(-8, 1 / 3), Math.pow(NaN, 0), Math.pow(4, -0.5)); // expect: 1024 1.4142135623730951 NaN 1 0.5
print(Math.sqrt(16), Math.sqrt(2), Math.sqrt(-1), Math.sqrt(Infinity), 1 / Math.sqrt(-0)); // expect: 4 1.4142135623730951 NaN Infinity -Infinity
print(Math.sqrt('9'), Math.pow('3', '3'), Math.max(true, false)); // expect: 3 27 1
print(typeof Math, typeof Math.max, Math.max.length); // expect: object function 2
const hyp = (a, b) => Math.sqrt(a * a + b * b);
print(hyp(3, 4), hyp(5, 12)); // expect: 5 13

export function afterResume() {
  print(Math.max(...[3, 9, 4]), Math.pow(hyp(3, 4), 2)); // expect: 9 25
}
