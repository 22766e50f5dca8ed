// ++ and -- convert objects through valueOf, on locals (fused INC_LOCAL / DEC_LOCAL) as on
// any other target; they used to give NaN for a local.
function locals() {
  let o = { valueOf() { return 5; } };
  o++;
  let p = { valueOf() { return 5; } };
  p--;
  let s = '41';
  s++;
  let f = 1.5;
  f++;
  return [o, p, s, f].join();
}
print(locals()); // expect: 6,4,42,2.5
const obj = { n: { valueOf() { return 1; } } };
obj.n++;
print(obj.n); // expect: 2
let q = { valueOf() { return -3; } };
print(-q, ~q, +q); // expect: 3 2 -3

export function afterResume() {
  print(locals()); // expect: 6,4,42,2.5
}
