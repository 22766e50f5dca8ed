// break and continue inside try and catch run the finally block first; break or continue
// inside finally discards a pending exception or return.
let log = '';
for (let i = 0; i < 4; i++) {
  try {
    if (i === 1) continue;
    if (i === 3) break;
    log += 't' + i;
  } finally {
    log += 'f' + i + ' ';
  }
}
print(log); // expect: t0f0 f1 t2f2 f3 
log = '';
for (let i = 0; i < 3; i++) {
  try {
    throw i;
  } catch (e) {
    if (e === 0) continue;
    if (e === 2) break;
    log += 'c' + e;
  } finally {
    log += 'f' + i + ' ';
  }
}
print(log); // expect: f0 c1f1 f2 
function swallow() {
  for (let i = 0; i < 3; i++) {
    try {
      throw new Error('dropped ' + i);
    } finally {
      if (i < 2) continue;
      break;
    }
  }
  return 'survived';
}
print(swallow()); // expect: survived
function overrideReturn() {
  let n = 0;
  while (true) {
    try {
      n++;
      return 'returned';
    } finally {
      if (n < 3) continue;
      break;
    }
  }
  return 'after loop ' + n;
}
print(overrideReturn()); // expect: after loop 3
let w = 0;
do {
  try {
    w++;
    if (w < 3) continue;
  } finally {
    log = 'do ' + w;
  }
} while (w < 3);
print(log); // expect: do 3

export function afterResume() {
  print(swallow(), overrideReturn()); // expect: survived after loop 3
}
