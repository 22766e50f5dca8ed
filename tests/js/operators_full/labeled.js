// Labeled break and continue: out of nested loops, to the next iteration of an outer loop,
// out of a labeled block, and through try/finally.
let out = '';
outer: for (let i = 0; i < 4; i++) {
  for (let j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    out += i + '' + j + ' ';
  }
}
print(out); // expect: 00 01 10 11 20 21 
let n = 0;
loop: while (true) {
  do {
    n++;
    if (n > 5) break loop;
  } while (n % 2);
}
print(n); // expect: 6
block: {
  print('in block'); // expect: in block
  if (n > 0) break block;
  print('not reached');
}
const fs = [];
rows: for (let r = 0; r < 3; r++) {
  for (let c = 0; c < 3; c++) {
    if (c > r) continue rows;
    fs.push(() => r * 10 + c);
  }
}
print(fs.map((f) => f()).join(',')); // expect: 0,10,11,20,21,22
let log = '';
a: for (let i = 0; i < 3; i++) {
  try {
    for (;;) {
      try {
        if (i === 1) continue a;
        if (i === 2) break a;
        break;
      } finally {
        log += 'f' + i;
      }
    }
    log += 'x' + i;
  } finally {
    log += 'F' + i + ' ';
  }
}
print(log); // expect: f0x0F0 f1F1 f2F2 
let k = 0;
sw: switch (1) {
  case 1:
    for (;;) {
      k++;
      if (k === 3) break sw;
    }
  case 2:
    k = -1;
}
print(k); // expect: 3

export function afterResume() {
  let found = null;
  search: for (let i = 1; i < 10; i++) {
    for (let j = 1; j < 10; j++) {
      if (i * j === 42) { found = i + 'x' + j; break search; }
    }
  }
  print(found); // expect: 6x7
}
