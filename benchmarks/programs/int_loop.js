// A nested loop (1000 x 1000) whose values all stay small integers (below 8192, so even
// Microvium's 14-bit inline integers never box): pure interpreter dispatch.
// expect: int_loop 4064
export function run() {
  let s = 0;
  for (let i = 0; i < 1000; i++) {
    for (let j = 0; j < 1000; j++) {
      s = (s + (i ^ j)) & 4095;
    }
  }
  print('int_loop ' + s);
  return s;
}
