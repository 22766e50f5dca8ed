// Arrays built with methods before the snapshot, transformed by methods after the resume.
const data = [5, 3, 8, 1].map(x => x * 2).sort((x, y) => x - y);
const byLength = ["ccc", "a", "bb"];
print(data.join()); // expect: 2,6,10,16
export function afterResume() {
  print(data.filter(x => x > 5).reduce((s, x) => s + x, 0), data.indexOf(16)); // expect: 32 3
  byLength.sort((p, q) => p.length - q.length);
  print(byLength.join(), byLength.slice(1).concat(["d"]).join("|")); // expect: a,bb,ccc bb|ccc|d
}
