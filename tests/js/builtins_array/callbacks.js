// map/filter/reduce/forEach/find/some/every: arguments, thisArg, holes, and live lengths.
const a = [5, 1, 4];
print(a.map((x, i, arr) => x * i + arr.length).join()); // expect: 3,4,11
print(a.filter(x => x > 1).join(), a.filter(() => false).length); // expect: 5,4 0
print(a.reduce((s, x) => s + x), a.reduce((s, x) => s + x, 100), a.reduceRight((s, x) => s + "" + x, "")); // expect: 10 110 415
print([[1, 2], [3]].reduce((acc, x) => acc.concat(x), []).join()); // expect: 1,2,3
let log = "";
[1, , 3].forEach((x, i) => { log += i + "=" + x + ";"; });
print(log); // expect: 0=1;2=3;
print([1, , 3].map(x => x * 2).length, 1 in [1, , 3].map(x => x), [1, , 3].find(x => x === undefined)); // expect: 3 false undefined
print(a.find(x => x < 5), a.findIndex(x => x === 4), a.findLast(x => x > 1), a.findLastIndex(x => x > 9)); // expect: 1 2 4 -1
print(a.some(x => x > 4), a.some(x => x > 5), a.every(x => x > 0), [].every(x => false), [].some(x => true)); // expect: true false true true false
const counter = { n: 0 };
[1, 2, 3].forEach(function (x) { this.n += x; }, counter);
print(counter.n); // expect: 6
const grow = [1, 2];
print(grow.map(x => { grow.push(x); return x; }).length, grow.length); // expect: 2 4
const shrink = [1, 2, 3, 4];
let seen = 0;
shrink.forEach(() => { seen++; shrink.pop(); });
print(seen, shrink.length); // expect: 2 2
try {
  [].reduce((s, x) => s + x);
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
try {
  [1].map("nope");
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
let stopped = 0;
try {
  [1, 2, 3].forEach(x => { stopped = x; if (x === 2) throw new Error("stop"); });
} catch (e) {
  print(e.message, stopped); // expect: stop 2
}
