// === and !== compare type and value, without conversion.
print(1 === 1, 1 === 2); // expect: true false
print(1 === 1.0); // expect: true
print(0.1 + 0.2 === 0.3); // expect: false
print('a' === 'a', 'a' === 'A'); // expect: true false
print(1 === '1', 0 === false, null === undefined); // expect: false false false
print(null === null, undefined === undefined); // expect: true true
print(true !== false, 1 !== 1); // expect: true false
print(0 === -0); // expect: true
const big = 2 ** 40;
print(big === 1099511627776); // expect: true
print(1073741824 === 2 ** 30); // expect: true
print(2147483648 === 2 ** 31); // expect: true
const o = {};
print(o === o, o !== {}); // expect: true true
const f = () => 1;
print(f === f); // expect: true
let x = 0.5 + 0.5;
print(x === 1); // expect: true
