// Methods placed on Constructor.prototype are shared by every instance.
function Vec(x, y) {
  this.x = x;
  this.y = y;
}
Vec.prototype.add = function (o) { return new Vec(this.x + o.x, this.y + o.y); };
Vec.prototype.dot = function (o) { return this.x * o.x + this.y * o.y; };
Vec.prototype.kind = 'vector';
const a = new Vec(1, 2);
const b = new Vec(3, 4);
const c = a.add(b);
print(c.x, c.y); // expect: 4 6
print(a.dot(b)); // expect: 11
print(a.kind, c.kind); // expect: vector vector
print(a.add === b.add); // expect: true
a.kind = 'own property wins';
print(a.kind, b.kind); // expect: own property wins vector
print('dot' in a); // expect: true
Vec.prototype.len2 = function () { return this.dot(this); };
print(b.len2()); // expect: 25
print(Vec.prototype.constructor === Vec); // expect: true
print(a.constructor === Vec); // expect: true
