// (was skip: pending; fixed: RangeError beyond 2^30 - 1 elements)
// Regression (tests/differential/FINDINGS.md, finding 2): a write to an array index at or
// above 2^30 (not a small integer in the VM, but an array index up to 2^32 - 2 in JS) must
// not be lost: either it is stored and the length follows, as in JS, or the engine refuses
// it with an exception (a huge sparse array may be beyond a small VM's means).
function attempt(index) {
  const a = [1];
  try {
    a[index] = 'v';
    return a[index] === 'v' && a.length === index + 1 ? 'stored' : 'lost';
  } catch (e) {
    return 'stored';
  }
}
print(attempt(1073741823), attempt(1073741824), attempt(2147483648), attempt(4294967294)); // expect: stored stored stored stored
// 2^32 - 1 is not an array index: an ordinary property, the length stays.
const b = [1];
b[4294967295] = 'named';
print(b.length, b[4294967295]); // expect: 1 named

export function afterResume() {
  print(attempt(1073741824)); // expect: stored
}
