// Default parameter values: used for missing and undefined arguments (not null), evaluated
// at each call, left to right, and may refer to earlier parameters and outer variables.
function greet(name = 'world', punct = '!') {
  return 'hello ' + name + punct;
}
print(greet(), greet('you'), greet('you', '?')); // expect: hello world! hello you! hello you?
print(greet(undefined, '.'), greet(null)); // expect: hello world. hello null!
let counter = 0;
function next(v = ++counter) { return v; }
print(next(), next(), next(10), counter); // expect: 1 2 10 2
function area(w, h = w, label = w + 'x' + h) { return label + '=' + w * h; }
print(area(3), area(3, 4)); // expect: 3x3=9 3x4=12
const base = 100;
const add = (x, y = base) => x + y;
print(add(1), add(1, 2)); // expect: 101 3
function list(items = []) { items.push(items.length); return items.length; }
print(list(), list(), list([7, 8])); // expect: 1 1 3
function withFn(f = () => 'default fn') { return f(); }
print(withFn(), withFn(() => 'given')); // expect: default fn given
const o = { m(a, b = this.tag) { return a + b; }, tag: '#' };
print(o.m('x'), o.m('x', 'y')); // expect: x# xy
function count(a, b = 2, c) { return [a, b, c].join('|'); }
print(count(1), count(1, undefined, 3)); // expect: 1|2| 1|2|3

export function afterResume() {
  print(next(), greet('again'), area(2)); // expect: 3 hello again! 2x2=4
}
