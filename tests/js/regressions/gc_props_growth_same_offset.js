// A property table that grows while the collector runs (GC stress mode: at every allocation)
// could be reallocated at the offset the old table had before the collection, and the object
// then kept the old table: the fifth property was lost. Found by the differential tester.
function build() {
  let s = 'v=undefined';
  s += 0.30000000000000004;
  const o = { a: 1, b: 0, c: 2, 'x y': (s <<= 0), m(q) { return q; } };
  print(typeof o.m, Object.keys(o).join());
}
build();
// expect: function a,b,c,x y,m
export function afterResume() {
  build();
}
// expect: function a,b,c,x y,m
