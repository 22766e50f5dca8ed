// String concatenation: 1,000 appends of 'abc' (3,000 bytes: Microvium's strings stop at 4,095).
// Checked against the same string built as 100 pieces of 10 appends.
// expect: concat true
export function run() {
  let s = '';
  for (let i = 0; i < 1000; i++) {
    s = s + 'abc';
  }
  let piece = '';
  for (let i = 0; i < 10; i++) {
    piece = piece + 'abc';
  }
  let t = '';
  for (let i = 0; i < 100; i++) {
    t = t + piece;
  }
  print('concat ' + (s === t));
  return s === t;
}
