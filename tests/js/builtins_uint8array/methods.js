// Uint8Array methods: fill, indexOf, includes, slice (copies), set, join; keys and JSON.
const u = new Uint8Array([10, 20, 30, 40, 50]);
print(u.indexOf(30), u.indexOf(31), u.indexOf(10, 1), u.includes(50), u.includes(256), u.indexOf("30")); // expect: 2 -1 -1 true false -1
const s = u.slice(1, -1);
s[0] = 0;
print(s.length, s.join(), u[1], u.slice(-2).join(), u.slice(3, 1).length); // expect: 3 0,30,40 20 40,50 0
u.fill(7, 3);
print(u.join()); // expect: 10,20,30,7,7
u.set([1, 2], 1);
print(u.join()); // expect: 10,1,2,7,7
u.set(new Uint8Array([255, 256]), 3);
print(u.join()); // expect: 10,1,2,255,0
try {
  u.set([1, 2, 3], 4);
} catch (e) {
  print(e instanceof RangeError); // expect: true
}
print(Object.keys(new Uint8Array(3)).join(), JSON.stringify(new Uint8Array([1, 2]))); // expect: 0,1,2 {"0":1,"1":2}
print(new Uint8Array(3).fill(300).join(), Array.from(new Uint8Array([4, 5])).map(x => x * 2).join()); // expect: 44,44,44 8,10
