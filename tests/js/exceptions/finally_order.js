// finally runs after try (and after catch), whether or not something was thrown.
function run(shouldThrow) {
  let log = '';
  try {
    log += 'try;';
    if (shouldThrow) throw 'x';
    log += 'try-end;';
  } catch (e) {
    log += 'catch;';
  } finally {
    log += 'finally;';
  }
  log += 'after;';
  return log;
}
print(run(false)); // expect: try;try-end;finally;after;
print(run(true)); // expect: try;catch;finally;after;
let log = '';
try {
  try {
    log += 'a;';
    throw 'propagates';
  } finally {
    log += 'finally runs before outer catch;';
  }
} catch (e) {
  log += 'outer catch ' + e + ';';
}
print(log); // expect: a;finally runs before outer catch;outer catch propagates;
function withReturn() {
  try {
    return 'from try';
  } finally {
    print('finally before return completes'); // expect: finally before return completes
  }
}
print(withReturn()); // expect: from try
function catchThrows() {
  try {
    throw 'first';
  } catch (e) {
    throw 'from catch';
  } finally {
    print('finally after a throwing catch'); // expect: finally after a throwing catch
  }
}
try {
  catchThrows();
} catch (e) {
  print(e); // expect: from catch
}
function finallyThrows() {
  try {
    throw 'original';
  } finally {
    throw 'replaced by finally';
  }
}
try {
  finallyThrows();
} catch (e) {
  print(e); // expect: replaced by finally
}
