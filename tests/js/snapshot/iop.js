// An object built at build time with a null prototype (a literal) holds its properties inline in
// the image without a word for the prototype (header, keys, values); one with a prototype (a
// class instance, Object.create) keeps the word. After resume every prototype operation sees
// the same objects: reading the prototype, walking the chain (lookups, `in`, for-in,
// instanceof), and giving an inline object a prototype, which makes it an ordinary object.
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  norm1() { return Math.abs(this.x) + Math.abs(this.y); }
}
const plain = { a: 1, b: 'two', c: [3] };
const points = [new Point(1, -2), new Point(-3, 4)];
const proto = { greet() { return 'hi ' + this.name; }, kind: 'proto' };
const child = Object.create(proto);
child.name = 'child';
const literals = [];
for (let i = 0; i < 4; i++) literals.push({ i, sq: i * i });
const failure = new RangeError('out of range');

function chainKeys(o) {
  const keys = [];
  for (const k in o) keys.push(k);
  return keys.join();
}

export function afterResume() {
  print(Object.getPrototypeOf(plain) === Object.prototype, plain.a, plain.b, plain.c[0]); // expect: true 1 two 3
  print(plain.toString(), 'a' in plain, 'toString' in plain, plain.hasOwnProperty('b')); // expect: [object Object] true true true
  print(points[0].norm1(), points[1].norm1(), points[1] instanceof Point, plain instanceof Point); // expect: 3 7 true false
  print(Object.getPrototypeOf(points[0]) === Point.prototype, child.greet(), child.kind, chainKeys(child)); // expect: true hi child proto name,greet,kind
  print(failure instanceof RangeError, failure instanceof Error, failure.message, String(failure)); // expect: true true out of range RangeError: out of range
  print(literals.map(o => o.i + ':' + o.sq).join(' '), chainKeys(literals[3])); // expect: 0:0 1:1 2:4 3:9 i,sq

  // A prototype given to an inline object without a prototype word.
  literals[1].__proto__ = proto;
  literals[2].__proto__ = points[0];
  print(literals[1].kind, literals[1].sq, chainKeys(literals[1])); // expect: proto 1 i,sq,greet,kind
  print(literals[2].norm1(), literals[2] instanceof Point, literals[2].i, Object.keys(literals[2]).join()); // expect: 3 true 2 i,sq
  print(Object.getPrototypeOf(literals[1]) === proto, Object.getPrototypeOf(literals[0]) === Object.prototype); // expect: true true
  literals[1].extra = 'e';
  delete literals[2].sq;
  const churn = [];
  for (let i = 0; i < 300; i++) churn.push({ i, s: 'x' + i });
  print(churn.length, literals[1].extra, literals[1].greet === proto.greet, Object.keys(literals[2]).join(), literals[2].x); // expect: 300 e true i 1
  // A cycle is still refused.
  try {
    proto.__proto__ = literals[1];
    print('no error');
  } catch (e) {
    print(e.name); // expect: TypeError
  }
  literals[3].__proto__ = null;
  print(Object.getPrototypeOf(literals[3]), 'toString' in literals[3], chainKeys(literals[3])); // expect: null false i,sq
}
