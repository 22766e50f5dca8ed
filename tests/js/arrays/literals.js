// Array literals, indexing and length.
const a = [1, 2, 3];
print(a[0], a[1], a[2], a.length); // expect: 1 2 3 3
print(a[3], a[-1]); // expect: undefined undefined
const empty = [];
print(empty.length, empty[0]); // expect: 0 undefined
const mixed = [1, 'two', null, undefined, true, [5], { six: 6 }];
print(mixed.length, mixed[1], mixed[2], mixed[3], mixed[4]); // expect: 7 two null undefined true
print(mixed[5][0], mixed[6].six); // expect: 5 6
const trailing = [1, 2, ];
print(trailing.length); // expect: 2
a[0] = 'changed';
print(a[0]); // expect: changed
const i = 1;
print(a[i + 1], a['2'], a[2.0]); // expect: 3 3 3
print(typeof a); // expect: object
const exprs = [1 + 1, 'a' + 'b', a.length * 2];
print(exprs[0], exprs[1], exprs[2]); // expect: 2 ab 6
print([10, 20, 30][1]); // expect: 20
print([].length, [[]].length, [[], []].length); // expect: 0 1 2
