// Strings and floats built at build time move into the image's ROM at the snapshot (the heap
// keeps only what can change). A moved string that spells a literal, an engine string or
// another moved string must be that one string, or property lookups would miss.
const colour = 'col' + 'our';           // the program's literal 'colour' is in the ROM too
const len = 'len' + 'gth';              // an engine string
const abc1 = 'ab' + 'c', abc2 = 'a' + 'bc';
const wide = 'caf' + '\u00e9' + ' \u20ac';
const o = {};
o[colour] = 'red';
o[len] = 3;
o[abc1] = 1;
o['x' + 1] = 'one';
o[wide] = 'wide';
const floats = [0.1 + 0.2, -0, 0 / 0, 2 ** 40, 2 ** 40, 1.5 * 3];
const keyed = {};
for (let i = 0; i < 4; i++) keyed['k' + i] = 'v' + i;
print(o.colour, o.length, o.abc, o.x1); // expect: red 3 1 one

export function afterResume() {
  print(o.colour, o.length, o.abc, o.x1, o['caf\u00e9 \u20ac']); // expect: red 3 1 one wide
  print(colour === 'colour', len === 'length', abc1 === abc2, abc1 === 'abc'); // expect: true true true true
  print(Object.keys(o).join()); // expect: colour,length,abc,x1,café €
  // Writes by a run-time string find the property the moved key names.
  o['colo' + 'ur'] = 'blue';
  o['a' + 'b' + 'c'] = 2;
  o.length = 4;
  print(Object.keys(o).length, o.colour, o.abc, o[len]); // expect: 5 blue 2 4
  print(JSON.stringify(keyed)); // expect: {"k0":"v0","k1":"v1","k2":"v2","k3":"v3"}
  print(keyed.k2, keyed['k' + 3], 'k1' in keyed, delete keyed.k1, Object.keys(keyed).length); // expect: v2 v3 true true 3
  print(floats[0], 1 / floats[1], floats[2] !== floats[2], floats[3] === floats[4], floats[5]); // expect: 0.30000000000000004 -Infinity true true 4.5
  print(wide.length, wide.charCodeAt(5), (wide + '!').length, colour.toUpperCase()); // expect: 6 8364 7 COLOUR
  const copy = {};
  copy[colour] = 1;
  print(copy.colour, Object.keys(copy)[0] === 'colour'); // expect: 1 true
}
