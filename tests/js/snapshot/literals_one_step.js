// Objects made by one-step literals at build time (their key lists in the unit's ROM) carry
// into the image: the snapshot keeps each list the objects name, and a restored object
// behaves as any other when read, changed, grown or shrunk.
const rows = [];
for (let i = 0; i < 5; i++) rows.push({ id: i, name: 'row' + i, tags: [i] });
const config = { mode: 'fast', level: 3 };
const single = { lonely: true };
print(rows.length, config.mode); // expect: 5 fast
export function afterResume() {
  print(JSON.stringify(rows[4]), config.level, single.lonely); // expect: {"id":4,"name":"row4","tags":[4]} 3 true
  rows[0].name = 'renamed';
  rows[1].extra = 'x';
  delete rows[2].tags;
  config.level++;
  single.other = 1;
  const fresh = { id: 5, name: 'row5', tags: [] };
  rows.push(fresh);
  print(JSON.stringify(rows)); // expect: [{"id":0,"name":"renamed","tags":[0]},{"id":1,"name":"row1","tags":[1],"extra":"x"},{"id":2,"name":"row2"},{"id":3,"name":"row3","tags":[3]},{"id":4,"name":"row4","tags":[4]},{"id":5,"name":"row5","tags":[]}]
  print(JSON.stringify(config), JSON.stringify(single)); // expect: {"mode":"fast","level":4} {"lonely":true,"other":1}
  let s = 0;
  for (const r of rows) s += r.id;
  print(s, Object.keys(rows[1]).join(), Object.keys(rows[2]).join()); // expect: 15 id,name,tags,extra id,name
}
