// new on plain functions: instances get the function's prototype, methods on the
// prototype are shared, an object returned by the constructor replaces the instance.
function Point(x, y) {
  this.x = x;
  this.y = y;
}
Point.prototype.norm1 = function () { return Math.abs(this.x) + Math.abs(this.y); };
Point.prototype.kind = 'point';
const p = new Point(3, -4);
print(p.x, p.y, p.norm1(), p.kind); // expect: 3 -4 7 point
print(p.constructor === Point, Point.prototype.constructor === Point); // expect: true true
const q = new Point(1, 1);
print(p.norm1 === q.norm1, q.norm1()); // expect: true 2
Point.prototype.kind = 'changed';
print(p.kind, q.kind); // expect: changed changed
p.kind = 'own';
print(p.kind, q.kind); // expect: own changed
function Factory() { this.ignored = true; return { made: 'by factory' }; }
const f = new Factory();
print(f.made, f.ignored, f instanceof Factory); // expect: by factory undefined false
function Prim() { this.kept = 'yes'; return 42; }
print(new Prim().kept); // expect: yes
function Parent() { this.level = 'parent'; }
Parent.prototype.hello = function () { return 'hello from ' + this.level; };
function Child() { this.level = 'child'; }
Child.prototype = new Parent();
const c = new Child();
print(c.hello(), c instanceof Child, c instanceof Parent); // expect: hello from child true true
const NoArgs = function () { this.made = 1; };
print(new NoArgs().made, (new NoArgs).made); // expect: 1 1
try {
  const arrow = () => {};
  new arrow();
} catch (e) {
  print(e instanceof TypeError); // expect: true
}

export function afterResume() {
  const r = new Point(5, 12);
  print(r.norm1(), r.kind, p.norm1(), c.hello()); // expect: 17 changed 7 hello from child
  Point.prototype.sum = function () { return this.x + this.y; };
  print(p.sum(), r.sum()); // expect: -1 17
}
