// Named property reads and writes take a short path for an own data property found by its
// key's identity; everything else (accessors, hidden properties, frozen objects, keys built
// at run time, inherited and missing properties) must behave exactly as the general path.
const o = { a: 1, b: 2 };
o.a = o.a + o.b;
print(o.a, o.b); // expect: 3 2
const key = ['a', 'b'].join('').slice(0, 1); // the text 'a', a string made at run time
o[key] = 10;
print(o.a, Object.keys(o).join()); // expect: 10 a,b
o[['c', 'd'].join('')] = 5; // added with a run-time key, read with a constant one
print(o.cd, Object.keys(o).join()); // expect: 5 a,b,cd
o.cd = 6;
print(o[['c', 'd'].join('')], Object.keys(o).length); // expect: 6 3

let log = [];
const acc = {
  get v() { log.push('get'); return 7; },
  set v(x) { log.push('set ' + x); },
};
acc.v = 1;
print(acc.v, log.join()); // expect: 7 set 1,get

class Hidden { m() { return 4; } } // a method is a hidden (non-enumerable) own property
const hidden = Hidden.prototype;
const m = hidden.m;
hidden.m = function () { return m() + 1; };
print(hidden.m(), new Hidden().m(), Object.keys(hidden).length); // expect: 5 5 0

const frozen = Object.freeze({ f: 1 });
try { frozen.f = 2; print('written'); } catch (e) { print(e.name); } // expect: TypeError
print(frozen.f); // expect: 1

const base = { inherited: 'base' };
const child = Object.create(base);
print(child.inherited, child.missing); // expect: base undefined
child.inherited = 'own';
print(child.inherited, base.inherited); // expect: own base

const numeric = { 0: 'zero', '1': 'one' };
print(numeric[0], numeric['0'], numeric[1]); // expect: zero zero one

class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  get sum() { return this.x + this.y; }
}
const p = new Point(2, 3);
p.x = p.x * 10;
print(p.x, p.sum, p instanceof Point); // expect: 20 23 true

const arr = [1, 2];
arr.label = 'L';
print(arr.label, arr.length); // expect: L 2

export function afterResume() {
  o.a = o.a + 1;
  o[key] = o[key] + 1;
  print(o.a, o.cd, acc.v, hidden.m(), frozen.f, child.inherited, p.sum); // expect: 12 6 7 5 1 own 23
  try { frozen.f = 3; } catch (e) { print(e.name, frozen.f); } // expect: TypeError 1
  const fresh = { n: 0 };
  for (let i = 0; i < 5; i++) fresh.n = fresh.n + i;
  print(fresh.n, log.length); // expect: 10 3
}
