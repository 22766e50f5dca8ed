// Method shorthand: methods see the object as `this`, can call each other, can be
// computed, and are not constructors.
const calc = {
  value: 0,
  add(n) { this.value += n; return this; },
  double() { this.value *= 2; return this; },
  result() { return this.value; },
  'quoted name'() { return 'quoted'; },
  42() { return 'numeric'; },
};
print(calc.add(3).double().add(1).result()); // expect: 7
print(calc['quoted name'](), calc[42](), calc['42']()); // expect: quoted numeric numeric
print(typeof calc.add, calc.add.name); // expect: function add
try {
  new calc.result();
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
const proto = { greet() { return 'hi ' + this.name; } };
function Person(name) { this.name = name; }
Person.prototype = proto;
print(new Person('ann').greet()); // expect: hi ann

export function afterResume() {
  print(calc.add(10).result(), calc.double().result()); // expect: 17 34
}
