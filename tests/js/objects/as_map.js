// Plain objects used as dictionaries with computed keys.
const text = 'the cat and the hat and the bat';
const counts = {};
let word = '';
for (let i = 0; i <= text.length; i++) {
  const ch = i < text.length ? text[i] : ' ';
  if (ch === ' ') {
    if (word !== '') {
      if (counts[word] === undefined) counts[word] = 0;
      counts[word]++;
    }
    word = '';
  } else {
    word += ch;
  }
}
print(counts.the, counts.and, counts.cat, counts.dog); // expect: 3 2 1 undefined
const squares = {};
for (let i = 0; i < 50; i++) squares['n' + i] = i * i;
print(squares.n7, squares['n' + 49]); // expect: 49 2401
let total = 0;
for (let i = 0; i < 50; i++) total += squares['n' + i];
print(total); // expect: 40425
const byNumber = {};
for (let i = 0; i < 10; i++) byNumber[i * 10] = i;
print(byNumber[90], byNumber['30'], byNumber[35]); // expect: 9 3 undefined
