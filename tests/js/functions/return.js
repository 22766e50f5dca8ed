// return values and early return.
function nothing() { return; }
print(nothing()); // expect: undefined
function implicit() {}
print(implicit()); // expect: undefined
function early(n) {
  if (n > 0) return 'positive';
  if (n < 0) return 'negative';
  return 'zero';
}
print(early(3), early(-3), early(0)); // expect: positive negative zero
function fromLoop(limit) {
  for (let i = 0; ; i++) {
    if (i * i > limit) return i;
  }
}
print(fromLoop(50)); // expect: 8
function fromNested() {
  for (let i = 0; i < 5; i++) {
    for (let j = 0; j < 5; j++) {
      if (i * j === 6) return i + '*' + j;
    }
  }
  return 'none';
}
print(fromNested()); // expect: 2*3
function returnsFunction() {
  return function () { return 'inner result'; };
}
print(returnsFunction()()); // expect: inner result
function whileReturn() {
  let i = 0;
  while (true) {
    i++;
    if (i === 4) return i;
  }
}
print(whileReturn()); // expect: 4
