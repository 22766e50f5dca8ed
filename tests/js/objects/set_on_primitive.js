// Modules are strict code: creating a property on a primitive throws a TypeError, and the
// primitive is unchanged.
function attempt(label, f) {
  try {
    f();
    print(label, 'no error');
  } catch (e) {
    print(label, e instanceof TypeError);
  }
}
const n = 5, s = 'ab', b = true, f = 1.5;
attempt('number', () => { n.x = 1; }); // expect: number true
attempt('float', () => { f['y'] = 2; }); // expect: float true
attempt('string', () => { s.x = 1; }); // expect: string true
attempt('string length', () => { s.length = 1; }); // expect: string length true
attempt('string index', () => { s[0] = 'z'; }); // expect: string index true
attempt('boolean', () => { b.flag = false; }); // expect: boolean true
attempt('computed', () => { const k = 'k' + 1; n[k] = 2; }); // expect: computed true
print(n.x, s.x, s.length, s[0], b.flag, f.y); // expect: undefined undefined 2 a undefined undefined
const o = { n: 1 };
attempt('object', () => { o.m = 2; }); // expect: object no error
print(o.m); // expect: 2
