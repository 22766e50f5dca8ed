// String length and indexing count UTF-16 code units; charAt, charCodeAt and
// String.fromCharCode work on units (astral characters are two units).
const s = 'aé€😀';
print(s.length, s[0], s[1], s[2], s[3] === '\ud83d', s[5]); // expect: 5 a é € true undefined
print(s.charAt(1), s.charAt(9) === '', s.charAt(-1) === '', s.charAt()); // expect: é true true a
print(s.charCodeAt(0), s.charCodeAt(1), s.charCodeAt(2), s.charCodeAt(3), s.charCodeAt(4)); // expect: 97 233 8364 55357 56832
print(s.charCodeAt(5), s.charCodeAt(-1), s.charCodeAt('1'), s.charCodeAt(1.9)); // expect: NaN NaN 233 233
print(String.fromCharCode(72, 105), String.fromCharCode(), String.fromCharCode(233, 8364)); // expect: Hi  é€
print(String.fromCharCode(0xd83d, 0xde00) === '😀', String.fromCharCode(65 + 65536), String.fromCharCode('66')); // expect: true A B
print(String.fromCharCode(-1).charCodeAt(0), String.fromCharCode(3.9).charCodeAt(0)); // expect: 65535 3
let codes = '';
for (let i = 0; i < 'hey'.length; i++) codes += 'hey'.charCodeAt(i) + ' ';
print(codes); // expect: 104 101 121 
const built = String.fromCharCode(...[1, 2, 3].map((d) => 48 + d));
print(built, built.length); // expect: 123 3

export function afterResume() {
  print(s.length, s.charCodeAt(4).toString(16), s.charAt(2)); // expect: 5 de00 €
}
