// var declarations are hoisted to the top of their function (value undefined until assigned).
print(early); // expect: undefined
var early = 'assigned';
print(early); // expect: assigned
function f() {
  print(inner); // expect: undefined
  if (true) {
    var inner = 'set in block';
  }
  print(inner); // expect: set in block
  for (var k = 0; k < 3; k++) {}
  print(k); // expect: 3
}
f();
var early = 'redeclared';
print(early); // expect: redeclared
function g(flag) {
  if (flag) {
    var result = 'yes';
  }
  return result;
}
print(g(true), g(false)); // expect: yes undefined
