// Getting and setting properties with dot notation and computed keys.
const o = {};
o.a = 1;
o['b'] = 2;
const key = 'c';
o[key] = 3;
o['d' + 'e'] = 4;
print(o.a, o.b, o.c, o.de, o['a'], o[key]); // expect: 1 2 3 4 1 3
o.a = 'overwritten';
print(o.a); // expect: overwritten
o[1] = 'number key';
print(o['1'], o[1]); // expect: number key number key
o[1 + 1] = 'computed number key';
print(o[2], o['2']); // expect: computed number key computed number key
o[null] = 'null key';
o[undefined] = 'undefined key';
o[true] = 'true key';
print(o['null'], o['undefined'], o['true']); // expect: null key undefined key true key
o[0.5] = 'half';
print(o['0.5']); // expect: half
const keys = ['p', 'q', 'r'];
const built = {};
for (let i = 0; i < keys.length; i++) built[keys[i]] = i * i;
print(built.p, built.q, built.r); // expect: 0 1 4
let calls = 0;
function k() { calls++; return 'dyn'; }
built[k()] = 'value';
print(built.dyn, calls); // expect: value 1
