// slice/substring/substr, trim family, split (string separators and limits), concat.
const s = "The quick brown fox";
print(s.slice(4, 9), s.slice(-3), s.slice(-9, -4), s.slice(10, 2) === "", s.slice()); // expect: quick fox brown true The quick brown fox
print(s.substring(4, 9), s.substring(9, 4), s.substring(-5, 3), s.substring(16), s.substring(NaN, 3)); // expect: quick quick The fox The
print(s.substr(4, 5), s.substr(-3), s.substr(-3, 2), s.substr(4, -1) === ""); // expect: quick fox fo true
print("[" + "  \t pad \n ".trim() + "]", "[" + "  x ".trimStart() + "]", "[" + "  x ".trimEnd() + "]"); // expect: [pad] [x ] [  x]
print("[" + "\u00a0\ufeffx\u2028".trim() + "]"); // expect: [x]
print("a,b,,c".split(",").length, "a,b,,c".split(",").join("|"), "abc".split("").join("|"), "a b".split().length); // expect: 4 a|b||c a|b|c 1
print("a,b,c".split(",", 2).join("|"), "".split(",").length, "".split("").length, "abc".split("abc").length); // expect: a|b 1 0 2
print("one--two--".split("--").join("|"), "x".split("x").length, "a1b1c".split(1).join("|")); // expect: one|two| 2 a|b|c
print("a".concat("b", 1, null, [2, 3]), "x".concat()); // expect: ab1null2,3 x
