// Functions are objects: properties can be added, read, updated and deleted, on
// declarations, expressions and arrows; name and length are set by the compiler.
function counter() { counter.calls++; return counter.calls; }
counter.calls = 0;
counter(); counter();
print(counter.calls, counter.name, counter.length); // expect: 2 counter 0
const tagged = function (a, b) { return a + b; };
tagged.tag = 'sum';
print(tagged.tag, tagged.name, tagged.length); // expect: sum tagged 2
const arrow = (x) => x;
arrow.meta = { kind: 'arrow' };
print(arrow.meta.kind, arrow.name, arrow.length, arrow.prototype); // expect: arrow arrow 1 undefined
function withDefaults(a, b = 1, c) {}
function withRest(a, ...r) {}
print(withDefaults.length, withRest.length); // expect: 1 1
delete tagged.tag;
print(tagged.tag, 'tag' in tagged); // expect: undefined false
function Registry() {}
Registry.items = [];
Registry.add = function (x) { Registry.items.push(x); return Registry.items.length; };
Registry.add('a');
print(Registry.add('b'), typeof Registry.prototype); // expect: 2 object
const obj = { method() {} };
print(obj.method.name, typeof obj.method); // expect: method function

export function afterResume() {
  counter();
  print(counter.calls, Registry.items.join(','), arrow.meta.kind); // expect: 3 a,b arrow
  counter.calls = 100;
  print(counter()); // expect: 101
}
