// JSON.stringify's space (numbers, strings, clamping), replacer functions and arrays, toJSON.
const v = { name: "n", list: [1, [2, 3], {}], obj: { x: null, y: [] } };
print(JSON.stringify(v, null, 2)); // expect: {
print(JSON.stringify([1, { a: 2 }], null, "--")); // expect:   "name": "n",
print(JSON.stringify({ a: 1 }, null, 20) === JSON.stringify({ a: 1 }, null, 10), JSON.stringify({ a: 1 }, null, 0)); // expect:   "list": [
print(JSON.stringify({ a: [1] }, null, "abcdefghijkl")); // expect:     1,
print(JSON.stringify({ a: 1, b: "x", c: { a: 2, d: 3 } }, ["a", "c", "a", 7])); // expect:     [
print(JSON.stringify({ a: 1, b: [2, 3], c: "s" }, (k, x) => (typeof x === "number" ? x * 10 : x))); // expect:       2,
print(JSON.stringify({ keep: 1, drop: 2 }, (k, x) => (k === "drop" ? undefined : x))); // expect:       3
const keys = [];
JSON.stringify({ a: { b: 1 }, c: [2] }, function (k, x) { keys.push(k === "" ? "<root>" : k); return x; });
print(keys.join()); // expect:     ],
print(JSON.stringify({ when: { toJSON(key) { return "at:" + key; } }, n: { toJSON() { return undefined; } } })); // expect:     {}
// expect:   ],
// expect:   "obj": {
// expect:     "x": null,
// expect:     "y": []
// expect:   }
// expect: }
// expect: [
// expect: --1,
// expect: --{
// expect: ----"a": 2
// expect: --}
// expect: ]
// expect: true {"a":1}
// expect: {
// expect: abcdefghij"a": [
// expect: abcdefghijabcdefghij1
// expect: abcdefghij]
// expect: }
// expect: {"a":1,"c":{"a":2}}
// expect: {"a":10,"b":[20,30],"c":"s"}
// expect: {"keep":1}
// expect: <root>,a,b,c,0
// expect: {"when":"at:when"}
