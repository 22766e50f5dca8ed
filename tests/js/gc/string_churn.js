// Build and drop 100000 strings; the few kept strings keep their contents.
const kept = [];
let totalLength = 0;
for (let i = 0; i < 100000; i++) {
  const s = 'str-' + i + '-' + (i * 3);
  totalLength += s.length;
  if (i % 25000 === 0) kept.push(s);
}
print(totalLength); // expect: 1551850
print(kept.length, kept[0], kept[1], kept[3]); // expect: 4 str-0-0 str-25000-75000 str-75000-225000
let acc = '';
for (let i = 0; i < 20000; i++) {
  acc = acc + 'x';
  if (acc.length > 100) acc = '';
}
print(acc.length); // expect: 2
const byKey = {};
for (let i = 0; i < 50000; i++) {
  byKey['k' + (i % 100)] = 'value' + i;
}
print(byKey.k0, byKey.k99); // expect: value49900 value49999
