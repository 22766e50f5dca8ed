// Missing arguments are undefined; extra arguments are ignored.
function three(a, b, c) {
  return a + ',' + b + ',' + c;
}
print(three(1, 2, 3)); // expect: 1,2,3
print(three(1)); // expect: 1,undefined,undefined
print(three()); // expect: undefined,undefined,undefined
print(three(1, 2, 3, 4, 5)); // expect: 1,2,3
function none() { return 'no params'; }
print(none(1, 2, 3)); // expect: no params
function reassign(x) {
  x = x * 2;
  return x;
}
let v = 5;
print(reassign(v), v); // expect: 10 5
function mutate(o) { o.touched = true; }
const obj = { touched: false };
mutate(obj);
print(obj.touched); // expect: true
function defaulted(x) {
  if (x === undefined) x = 'default';
  return x;
}
print(defaulted(), defaulted('given')); // expect: default given
function sameName(a, a2) { return a2; }
print(sameName(1, 2)); // expect: 2
const arrow = (p, q) => q;
print(arrow(1)); // expect: undefined
