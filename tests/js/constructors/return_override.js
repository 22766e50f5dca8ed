// A constructor that returns an object replaces the new object; a returned primitive is ignored.
function ReturnsObject() {
  this.ignored = true;
  return { replaced: 'yes' };
}
const r = new ReturnsObject();
print(r.replaced, r.ignored); // expect: yes undefined
function ReturnsPrimitive() {
  this.kept = 'kept';
  return 42;
}
const p = new ReturnsPrimitive();
print(p.kept); // expect: kept
function ReturnsNothing() {
  this.v = 1;
  return;
}
print(new ReturnsNothing().v); // expect: 1
const shared = { singleton: true };
function Single() { return shared; }
print(new Single() === new Single()); // expect: true
function ReturnsArray() { return [1, 2, 3]; }
print(new ReturnsArray().length); // expect: 3
function ReturnsNull() { this.x = 'x'; return null; }
print(new ReturnsNull().x); // expect: x
