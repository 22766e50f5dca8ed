// do-while runs its body at least once.
let i = 10;
do {
  print('body', i); // expect: body 10
  i++;
} while (i < 5);
print(i); // expect: 11
let j = 0;
do j += 2; while (j < 7);
print(j); // expect: 8
let k = 0;
let seen = '';
do {
  k++;
  if (k === 2) continue;
  seen += k;
} while (k < 4);
print(seen); // expect: 134
let m = 0;
do {
  m++;
  if (m > 2) break;
} while (true);
print(m); // expect: 3
