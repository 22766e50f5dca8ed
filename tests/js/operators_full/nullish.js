// ?? takes the right side only for null and undefined (not 0, '', false, NaN); ??=
// assigns only then, and evaluates the right side only then.
print(null ?? 'd', undefined ?? 'd', 0 ?? 'd', '' ?? 'd', false ?? 'd'); // expect: d d 0  false
print(NaN ?? 'd', (null ?? undefined) ?? 'last'); // expect: NaN last
let calls = 0;
const side = () => { calls++; return 'side'; };
print(1 ?? side(), calls); // expect: 1 0
print(null ?? side(), calls); // expect: side 1
print((null || 0) ?? 'x', null ?? (0 || 'y')); // expect: 0 y
let a = null;
a ??= 'set';
print(a); // expect: set
a ??= side();
print(a, calls); // expect: set 1
const o = { x: 0, y: undefined };
o.x ??= 5;
o.y ??= 6;
o['z'] ??= 7;
print(o.x, o.y, o.z); // expect: 0 6 7
let b = 0;
b ||= 'or';
let c = 1;
c &&= 'and';
print(b, c); // expect: or and

export function afterResume() {
  let d;
  d ??= o.y ?? 'none';
  print(d, o.missing ?? 'fallback'); // expect: 6 fallback
}
