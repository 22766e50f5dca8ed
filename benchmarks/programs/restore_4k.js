// Restore time of a ~4 KB image: the top level builds a table at build time, so the image
// carries ~4 KB of heap (ours; Microvium's encoding of the same state is smaller). The
// runner times restore + free of this image; run() only checks the restored state.
// measure: restore
// expect: restore_4k 28 entry27 378
const table = [];
for (let i = 0; i < 28; i++) {
  table.push({ id: i, name: 'entry' + i, tags: [i, i + 1] });
}

export function run() {
  let s = 0;
  for (let i = 0; i < table.length; i++) {
    s = s + table[i].id;
  }
  print('restore_4k ' + table.length + ' ' + table[27].name + ' ' + s);
  return s;
}
