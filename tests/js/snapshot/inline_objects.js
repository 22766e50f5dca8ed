// The objects a program builds at build time hold their properties inline in the image (their
// values after the proto, their keys in a ROM list). Changing their set of keys after resume
// gives them an ordinary property table; collections then reclaim the inline room. Identity,
// prototype chains, freezing, accessors and key order survive all of it.
class Box {
  constructor(v) { this.v = v; this.w = v * 2; }
  sum() { return this.v + this.w; }
}
const boxes = [];
for (let i = 0; i < 8; i++) boxes.push(new Box(i));
const shape = { kind: 'circle', r: 2, get area() { return 3 * this.r * this.r; } };
const sealed = Object.freeze({ a: 1, b: { c: 3 } });
const base = { who: 'base', hello() { return 'hello ' + this.who; } };
const derived = Object.create(base);
derived.who = 'derived';
derived[5] = 'five';
derived[1] = 'one';
const alias = boxes[3];

function churn(n) {
  let t = 0;
  for (let i = 0; i < n; i++) t += [i, { i }].length;
  return t;
}

export function afterResume() {
  print(boxes[2].sum(), alias === boxes[3], shape.area, derived.hello(), Object.keys(derived).join()); // expect: 6 true 12 hello derived 1,5,who
  boxes[0].v = 10; // an existing key: written in place
  boxes[1].extra = 'x'; // a new key: an ordinary table from now on
  delete boxes[2].w; // a deleted key: the same
  shape.r = 3;
  derived.who = 'changed';
  derived.more = true;
  print(boxes[0].sum(), boxes[1].extra, boxes[2].w, boxes[2].sum(), shape.area, derived.hello()); // expect: 10 x undefined NaN 27 hello changed
  print(churn(20000)); // expect: 40000
  print(JSON.stringify(boxes.slice(0, 3)), alias === boxes[3], alias.sum()); // expect: [{"v":10,"w":0},{"v":1,"w":2,"extra":"x"},{"v":2}] true 9
  print(Object.keys(derived).join(), derived[5], 'who' in derived, 'hello' in derived); // expect: 1,5,who,more five true true
  for (let i = 3; i < 8; i++) boxes[i]['k' + i] = i;
  print(churn(20000), Object.keys(boxes[7]).join(), boxes[7].sum()); // expect: 40000 v,w,k7 21
  try { sealed.a = 2; } catch (e) { print(e instanceof TypeError, sealed.a, sealed.b.c); } // expect: true 1 3
  sealed.b.c = 4;
  print(Object.isFrozen(sealed), sealed.b.c, Object.keys(sealed).join()); // expect: true 4 a,b
  print(boxes.every(b => b instanceof Box), boxes.map(b => b.sum()).join()); // expect: true 10,3,NaN,9,12,15,18,21
}
