// Symbols do not exist in the subset.
const key = Symbol('k'); // expect compile error: Symbol is not supported
print(typeof key);
