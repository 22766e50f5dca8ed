// Math reached only after a resume, and Math functions stored in the heap before the snapshot.
const fns = { floor: Math.floor, max: Math.max };
const pi = Math.PI;
print(fns.floor(2.5), pi); // expect: 2 3.141592653589793
export function afterResume() {
  print(fns.floor(-2.5), fns.max(1, 9, 4), pi === Math.PI); // expect: -3 9 true
  print(Math.round(7.5), Math.sqrt(81), Math.abs(-1)); // expect: 8 9 1
  const r = Math.random();
  print(r >= 0 && r < 1); // expect: true
}
