// Methods use `this` to reach their object.
const point = {
  x: 3,
  y: 4,
  lengthSquared() { return this.x * this.x + this.y * this.y; },
  moveBy(dx, dy) {
    this.x += dx;
    this.y += dy;
    return this;
  },
};
print(point.lengthSquared()); // expect: 25
point.moveBy(1, 1).moveBy(1, 1);
print(point.x, point.y); // expect: 5 6
const stack = {
  items: [],
  push(v) { this.items.push(v); return this.items.length; },
  pop() {
    const n = this.items.length;
    if (n === 0) return undefined;
    const v = this.items[n - 1];
    const rest = [];
    for (let i = 0; i < n - 1; i++) rest.push(this.items[i]);
    this.items = rest;
    return v;
  },
  size() { return this.items.length; },
};
stack.push('a');
stack.push('b');
print(stack.push('c')); // expect: 3
print(stack.pop(), stack.pop(), stack.size()); // expect: c b 1
print(stack.pop(), stack.pop()); // expect: a undefined
const obj = { name: 'outer', inner: { name: 'inner', who() { return this.name; } } };
print(obj.inner.who()); // expect: inner
