// push appends and returns the new length.
const a = [];
print(a.push(10)); // expect: 1
print(a.push(20)); // expect: 2
print(a.length, a[0], a[1]); // expect: 2 10 20
print(a.push(30, 40, 50)); // expect: 5
print(a[4]); // expect: 50
print(a.push()); // expect: 5
const nested = [];
nested.push([1, 2]);
nested.push([3]);
print(nested.length, nested[0][1], nested[1][0]); // expect: 2 2 3
nested[0].push(99);
print(nested[0].length, nested[0][2]); // expect: 3 99
const holes = [1, , 3];
holes.push(4);
print(holes.length, holes[1], holes[3]); // expect: 4 undefined 4
const big = [];
for (let i = 0; i < 1000; i++) big.push(i * i);
print(big.length, big[999]); // expect: 1000 998001
const p = a.push;
print(typeof p); // expect: function
