// == between primitives converts types.
print(null == undefined, undefined == null); // expect: true true
print(null == 0, undefined == 0, null == ''); // expect: false false false
print(null == false, undefined == false); // expect: false false
print(1 == '1', '1' == 1); // expect: true true
print(0 == false, 1 == true, 2 == true); // expect: true true false
print('' == 0, '0' == false, '' == false); // expect: true true true
print('' == '0'); // expect: false
print(' \n' == 0); // expect: true
print('1.0' == 1, '1e0' == 1, '0x10' == 16); // expect: true true true
print('true' == true, 'abc' == 0); // expect: false false
print(0 / 0 == 0 / 0); // expect: false
print(1 != '1', 1 != '2'); // expect: false true
print(null != undefined, null != 0); // expect: false true
print('a' == 'a', 'a' != 'b'); // expect: true true
const o = { v: 1 };
const p = o;
print(o == p, o == { v: 1 }); // expect: true false
print(undefined == undefined, null == null); // expect: true true
