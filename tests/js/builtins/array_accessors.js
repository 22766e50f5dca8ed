// slice, concat, join, indexOf and includes: copies, negative indexes, nested arrays in
// concat, null/undefined/holes in join, NaN and -0 in searches.
const a = [1, 2, 3, 4, 5];
print(a.slice(1, 3).join(','), a.slice(-2).join(','), a.slice(3, 1).length, a.slice().length); // expect: 2,3 4,5 0 5
const copy = a.slice();
copy[0] = 99;
print(a[0], copy[0]); // expect: 1 99
const c = [1].concat([2, 3], 4, [[5]], 'six');
print(c.length, c[4].length, c.join(' ')); // expect: 6 1 1 2 3 4 5 six
print([].concat().length, a.concat(a).length, [1, , 3].concat([4]).length); // expect: 0 10 4
print([1, null, undefined, , 'x', 2.5].join('-')); // expect: 1----x-2.5
print([1, 2].join(), [1, 2].join(''), [1, 2].join(undefined), [[1, 2], [3]].join(';')); // expect: 1,2 12 1,2 1,2;3
print([].join('x') === '', ['only'].join('x'), [true, false].join(' ')); // expect: true only true false
const n = [1, NaN, 0, 'a', 1];
print(n.indexOf(1), n.indexOf(1, 1), n.indexOf(NaN), n.indexOf(-0), n.indexOf('1'), n.indexOf(1, -1)); // expect: 0 4 -1 2 -1 4
print(n.includes(NaN), n.includes(-0), n.includes('a'), n.includes('a', 4), [1, , 3].includes(undefined)); // expect: true true true false true
print([1, , 3].indexOf(undefined), [undefined].indexOf(undefined)); // expect: -1 0

export function afterResume() {
  print(a.concat([6]).slice(-3).join('+'), a.indexOf(5), a.includes(6)); // expect: 4+5+6 4 false
}
