// JSON.parse: nesting, escapes (including \u and surrogate pairs), numbers (exponents,
// -0, large), whitespace, duplicate keys (last wins), and SyntaxError on bad input.
const v = JSON.parse(' { "a" : [1, 2.5, -3e2, true, false, null], "b": { "c": "d" } } ');
print(v.a.length, v.a[1], v.a[2], v.a[3], v.a[5], v.b.c); // expect: 6 2.5 -300 true null d
const s = JSON.parse('"q\\" b\\\\ n\\n t\\t u\\u00e9 p\\ud83d\\ude00 s\\/"');
print(s.length, s.indexOf('\n'), s.includes('é'), s.includes('😀'), s.endsWith('/')); // expect: 21 7 true true true
print(1 / JSON.parse('-0'), JSON.parse('1E3'), JSON.parse('123456789012345678901234567890'), JSON.parse('0.1')); // expect: -Infinity 1000 1.2345678901234568e+29 0.1
print(JSON.parse('"x"'), JSON.parse('null'), JSON.parse(' 42 '), JSON.parse('[]').length, typeof JSON.parse('{}')); // expect: x null 42 0 object
const dup = JSON.parse('{"k": 1, "k": 2, "2": "b", "1": "a"}');
print(dup.k, Object.keys(dup).join(',')); // expect: 2 1,2,k
const deep = JSON.parse('[[[[[["deep"]]]]]]');
print(deep[0][0][0][0][0][0]); // expect: deep
for (const bad of ['{a:1}', "{'a':1}", '[1,]', '', '01', '1.', 'tru', '"\\x"', '{"a":1}x', 'NaN', '"\n"']) {
  try {
    JSON.parse(bad);
    print('parsed', bad);
  } catch (e) {
    print(e instanceof SyntaxError, e.name);
  }
}
// expect: true SyntaxError
// expect: true SyntaxError
// expect: true SyntaxError
// expect: true SyntaxError
// expect: true SyntaxError
// expect: true SyntaxError
// expect: true SyntaxError
// expect: true SyntaxError
// expect: true SyntaxError
// expect: true SyntaxError
// expect: true SyntaxError
const round = JSON.parse(JSON.stringify({ x: [1, 'two', { three: 3 }] }));
print(round.x[2].three, round.x.length); // expect: 3 3
const saved = JSON.parse('{"count": 1}');

export function afterResume() {
  saved.count++;
  print(JSON.stringify(saved), JSON.parse('[' + saved.count + ']')[0]); // expect: {"count":2} 2
}
