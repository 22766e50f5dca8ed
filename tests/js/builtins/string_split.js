// split with a string separator: empty separator gives UTF-16 units, limit, separators at
// the ends give empty strings, no separator gives the whole string.
const show = (a) => a.length + ':' + a.join('|');
print(show('a,b,c'.split(','))); // expect: 3:a|b|c
print(show(',a,,b,'.split(','))); // expect: 5:|a||b|
print(show('abc'.split(''))); // expect: 3:a|b|c
print(show('abc'.split())); // expect: 1:abc
print(show('abc'.split(undefined))); // expect: 1:abc
print(show('a, b, c'.split(', '))); // expect: 3:a|b|c
print(show('a,b,c'.split(',', 2)), show('a,b,c'.split(',', 0))); // expect: 2:a|b 0:
print(show(''.split(',')), show(''.split(''))); // expect: 1: 0:
print(show('aXXbXXc'.split('XX')), show('abc'.split('abc'))); // expect: 3:a|b|c 2:|
const units = '😀x'.split('');
print(units.length, units[0] === '\ud83d', units[1].charCodeAt(0), units[2]); // expect: 3 true 56832 x
print(show('1-2-3'.split('-').map(Number).map((n) => n * 2))); // expect: 3:2|4|6

export function afterResume() {
  const words = 'the quick brown fox'.split(' ');
  print(words.length, words[2], words.reverse().join(' ')); // expect: 4 brown fox brown quick the
}
