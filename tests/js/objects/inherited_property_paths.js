// Named property reads walk the prototype chain on a short path when every object on the way
// has only constant (interned) keys; a key made at run time anywhere on the way, an accessor,
// or a chain that ends without the property must take the general path and give the same
// answers.
class Shape {
  constructor(name) { this.name = name; }
  describe() { return this.name + ' with ' + this.sides() + ' sides'; }
  sides() { return 0; }
  get kind() { return 'shape'; }
}
class Square extends Shape {
  constructor() { super('square'); this.size = 2; }
  sides() { return 4; }
  area() { return this.size * this.size; }
}
const sq = new Square();
print(sq.describe(), sq.area(), sq.kind); // expect: square with 4 sides 4 shape
print(typeof sq.hasOwnProperty, sq.hasOwnProperty('size'), sq.hasOwnProperty('area')); // expect: function true false
print(sq.missing, 'missing' in sq); // expect: undefined false

const base = { greet() { return 'hi'; }, shared: 1 };
const mid = Object.create(base);
const leaf = Object.create(mid);
print(leaf.greet(), leaf.shared); // expect: hi 1
mid[['sha', 'red'].join('')] = 2; // a run-time key with the same text, on the way
print(leaf.shared, base.shared); // expect: 2 1
leaf[['gr', 'eet'].join('')] = () => 'own'; // and one on the object itself
print(leaf.greet(), mid.greet()); // expect: own hi

const withGetter = Object.create({ get v() { return this.n * 10; } });
withGetter.n = 4;
print(withGetter.v); // expect: 40

Square.prototype.sides = function () { return 40; }; // a method replaced after the fact
print(sq.describe()); // expect: square with 40 sides

const nullProto = Object.create(null);
nullProto.only = 'own';
print(nullProto.only, nullProto.nothing); // expect: own undefined

const deep = [Object.create(null)];
deep[0].k = 'bottom';
for (let i = 1; i < 12; i++) deep.push(Object.create(deep[i - 1]));
print(deep[11].k, deep[11].nothing); // expect: bottom undefined

export function afterResume() {
  print(sq.describe(), sq.area(), sq.kind); // expect: square with 40 sides 4 shape
  print(leaf.greet(), leaf.shared, withGetter.v, deep[11].k); // expect: own 2 40 bottom
  const fresh = new Square();
  fresh.size = 3;
  print(fresh.area(), fresh.describe()); // expect: 9 square with 40 sides
}
