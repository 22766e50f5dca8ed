// eval as a value (indirect eval) is refused too.
const e = eval; // expect compile error: not supported
print(e('1'));
