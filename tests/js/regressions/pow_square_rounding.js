// Regression (tests/differential/FINDINGS.md, finding 7): x ** 2 must be the correctly
// rounded x * x, as in V8. C's pow may round an exact tie the other way: 104080805 ** 2 is
// 10832813969448025, halfway between two doubles, and glibc's pow gave ...026, not ...024.
function squares() {
  let g = 2;
  const out = [];
  for (let i = 0; i < 4; i++) { g++; g **= 2; out.push(String(g)); }
  return out.join(' ');
}
print(104080805 ** 2, Math.pow(104080805, 2), 104080805 * 104080805); // expect: 10832813969448024 10832813969448024 10832813969448024
print(squares()); // expect: 9 100 10201 104080804
export function afterResume() {
  let x = 104080805;
  x **= 2;
  print(x, (-104080805) ** 2, squares()); // expect: 10832813969448024 10832813969448024 9 100 10201 104080804
}
