// Compound assignment and ++/-- on dot and computed members.
const o = { n: 1, s: 'x' };
o.n += 10;
o.s += 'y';
print(o.n, o.s); // expect: 11 xy
print(o.n++, o.n); // expect: 11 12
print(++o.n, o.n); // expect: 13 13
print(o.n--, --o.n); // expect: 13 11
const k = 'n';
print(o[k]++, o[k]); // expect: 11 12
print(++o[k]); // expect: 13
o[k] *= 2;
print(o.n); // expect: 26
const a = [1, 2, 3];
a[0] += 2;
a[1] *= 10;
a[2] **= 2;
print(a[0], a[1], a[2]); // expect: 3 20 9
let i = 0;
a[i++] += 100;
print(a[0], i); // expect: 103 1
print(a[i]++, a[i]); // expect: 20 21
o.missing += 1;
print(o.missing); // expect: NaN
o.fresh = o.fresh ?? 0;
o.fresh++;
print(o.fresh); // expect: 1
const counts = {};
const letters = 'abcab';
for (let j = 0; j < letters.length; j++) {
  const ch = letters[j];
  counts[ch] = (counts[ch] || 0) + 1;
}
print(counts.a, counts.b, counts.c); // expect: 2 2 1
const nested = { inner: { v: [5] } };
nested.inner.v[0] -= 7;
nested['inner']['v'][0]--;
print(nested.inner.v[0]); // expect: -3
