// Arrays of arrays: a small matrix.
const n = 4;
const m = [];
for (let i = 0; i < n; i++) {
  const row = [];
  for (let j = 0; j < n; j++) row.push(i * n + j);
  m.push(row);
}
print(m.length, m[0].length, m[3][3], m[2][1]); // expect: 4 4 15 9
function transpose(a) {
  const t = [];
  for (let j = 0; j < a[0].length; j++) {
    const row = [];
    for (let i = 0; i < a.length; i++) row.push(a[i][j]);
    t.push(row);
  }
  return t;
}
const t = transpose(m);
print(t[0][1], t[1][0], t[3][2]); // expect: 4 1 11
function mul(a, b) {
  const r = [];
  for (let i = 0; i < a.length; i++) {
    r.push([]);
    for (let j = 0; j < b[0].length; j++) {
      let s = 0;
      for (let k = 0; k < b.length; k++) s += a[i][k] * b[k][j];
      r[i][j] = s;
    }
  }
  return r;
}
const sq = mul(m, m);
print(sq[0][0], sq[3][3], sq[1][2]); // expect: 56 506 196
m[1][1] = 'x';
print(m[1][1], t[1][1]); // expect: x 5
const jagged = [[1], [2, 3], [4, 5, 6]];
let total = 0;
for (let i = 0; i < jagged.length; i++) for (let j = 0; j < jagged[i].length; j++) total += jagged[i][j];
print(total); // expect: 21
