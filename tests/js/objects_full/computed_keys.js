// Computed keys: any expression, converted to a property key (numbers canonicalized),
// evaluated in order; later duplicates overwrite earlier ones but keep the first position.
let i = 0;
const prefix = 'k';
const o = {
  [prefix + 1]: 'one',
  [prefix + (1 + 1)]: 'two',
  [i++]: 'zero',
  [i++]: 'one again',
  [1.5]: 'float',
  [-0]: 'neg zero',
  [null]: 'null key',
  [true]: 'bool key',
};
print(o.k1, o.k2, o[0], o[1], o['1.5'], o.null, o.true); // expect: one two neg zero one again float null key bool key
print(i, Object.keys(o).join(',')); // expect: 2 0,1,k1,k2,1.5,null,true
const dup = { a: 1, b: 2, ['a']: 3 };
print(dup.a, Object.keys(dup).join(',')); // expect: 3 a,b
const order = [];
const trace = (v) => { order.push(v); return v; };
const t = { [trace('x')]: trace(1), [trace('y')]: trace(2) };
print(order.join(','), t.x + t.y); // expect: x,1,y,2 3
const keyObj = { toString() { return 'fromToString'; } };
const k = { [keyObj]: 'ok' };
print(k.fromToString); // expect: ok
const big = { [2 ** 53]: 'big', [1e21]: 'exp' };
print(big['9007199254740992'], big['1e+21']); // expect: big exp

export function afterResume() {
  const again = { [prefix + 3]: 'three', ...o };
  print(again.k3, again.k1, Object.keys(again).length); // expect: three one 8
}
