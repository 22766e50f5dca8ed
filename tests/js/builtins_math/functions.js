// Math functions: rounding family, -0 and NaN edges, min/max with no or mixed arguments.
print(Math.floor(3.7), Math.floor(-3.2), Math.floor(5), Math.floor(-0.5)); // expect: 3 -4 5 -1
print(Math.ceil(3.2), Math.ceil(-3.7), Math.ceil(-0.5) === 0, 1 / Math.ceil(-0.5)); // expect: 4 -3 true -Infinity
print(Math.round(2.5), Math.round(-2.5), Math.round(0.49999999999999994), Math.round(-0.2)); // expect: 3 -2 0 0
print(1 / Math.round(-0.2), Math.round(1e300), Math.round(NaN), Math.round("3.6")); // expect: -Infinity 1e+300 NaN 4
print(Math.trunc(4.9), Math.trunc(-4.9), 1 / Math.trunc(-0.9), Math.trunc(Infinity)); // expect: 4 -4 -Infinity Infinity
print(Math.abs(-7.5), Math.abs(3), 1 / Math.abs(-0), Math.abs("-2"), Math.abs(null)); // expect: 7.5 3 Infinity 2 0
print(Math.sign(-3), Math.sign(0), 1 / Math.sign(-0), Math.sign(42), Math.sign(NaN)); // expect: -1 0 -Infinity 1 NaN
print(Math.max(1, 5, 3), Math.min(1, 5, 3), Math.max(), Math.min()); // expect: 5 1 -Infinity Infinity
print(Math.max(1, NaN, 3), Math.min("2", 1), 1 / Math.max(-0, 0), 1 / Math.min(0, -0)); // expect: NaN 1 Infinity -Infinity
print(Math.pow(2, 10), Math.pow(2, -1), Math.pow(4, 0.5), Math.pow(1, Infinity), Math.pow(NaN, 0)); // expect: 1024 0.5 2 NaN 1
print(Math.sqrt(16), Math.sqrt(2), Math.sqrt(-1), 1 / Math.sqrt(-0), Math.sqrt(Infinity)); // expect: 4 1.4142135623730951 NaN -Infinity Infinity
print(Math.floor(2 ** 40 + 0.5), Math.ceil(-(2 ** 35) - 0.5), Math.trunc(1e21)); // expect: 1099511627776 -34359738368 1e+21
