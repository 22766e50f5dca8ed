// Math.random: numbers in [0, 1), not all the same; only the range is checked (the
// sequence is engine-specific). Also after resume.
function check(n) {
  let ok = true;
  let min = 1;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const r = Math.random();
    if (typeof r !== 'number' || !(r >= 0 && r < 1)) ok = false;
    if (r < min) min = r;
    if (r > max) max = r;
  }
  return ok && max > min;
}
print(check(200)); // expect: true
const dice = Math.floor(Math.random() * 6) + 1;
print(dice >= 1 && dice <= 6 && Number.isInteger(dice)); // expect: true

export function afterResume() {
  print(check(200)); // expect: true
}
