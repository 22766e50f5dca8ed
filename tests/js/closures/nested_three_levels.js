// Closures nested three deep read and write variables of every enclosing level.
function level1(a) {
  let x = 'L1';
  return function level2(b) {
    let y = 'L2';
    return function level3(c) {
      let z = 'L3';
      x += '!';
      return [a, b, c, x, y, z].length + ' ' + a + b + c + ' ' + x + y + z;
    };
  };
}
const l2 = level1('a');
const l3 = l2('b');
print(l3('c')); // expect: 6 abc L1!L2L3
print(l3('d')); // expect: 6 abd L1!!L2L3
const other = level1('p')('q');
print(other('r')); // expect: 6 pqr L1!L2L3
function counterTree() {
  let total = 0;
  return function group() {
    let groupCount = 0;
    return function item() {
      total++;
      groupCount++;
      return total + '/' + groupCount;
    };
  };
}
const g = counterTree();
const ga = g();
const gb = g();
print(ga(), ga(), gb(), ga(), gb()); // expect: 1/1 2/2 3/1 4/3 5/2
