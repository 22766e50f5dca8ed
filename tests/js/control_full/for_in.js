// for-in over objects: own enumerable keys (integer keys first), then inherited enumerable
// keys; keys are strings; properties deleted before they are reached are skipped.
const o = { b: 1, a: 2, 1: 'x', 0: 'y' };
let keys = '';
for (const k in o) keys += k + ':' + typeof k + ' ';
print(keys); // expect: 0:string 1:string b:string a:string 
function Base() { this.own = 1; }
Base.prototype.inherited = 2;
const inst = new Base();
keys = '';
for (const k in inst) keys += k + ' ';
print(keys); // expect: own inherited 
const arr = ['p', 'q'];
keys = '';
for (const i in arr) keys += i + arr[i];
print(keys); // expect: 0p1q
const d = { x: 1, y: 2, z: 3 };
keys = '';
for (const k in d) {
  if (k === 'x') delete d.y;
  keys += k;
}
print(keys); // expect: xz
for (const k in null) print('never');
for (const k in undefined) print('never');
keys = '';
for (const k in 'ab') keys += k;
print(keys); // expect: 01
let count = 0;
for (const k in {}) count++;
print(count); // expect: 0
const fs = [];
for (const k in { m: 1, n: 2 }) fs.push(() => k);
print(fs[0]() + fs[1]()); // expect: mn
let lastKey;
for (lastKey in o);
print(lastKey); // expect: a

export function afterResume() {
  o.c = 3;
  keys = '';
  for (const k in o) keys += k;
  print(keys); // expect: 01bac
}
