// Object.freeze: writes, additions and deletions throw TypeError (modules are strict code);
// freezing is shallow; frozen arrays refuse element writes, length changes and mutating methods.
const cfg = Object.freeze({ host: "h", port: 80, nested: { n: 1 } });
try {
  cfg.port = 81;
} catch (e) {
  print("write", e instanceof TypeError, cfg.port); // expect: write true 80
}
try {
  cfg.extra = 1;
} catch (e) {
  print("add", e instanceof TypeError, "extra" in cfg); // expect: add true false
}
try {
  delete cfg.host;
} catch (e) {
  print("delete", e instanceof TypeError, cfg.host); // expect: delete true h
}
cfg.nested.n = 2;
print(cfg.nested.n, Object.isFrozen(cfg), Object.isFrozen(cfg.nested), Object.isFrozen("s")); // expect: 2 true false true
const list = Object.freeze([3, 1, 2]);
const attempts = [
  () => { list[0] = 9; }, () => { list[5] = 9; }, () => { list.length = 0; }, () => list.push(4),
  () => list.pop(), () => list.sort(), () => list.reverse(), () => list.splice(0, 1),
  () => list.unshift(0), () => list.shift(), () => list.fill(0),
];
let refused = 0;
for (let i = 0; i < attempts.length; i++) {
  try {
    attempts[i]();
  } catch (e) {
    if (e instanceof TypeError) refused++;
  }
}
print(refused, attempts.length, list.join()); // expect: 11 11 3,1,2
print(list.map(x => x * 2).join(), list.slice().sort().join(), list.concat(4).length); // expect: 6,2,4 1,2,3 4
print(Object.freeze(5), Object.assign({}, cfg).port); // expect: 5 80
try {
  Object.assign(cfg, { port: 1 });
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
