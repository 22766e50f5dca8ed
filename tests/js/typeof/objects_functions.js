// typeof on objects, arrays, functions and builtins.
print(typeof {}, typeof [], typeof { a: 1 }); // expect: object object object
function decl() {}
print(typeof decl, typeof function () {}, typeof (() => 1)); // expect: function function function
const o = { m() {} };
print(typeof o.m, typeof o.missing); // expect: function undefined
print(typeof print, typeof console, typeof console.log); // expect: function object function
print(typeof Error, typeof TypeError, typeof new Error('x')); // expect: function function object
function Ctor() {}
print(typeof new Ctor()); // expect: object
const arr = [1, 'a', null, () => 0];
let s = '';
for (let i = 0; i < arr.length; i++) s += typeof arr[i] + ';';
print(s); // expect: number;string;object;function;
