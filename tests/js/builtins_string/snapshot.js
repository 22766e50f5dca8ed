// String methods on heap and ROM strings after a resume; a method value kept across the snapshot.
const words = "delta alpha charlie bravo".split(" ");
const upper = "x".toUpperCase;
print(words.length, upper.name); // expect: 4 toUpperCase
export function afterResume() {
  print(words.map(w => w.charAt(0).toUpperCase() + w.slice(1)).join(" ")); // expect: Delta Alpha Charlie Bravo
  print("  resumed  ".trim().padEnd(10, ".") + "|", "a-b-c".split("-").reverse().join("+")); // expect: resumed...| c+b+a
}
