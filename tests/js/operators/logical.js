// && and || return one of their operands and short-circuit (side effects show it).
let log = '';
function v(x) { log += '[' + x + ']'; return x; }
print(v(1) && v(2)); // expect: 2
print(log); // expect: [1][2]
log = '';
print(v(0) && v(2)); // expect: 0
print(log); // expect: [0]
log = '';
print(v('') || v('fallback')); // expect: fallback
print(log); // expect: [][fallback]
log = '';
print(v('first') || v('second')); // expect: first
print(log); // expect: [first]
print(null && 'x', undefined || null, 0 || '' || 'last'); // expect: null null last
print(1 && 2 && 3, 1 && 0 && 3); // expect: 3 0
print(!!(1 && 'a'), !('' || 0)); // expect: true true
const o = null;
print(o && o.prop); // expect: null
let counter = 0;
const inc = () => ++counter;
false && inc();
true || inc();
true && inc();
false || inc();
print(counter); // expect: 2
print(0 || 'default' && 'both'); // expect: both
