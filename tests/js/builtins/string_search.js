// indexOf, lastIndexOf, includes, startsWith and endsWith, with positions (clamped,
// converted) and empty search strings.
const s = 'abcabcab';
print(s.indexOf('b'), s.indexOf('b', 2), s.indexOf('x'), s.indexOf(''), s.indexOf('', 100)); // expect: 1 4 -1 0 8
print(s.indexOf('ab', -5), s.indexOf('cab'), s.indexOf('b', 7.9), s.indexOf()); // expect: 0 2 7 -1
print(s.lastIndexOf('b'), s.lastIndexOf('b', 6), s.lastIndexOf('ab', 0), s.lastIndexOf(''), s.lastIndexOf('x')); // expect: 7 4 0 8 -1
print(s.lastIndexOf('a', -3), s.lastIndexOf('c', NaN)); // expect: 0 5
print(s.includes('ca'), s.includes('cc'), s.includes(''), s.includes('a', 7), s.includes('b', 7)); // expect: true false true false true
print(s.startsWith('abc'), s.startsWith('bc'), s.startsWith('bc', 1), s.startsWith('', 99)); // expect: true false true true
print(s.endsWith('ab'), s.endsWith('ca'), s.endsWith('ca', 4), s.endsWith('abc', 3), s.endsWith('')); // expect: true false true true true
const u = 'x😀y';
print(u.indexOf('y'), u.includes('\ude00'), u.indexOf('😀'), u.lastIndexOf('\ud83d')); // expect: 3 true 1 1
print('null'.includes(null), 'undefined'.indexOf(), '123'.indexOf(2)); // expect: true 0 1

export function afterResume() {
  print(s.indexOf('c', 3), u.endsWith('y'), s.startsWith('cab', 2)); // expect: 5 true true
}
