// Arbitrary expressions inside ${ }, including calls, ternaries and nested templates.
function twice(x) { return x * 2; }
const o = { a: { b: 'deep' }, n: 3 };
print(`${twice(21)}`); // expect: 42
print(`${o.a.b}!`); // expect: deep!
print(`${o.n > 2 ? 'big' : 'small'}`); // expect: big
print(`outer ${`inner ${o.n}`} end`); // expect: outer inner 3 end
print(`${'x' + 'y'}${o['n'] + 1}`); // expect: xy4
const items = ['p', 'q'];
print(`${items[0]}-${items[1]}-${items.length}`); // expect: p-q-2
let i = 0;
const t = `${i++} ${i++} ${i++}`;
print(t, i); // expect: 0 1 2 3
print(`${`${`${'triple'}`}`}`); // expect: triple
const f = (x) => `<${x}>`;
print(f(f('z'))); // expect: <<z>>
