// new Function(...) compiles source at run time: refused at compile time.
const add = new Function('a', 'b', 'return a + b'); // expect compile error: not supported
print(add(1, 2));
