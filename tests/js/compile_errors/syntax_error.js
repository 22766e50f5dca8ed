// A syntax error: the whole file fails to compile, nothing runs.
print('never printed');
let x = ; // expect compile error: Unexpected token
