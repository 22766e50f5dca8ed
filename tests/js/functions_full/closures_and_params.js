// Default, rest and spread together with closures: defaults can capture, rest arrays are
// captured per call, and everything survives a snapshot.
function makeAdder(base = 10, ...extra) {
  const bonus = extra.reduce((a, b) => a + b, 0);
  return (x = 1) => base + bonus + x;
}
const a = makeAdder();
const b = makeAdder(100, 1, 2);
print(a(), a(5), b(), b(0)); // expect: 11 15 104 103
function memo(fn, cache = {}) {
  return (k) => (k in cache ? 'hit ' + cache[k] : 'miss ' + (cache[k] = fn(k)));
}
const sq = memo((n) => n * n);
print(sq(3), sq(3), sq(4)); // expect: miss 9 hit 9 miss 16
const partial = (f, ...first) => (...rest) => f(...first, ...rest);
const join3 = (x, y, z) => [x, y, z].join('-');
const j = partial(join3, 'a');
print(j('b', 'c'), partial(join3, 1, 2)(3)); // expect: a-b-c 1-2-3

export function afterResume() {
  print(a(2), b(2), sq(3), sq(5), j("x", "y")); // expect: 12 105 hit 9 miss 25 a-x-y
}
