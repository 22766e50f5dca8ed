// pop/shift/unshift/splice/reverse/fill and length assignment.
const a = [1, 2, 3, 4, 5];
print(a.pop(), a.shift(), a.join(), [].pop(), [].shift()); // expect: 5 1 2,3,4 undefined undefined
print(a.unshift(0, 0.5), a.join(), a.push(6, 7), a.join()); // expect: 5 0,0.5,2,3,4 7 0,0.5,2,3,4,6,7
const b = [1, 2, 3, 4, 5, 6];
print(b.splice(1, 2).join(), b.join()); // expect: 2,3 1,4,5,6
print(b.splice(-2, 1, "x", "y").join(), b.join()); // expect: 5 1,4,x,y,6
print(b.splice(1, 0, "in").length, b.join(), b.splice(3).join(), b.join()); // expect: 0 1,in,4,x,y,6 x,y,6 1,in,4
print(b.splice().length, b.splice(0, 99).join(), b.length); // expect: 0 1,in,4 0
print([1, 2, 3].reverse().join(), [1].reverse().join(), [].reverse().length); // expect: 3,2,1 1 0
print(new Array(3).fill(7).join(), [1, 2, 3, 4].fill(0, 1, -1).join(), [1, 2].fill(9, 5).join()); // expect: 7,7,7 1,0,0,4 1,2
const c = [1, 2, 3, 4];
c.length = 2;
print(c.join(), c.length, c[3]); // expect: 1,2 2 undefined
c.length = 4;
print(c.length, 2 in c, c.join("-")); // expect: 4 false 1-2--
c.length = 0;
print(c.length, "[" + c.join() + "]"); // expect: 0 []
try {
  c.length = -1;
} catch (e) {
  print(e instanceof RangeError); // expect: true
}
