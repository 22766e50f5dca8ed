// Nested try statements: the innermost handler catches first.
try {
  try {
    throw 'inner';
  } catch (e) {
    print('inner catch', e); // expect: inner catch inner
  }
  print('between'); // expect: between
  throw 'outer';
} catch (e) {
  print('outer catch', e); // expect: outer catch outer
}
try {
  try {
    throw new Error('from inner try');
  } finally {
    print('inner finally'); // expect: inner finally
  }
} catch (e) {
  print('outer caught', e.message); // expect: outer caught from inner try
}
try {
  try {
    throw 1;
  } catch (e) {
    throw e + 1;
  }
} catch (e) {
  print('second level got', e); // expect: second level got 2
}
function level(n) {
  try {
    if (n === 0) throw 'bottom';
    return level(n - 1);
  } catch (e) {
    if (n < 3) throw e + '<' + n;
    return 'stopped at ' + n + ': ' + e;
  }
}
print(level(5)); // expect: stopped at 3: bottom<0<1<2
