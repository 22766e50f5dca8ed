// Object literals whose properties all have plain names are made in one step (NEW_OBJECT_KEYS:
// the values inline, the keys a list in the ROM); everything done to them afterwards behaves as
// for any object.
const p = { x: 1, y: 'two', z: [3] };
print(p.x, p.y, p.z[0], Object.keys(p).join()); // expect: 1 two 3 x,y,z
print(JSON.stringify(p), 'x' in p, 'w' in p, p.hasOwnProperty('y')); // expect: {"x":1,"y":"two","z":[3]} true false true
p.x = 10;
p.w = 'added';
print(JSON.stringify(p), Object.keys(p).length); // expect: {"x":10,"y":"two","z":[3],"w":"added"} 4
delete p.y;
print(JSON.stringify(p), 'y' in p); // expect: {"x":10,"z":[3],"w":"added"} false
const one = { only: 1 };
one.only++;
one.second = 2;
delete one.only;
print(JSON.stringify(one)); // expect: {"second":2}
const frozen = Object.freeze({ a: 1, b: 2 });
try { frozen.a = 5; } catch (e) { print(e.name); } // expect: TypeError
try { frozen.c = 5; } catch (e) { print(e.name); } // expect: TypeError
print(frozen.a, Object.isFrozen(frozen), JSON.stringify(frozen)); // expect: 1 true {"a":1,"b":2}
let order = '';
for (const k in { m: 1, n: 2, o: 3 }) order += k;
print(order); // expect: mno
const named = { f: function () { return 1; }, g: () => 2, h: class {} };
print(named.f.name, named.g.name, named.h.name, named.f() + named.g()); // expect: f g h 3
const a = 1, b = 'bee';
const short = { a, b };
print(JSON.stringify(short)); // expect: {"a":1,"b":"bee"}
let effects = '';
const seq = { first: (effects += '1', 1), second: (effects += '2', 2), third: (effects += '3', 3) };
print(effects, seq.first + seq.second + seq.third); // expect: 123 6
try {
  const bad = { u: 1, v: (() => { throw new Error('mid'); })(), w: 3 };
  print(bad.u);
} catch (e) {
  print(e.message); // expect: mid
}
const copy = { ...p, extra: true };
print(JSON.stringify(copy)); // expect: {"x":10,"z":[3],"w":"added","extra":true}
const assigned = Object.assign({ k1: 1, k2: 2 }, { k2: 20, k3: 30 });
print(JSON.stringify(assigned)); // expect: {"k1":1,"k2":20,"k3":30}
print(JSON.stringify(Object.entries({ e1: 'a', e2: 'b' }))); // expect: [["e1","a"],["e2","b"]]
const withProto = { q: 1, r: 2 };
withProto.__proto__ = { inherited: 'yes' };
print(withProto.inherited, withProto.q, Object.keys(withProto).join()); // expect: yes 1 q,r
const nested = { outer: { inner: { deepest: 'd' } }, list: [{ i: 0 }, { i: 1 }] };
print(nested.outer.inner.deepest, nested.list[1].i, JSON.stringify(nested)); // expect: d 1 {"outer":{"inner":{"deepest":"d"}},"list":[{"i":0},{"i":1}]}
const many = [];
for (let i = 0; i < 300; i++) many.push({ id: i, sq: i * i, tag: 't' + i });
let total = 0;
for (const m of many) total += m.sq - m.id;
print(many.length, total, many[299].tag); // expect: 300 8910200 t299
const fallback = { ['comp' + 'uted']: 1, plain: 2, 7: 'index', get g() { return 'getter'; } };
print(JSON.stringify(fallback), fallback.g); // expect: {"7":"index","computed":1,"plain":2,"g":"getter"} getter
const repeated = { r: 1, r: 2 };
print(JSON.stringify(repeated)); // expect: {"r":2}
async function later(v) { return v; }
async function build() {
  const o = { before: 1, awaited: await later(2), after: 3 };
  return JSON.stringify(o);
}
build().then((s) => print(s)); // expect: {"before":1,"awaited":2,"after":3}
