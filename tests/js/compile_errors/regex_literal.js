// Regular expression literals are outside the subset.
const r = /ab+c/; // expect compile error: not supported
print(r);
