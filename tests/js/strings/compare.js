// Relational operators on strings compare code units lexicographically.
print('a' < 'b'); // expect: true
print('b' < 'a'); // expect: false
print('abc' < 'abd'); // expect: true
print('abc' < 'ab'); // expect: false
print('ab' < 'abc'); // expect: true
print('' < 'a'); // expect: true
print('a' < ''); // expect: false
print('B' < 'a'); // expect: true
print('Z' > 'a'); // expect: false
print('10' < '9'); // expect: true
print('10' < 9); // expect: false
print(10 < '9'); // expect: false
print('abc' <= 'abc', 'abc' >= 'abc'); // expect: true true
print('abc' < 'abc', 'abc' > 'abc'); // expect: false false
print('a' < 1, 'a' > 1, 'a' >= 1); // expect: false false false
print('2' > '12', '2' > 12); // expect: true false
print(' ' < '!'); // expect: true
print('apple' > 'Apple'); // expect: true
print('\u00e9' > 'z'); // expect: true
const words = ['pear', 'apple', 'fig'];
let min = words[0];
for (let i = 1; i < words.length; i++) if (words[i] < min) min = words[i];
print(min); // expect: apple
