// Unary plus converts strings and other primitives to numbers (ToNumber).
print(+'42'); // expect: 42
print(+'-5'); // expect: -5
print(+'3.25'); // expect: 3.25
print(+'  12  '); // expect: 12
print(+'\n\t7\n'); // expect: 7
print(+''); // expect: 0
print(+'   '); // expect: 0
print(+'1e3'); // expect: 1000
print(+'.5', +'5.'); // expect: 0.5 5
print(+'0x1F'); // expect: 31
print(+'12px'); // expect: NaN
print(+'abc'); // expect: NaN
print(+'1 2'); // expect: NaN
print(+'+8'); // expect: 8
print(+'007'); // expect: 7
print(+true, +false); // expect: 1 0
print(+null); // expect: 0
print(+undefined); // expect: NaN
print('6' * '7'); // expect: 42
print('10' / '4'); // expect: 2.5
print('10' - 3); // expect: 7
print('3' - -'2'); // expect: 5
print(true + true); // expect: 2
print(null + 5); // expect: 5
print(+'2147483648', +'-2147483649'); // expect: 2147483648 -2147483649
print(+'0.1' + +'0.2'); // expect: 0.30000000000000004
