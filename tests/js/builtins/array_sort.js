// sort: in place, returns the array, default order compares strings, a comparator orders
// numbers, the sort is stable, undefined goes last, holes after undefined.
const nums = [10, 9, 1, 100, 25];
print(nums.sort() === nums, nums.join(',')); // expect: true 1,10,100,25,9
nums.sort((x, y) => x - y);
print(nums.join(',')); // expect: 1,9,10,25,100
nums.sort((x, y) => y - x);
print(nums.join(',')); // expect: 100,25,10,9,1
const people = [
  { name: 'ann', age: 30 }, { name: 'bob', age: 25 }, { name: 'cy', age: 30 },
  { name: 'dee', age: 25 }, { name: 'eve', age: 30 },
];
people.sort((p, q) => p.age - q.age);
print(people.map((p) => p.name).join(',')); // expect: bob,dee,ann,cy,eve
const words = ['banana', 'Apple', 'cherry', 'apple'];
words.sort();
print(words.join(',')); // expect: Apple,apple,banana,cherry
words.sort((x, y) => (x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0));
print(words.join(',')); // expect: Apple,apple,banana,cherry
const withUndef = [3, undefined, 1, , 2];
withUndef.sort();
print(withUndef.length, withUndef[3], 4 in withUndef, withUndef.slice(0, 3).join(',')); // expect: 5 undefined false 1,2,3
const mixed = [-1, -2, 0, -0, 2 ** 31, 1.5];
mixed.sort((x, y) => x - y);
print(mixed.join(',')); // expect: -2,-1,0,0,1.5,2147483648
const big = [];
for (let i = 0; i < 50; i++) big.push((i * 37) % 50);
big.sort((x, y) => x - y);
let sorted = true;
for (let i = 1; i < big.length; i++) if (big[i - 1] > big[i]) sorted = false;
print(sorted, big[0], big[49]); // expect: true 0 49
const chars = ['b', 'é', 'a', 'Z', '😀', '\uffff'];
chars.sort();
print(chars.map((c) => c.charCodeAt(0)).join(',')); // expect: 90,97,98,233,55357,65535

export function afterResume() {
  people.sort((p, q) => (p.name < q.name ? 1 : -1));
  print(people.map((p) => p.name).join(',')); // expect: eve,dee,cy,bob,ann
}
