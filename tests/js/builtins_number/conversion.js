// Number(x), String(x), Boolean(x) as conversion functions, and the global isNaN/isFinite.
print(Number("42"), Number(" 12.5 "), Number(""), Number("0x1f"), Number("1e3"), Number("abc")); // expect: 42 12.5 0 31 1000 NaN
print(Number(true), Number(null), Number(undefined), Number([]), Number([7]), Number([1, 2])); // expect: 1 0 NaN 0 7 NaN
print(Number(), Number("-0") === 0, 1 / Number("-0"), Number("Infinity"), Number("-Infinity")); // expect: 0 true -Infinity Infinity -Infinity
print(String(12.5), String(-0), String(null), String(undefined), String(true), String([1, [2, 3]])); // expect: 12.5 0 null undefined true 1,2,3
print(String(), String({}), String(1e21), String(123456789012), String(0.000001), String(1e-7)); // expect:  [object Object] 1e+21 123456789012 0.000001 1e-7
print(Boolean(""), Boolean("0"), Boolean(0), Boolean(NaN), Boolean({}), Boolean([]), Boolean()); // expect: false true false false true true false
print(isNaN("abc"), isNaN("12"), isNaN(undefined), isNaN(null), isFinite("12"), isFinite(Infinity)); // expect: true false true false true false
print(typeof Number, typeof String(5), Number.name, String.name, Boolean.length); // expect: function string Number String 1
