// parseInt and parseFloat: prefixes, radixes, whitespace, signs and what they stop at.
print(parseInt("42px"), parseInt("  -17 "), parseInt("0x1F"), parseInt("0x"), parseInt("abc")); // expect: 42 -17 31 NaN NaN
print(parseInt("ff", 16), parseInt("101", 2), parseInt("z", 36), parseInt("9", 8), parseInt("12", 1)); // expect: 255 5 35 NaN NaN
print(parseInt("0x10", 16), parseInt("0x10", 10), parseInt("  +3e5"), parseInt(15.99), parseInt("-0")); // expect: 16 0 3 15 0
print(1 / parseInt("-0"), parseInt("123456789012345678901234567890"), parseInt(""), parseInt("7", 0)); // expect: -Infinity 1.2345678901234568e+29 NaN 7
print(parseFloat("3.14abc"), parseFloat("  -.5e2x"), parseFloat("1e"), parseFloat("Infinityx")); // expect: 3.14 -50 1 Infinity
print(parseFloat("-Infinity"), parseFloat(".e1"), parseFloat("0x10"), parseFloat("1.5.6"), parseFloat("")); // expect: -Infinity NaN 0 1.5 NaN
print(Number.parseInt === parseInt, Number.parseFloat === parseFloat, ["1", "2", "3"].map(parseFloat).join()); // expect: true true 1,2,3
