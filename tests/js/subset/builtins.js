// Issue 3 audit: the listed builtins, at build time and after a resume.
function run(phase) {
  print(phase, 'math', Math.floor(-1.5), Math.ceil(1.2), Math.round(2.5), Math.round(-2.5), Math.round(-0.2), Math.abs(-3),
    Math.min(1, -2, 3), Math.max(), Math.min(), Math.max(1, NaN), Math.pow(2, 8), Math.sqrt(2), Math.trunc(-4.7), Math.sign(-3), Math.sign(0));
  const r = Math.random();
  print(phase, 'random', typeof r, r >= 0 && r < 1);
  print(phase, 'number', Number.isNaN(NaN), Number.isNaN('x'), isNaN('x'), Number.isInteger(5.0), Number.isInteger(5.5), parseFloat('3.5e2x'),
    parseInt('ff', 16), parseInt('  -42px'), parseInt('0x1A'), (1.23456).toFixed(2), (1.005).toFixed(2), (255).toString(16), (0.5).toString(2), (-255).toString(36), (123.456).toString(8));
  const s = 'a😀bc';
  print(phase, 'string', s.length, s[1].charCodeAt(0), s.charCodeAt(2), s.charAt(0), String.fromCharCode(65, 66), s.indexOf('b'), 'abab'.lastIndexOf('ab'),
    s.includes('bc'), s.startsWith('a'), s.endsWith('c'), s.slice(-2), s.substring(4, 1).length, 'a,b,,c'.split(',').length, 'abc'.split('').join('|'),
    '  x '.trim() + '|', 'Ab'.toUpperCase(), 'Ab'.toLowerCase(), 'ab'.repeat(3), '5'.padStart(3, '0'), '5'.padEnd(3, '*'), s[10]);
  const a = [3, 1, 2];
  a.push(4); a.pop(); a.shift(); a.unshift(0);
  const removed = a.splice(1, 1, 'x', 'y');
  print(phase, 'array', a.join(), removed.join(), a.slice(1, -1).join(), a.concat([9], 8).join(), a.indexOf('y'), a.includes('x'),
    [1, 2, 3].reverse().join(), [10, 9, 1, 100].sort((p, q) => p - q).join(), [10, 9, 1, 100].sort().join(), [1, 2].map((v) => v * 2).join(),
    [1, 2, 3].filter((v) => v & 1).join(), [1, 2, 3].reduce((t, v) => t + v, 0), [1, 2].find((v) => v > 1), [1, 2].findIndex((v) => v > 5),
    [1].some((v) => v), [1].every((v) => v > 1), Array.isArray([]), Array.isArray('x'));
  let each = 0; [1, 2, 3].forEach((v, i) => { each += v * i; });
  const len = [1, 2, 3, 4]; len.length = 2; const l2 = len.length; len.length = 4;
  print(phase, 'array2', each, l2, len.length, 2 in len, String(len[3]), [1, [2, [3]]].join(';'));
  const o = { a: 1, b: 2 };
  const frozen = Object.freeze({ x: 1 });
  let frozenError = false; try { frozen.x = 2; } catch (e) { frozenError = e instanceof TypeError; }
  print(phase, 'object', Object.keys(o).join(), Object.values(o).join(), Object.entries(o).join(';'), Object.assign({}, o, { c: 3 }).c, frozen.x, frozenError, Object.isFrozen(frozen));
  const text = JSON.stringify({ a: [1, 'x', null, true], b: { c: 1.5 }, u: undefined, s: 'q"\n' });
  const parsed = JSON.parse(text);
  print(phase, 'json', text, parsed.a[1], parsed.b.c, JSON.stringify(JSON.parse('[1,{"z":[]}]')), JSON.stringify([1, 2], null, 1).length, JSON.stringify('é\u0001'));
  let bad = ''; try { JSON.parse('{bad'); } catch (e) { bad = e.name; }
  print(phase, 'json-error', bad);
  const u8 = new Uint8Array([1, 2, 300]); u8[0] = 257;
  print(phase, 'uint8array', u8.length, u8[0], u8[2], u8 instanceof Uint8Array, String(u8), new Uint8Array(2).join('-'));
  globalThis.added = phase;
  print(phase, 'globalThis', typeof globalThis, globalThis.Math === Math, globalThis.added, 'added' in globalThis);
}
run('build');
export function afterResume() { run('resume'); }

// Output (checked against Node.js): the build phase, then afterResume.
// expect: build math -2 2 3 -2 0 3 -2 -Infinity Infinity NaN 256 1.4142135623730951 -4 -1 0
// expect: build random number true
// expect: build number true false true true false 350 255 -42 26 1.23 1.00 ff 0.1 -73 173.3513615237574734
// expect: build string 5 55357 56832 a AB 3 2 true true true bc 3 4 a|b|c x| AB ab ababab 005 5** undefined
// expect: build array 0,x,y,2 1 x,y 0,x,y,2,9,8 2 true 3,2,1 1,9,10,100 1,10,100,9 2,4 1,3 6 2 -1 true false true false
// expect: build array2 8 2 4 false undefined 1;2,3
// expect: build object a,b 1,2 a,1;b,2 3 1 true true
// expect: build json {"a":[1,"x",null,true],"b":{"c":1.5},"s":"q\"\n"} x 1.5 [1,{"z":[]}] 10 "é\u0001"
// expect: build json-error SyntaxError
// expect: build uint8array 3 1 44 true 1,2,44 0-0
// expect: build globalThis object true build true
// expect: resume math -2 2 3 -2 0 3 -2 -Infinity Infinity NaN 256 1.4142135623730951 -4 -1 0
// expect: resume random number true
// expect: resume number true false true true false 350 255 -42 26 1.23 1.00 ff 0.1 -73 173.3513615237574734
// expect: resume string 5 55357 56832 a AB 3 2 true true true bc 3 4 a|b|c x| AB ab ababab 005 5** undefined
// expect: resume array 0,x,y,2 1 x,y 0,x,y,2,9,8 2 true 3,2,1 1,9,10,100 1,10,100,9 2,4 1,3 6 2 -1 true false true false
// expect: resume array2 8 2 4 false undefined 1;2,3
// expect: resume object a,b 1,2 a,1;b,2 3 1 true true
// expect: resume json {"a":[1,"x",null,true],"b":{"c":1.5},"s":"q\"\n"} x 1.5 [1,{"z":[]}] 10 "é\u0001"
// expect: resume json-error SyntaxError
// expect: resume uint8array 3 1 44 true 1,2,44 0-0
// expect: resume globalThis object true resume true
