// Object literals and property access.
const o = { a: 1, b: 'two', c: true, d: null, e: undefined };
print(o.a, o.b, o.c, o.d, o.e); // expect: 1 two true null undefined
print(o.missing); // expect: undefined
const empty = {};
print(empty.anything); // expect: undefined
const quoted = { 'with space': 1, 'dash-key': 2, 42: 'answer', 'if': 'keyword key' };
print(quoted['with space'], quoted['dash-key'], quoted[42], quoted.if); // expect: 1 2 answer keyword key
const trailing = { x: 1, y: 2, };
print(trailing.x + trailing.y); // expect: 3
const expr = { sum: 1 + 2, str: 'a' + 'b', nested: { deep: 'yes' } };
print(expr.sum, expr.str, expr.nested.deep); // expect: 3 ab yes
const dup = { k: 'first', k: 'second' };
print(dup.k); // expect: second
print(typeof o, typeof {}); // expect: object object
const numKeys = { 1: 'one', 1.5: 'one and a half', 0x10: 'sixteen' };
print(numKeys[1], numKeys['1'], numKeys[1.5], numKeys['1.5'], numKeys[16]); // expect: one one one and a half one and a half sixteen
