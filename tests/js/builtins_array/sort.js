// sort: default order by ToString (stable), comparators, undefined and holes last, in place.
print([3, 1, 2].sort().join(), [10, 9, 1, 100, 25].sort().join(), ["b", "a", "C", "B"].sort().join()); // expect: 1,2,3 1,10,100,25,9 B,C,a,b
print([10, 9, 1, 100, 25].sort((x, y) => x - y).join(), [1, 2, 3].sort((x, y) => y - x).join()); // expect: 1,9,10,25,100 3,2,1
const withGaps = ["b", undefined, "a", , "c"];
withGaps.sort();
print(withGaps.length, withGaps[0], withGaps[2], withGaps[3], 4 in withGaps); // expect: 5 a c undefined false
const people = [
  { name: "ann", age: 30 }, { name: "bob", age: 25 }, { name: "cy", age: 30 },
  { name: "dee", age: 25 }, { name: "eve", age: 35 }, { name: "fay", age: 25 },
];
people.sort((p, q) => p.age - q.age);
print(people.map(p => p.name).join()); // expect: bob,dee,fay,ann,cy,eve
const arr = [3, 1, 2];
print(arr.sort() === arr, [].sort().length, [1].sort().join()); // expect: true 0 1
const big = [];
for (let i = 0; i < 500; i++) big.push((i * 7919) % 500);
big.sort((x, y) => x - y);
let ordered = true;
for (let i = 0; i < big.length; i++) if (big[i] !== i) ordered = false;
print(ordered); // expect: true
print([true, false, null, 2, "1"].sort().join()); // expect: 1,2,false,,true
try {
  [2, 1].sort((x, y) => { throw new RangeError("cmp"); });
} catch (e) {
  print(e.name); // expect: RangeError
}
try {
  [2, 1].sort(5);
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
