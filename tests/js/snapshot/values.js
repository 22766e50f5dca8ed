// Numbers of every representation and strings built at run time survive the snapshot.
const floatSum = 0.1 + 0.2;
const negZero = -0;
const nan = 0 / 0;
const inf = 1 / 0;
const aboveInt31 = 1073741823 + 1;
const aboveInt32 = 2147483647 + 1;
const huge = 2 ** 60;
const negative = -123456789;
let built = '';
for (let i = 0; i < 5; i++) built += i;
const unicode = 'caf' + '\u00e9' + ' \u20ac';
const longString = 'ab';
let long = longString;
for (let i = 0; i < 10; i++) long += long;
const flags = [true, false, null, undefined];

export function afterResume() {
  print(floatSum, 1 / negZero, nan !== nan, inf); // expect: 0.30000000000000004 -Infinity true Infinity
  print(aboveInt31, aboveInt32, huge, negative); // expect: 1073741824 2147483648 1152921504606847000 -123456789
  print(aboveInt31 + 1, aboveInt32 * 2); // expect: 1073741825 4294967296
  print(built, built === '01234', built.length); // expect: 01234 true 5
  print(unicode, unicode.length); // expect: café € 6
  print(long.length, long[2047]); // expect: 2048 b
  print(flags[0], flags[1], flags[2], flags[3], flags.length); // expect: true false null undefined 4
  print(typeof floatSum, typeof built); // expect: number string
}
