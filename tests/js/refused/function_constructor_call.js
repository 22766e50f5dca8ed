// Function(...) without new is the same run-time compilation: refused.
const f = Function('return 1'); // expect compile error: not supported
print(f());
