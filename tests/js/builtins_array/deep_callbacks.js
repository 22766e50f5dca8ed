// Callbacks that re-enter the library (map inside map, sort inside a comparator) nest; too deep
// a nesting is a catchable RangeError, not a crash.
function depth(n) { return n ? [n].map(x => depth(x - 1))[0] + 1 : 0; }
print(depth(200)); // expect: 200
try {
  depth(100000);
} catch (e) {
  print(e instanceof RangeError); // expect: true
}
const tree = { v: 1, kids: [{ v: 2, kids: [{ v: 3, kids: [] }] }, { v: 4, kids: [] }] };
const sum = t => t.kids.map(sum).reduce((s, x) => s + x, t.v);
print(sum(tree)); // expect: 10
const inner = (a, b) => a - b;
print([3, 1, 2].sort((a, b) => { [9, 8].sort(inner); return a - b; }).join()); // expect: 1,2,3
print(depth(5)); // expect: 5
