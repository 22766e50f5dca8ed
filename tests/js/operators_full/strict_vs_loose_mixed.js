// Abstract equality between primitives of different types, next to strict equality.
print(1 == '1', 1 === '1', 0 == '', 0 == '0', '' == '0'); // expect: true false true true false
print(null == undefined, null === undefined, null == 0, undefined == 0); // expect: true false false false
print(NaN == NaN, NaN != NaN, 0 == -0, 0 === -0); // expect: false true true true
print(true == 1, true == '1', false == '', false == 'false', true == 2); // expect: true true true false false
print('1e3' == 1000, ' 12 ' == 12, '0x10' == 16, 'abc' == NaN); // expect: true true true false
print(null == false, undefined == '', '' == null); // expect: false false false
print(2147483648 == '2147483648', -2147483648 == '-2147483648'); // expect: true true

export function afterResume() {
  const z = -0;
  print(z == 0, z === 0, '' + z == '0'); // expect: true true true
}
