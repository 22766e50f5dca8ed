// Number.isNaN/isFinite/isInteger/isSafeInteger (no conversion) and the Number constants.
print(Number.isNaN(NaN), Number.isNaN("abc"), Number.isFinite(5), Number.isFinite("5")); // expect: true false true false
print(Number.isInteger(5), Number.isInteger(5.5), Number.isInteger(-0), Number.isInteger(1e300)); // expect: true false true true
print(Number.isSafeInteger(2 ** 53 - 1), Number.isSafeInteger(2 ** 53), Number.isInteger("5")); // expect: true false false
print(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.EPSILON, Number.MAX_VALUE); // expect: 9007199254740991 -9007199254740991 2.220446049250313e-16 1.7976931348623157e+308
print(Number.MIN_VALUE, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN); // expect: 5e-324 Infinity -Infinity NaN
print(0.1 + 0.2 - 0.3 < Number.EPSILON, Number.MAX_SAFE_INTEGER + 2); // expect: true 9007199254740992
