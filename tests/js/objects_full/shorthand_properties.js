// Shorthand properties take the variable's current value; they mix with other forms.
const x = 1;
let y = 'two';
const fn = () => 'fn';
const o = { x, y, fn, z: 3 };
print(o.x, o.y, o.fn(), o.z); // expect: 1 two fn 3
y = 'changed';
print(o.y); // expect: two
function make(name, age) { return { name, age, greet() { return name + '/' + age; } }; }
const p = make('bo', 7);
print(p.name, p.age, p.greet()); // expect: bo 7 bo/7
print(Object.keys(o).join(',')); // expect: x,y,fn,z

export function afterResume() {
  const q = { p, y };
  print(q.p.greet(), q.y); // expect: bo/7 changed
}
