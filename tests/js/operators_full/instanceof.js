// instanceof walks the prototype chain of the left side looking for the right side's
// prototype property; primitives are never instances; a non-callable right side throws.
function Animal(name) { this.name = name; }
function Dog(name) { this.name = name; }
Dog.prototype = new Animal('proto');
const d = new Dog('rex');
const a = new Animal('cat');
print(d instanceof Dog, d instanceof Animal, a instanceof Dog, a instanceof Animal); // expect: true true false true
print(1 instanceof Animal, 'x' instanceof Animal, null instanceof Animal); // expect: false false false
print({} instanceof Animal, [] instanceof Array, [] instanceof Object); // expect: false true true
print(new Error('e') instanceof Error, new TypeError('t') instanceof Error); // expect: true true
print(new RangeError('r') instanceof TypeError, new ReferenceError('r') instanceof ReferenceError); // expect: false true
const f = function () {};
print(f instanceof Object, Object.keys instanceof Object); // expect: true true
// Replacing the prototype afterwards changes the answer for old instances.
function Box() {}
const box = new Box();
print(box instanceof Box); // expect: true
Box.prototype = {};
print(box instanceof Box); // expect: false
try {
  print(d instanceof {});
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
try {
  print(d instanceof 3);
} catch (e) {
  print(e.name); // expect: TypeError
}

export function afterResume() {
  print(d instanceof Dog, d instanceof Animal, box instanceof Box); // expect: true true false
  const d2 = new Dog('after');
  print(d2 instanceof Animal, d2.name); // expect: true after
}
