// for-of and spread walk strings by code point: a surrogate pair is one step; a lone
// surrogate is one step too. Indexing and length stay in UTF-16 units.
const s = 'a😀b';
let parts = [];
for (const ch of s) parts.push(ch.length);
print(s.length, parts.join(','), [...s].length); // expect: 4 1,2,1 3
const [first, second, ...others] = '😀x';
print(first === '😀', second, others.length); // expect: true x 0
const lone = '\uD800z';
print([...lone].length); // expect: 2
const emptyRest = [...''];
print(emptyRest.length); // expect: 0
