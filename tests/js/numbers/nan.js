// NaN is not equal to anything, including itself, and every comparison with it is false.
const nan = 0 / 0;
print(nan); // expect: NaN
print(NaN); // expect: NaN
print(typeof nan); // expect: number
print(nan === nan); // expect: false
print(nan !== nan); // expect: true
print(nan == nan); // expect: false
print(nan != nan); // expect: true
print(NaN === NaN); // expect: false
print(nan < 1, nan > 1, nan <= 1, nan >= 1); // expect: false false false false
print(nan < nan, nan <= nan); // expect: false false
print(1 < nan, 1 >= nan); // expect: false false
print(nan + 1); // expect: NaN
print(nan * 0); // expect: NaN
print(undefined + 1); // expect: NaN
print('abc' * 2); // expect: NaN
print(+'hello'); // expect: NaN
let x = nan;
print(x !== x ? 'is NaN' : 'not NaN'); // expect: is NaN
let y = 5;
print(y !== y ? 'is NaN' : 'not NaN'); // expect: not NaN
print(nan ? 'truthy' : 'falsy'); // expect: falsy
print(!nan); // expect: true
print(nan | 0, nan >>> 0, ~nan); // expect: 0 0 -1
print(nan == null, nan == undefined, nan == 0); // expect: false false false
print(-nan); // expect: NaN
print(nan % 2, 2 % nan); // expect: NaN NaN
print(nan ** 0); // expect: 1
