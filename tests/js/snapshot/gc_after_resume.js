// Heavy allocation after resume does not disturb the objects that came from the snapshot.
const keep = { name: 'kept', items: [] };
for (let i = 0; i < 100; i++) keep.items.push({ i: i, s: 'item' + i });
const alias = keep.items[50];
print(keep.items.length); // expect: 100

export function afterResume() {
  let garbage = 0;
  for (let i = 0; i < 50000; i++) {
    const tmp = { a: i, b: 'tmp' + i, c: [i, i] };
    garbage += tmp.c.length;
  }
  print(garbage); // expect: 100000
  print(keep.name, keep.items.length, keep.items[99].s); // expect: kept 100 item99
  print(alias === keep.items[50], alias.s); // expect: true item50
  let sum = 0;
  for (let i = 0; i < keep.items.length; i++) sum += keep.items[i].i;
  print(sum); // expect: 4950
}
