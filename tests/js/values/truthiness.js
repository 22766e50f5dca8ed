// Which values are falsy: false, 0, -0, NaN, '', null, undefined. Everything else is truthy.
function t(v) { return v ? 'T' : 'F'; }
print(t(false), t(0), t(-0), t(0 / 0), t(''), t(null), t(undefined)); // expect: F F F F F F F
print(t(true), t(1), t(-1), t(0.5), t(Infinity)); // expect: T T T T T
print(t('0'), t(' '), t('false'), t('null')); // expect: T T T T
print(t({}), t([]), t(t)); // expect: T T T
let n = 0;
if (n) print('wrong'); else print('zero is falsy'); // expect: zero is falsy
let s = 'x';
while (s) { print('loop once'); s = ''; } // expect: loop once
print(!!0, !!'0'); // expect: false true
