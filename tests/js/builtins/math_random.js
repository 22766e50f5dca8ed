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
// Spread evenly: the mean within 7 standard deviations of 1/2, every tenth of [0, 1) hit at
// least half as often as expected (the MCU profile has its own 32-bit generator).
function even(n) {
  const tenths = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const r = Math.random();
    sum += r;
    tenths[Math.floor(r * 10)]++;
  }
  return Math.abs(sum / n - 0.5) < 0.05 && tenths.every(t => t > n / 20);
}
print(even(2000)); // expect: true
const dice = Math.floor(Math.random() * 6) + 1;
print(dice >= 1 && dice <= 6 && Number.isInteger(dice)); // expect: true

export function afterResume() {
  print(check(200)); // expect: true
}
