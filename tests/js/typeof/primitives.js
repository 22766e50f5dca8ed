// typeof on primitive values.
print(typeof 1, typeof 1.5, typeof -0, typeof NaN, typeof Infinity); // expect: number number number number number
print(typeof 'x', typeof '', typeof `t`); // expect: string string string
print(typeof true, typeof false); // expect: boolean boolean
print(typeof undefined, typeof void 0); // expect: undefined undefined
print(typeof null); // expect: object
print(typeof typeof 1); // expect: string
print(typeof (1 + '1'), typeof (1 - '1')); // expect: string number
let u;
print(typeof u); // expect: undefined
print(typeof 1 + 1); // expect: number1
