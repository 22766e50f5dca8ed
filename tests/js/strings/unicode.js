// Non-ASCII strings; .length counts UTF-16 code units.
const e = 'caf\u00e9';
print(e); // expect: café
print(e.length); // expect: 4
print('café' === e); // expect: true
const euro = '€';
print(euro, euro.length); // expect: € 1
print('日本語'.length); // expect: 3
print('日本語'[1]); // expect: 本
const smile = '😀';
print(smile.length); // expect: 2
print(smile === '\ud83d\ude00'); // expect: true
const mixed = 'a' + euro + 'b';
print(mixed, mixed.length, mixed[1] === '€'); // expect: a€b 3 true
print('ü' > 'u'); // expect: true
let s = '';
for (let i = 0; i < 3; i++) s += 'é';
print(s, s.length); // expect: ééé 3
