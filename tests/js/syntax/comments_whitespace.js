/* A block comment at the top.
   Spanning lines. */
// Comments and unusual whitespace do not affect the program.
print(/* inline */ 'inline comment ok'); // expect: inline comment ok
const v = 1 + /* in the middle */ 2;
print(v); // expect: 3
	print('tab-indented');  // expect: tab-indented
print(
  'split',
  'over',
  'lines'
); // expect: split over lines
const s = '// not a comment';
print(s); // expect: // not a comment
const t = '/* not a comment */';
print(t.length); // expect: 19
print(1 /* a */ + /* b */ 1); // expect: 2
