// Every compound assignment operator, on a variable, a dot member, a computed member and
// an array element.
let v = 7;
v += 3; print(v); // expect: 10
v -= 4; print(v); // expect: 6
v *= 5; print(v); // expect: 30
v /= 4; print(v); // expect: 7.5
v %= 2; print(v); // expect: 1.5
v **= 2; print(v); // expect: 2.25
v = 5;
v <<= 3; print(v); // expect: 40
v >>= 2; print(v); // expect: 10
v = -16;
v >>>= 28; print(v); // expect: 15
v &= 6; print(v); // expect: 6
v |= 9; print(v); // expect: 15
v ^= 5; print(v); // expect: 10
v &&= 'and'; print(v); // expect: and
v ||= 'or'; print(v); // expect: and
v = null;
v ??= 'nullish'; print(v); // expect: nullish
v += 1; print(v); // expect: nullish1

const o = { n: 2, s: 'a' };
o.n += 1; o.n *= 10; o.n -= 5; o.n /= 5; print(o.n); // expect: 5
o.n %= 3; o.n **= 3; o.n <<= 1; o.n >>= 2; print(o.n); // expect: 4
o.n >>>= 1; o.n &= 3; o.n |= 8; o.n ^= 1; print(o.n); // expect: 11
o.s += 'b'; o.s ||= 'x'; o.s &&= o.s + 'c'; print(o.s); // expect: abc
o.missing ??= 'filled'; print(o.missing); // expect: filled

const k = 'm';
o[k] = 1;
o[k] += 2; o[k] *= 3; o[k] -= 1; o[k] /= 2; o[k] %= 3; o[k] **= 2; print(o[k]); // expect: 1
o[k] <<= 4; o[k] >>= 1; o[k] >>>= 1; o[k] &= 12; o[k] |= 1; o[k] ^= 3; print(o[k]); // expect: 6
o[k] &&= 0; o[k] ||= 'z'; o['q' + k] ??= 'qm'; print(o[k], o.qm, o.n); // expect: z qm 11

const a = [1, 2, 3];
a[0] += 10; a[1] *= a[2]; a[2] **= 2; print(a.join(',')); // expect: 11,6,9
a[5] ??= 'new'; print(a.length, a[5]); // expect: 6 new
a[0] -= '1'; a[1] += '1'; print(a[0], a[1]); // expect: 10 61

export function afterResume() {
  o.n ^= 7; a[2] -= 9; v += '!';
  print(o.n, a[2], v); // expect: 12 0 nullish1!
}
