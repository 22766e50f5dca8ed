// Escape sequences in string literals.
print('tab:\t|'); // expect: tab:	|
print('quote: \' and "'); // expect: quote: ' and "
print("double: \" and '"); // expect: double: " and '
print('backslash: \\'); // expect: backslash: \
print('\x41\x42\x43'); // expect: ABC
print('\u0041\u0062'); // expect: Ab
print('a\nb'); // expect: a
// expect: b
print('\n'.length, '\\n'.length); // expect: 1 2
print('\0'.length); // expect: 1
print('line \
continued'); // expect: line continued
print('\x41' === 'A'); // expect: true
print('it\'s'.length); // expect: 4
