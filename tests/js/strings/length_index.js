// .length and indexing with s[i].
const s = 'hello';
print(s.length); // expect: 5
print(''.length); // expect: 0
print('hello world'.length); // expect: 11
print(s[0], s[4]); // expect: h o
print(s[5]); // expect: undefined
print(s[-1]); // expect: undefined
const i = 2;
print(s[i], s[i + 1]); // expect: l l
print(s['1']); // expect: e
print('abc'[1]); // expect: b
print(typeof s[0]); // expect: string
print(s[0] === 'h'); // expect: true
print(s[1].length); // expect: 1
let out = '';
for (let k = s.length - 1; k >= 0; k--) out += s[k];
print(out); // expect: olleh
print(s.missing); // expect: undefined
print((s + s).length); // expect: 10
let count = 0;
const text = 'mississippi';
for (let k = 0; k < text.length; k++) {
  if (text[k] === 's') count++;
}
print(count); // expect: 4
