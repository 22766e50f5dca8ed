// Unary operators: - + ! ~ void typeof.
const s = '3';
print(-s, +s, typeof -s); // expect: -3 3 number
print(-'-4'); // expect: 4
print(-true, +false); // expect: -1 0
print(-(-5), - -5); // expect: 5 5
print(!0, !1, !'', !'a', !null, !{}); // expect: true false true false true false
print(!!NaN, !!'false'); // expect: false true
print(~0, ~1, ~-1, ~5); // expect: -1 -2 0 -6
print(~2147483647, ~-2147483648); // expect: -2147483648 2147483647
print(~4294967295, ~2.7, ~-2.7); // expect: 0 -3 1
print(~~3.9, ~~-3.9); // expect: 3 -3
print(~'7'); // expect: -8
let calls = 0;
print(void 0, void 'x', void (calls++)); // expect: undefined undefined undefined
print(calls); // expect: 1
print(-null, -undefined); // expect: 0 NaN
print(1 / -null); // expect: -Infinity
print(-(2 ** 31), -(-(2 ** 31))); // expect: -2147483648 2147483648
print(-1073741824, -(-1073741824)); // expect: -1073741824 1073741824
