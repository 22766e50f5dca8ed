// A small JSON round trip, 1,000 times: stringify a nested object, parse it back, check a field.
// needs: JSON
// expect: json_rt 1000 {"id":999,"name":"n999","tags":["a","b","c"],"pos":{"x":999,"y":-999},"on":true}
export function run() {
  let ok = 0;
  let text = '';
  for (let i = 0; i < 1000; i++) {
    const o = { id: i, name: 'n' + i, tags: ['a', 'b', 'c'], pos: { x: i, y: -i }, on: true };
    text = JSON.stringify(o);
    const back = JSON.parse(text);
    if (back.pos.y === -i && back.tags[2] === 'c' && back.name === 'n' + i) ok++;
  }
  print('json_rt ' + ok + ' ' + text);
  return ok;
}
