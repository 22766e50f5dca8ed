// extends: super(...) runs the parent constructor, super.m() calls the parent's method,
// overriding, inherited methods, instanceof along the chain.
class Shape {
  constructor(name) {
    this.name = name;
  }
  describe() { return 'shape ' + this.name; }
  area() { return 0; }
}
class Rect extends Shape {
  constructor(w, h) {
    super('rect');
    this.w = w;
    this.h = h;
  }
  area() { return this.w * this.h; }
  describe() { return super.describe() + ' of area ' + this.area(); }
}
class Square extends Rect {
  constructor(side) {
    super(side, side);
    this.name = 'square';
  }
  describe() { return '[' + super.describe() + ']'; }
}
const r = new Rect(2, 3);
const sq = new Square(4);
print(r.describe()); // expect: shape rect of area 6
print(sq.describe()); // expect: [shape square of area 16]
print(sq instanceof Square, sq instanceof Rect, sq instanceof Shape, r instanceof Square); // expect: true true true false
class Plain extends Shape {}
const p = new Plain('plain');
print(p.describe(), p.area()); // expect: shape plain 0
class Early extends Shape {
  constructor() {
    let caught = 'none';
    try {
      this.x = 1;
    } catch (e) {
      caught = e.name;
    }
    super('early');
    this.caught = caught;
  }
}
print(new Early().caught); // expect: ReferenceError
class ReturnsValue extends Shape {
  constructor() {
    super('rv');
    return { replaced: true };
  }
}
print(new ReturnsValue().replaced); // expect: true
const arrowSuper = new (class extends Shape {
  describe() { const f = () => super.describe(); return f() + '!'; }
})('arrow');
print(arrowSuper.describe()); // expect: shape arrow!

export function afterResume() {
  const s2 = new Square(3);
  print(s2.describe(), r.area(), sq.area()); // expect: [shape square of area 9] 6 16
}
