// String concatenation with + and conversions of the other operand.
print('foo' + 'bar'); // expect: foobar
print('a' + 'b' + 'c'); // expect: abc
print('' + ''); // expect:
print('n=' + 1); // expect: n=1
print(1 + '2'); // expect: 12
print(1 + 2 + '3'); // expect: 33
print('1' + 2 + 3); // expect: 123
print('1' + (2 + 3)); // expect: 15
print('x' + 1.5); // expect: x1.5
print('x' + null); // expect: xnull
print('x' + undefined); // expect: xundefined
print('x' + true); // expect: xtrue
print('x' + 0.1 * 3); // expect: x0.30000000000000004
print('x' + 1e21); // expect: x1e+21
print('x' + -0); // expect: x0
print('x' + NaN + Infinity); // expect: xNaNInfinity
let s = 'ab';
s += 'cd';
s += 5;
print(s); // expect: abcd5
let t = 5;
t += '5';
print(t, typeof t); // expect: 55 string
print(typeof ('' + 1)); // expect: string
print(('' + 12345).length); // expect: 5
