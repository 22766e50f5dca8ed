// Inner declarations shadow outer ones; parameters shadow outer variables.
let v = 1;
function f(v) {
  print('param', v); // expect: param 2
  {
    let v = 3;
    print('block', v); // expect: block 3
  }
  return v;
}
print(f(2)); // expect: 2
print(v); // expect: 1
function g() {
  let v = 'g local';
  const h = () => {
    let v = 'h local';
    return v;
  };
  return h() + ' / ' + v;
}
print(g()); // expect: h local / g local
const w = 'const outer';
function k() {
  const w = 'const inner';
  return w;
}
print(k(), w); // expect: const inner const outer
let s = 'global';
function readOuter() { return s; }
function shadowCaller() {
  let s = 'local';
  return readOuter();
}
print(shadowCaller()); // expect: global
