// Arrow functions take `this` from the enclosing function.
const obj = {
  value: 42,
  direct() { return this.value; },
  viaArrow() {
    const get = () => this.value;
    return get();
  },
  nestedArrows() {
    const a = () => () => this.value + 1;
    return a()();
  },
  viaCallback() {
    const run = (fn) => fn();
    return run(() => this.value * 2);
  },
};
print(obj.direct()); // expect: 42
print(obj.viaArrow()); // expect: 42
print(obj.nestedArrows()); // expect: 43
print(obj.viaCallback()); // expect: 84
const other = { value: 'other', borrow: obj.viaArrow };
print(other.borrow()); // expect: other
function makeGetter() {
  return () => this;
}
const holder = { name: 'holder', makeGetter };
const getter = holder.makeGetter();
print(getter().name); // expect: holder
const topArrow = () => this;
print(topArrow()); // expect: undefined
print(this); // expect: undefined
