// RegExp does not exist in the subset: the constructor is refused at compile time, like literals.
const r = new RegExp('a+'); // expect compile error: RegExp is not supported
print(r);
