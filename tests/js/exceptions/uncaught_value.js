// An uncaught non-Error value is reported with its string conversion.
print('one'); // expect: one
print('two'); // expect: two
throw 42;
// expect runtime error: 42
