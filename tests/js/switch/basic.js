// switch selects the case that is === to the discriminant.
function name(n) {
  switch (n) {
    case 1:
      return 'one';
    case 2:
      return 'two';
    case 3:
      return 'three';
    default:
      return 'many';
  }
}
print(name(1), name(2), name(3), name(4)); // expect: one two three many
function kind(s) {
  let r;
  switch (s) {
    case 'a':
      r = 'letter a';
      break;
    case 'b':
      r = 'letter b';
      break;
  }
  return r;
}
print(kind('a'), kind('b'), kind('c')); // expect: letter a letter b undefined
switch (3) {}
print('empty switch ok'); // expect: empty switch ok
let x = 10;
switch (x * 2) {
  case 5 + 5:
    print('ten');
    break;
  case 4 * 5:
    print('twenty'); // expect: twenty
    break;
}
