// A regular expression literal inside a function that is never called is still refused:
// the check is at compile time.
function neverCalled(s) {
  return /^\d+$/.test(s); // expect compile error: not supported
}
print('compiled');
