// Number.isNaN and Number.isInteger (no conversion), parseFloat and parseInt (leading
// whitespace, prefixes, radix, trailing garbage).
print(Number.isNaN(NaN), Number.isNaN('NaN'), Number.isNaN(undefined), Number.isNaN(0 / 0)); // expect: true false false true
print(Number.isInteger(5), Number.isInteger(5.0), Number.isInteger(5.5), Number.isInteger('5')); // expect: true true false false
print(Number.isInteger(2 ** 53), Number.isInteger(Infinity), Number.isInteger(-0), Number.isInteger(1e300)); // expect: true false true true
print(Number.parseFloat === parseFloat, Number.parseInt === parseInt); // expect: true true
print(parseFloat('3.14abc'), parseFloat('  -0.5e2x'), parseFloat('.5'), parseFloat('abc')); // expect: 3.14 -50 0.5 NaN
print(parseFloat('Infinityx'), parseFloat('-Infinity'), parseFloat('1e1000'), parseFloat('0x10')); // expect: Infinity -Infinity Infinity 0
print(1 / parseFloat('-0'), parseFloat(''), parseFloat('\n 7')); // expect: -Infinity NaN 7
print(parseInt('42px'), parseInt('  -17'), parseInt('0x1F'), parseInt('1e3'), parseInt('3.99')); // expect: 42 -17 31 1 3
print(parseInt('ff', 16), parseInt('777', 8), parseInt('1010', 2), parseInt('z', 36), parseInt('12', 3)); // expect: 255 511 10 35 5
print(parseInt(''), parseInt('x'), parseInt('9', 8), parseInt('10', 37), parseInt('10', 1)); // expect: NaN NaN NaN NaN NaN
print(parseInt('123456789012345678901234567890'), parseInt('-0'), parseInt(null), parseInt('0x')); // expect: 1.2345678901234568e+29 0 NaN NaN
print(parseInt(15.99, 10), parseInt('11', 0), parseInt('  +8')); // expect: 15 11 8

export function afterResume() {
  print(parseInt('2147483648'), parseFloat('1.5e-7'), Number.isNaN(parseInt('q'))); // expect: 2147483648 1.5e-7 true
}
