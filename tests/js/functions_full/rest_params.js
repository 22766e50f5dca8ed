// Rest parameters collect the remaining arguments into a real array (empty when none).
function tail(first, ...rest) {
  return first + ':' + rest.length + ':' + rest.join(',');
}
print(tail(1), tail(1, 2), tail(1, 2, 3, 4)); // expect: 1:0: 1:1:2 1:3:2,3,4
const sum = (...nums) => nums.reduce((a, b) => a + b, 0);
print(sum(), sum(5), sum(1, 2, 3, 4)); // expect: 0 5 10
function kinds(...xs) { return Array.isArray(xs) + ' ' + xs.map((x) => typeof x).join(','); }
print(kinds(1, 'a', null, undefined)); // expect: true number,string,object,undefined
function withDefault(a = 'A', ...more) { return a + more.length; }
print(withDefault(), withDefault(undefined, 1, 2)); // expect: A0 A2
function mutate(...r) { r.push('x'); return r; }
const got = mutate(1);
print(got.length, got[1]); // expect: 2 x
const o = { join(sep, ...parts) { return parts.join(sep); } };
print(o.join('-', 'a', 'b', 'c')); // expect: a-b-c
let kept;
function keep(...args) { kept = args; }
keep('snap', 'shot');

export function afterResume() {
  print(kept.join(' '), kept.length); // expect: snap shot 2
  print(tail('z', ...kept)); // expect: z:2:snap,shot
}
