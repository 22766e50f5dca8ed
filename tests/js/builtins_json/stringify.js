// JSON.stringify: types, skipping, escapes, number formatting, property order, nesting.
print(JSON.stringify({ s: "x", n: 1.5, t: true, f: false, z: null, a: [1, "2"], o: { k: {} } })); // expect: {"s":"x","n":1.5,"t":true,"f":false,"z":null,"a":[1,"2"],"o":{"k":{}}}
print(JSON.stringify({ u: undefined, fn() {}, sym: Math.max, keep: 1 }), JSON.stringify([undefined, () => 1, Math.max])); // expect: {"keep":1} [null,null,null]
print(JSON.stringify([NaN, Infinity, -Infinity, -0, 1e21, 1e-7, 0.1 + 0.2, 2 ** 31])); // expect: [null,null,null,0,1e+21,1e-7,0.30000000000000004,2147483648]
print(JSON.stringify("quote\" back\\ nl\n tab\t cr\r bs\b ff\f nul\u0000 us\u001f del\u007f")); // expect: "quote\" back\\ nl\n tab\t cr\r bs\b ff\f nul\u0000 us\u001f del"
print(JSON.stringify("é€😀"), JSON.stringify("\ud800"), JSON.stringify("a\udc00b"), JSON.stringify("\ud83d\ude00")); // expect: "é€😀" "\ud800" "a\udc00b" "😀"
print(JSON.stringify({ b: 1, a: 2, 10: 3, 2: 4 }), JSON.stringify([[], {}, [[]], [{}]])); // expect: {"2":4,"10":3,"b":1,"a":2} [[],{},[[]],[{}]]
print(JSON.stringify(5), JSON.stringify("s"), JSON.stringify(null), JSON.stringify(undefined), JSON.stringify(() => 1)); // expect: 5 "s" null undefined undefined
print(JSON.stringify(Math), JSON.stringify(new Uint8Array([1, 2])), JSON.stringify([new Error("e")])); // expect: {} {"0":1,"1":2} [{}]
const cyclic = { name: "loop" };
cyclic.self = [cyclic];
try {
  JSON.stringify(cyclic);
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
const shared = { v: 1 };
print(JSON.stringify({ a: shared, b: shared, c: [shared, shared] })); // expect: {"a":{"v":1},"b":{"v":1},"c":[{"v":1},{"v":1}]}
