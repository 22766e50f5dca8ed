// GC-heavy: 20,000 short-lived objects, each holding a small array; only a running sum survives.
// expect: gc_alloc 20000 60000
export function run() {
  let s = 0;
  let t = 0;
  for (let i = 0; i < 20000; i++) {
    const o = { a: i, b: [i, i + 1, i + 2] };
    s = s + (o.b[1] - o.a);
    t = t + (o.b[2] - o.b[0]) + 1;
  }
  print('gc_alloc ' + s + ' ' + t);
  return s;
}
