// Direct eval stays outside the subset: refused at compile time.
const x = 1;
print(eval('x + 1')); // expect compile error: not supported
