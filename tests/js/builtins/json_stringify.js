// JSON.stringify: nesting, property order, string escapes, numbers (NaN/Infinity become
// null, -0 becomes 0), skipped values (undefined, functions), arrays with holes, indentation.
print(JSON.stringify({ a: 1, b: [true, null, 'x'], c: { d: {} } })); // expect: {"a":1,"b":[true,null,"x"],"c":{"d":{}}}
print(JSON.stringify({ z: 1, 1: 2, y: [], 0: 'n' })); // expect: {"0":"n","1":2,"z":1,"y":[]}
print(JSON.stringify('quote " backslash \\ newline \n tab \t cr \r bs \b ff \f')); // expect: "quote \" backslash \\ newline \n tab \t cr \r bs \b ff \f"
print(JSON.stringify('\u0001\u001f é € 😀 ~'), JSON.stringify('\ud800')); // expect: "\u0001\u001f é € 😀 ~" "\ud800"
print(JSON.stringify([NaN, Infinity, -Infinity, -0, 0.1, 1e21, 2 ** 31, 5e-324])); // expect: [null,null,null,0,0.1,1e+21,2147483648,5e-324]
print(JSON.stringify({ u: undefined, f() {}, n: null, k: 1 }), JSON.stringify([undefined, () => 1, , 2])); // expect: {"n":null,"k":1} [null,null,null,2]
print(JSON.stringify(undefined), JSON.stringify(() => 1), JSON.stringify(null), JSON.stringify(7), JSON.stringify(true)); // expect: undefined undefined null 7 true
print(JSON.stringify({ a: [1, { b: 2 }] }, null, 2)); // expect: {
// expect:   "a": [
// expect:     1,
// expect:     {
// expect:       "b": 2
// expect:     }
// expect:   ]
// expect: }
print(JSON.stringify([1, [2]], null, '--')); // expect: [
// expect: --1,
// expect: --[
// expect: ----2
// expect: --]
// expect: ]
print(JSON.stringify({}, null, 2), JSON.stringify([], null, 2)); // expect: {} []
print(JSON.stringify({ 'key "q"': 'v', '': 'empty' })); // expect: {"key \"q\"":"v","":"empty"}
print(JSON.stringify({ date: { toJSON() { return 'custom'; } } })); // expect: {"date":"custom"}
const cyclic = { name: 'c' };
cyclic.self = cyclic;
try {
  JSON.stringify(cyclic);
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
const state = { list: [1, 2], nested: { ok: true } };

export function afterResume() {
  state.list.push(3);
  print(JSON.stringify(state)); // expect: {"list":[1,2,3],"nested":{"ok":true}}
}
