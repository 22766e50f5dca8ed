// Assigning to a const at top level ends the program with an uncaught TypeError.
const limit = 10;
print('before'); // expect: before
limit = 11;
print('not reached');
// expect runtime error: TypeError: Assignment to constant variable.
