// var, let and const declarations.
var a = 1;
let b = 2;
const c = 3;
print(a, b, c); // expect: 1 2 3
a = 10;
b = 20;
print(a, b, c); // expect: 10 20 3
let d;
print(d); // expect: undefined
var e;
print(e); // expect: undefined
let f = 1, g = f + 1, h = g * 10;
print(f, g, h); // expect: 1 2 20
var i = 5, j;
print(i, j); // expect: 5 undefined
let x = 1;
x = x + 1;
x = x * x;
print(x); // expect: 4
let $dollar = 'ok', _under = 'ok2', camelCase9 = 'ok3';
print($dollar, _under, camelCase9); // expect: ok ok2 ok3
