// for-of over strings iterates code points: a surrogate pair is one step, while length
// and indexing count UTF-16 units.
let n = 0;
let out = '';
for (const ch of 'héllo') { n++; out += ch + '.'; }
print(n, out); // expect: 5 h.é.l.l.o.
const emoji = 'a😀b';
let steps = 0;
for (const ch of emoji) steps++;
print(steps, emoji.length); // expect: 3 4
const parts = [];
for (const ch of emoji) parts.push(ch.length);
print(parts.join(',')); // expect: 1,2,1
for (const ch of '') print('never');
let lone = 0;
for (const ch of '\ud800x') lone++;
print(lone); // expect: 2
const word = 'snap';

export function afterResume() {
  let r = '';
  for (const ch of word) r = ch + r;
  print(r); // expect: pans
}
