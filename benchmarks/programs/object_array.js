// 1,000 objects pushed to an array, then summed (Microvium cannot grow an array past 1024).
// expect: object_array 1000 499500 999000 item999
export function run() {
  const items = [];
  for (let i = 0; i < 1000; i++) {
    items.push({ id: i, v: i * 2, name: 'item' + i });
  }
  let ids = 0;
  let vs = 0;
  for (let i = 0; i < items.length; i++) {
    ids = ids + items[i].id;
    vs = vs + items[i].v;
  }
  print('object_array ' + items.length + ' ' + ids + ' ' + vs + ' ' + items[999].name);
  return ids;
}
