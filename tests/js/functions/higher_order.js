// Functions are values: passed as arguments, returned, and stored in data structures.
function map(arr, fn) {
  const out = [];
  for (let i = 0; i < arr.length; i++) out.push(fn(arr[i], i));
  return out;
}
function reduce(arr, fn, init) {
  let acc = init;
  for (let i = 0; i < arr.length; i++) acc = fn(acc, arr[i]);
  return acc;
}
function filter(arr, pred) {
  const out = [];
  for (let i = 0; i < arr.length; i++) if (pred(arr[i])) out.push(arr[i]);
  return out;
}
const nums = [1, 2, 3, 4, 5, 6];
const squares = map(nums, (x) => x * x);
print(squares[0], squares[5], squares.length); // expect: 1 36 6
print(reduce(nums, (a, b) => a + b, 0)); // expect: 21
const evens = filter(nums, (x) => x % 2 === 0);
print(evens.length, evens[0], evens[2]); // expect: 3 2 6
print(reduce(map(filter(nums, (x) => x > 3), (x) => x * 10), (a, b) => a + b, 0)); // expect: 150
function compose(f, g) { return (x) => f(g(x)); }
const incThenDouble = compose((x) => x * 2, (x) => x + 1);
print(incThenDouble(5)); // expect: 12
const table = { add: (a, b) => a + b, mul: (a, b) => a * b };
const names = ['add', 'mul'];
for (let i = 0; i < names.length; i++) print(names[i], table[names[i]](6, 7));
// expect: add 13
// expect: mul 42
const fns = [abs, (x) => -x];
function abs(x) { return x < 0 ? -x : x; }
print(fns[0](-3), fns[1](3)); // expect: 3 -3
