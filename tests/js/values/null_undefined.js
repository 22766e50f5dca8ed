// null and undefined.
let u;
print(u); // expect: undefined
print(null); // expect: null
print(typeof u, typeof null); // expect: undefined object
print(u === undefined, u === null); // expect: true false
print(null == undefined, null === undefined); // expect: true false
print(null == 0, undefined == 0); // expect: false false
print(null == false, undefined == false); // expect: false false
print(null >= 0, null <= 0, null > 0); // expect: true true false
print(undefined >= 0, undefined <= 0); // expect: false false
print(null + 1, undefined + 1); // expect: 1 NaN
print('' + null + undefined); // expect: nullundefined
print(void 0 === undefined); // expect: true
function noReturn() {}
print(noReturn()); // expect: undefined
const o = { a: null };
print(o.a, o.b); // expect: null undefined
print(o.a === null, o.b === undefined); // expect: true true
print(!null, !undefined); // expect: true true
