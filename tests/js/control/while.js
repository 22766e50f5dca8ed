// while loops.
let i = 0;
while (i < 3) {
  print('i =', i);
  i++;
}
// expect: i = 0
// expect: i = 1
// expect: i = 2
print(i); // expect: 3
let n = 10;
while (n > 100) n++;
print(n); // expect: 10
let sum = 0;
let k = 1;
while (k <= 100) sum += k++;
print(sum); // expect: 5050
let steps = 0;
let v = 27;
while (v !== 1) {
  v = v % 2 === 0 ? v / 2 : 3 * v + 1;
  steps++;
}
print(steps); // expect: 111
let w = 0;
while (true) {
  w++;
  if (w === 7) break;
}
print(w); // expect: 7
