// String equality compares contents, including strings built at run time.
const a = 'hello';
const b = 'hel' + 'lo';
let c = '';
c += 'h';
c += 'ello';
print(a === b, a === c, b === c); // expect: true true true
print(a == c); // expect: true
print(a !== 'Hello'); // expect: true
print('' === ''); // expect: true
print('a' === 'a '); // expect: false
print('1' === 1, '1' == 1); // expect: false true
print('abc' === 'ab'); // expect: false
const o = {};
o[c] = 42;
print(o.hello, o[a], o['hel' + 'lo']); // expect: 42 42 42
let word = '';
const letters = 'xyz';
for (let i = 0; i < letters.length; i++) word = word + letters[i];
print(word === 'xyz', word.length); // expect: true 3
