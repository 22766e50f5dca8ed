// Spread in calls and array literals: arrays, strings (by code point), holes become
// undefined, several spreads and plain arguments mixed.
function three(a, b, c) { return a + '|' + b + '|' + c; }
const xs = [1, 2, 3];
print(three(...xs), three(0, ...xs), three(...[9], ...['y', 'z'])); // expect: 1|2|3 0|1|2 9|y|z
print(Math.max(...xs, 10, ...[4]), Math.min(...[])); // expect: 10 Infinity
const copy = [...xs];
copy.push(4);
print(xs.length, copy.length, copy.join(',')); // expect: 3 4 1,2,3,4
const merged = [0, ...xs, ...'ab', 9];
print(merged.join(','), merged.length); // expect: 0,1,2,3,a,b,9 7
const holes = [...[1, , 3]];
print(holes.length, 1 in holes, holes[1]); // expect: 3 true undefined
const emoji = [...'a😀b'];
print(emoji.length, emoji[1] === '😀'); // expect: 3 true
const nested = [[1, 2], [3]];
print([...nested[0], ...nested[1]].join('')); // expect: 123
const o = { base: 10, add(...ns) { return ns.reduce((s, n) => s + n, this.base); } };
print(o.add(...xs)); // expect: 16
function count() { return [...'xyz'].length; }
print(count()); // expect: 3
const args = ['a', 'b'];
args.push('c');

export function afterResume() {
  print(three(...args), [...args, ...args].length); // expect: a|b|c 6
}
