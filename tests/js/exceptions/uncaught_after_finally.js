// finally blocks run while an uncaught exception unwinds, then the program ends.
function inner() {
  try {
    throw new RangeError('escaping');
  } finally {
    print('inner finally'); // expect: inner finally
  }
}
function outer() {
  try {
    inner();
  } finally {
    print('outer finally'); // expect: outer finally
  }
}
try {
  outer();
} finally {
  print('top-level finally'); // expect: top-level finally
}
print('not reached');
// expect runtime error: RangeError: escaping
