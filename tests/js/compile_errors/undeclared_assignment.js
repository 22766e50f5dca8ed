// Assigning to a variable declared nowhere is rejected by the compiler.
let declared = 1;
undeclaredVariable = declared + 1; // expect compile error: undeclared
print(declared);
