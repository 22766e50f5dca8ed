// Public instance fields: initialized for each instance in declaration order, before the
// constructor body runs (after super() in a subclass), and may use `this` and earlier fields.
let order = [];
class A {
  x = (order.push('x'), 1);
  y = this.x + 1;
  z;
  constructor() {
    order.push('ctor');
    this.w = this.y * 10;
  }
}
const a = new A();
print(a.x, a.y, a.z, a.w, order.join(',')); // expect: 1 2 undefined 20 x,ctor
print(Object.keys(a).join(',')); // expect: x,y,z,w
class B extends A {
  b = this.w + 1;
  constructor() {
    order = [];
    super();
    order.push('after super');
  }
}
const b = new B();
print(b.b, order.join(',')); // expect: 21 x,ctor,after super
class Fresh {
  list = [];
  fn = () => this.list.length;
}
const f1 = new Fresh();
const f2 = new Fresh();
f1.list.push(1);
print(f1.fn(), f2.fn(), f1.list === f2.list); // expect: 1 0 false
const key = 'dyn';
class Computed {
  [key + 'Field'] = 'computed field';
  'quoted' = 'q';
}
const c = new Computed();
print(c.dynField, c.quoted); // expect: computed field q

export function afterResume() {
  const f3 = new Fresh();
  f3.list.push(1, 2);
  print(f3.fn(), f1.fn(), new B().b); // expect: 2 1 21
}
