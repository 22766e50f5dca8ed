// break inside switch leaves the switch only; continue inside switch continues the loop.
let out = '';
for (let i = 0; i < 6; i++) {
  switch (i % 3) {
    case 0:
      out += 'z';
      break;
    case 1:
      continue;
    default:
      out += 'd';
  }
  out += i;
}
print(out); // expect: z0d2z3d5
let n = 0;
let log = '';
while (n < 10) {
  n++;
  switch (n) {
    case 3:
      log += 'three;';
      break;
    case 5:
      log += 'five;';
      continue;
  }
  if (n === 6) break;
  log += n + ';';
}
print(log); // expect: 1;2;three;3;4;five;
print(n); // expect: 6
function firstNegative(arr) {
  for (let i = 0; i < arr.length; i++) {
    switch (true) {
      case arr[i] < 0:
        return i;
    }
  }
  return -1;
}
print(firstNegative([3, 1, -4, 1, -5])); // expect: 2
