// Regular expression literals stay outside the subset, also as arguments.
const parts = 'a,b'.split(/,/); // expect compile error: not supported
print(parts.length);
