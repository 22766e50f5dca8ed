// slice (negative indexes count from the end) and substring (negative and NaN become 0,
// the arguments swap when reversed), with out-of-range and converted arguments.
const s = 'hello world';
print(s.slice(0, 5), s.slice(6), s.slice(-5), s.slice(-5, -1), s.slice(3, 1) === ''); // expect: hello world world worl true
print(s.slice(), s.slice(100) === '', s.slice(-100, 2), s.slice(2.7, '5')); // expect: hello world true he llo
print(s.substring(0, 5), s.substring(6), s.substring(5, 0), s.substring(-3, 2), s.substring(NaN, 4)); // expect: hello world hello he hell
print(s.substring(4, 4) === '', s.substring(3, 100), s.substring()); // expect: true lo world hello world
const e = 'a😀b';
print(e.slice(1, 3) === '😀', e.slice(1, 2) === '\ud83d', e.substring(3), e.slice(-1)); // expect: true true b b
let word = '';
for (let i = 0; i < s.length; i += 3) word += s.slice(i, i + 1);
print(word); // expect: hlwl

export function afterResume() {
  print(s.slice(-3).toUpperCase(), s.substring(7, 2).length); // expect: RLD 5
}
