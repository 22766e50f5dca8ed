// After catching, the variables and scopes of the catching function are intact, even when
// the throw happened inside nested blocks with captured variables or in an expression.
function f() {
  let a = 'a';
  const getA = () => a;
  try {
    let b = 'b';
    const getB = () => b;
    {
      let c = 'c';
      const getC = () => c;
      throw [getB, getC];
    }
  } catch (e) {
    a = 'a2';
    return e[0]() + e[1]() + getA();
  }
}
print(f()); // expect: bca2
function g() {
  let total = 0;
  for (let i = 0; i < 5; i++) {
    const captured = () => i;
    try {
      if (i % 2) throw i;
      total += captured();
    } catch (e) {
      total += 100 * captured();
    }
  }
  return total;
}
print(g()); // expect: 406
function boom() { throw 'mid-expression'; }
function h() {
  let x = 1;
  try {
    x = x + 10 + boom() + 1000;
  } catch (e) {
    return x + ' ' + e;
  }
}
print(h()); // expect: 1 mid-expression
function callsInArgs() {
  try {
    print('unused', 1, boom());
  } catch (e) {
    return 'arguments abandoned: ' + e;
  }
}
print(callsInArgs()); // expect: arguments abandoned: mid-expression
let outerLet = 'outer';
try {
  let outerLet = 'shadow in try';
  throw outerLet;
} catch (e) {
  print(e, outerLet); // expect: shadow in try outer
}
