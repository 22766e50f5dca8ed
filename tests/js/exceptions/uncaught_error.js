// An uncaught Error ends the program; output printed before it is kept.
print('before the throw'); // expect: before the throw
function fail() {
  throw new Error('boom');
}
fail();
print('never printed');
// expect runtime error: Error: boom
