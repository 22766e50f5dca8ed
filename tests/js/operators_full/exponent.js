// ** is right-associative, binds tighter than * and looser than unary operators (which
// must be parenthesized on its left); **= assigns.
print(2 ** 10, 2 ** 3 ** 2, (2 ** 3) ** 2); // expect: 1024 512 64
print(2 ** -1, (-2) ** 3, (-2) ** 2, -(2 ** 2)); // expect: 0.5 -8 4 -4
print(0 ** 0, NaN ** 0, 1 ** NaN, 2 ** NaN); // expect: 1 1 NaN NaN
print((-8) ** (1 / 3), 4 ** 0.5, 2 ** 0.5); // expect: NaN 2 1.4142135623730951
print(2 ** 31, 2 ** 53, 2 ** 1024, 2 ** -1075); // expect: 2147483648 9007199254740992 Infinity 0
print(10 ** 21, 10 ** -7, 3 * 2 ** 2); // expect: 1e+21 1e-7 12
print('3' ** '2', null ** 2, true ** 5); // expect: 9 0 1
let x = 3;
x **= 2;
print(x); // expect: 9
const o = { v: 2 };
o.v **= 5;
o['v'] **= 0.5;
print(o.v); // expect: 5.656854249492381
print((-0) ** 3 === 0, 1 / (-0) ** 3); // expect: true -Infinity

export function afterResume() {
  x **= 0.5;
  print(x, 2 ** x); // expect: 3 8
}
