// Shorthand properties and method shorthand.
const x = 10;
const y = 'why';
const o = { x, y, z: x + 1 };
print(o.x, o.y, o.z); // expect: 10 why 11
const calc = {
  base: 100,
  add(n) { return this.base + n; },
  twice(n) { return this.add(n) * 2; },
  arrow: (n) => n * 3,
  classic: function (n) { return n - 1; },
};
print(calc.add(1), calc.twice(1), calc.arrow(2), calc.classic(5)); // expect: 101 202 6 4
function make(name, age) {
  return { name, age, describe() { return name + ' is ' + age; } };
}
const p = make('Ada', 36);
print(p.name, p.age, p.describe()); // expect: Ada 36 Ada is 36
const withFn = { make };
print(withFn.make('Bo', 1).describe()); // expect: Bo is 1
