// Objects made with `new`, and methods on the constructor's prototype, work after resume.
function Point(x, y) {
  this.x = x;
  this.y = y;
}
Point.prototype.sum = function () { return this.x + this.y; };
const p = new Point(2, 3);
print(p.sum()); // expect: 5
const obj = {
  total: 0,
  add(n) { this.total += n; return this; },
};
obj.add(1).add(2);

export function afterResume() {
  print(p.sum()); // expect: 5
  const q = new Point(10, 20);
  print(q.sum(), q.sum === p.sum); // expect: 30 true
  Point.prototype.scaled = function (k) { return new Point(this.x * k, this.y * k); };
  print(p.scaled(3).sum()); // expect: 15
  print(obj.add(3).total); // expect: 6
  print(p instanceof Point); // expect: true
}
