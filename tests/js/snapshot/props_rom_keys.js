// The objects a program builds at build time keep their keys in the image's ROM (a snapshot
// writes their properties as values alone, with a reference to a ROM list of keys shared by
// the objects with the same keys). Every way of reading and changing them works after resume.
const rows = [];
for (let i = 0; i < 3; i++) rows.push({ id: i, name: 'row' + i, tags: [i] });
const indexed = { 2: 'two', 0: 'zero', b: 'bee', 1: 'one', a: 'ay' };
const withAccessor = { base: 10, get double() { return this.base * 2; }, set double(v) { this.base = v / 2; } };
const frozen = Object.freeze({ x: 1, y: 2 });
function fn() { return 'fn'; }
fn.label = 'a function';
fn.count = 0;
const counter = (() => { let n = 0; const inc = () => ++n; inc.step = 1; return inc; })();
const arr = [1, 2, 3];
arr.extra = 'named';
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  norm1() { return Math.abs(this.x) + Math.abs(this.y); }
}
const p = new Point(3, -4);
const proto = { greet() { return 'hi ' + this.who; } };
const child = Object.create(proto);
child.who = 'child';

export function afterResume() {
  print(rows[1].id, rows[1].name, rows[2].tags[0], JSON.stringify(rows[0])); // expect: 1 row1 2 {"id":0,"name":"row0","tags":[0]}
  rows[0].name = 'first';
  print(rows[0].name, rows[1].name, Object.keys(rows[0]).join()); // expect: first row1 id,name,tags
  rows[1].extra = true;
  print(Object.keys(rows[1]).join(), Object.keys(rows[2]).join(), rows[1].extra, rows[2].extra); // expect: id,name,tags,extra id,name,tags true undefined
  delete rows[2].name;
  print(Object.keys(rows[2]).join(), rows[2].name, 'name' in rows[2], rows[0].name); // expect: id,tags undefined false first
  rows[2].name = 'back';
  print(JSON.stringify(rows[2])); // expect: {"id":2,"tags":[2],"name":"back"}
  const keys = [];
  for (const k in indexed) keys.push(k);
  print(keys.join(), indexed[0], indexed['2'], indexed.b); // expect: 0,1,2,b,a zero two bee
  print(withAccessor.double, Object.keys(withAccessor).join()); // expect: 20 base,double
  withAccessor.double = 50;
  print(withAccessor.base, withAccessor.hasOwnProperty('double')); // expect: 25 true
  // A class's methods are hidden (non-enumerable) properties of its prototype.
  print(Object.keys(Point.prototype).length, typeof Point.prototype.norm1); // expect: 0 function
  Point.prototype.norm1 = function () { return 0; };
  print(p.norm1(), Object.keys(Point.prototype).length); // expect: 0 0
  delete Point.prototype.norm1;
  print(typeof p.norm1); // expect: undefined
  try { frozen.x = 5; } catch (e) { print(e instanceof TypeError); } // expect: true
  print(frozen.x, Object.isFrozen(frozen), delete rows[0].id, rows[0].id); // expect: 1 true true undefined
  print(fn(), fn.label, fn.count, counter(), counter(), counter.step); // expect: fn a function 0 1 2 1
  fn.count++;
  delete fn.label;
  print(fn.count, fn.label, Object.keys(fn).join()); // expect: 1 undefined count
  print(arr.extra, arr.length, Object.keys(arr).join()); // expect: named 3 0,1,2,extra
  delete arr.extra;
  print(arr.extra, Object.keys(arr).join()); // expect: undefined 0,1,2
  print(p.x + p.y, p instanceof Point, child.greet(), Object.keys(child).join()); // expect: -1 true hi child who
  const copy = { ...rows[1], more: 1 };
  print(JSON.stringify(copy), JSON.stringify(Object.assign({}, indexed))); // expect: {"id":1,"name":"row1","tags":[1],"extra":true,"more":1} {"0":"zero","1":"one","2":"two","b":"bee","a":"ay"}
  print(Object.entries(p).join(';'), Object.values(rows[1]).length); // expect: x,3;y,-4 4
}
