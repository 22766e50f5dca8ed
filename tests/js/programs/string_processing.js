// Text processing with indexing and comparison: word split, capitalisation, palindromes.
function split(s, sep) {
  const parts = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === sep) {
      parts.push(cur);
      cur = '';
    } else {
      cur += s[i];
    }
  }
  parts.push(cur);
  return parts;
}
const lower = 'abcdefghijklmnopqrstuvwxyz';
const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function capitalize(w) {
  if (w.length === 0) return w;
  let first = w[0];
  for (let i = 0; i < lower.length; i++) if (lower[i] === first) first = upper[i];
  let rest = '';
  for (let i = 1; i < w.length; i++) rest += w[i];
  return first + rest;
}
const words = split('the quick brown fox', ' ');
let title = '';
for (let i = 0; i < words.length; i++) title += (i ? ' ' : '') + capitalize(words[i]);
print(words.length, title); // expect: 4 The Quick Brown Fox
function isPalindrome(s) {
  for (let i = 0, j = s.length - 1; i < j; i++, j--) if (s[i] !== s[j]) return false;
  return true;
}
print(isPalindrome('racecar'), isPalindrome('abca'), isPalindrome('')); // expect: true false true
const csv = split('a,,b,', ',');
print(csv.length, csv[1] === '', csv[2]); // expect: 4 true b
