// Destructuring catch parameters, and labeled break/continue through for-of, for-in and
// blocks, with finally blocks on the way out.
try {
  throw { code: 42, detail: { msg: 'bad' } };
} catch ({ code, detail: { msg }, missing = 'none' }) {
  print(code, msg, missing); // expect: 42 bad none
}
try {
  throw [1, [2, 3]];
} catch ([x, [, y]]) {
  print(x, y); // expect: 1 3
}
let log = '';
rows: for (const row of [[1, 2, 3], [4, 5, 6], [7, 8, 9]]) {
  for (const cell of row) {
    if (cell === 2) continue rows;
    if (cell === 8) break rows;
    log += cell;
  }
}
print(log); // expect: 14567
log = '';
keys: for (const k in { a: 1, b: 2, c: 3 }) {
  try {
    for (const ch of 'xyz') {
      if (ch === 'y') continue keys;
      log += k + ch;
    }
  } finally {
    log += '|';
  }
}
print(log); // expect: ax|bx|cx|
outer: {
  inner: {
    log = 'in';
    if (log) break outer;
    log = 'not here';
  }
  log = 'nor here';
}
print(log); // expect: in
let i = 0;
loop: while (true) {
  switch (i++) {
    case 0: continue loop;
    case 1: break;
    default: break loop;
  }
  log += i;
}
print(log, i); // expect: in2 3
