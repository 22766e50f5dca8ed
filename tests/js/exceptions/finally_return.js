// A return in finally overrides the try's return value or its exception.
function f() {
  try {
    return 'try';
  } finally {
    return 'finally';
  }
}
print(f()); // expect: finally
function g() {
  try {
    throw new Error('lost');
  } finally {
    return 'swallowed';
  }
}
print(g()); // expect: swallowed
function h() {
  let i = 0;
  try {
    return i;
  } finally {
    i = 10;
  }
}
print(h()); // expect: 0
function k() {
  const o = { v: 'before' };
  try {
    return o;
  } finally {
    o.v = 'mutated in finally';
  }
}
print(k().v); // expect: mutated in finally
function nested() {
  let log = '';
  try {
    try {
      return 'inner';
    } finally {
      log += 'inner-finally;';
    }
  } finally {
    log += 'outer-finally;';
    print(log); // expect: inner-finally;outer-finally;
  }
}
print(nested()); // expect: inner
function catchReturn() {
  try {
    throw 1;
  } catch (e) {
    return 'catch';
  } finally {
    print('finally ran'); // expect: finally ran
  }
}
print(catchReturn()); // expect: catch
