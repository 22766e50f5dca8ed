// Property-heavy: 20,000 rounds of reads and writes of 8 named properties on one object.
// expect: props 274 773 918 258 32 391 321 817
export function run() {
  const o = { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8 };
  for (let i = 0; i < 20000; i++) {
    o.a = (o.b + o.c) & 1023;
    o.b = (o.c + o.d) & 1023;
    o.c = (o.d + o.e) & 1023;
    o.d = (o.e + o.f) & 1023;
    o.e = (o.f + o.g) & 1023;
    o.f = (o.g + o.h) & 1023;
    o.g = (o.h + o.a) & 1023;
    o.h = (o.a + i) & 1023;
  }
  print('props ' + o.a + ' ' + o.b + ' ' + o.c + ' ' + o.d + ' ' + o.e + ' ' + o.f + ' ' + o.g + ' ' + o.h);
  return o.a;
}
