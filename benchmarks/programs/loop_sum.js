// Sum of 1..1,000,000: a tight loop whose sum (5e11) outgrows 32-bit integers.
// expect: loop_sum 500000500000
export function run() {
  let s = 0;
  for (let i = 1; i <= 1000000; i++) {
    s = s + i;
  }
  print('loop_sum ' + s);
  return s;
}
