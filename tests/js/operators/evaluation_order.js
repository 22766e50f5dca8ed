// Operands, arguments and assignment targets are evaluated left to right, once.
let log = '';
function v(x) { log += x; return x; }
v(1) + v(2) * v(3);
print(log); // expect: 123
log = '';
function f(a, b, c) { return a + b + c; }
f(v('a'), v('b'), v('c'));
print(log); // expect: abc
log = '';
const o = {};
function key() { log += 'K'; return 'k'; }
function val() { log += 'V'; return 'v'; }
function obj() { log += 'O'; return o; }
obj()[key()] = val();
print(log, o.k); // expect: OKV v
log = '';
o.count = 0;
function idx() { log += 'I'; return 'count'; }
o[idx()] += 5;
o[idx()]++;
print(log, o.count); // expect: II 6
log = '';
const arr = [v(1), v(2), v(3)];
print(log, arr.length); // expect: 123 3
log = '';
const obj2 = { a: v('x'), b: v('y') };
print(log); // expect: xy
log = '';
v('L') < v('R');
print(log); // expect: LR
log = '';
let x = 1;
x = x + (x = 10);
print(x); // expect: 11
let y = 1;
y += (y = 5);
print(y); // expect: 6
function getFn() { log += 'F'; return function (p) { return p; }; }
log = '';
getFn()(v('arg'));
print(log); // expect: Farg
