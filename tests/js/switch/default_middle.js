// default may appear anywhere; it is chosen only when no case matches, and falls through
// into the cases written after it.
function f(n) {
  let out = '';
  switch (n) {
    case 1:
      out += 'one,';
      break;
    default:
      out += 'default,';
    case 2:
      out += 'two,';
      break;
    case 3:
      out += 'three,';
  }
  return out;
}
print(f(1)); // expect: one,
print(f(2)); // expect: two,
print(f(3)); // expect: three,
print(f(9)); // expect: default,two,
function g(n) {
  switch (n) {
    default:
      return 'first default';
    case 'x':
      return 'x';
  }
}
print(g('x'), g('y')); // expect: x first default
function h(n) {
  let log = '';
  switch (n) {
    case 0: log += 'zero;';
    default: log += 'dflt;';
    case 5: log += 'five;';
  }
  return log;
}
print(h(0)); // expect: zero;dflt;five;
print(h(5)); // expect: five;
print(h(7)); // expect: dflt;five;
