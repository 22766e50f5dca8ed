// Regression (differential testing, tests/differential/FINDINGS.md): properties whose key
// is not an array index can be stored on arrays (JS arrays are objects); they do not
// change the length, and non-canonical numeric strings are not indexes.
const a = [10, 20];
a.label = 'named';
a[-1] = 'minus one';
a[1.5] = 'one and a half';
a['01'] = 'zero one';
a['x y'] = 'spaced';
print(a.length, a.label, a[-1], a['-1'], a[1.5], a['1.5']); // expect: 2 named minus one minus one one and a half one and a half
print(a['01'], a[1], a['x y']); // expect: zero one 20 spaced
print('label' in a, '01' in a, 2 in a); // expect: true true false
a.label += '!';
print(a.label, delete a.label, a.label); // expect: named! true undefined
a.push(30);
print(a.length, a[2], a[-1]); // expect: 3 30 minus one

export function afterResume() {
  print(a[-1], a['x y'], a.length); // expect: minus one spaced 3
}
