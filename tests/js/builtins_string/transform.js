// Case mapping (ASCII, Latin-1, Latin Extended-A, Cyrillic), repeat, padStart/padEnd, replace.
print("Hello World".toUpperCase(), "Hello World".toLowerCase(), "123 !?".toUpperCase()); // expect: HELLO WORLD hello world 123 !?
print("àéîõü çñ ÿ".toUpperCase(), "ÀÉÎÕÜ ÇÑ".toLowerCase(), "straße".toUpperCase(), "µ".toUpperCase()); // expect: ÀÉÎÕÜ ÇÑ Ÿ àéîõü çñ STRASSE Μ
print("ŁÓDŹ ĄĘ".toLowerCase(), "łódź ąę".toUpperCase(), "Привет".toUpperCase(), "МИР".toLowerCase()); // expect: łódź ąę ŁÓDŹ ĄĘ ПРИВЕТ мир
print("ab".repeat(3), "x".repeat(0) === "", "".repeat(5) === "", "-".repeat(2.9)); // expect: ababab true true --
print("5".padStart(3, "0"), "5".padEnd(3, "ab"), "abc".padStart(6, "12345"), "abc".padStart(2), "x".padEnd(4) + "|"); // expect: 005 5ab 123abc abc x   |
print("aXbXc".replace("X", "-"), "aXbXc".replaceAll("X", "-"), "abc".replace("", "^"), "abc".replaceAll("", ".")); // expect: a-bXc a-b-c ^abc .a.b.c.
print("a-b".replace("-", "[$&|$`|$'|$$]"), "aaa".replaceAll("a", "$&$&"), "xyz".replace("q", "w")); // expect: a[-|a|b|$]b aaaaaa xyz
print("2 + 3".replace("+", (m, at, str) => m + at + str.length), "a.b.c".replaceAll(".", () => "/")); // expect: 2 +25 3 a/b/c
try {
  "x".repeat(-1);
} catch (e) {
  print(e instanceof RangeError); // expect: true
}
