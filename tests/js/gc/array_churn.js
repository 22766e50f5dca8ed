// Growing and dropping arrays repeatedly.
let sum = 0;
let keep = null;
for (let round = 0; round < 200; round++) {
  const a = [];
  for (let i = 0; i < 500; i++) a.push(i + round);
  sum += a[499];
  if (round === 123) keep = a;
}
print(sum); // expect: 119700
print(keep.length, keep[0], keep[499]); // expect: 500 123 622
const matrix = [];
for (let r = 0; r < 300; r++) {
  const row = [];
  for (let c = 0; c < 300; c++) row.push(r * c);
  matrix.push(row);
}
print(matrix[299][299], matrix.length); // expect: 89401 300
