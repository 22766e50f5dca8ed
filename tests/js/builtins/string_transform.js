// trim, toUpperCase, toLowerCase, repeat, padStart and padEnd.
print('[' + '  a b  '.trim() + ']', '[' + '\t\n x \r\n'.trim() + ']', '[' + '   '.trim() + ']'); // expect: [a b] [x] []
print('[' + '\u00a0\ufeffy\u2028'.trim() + ']'); // expect: [y]
print('Hello World'.toUpperCase(), 'Hello World'.toLowerCase(), 'éÀ'.toUpperCase(), 'ÉÀ'.toLowerCase()); // expect: HELLO WORLD hello world ÉÀ éà
print('123abc'.toUpperCase(), 'ß'.toUpperCase(), ''.toLowerCase() === ''); // expect: 123ABC SS true
print('ab'.repeat(3), 'x'.repeat(0) === '', 'ab'.repeat(2.9), ''.repeat(5) === ''); // expect: ababab true abab true
try {
  'a'.repeat(-1);
} catch (e) {
  print(e instanceof RangeError); // expect: true
}
try {
  'a'.repeat(Infinity);
} catch (e) {
  print(e.name); // expect: RangeError
}
print('5'.padStart(3, '0'), '5'.padEnd(3, '0'), 'abc'.padStart(2), 'abc'.padStart(6)); // expect: 005 500 abc    abc
print('x'.padStart(6, 'ab'), 'x'.padEnd(6, 'ab'), 'x'.padStart(3, ''), '[' + 'x'.padEnd(3) + ']'); // expect: ababax xababa x [x  ]
const cells = [1, 22, 333].map((n) => ('' + n).padStart(4, '.'));
print(cells.join('')); // expect: ...1..22.333

export function afterResume() {
  print('  Snap '.trim().toUpperCase().padEnd(6, '!'), 'ok'.repeat(2)); // expect: SNAP!! okok
}
