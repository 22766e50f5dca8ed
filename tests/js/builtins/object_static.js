// Object.keys, values, entries (own enumerable, in property order), Object.assign (copies
// in order, returns the target, skips null/undefined sources) and Object.freeze (writes,
// additions and deletions throw in module code; the object is returned).
const o = { b: 2, a: 1, 10: 'ten', 2: 'two' };
print(Object.keys(o).join(','), Object.values(o).join(',')); // expect: 2,10,b,a two,ten,2,1
print(Object.entries(o).map(([k, v]) => k + '=' + v).join('&')); // expect: 2=two&10=ten&b=2&a=1
function P() { this.own = 1; }
P.prototype.inherited = 2;
print(Object.keys(new P()).join(','), Object.keys([7, 8]).join(','), Object.keys('hi').join(',')); // expect: own 0,1 0,1
print(Object.keys({}).length, Object.values([, 'x']).length, Object.entries({}).length); // expect: 0 1 0
const target = { a: 0, keep: true };
const result = Object.assign(target, { a: 1, b: 1 }, null, undefined, { b: 2, c: 3 });
print(result === target, target.a, target.b, target.c, target.keep, Object.keys(target).join(',')); // expect: true 1 2 3 true a,keep,b,c
const clone = Object.assign({}, o);
clone.a = 100;
print(o.a, clone.a); // expect: 1 100
print(Object.keys(Object.assign({}, 'ab', [9])).join(','), Object.assign({}, 'ab', [9])[0]); // expect: 0,1 9
const frozen = Object.freeze({ x: 1, inner: { y: 2 } });
print(Object.freeze(frozen) === frozen); // expect: true
for (const attempt of [() => { frozen.x = 2; }, () => { frozen.z = 1; }, () => { delete frozen.x; }]) {
  try {
    attempt();
    print('allowed');
  } catch (e) {
    print(e instanceof TypeError);
  }
}
// expect: true
// expect: true
// expect: true
frozen.inner.y = 3;
print(frozen.x, frozen.z, frozen.inner.y); // expect: 1 undefined 3
const arr = Object.freeze([1, 2]);
try {
  arr.push(3);
} catch (e) {
  print(e instanceof TypeError, arr.length); // expect: true 2
}
print(Object.freeze(5), typeof Object.freeze('s')); // expect: 5 string

export function afterResume() {
  try {
    frozen.x = 5;
  } catch (e) {
    print('still frozen', frozen.x); // expect: still frozen 1
  }
  print(Object.entries(target).length, Object.values(clone).join(',')); // expect: 4 two,ten,2,100
}
