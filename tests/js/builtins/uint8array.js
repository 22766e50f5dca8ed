// Uint8Array (basic): made with a length, zero-filled, fixed length, elements stored modulo
// 256 (ToUint8), out-of-range reads give undefined and writes are ignored.
const u = new Uint8Array(4);
print(u.length, u[0], u[3], u[4]); // expect: 4 0 0 undefined
u[0] = 255;
u[1] = 256;
u[2] = -1;
u[3] = 1.9;
print(u[0], u[1], u[2], u[3]); // expect: 255 0 255 1
u[1] = 'x';
u[2] = '7';
u[3] = 300.5;
print(u[1], u[2], u[3]); // expect: 0 7 44
u[10] = 5;
print(u[10], u.length); // expect: undefined 4
u[0] += 10;
print(u[0]); // expect: 9
print(u instanceof Uint8Array, typeof u, Array.isArray(u), new Uint8Array(0).length); // expect: true object false 0
const big = new Uint8Array(1000);
for (let i = 0; i < big.length; i++) big[i] = i;
let sum = 0;
for (let i = 0; i < big.length; i++) sum += big[i];
print(big[999], sum); // expect: 231 124716
const kept = new Uint8Array(3);
kept[1] = 42;

export function afterResume() {
  kept[2] = kept[1] * 7;
  print(kept.length, kept[0], kept[1], kept[2]); // expect: 3 0 42 38
}
