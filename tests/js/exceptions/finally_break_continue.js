// finally runs when break or continue leaves a try block inside a loop.
let log = '';
for (let i = 0; i < 4; i++) {
  try {
    if (i === 1) continue;
    if (i === 3) break;
    log += 'body' + i + ';';
  } finally {
    log += 'fin' + i + ';';
  }
}
print(log); // expect: body0;fin0;fin1;body2;fin2;fin3;
log = '';
let n = 0;
while (true) {
  try {
    n++;
    if (n === 3) break;
  } finally {
    log += n;
  }
}
print(log, n); // expect: 123 3
function breakInFinally() {
  for (let i = 0; i < 3; i++) {
    try {
      throw 'dropped';
    } finally {
      break;
    }
  }
  return 'break in finally discarded the exception';
}
print(breakInFinally()); // expect: break in finally discarded the exception
function returnFromLoop() {
  let out = '';
  for (let i = 0; i < 5; i++) {
    try {
      try {
        if (i === 2) return out + 'return at 2';
      } finally {
        out += 'in' + i + ',';
      }
    } finally {
      out += 'out' + i + ';';
    }
  }
  return 'not reached';
}
print(returnFromLoop()); // expect: in0,out0;in1,out1;return at 2
log = '';
for (let i = 0; i < 2; i++) {
  for (let j = 0; j < 3; j++) {
    try {
      if (j === 1) break;
      log += '' + i + j;
    } finally {
      log += 'f';
    }
  }
}
print(log); // expect: 00ff10ff
