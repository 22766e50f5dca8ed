// print converts each argument with String(), joins them with one space and ends the line.
print('hello'); // expect: hello
print('a', 'b', 'c'); // expect: a b c
print(1, 'two', 3.5); // expect: 1 two 3.5
print(null, undefined); // expect: null undefined
print(true, false); // expect: true false
print(); // expect:
print(''); // expect:
print('x', '', 'y'); // expect: x  y
print('multi\nline'); // expect: multi
// expect: line
print(-0, 0); // expect: 0 0
print(0.5, -2.25, 100); // expect: 0.5 -2.25 100
