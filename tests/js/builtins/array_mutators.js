// push, pop, shift, unshift, splice and reverse: return values, in-place changes, holes,
// negative and out-of-range arguments.
const a = [1, 2];
print(a.push(3, 4), a.join(',')); // expect: 4 1,2,3,4
print(a.pop(), a.pop(), a.length, [].pop()); // expect: 4 3 2 undefined
print(a.unshift(-1, 0), a.join(',')); // expect: 4 -1,0,1,2
print(a.shift(), a.join(','), [].shift()); // expect: -1 0,1,2 undefined
const s = [0, 1, 2, 3, 4, 5];
print(s.splice(1, 2).join(','), s.join(',')); // expect: 1,2 0,3,4,5
print(s.splice(-1).join(','), s.join(',')); // expect: 5 0,3,4
print(s.splice(1, 0, 'a', 'b').length, s.join(',')); // expect: 0 0,a,b,3,4
print(s.splice(2, 1, 'X', 'Y').join(','), s.join(',')); // expect: b 0,a,X,Y,3,4
print(s.splice(100, 1, 'end').length, s.join(','), s.splice(-100, 1).join(',')); // expect: 0 0,a,X,Y,3,4,end 0
print(s.splice(1).length, s.join(','), s.splice().length); // expect: 5 a 0
const r = [1, 2, 3, 4];
print(r.reverse() === r, r.join(','), [].reverse().length); // expect: true 4,3,2,1 0
const h = [1, , 3];
h.reverse();
print(h.length, 1 in h, h[0], h[2]); // expect: 3 false 3 1
const big = [];
for (let i = 0; i < 100; i++) big.push(i);
while (big.length > 3) big.shift();
print(big.join(',')); // expect: 97,98,99

export function afterResume() {
  a.push('after');
  print(a.join(','), a.splice(0, 1)[0], a.length); // expect: 0,1,2,after 0 3
}
