// Reading a top-level let before its initialisation is an uncaught ReferenceError.
print('start'); // expect: start
print(later);
let later = 1;
// expect runtime error: ReferenceError: Cannot access 'later' before initialization
