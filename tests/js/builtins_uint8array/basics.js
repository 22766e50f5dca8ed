// Uint8Array: construction, wrapping writes, length, out-of-range indexes, typeof, conversion.
const u = new Uint8Array(4);
u[0] = 257;
u[1] = -1;
u[2] = 3.9;
u[3] = "7";
u[9] = 5;
print(u.length, u[0], u[1], u[2], u[3], u[9], u[-1]); // expect: 4 1 255 3 7 undefined undefined
print(typeof u, u instanceof Uint8Array, Array.isArray(u), String(u), u + "", String(new Uint8Array(0)) === ""); // expect: object true false 1,255,3,7 1,255,3,7 true
const v = new Uint8Array([1, 2, 300, -5, NaN, 1.5]);
print(v.length, v.join(), v.join("-"), v.toString()); // expect: 6 1,2,44,251,0,1 1-2-44-251-0-1 1,2,44,251,0,1
const w = new Uint8Array(v);
w[0] = 99;
print(v[0], w[0], new Uint8Array().length, new Uint8Array(2.0).length, new Uint8Array("3").length); // expect: 1 99 0 2 3
let sum = 0;
for (let i = 0; i < v.length; i++) sum += v[i];
print(sum, 0 in v, 6 in v, "length" in v); // expect: 299 true false true
try {
  new Uint8Array(-1);
} catch (e) {
  print(e instanceof RangeError); // expect: true
}
try {
  Uint8Array(2);
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
