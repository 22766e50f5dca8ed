// Unbounded recursion throws a catchable RangeError; the program keeps working afterwards,
// also when the recursion goes through methods and closures.
function down(n) { return down(n + 1) + 1; }
try {
  down(0);
} catch (e) {
  print(e instanceof RangeError); // expect: true
}
const o = { m() { return this.m(); } };
try {
  o.m();
} catch (e) {
  print(e.name); // expect: RangeError
}
let depth = 0;
function measured() { depth++; measured(); }
try { measured(); } catch (e) { print(depth > 50); } // expect: true
print('still running'); // expect: still running

export function afterResume() {
  try {
    down(0);
  } catch (e) {
    print('after resume', e instanceof RangeError); // expect: after resume true
  }
}
