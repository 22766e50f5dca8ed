// Allocate 100000 short-lived objects while keeping a few alive; the kept ones stay intact.
const keep = [];
let checksum = 0;
for (let i = 0; i < 100000; i++) {
  const o = { id: i, name: 'item' + i, pair: [i, -i], next: null };
  checksum += o.pair[0] + o.pair[1] + o.id % 7;
  if (i % 10000 === 0) keep.push(o);
}
print(checksum); // expect: 299995
print(keep.length); // expect: 10
print(keep[0].name, keep[3].name, keep[9].id); // expect: item0 item30000 90000
print(keep[5].pair[1]); // expect: -50000
let linked = null;
for (let i = 0; i < 100000; i++) {
  const node = { v: i, next: linked };
  if (i % 1000 === 0) linked = node;
}
let n = 0;
let sum = 0;
for (let p = linked; p !== null; p = p.next) {
  n++;
  sum += p.v;
}
print(n, sum); // expect: 100 4950000
