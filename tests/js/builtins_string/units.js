// charAt, charCodeAt, codePointAt, at, String.fromCharCode, and lengths in UTF-16 units.
const s = "aé€😀";
print(s.length, s.charAt(1), s.charAt(9) === "", s.charCodeAt(1), s.charCodeAt(2), s.charCodeAt(3)); // expect: 5 é true 233 8364 55357
print(s.codePointAt(3), s.codePointAt(4), s.codePointAt(9), isNaN(s.charCodeAt(-1))); // expect: 128512 56832 undefined true
print(s.at(0), s.at(-1) === "\ude00", s.at(5), "abc".at(-3), "abc".at(1.7)); // expect: a true undefined a b
print(String.fromCharCode(72, 105, 0x20ac), String.fromCharCode(), String.fromCharCode(0x1F600 + 0x10000).length); // expect: Hi€  1
print(String.fromCharCode(0xd83d, 0xde00) === "😀", String.fromCharCode("65", 66.9)); // expect: true AB
