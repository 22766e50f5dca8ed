// Booleans and boolean operators.
print(true, false); // expect: true false
print(!true, !false); // expect: false true
print(!!'x', !!''); // expect: true false
print(true === true, true === false); // expect: true false
print(true == 1, false == 0); // expect: true true
print(true === 1); // expect: false
print(true + 1); // expect: 2
print(true + 'x'); // expect: truex
print(typeof true); // expect: boolean
print(1 < 2 === true); // expect: true
print(true > false); // expect: true
let b = false;
b = !b;
print(b); // expect: true
print(3 > 2 > 1); // expect: false
