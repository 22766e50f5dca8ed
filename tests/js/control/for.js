// for loops in several shapes.
let out = '';
for (let i = 0; i < 5; i++) out += i;
print(out); // expect: 01234
out = '';
for (let i = 10; i > 0; i -= 3) out += i + ';';
print(out); // expect: 10;7;4;1;
let j = 0;
for (; j < 3; ) j++;
print(j); // expect: 3
let n = 0;
for (;;) {
  if (++n >= 4) break;
}
print(n); // expect: 4
out = '';
for (let a = 0, b = 10; a < b; a++, b--) out += a + ':' + b + ',';
print(out); // expect: 0:10,1:9,2:8,3:7,4:6,
for (var v = 0; v < 3; v++) {}
print(v); // expect: 3
let total = 0;
for (let i = 0; i < 4; i++) {
  for (let j = 0; j < 4; j++) {
    total += i * j;
  }
}
print(total); // expect: 36
for (let i = 0; i < 0; i++) print('never');
print('done'); // expect: done
