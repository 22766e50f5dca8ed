// break and continue in nested loops affect only the innermost loop.
let out = '';
for (let i = 0; i < 10; i++) {
  if (i % 2 === 0) continue;
  if (i > 7) break;
  out += i;
}
print(out); // expect: 1357
out = '';
for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 3; j++) {
    if (j === 1) continue;
    if (i === 1) break;
    out += '' + i + j + '|';
  }
}
print(out); // expect: 00|02|20|22|
let i = 0;
let evens = 0;
while (i < 10) {
  i++;
  if (i % 2) continue;
  evens++;
}
print(evens); // expect: 5
let found = -1;
const data = [4, 8, 15, 16, 23, 42];
for (let k = 0; k < data.length; k++) {
  if (data[k] > 10) {
    found = k;
    break;
  }
}
print(found, data[found]); // expect: 2 15
let count = 0;
for (let a = 0; a < 5; a++) {
  let b = 0;
  while (true) {
    b++;
    if (b > a) break;
    count++;
  }
}
print(count); // expect: 10
