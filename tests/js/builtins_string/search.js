// Searching in UTF-16 units: indexOf/lastIndexOf/includes/startsWith/endsWith with positions.
const s = "Hello, World. Hello!";
print(s.indexOf("Hello"), s.indexOf("Hello", 1), s.indexOf("x"), s.indexOf(""), s.indexOf("", 99)); // expect: 0 14 -1 0 20
print(s.lastIndexOf("Hello"), s.lastIndexOf("Hello", 10), s.lastIndexOf("o", -5), s.lastIndexOf("")); // expect: 14 0 -1 20
print(s.includes("World"), s.includes("world"), s.includes("Hello", 15), s.includes("")); // expect: true false false true
print(s.startsWith("Hello"), s.startsWith("World", 7), s.startsWith("H", -3), s.endsWith("!")); // expect: true true true true
print(s.endsWith("World", 12), s.endsWith(""), "abc".indexOf("c", -10), "aaa".lastIndexOf("aa")); // expect: true true 2 1
print("x1x".indexOf(1), "null".includes(null), "€uro".indexOf("u"), "a😀b".indexOf("b")); // expect: 1 true 1 3
