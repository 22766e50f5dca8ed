// Integer operators at the edges of the small-integer range, and the results that are no
// small integer (-0, past 2^30): a core whose operators take a short path for two small
// integers must hand these to the general one.
function show(x) { return x === 0 && 1 / x < 0 ? '-0' : String(x); }
const ops = [
  (a, b) => a + b, (a, b) => a - b, (a, b) => a * b,
  (a, b) => a & b, (a, b) => a | b, (a, b) => a ^ b,
  (a, b) => a < b, (a, b) => a <= b, (a, b) => a > b, (a, b) => a >= b,
];
const values = [0, 1, -1, 2, -2, 32767, -32768, 32768, 1073741823, -1073741824, 46341];
const lines = [];
for (let i = 0; i < ops.length; i++) {
  const row = [];
  for (let j = 0; j < values.length; j++) {
    for (let k = 0; k < values.length; k += 3) row.push(show(ops[i](values[j], values[k])));
  }
  lines.push(row.join(' '));
}
for (let i = 0; i < lines.length; i++) print(lines[i]);
// expect: 0 2 -32768 -1073741824 1 3 -32767 -1073741823 -1 1 -32769 -1073741825 2 4 -32766 -1073741822 -2 0 -32770 -1073741826 32767 32769 -1 -1073709057 -32768 -32766 -65536 -1073774592 32768 32770 0 -1073709056 1073741823 1073741825 1073709055 -1 -1073741824 -1073741822 -1073774592 -2147483648 46341 46343 13573 -1073695483
// expect: 0 -2 32768 1073741824 1 -1 32769 1073741825 -1 -3 32767 1073741823 2 0 32770 1073741826 -2 -4 32766 1073741822 32767 32765 65535 1073774591 -32768 -32770 0 1073709056 32768 32766 65536 1073774592 1073741823 1073741821 1073774591 2147483647 -1073741824 -1073741826 -1073709056 0 46341 46339 79109 1073788165
// expect: 0 0 -0 -0 0 2 -32768 -1073741824 -0 -2 32768 1073741824 0 4 -65536 -2147483648 -0 -4 65536 2147483648 0 65534 -1073709056 -35183298347008 -0 -65536 1073741824 35184372088832 0 65536 -1073741824 -35184372088832 0 2147483646 -35184372056064 -1152921503533105200 -0 -2147483648 35184372088832 1152921504606847000 0 92682 -1518501888 -49758269865984
// expect: 0 0 0 0 0 0 0 0 0 2 -32768 -1073741824 0 2 0 0 0 2 -32768 -1073741824 0 2 0 0 0 0 -32768 -1073741824 0 0 32768 0 0 2 1073709056 0 0 0 -1073741824 -1073741824 0 0 32768 0
// expect: 0 2 -32768 -1073741824 1 3 -32767 -1073741823 -1 -1 -1 -1 2 2 -32766 -1073741822 -2 -2 -2 -2 32767 32767 -1 -1073709057 -32768 -32766 -32768 -32768 32768 32770 -32768 -1073709056 1073741823 1073741823 -1 -1 -1073741824 -1073741822 -32768 -1073741824 46341 46343 -19195 -1073695483
// expect: 0 2 -32768 -1073741824 1 3 -32767 -1073741823 -1 -3 32767 1073741823 2 0 -32766 -1073741822 -2 -4 32766 1073741822 32767 32765 -1 -1073709057 -32768 -32766 0 1073709056 32768 32770 -65536 -1073709056 1073741823 1073741821 -1073709057 -1 -1073741824 -1073741822 1073709056 0 46341 46343 -51963 -1073695483
// expect: false true false false false true false false true true false false false false false false true true false false false false false false true true false false false false false false false false false false true true true false false false false false
// expect: true true false false false true false false true true false false false true false false true true false false false false false false true true true false false false false false false false false false true true true true false false false false
// expect: false false true true true false true true false false true true true false true true false false true true true true true true false false false true true true true true true true true true false false false false true true true true
// expect: true false true true true false true true false false true true true true true true false false true true true true true true false false true true true true true true true true true true false false false true true true true true
print(show(0 * -5) + ' ' + show(-7 * 0) + ' ' + show(-0 + 0) + ' ' + show(0 - 0)); // expect: -0 -0 0 0
let n = 0;
print(show(-n) + ' ' + show(~n) + ' ' + show(-(-1073741824)) + ' ' + show(~1073741823));
// expect: -0 -1 1073741824 -1073741824
let m = 1073741823;
m++;
let p = -1073741824;
p--;
print(m + ' ' + p + ' ' + show(-m) + ' ' + (m - 1) + ' ' + (p + 1));
// expect: 1073741824 -1073741825 -1073741824 1073741823 -1073741824
