// The discriminant is evaluated once; case expressions are evaluated in order, only until
// one matches.
let log = '';
function v(x) {
  log += 'v' + x + ';';
  return x;
}
switch (v(2)) {
  case v(1):
    print('one');
    break;
  case v(2):
    print('two'); // expect: two
    break;
  case v(3):
    print('three');
    break;
}
print(log); // expect: v2;v1;v2;
log = '';
switch (v(9)) {
  case v(1):
  default:
    log += 'default;';
  case v(3):
    log += 'three;';
}
print(log); // expect: v9;v1;v3;default;three;
