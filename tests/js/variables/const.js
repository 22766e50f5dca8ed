// const bindings cannot be reassigned, but the objects they hold can change.
const o = { n: 1 };
o.n = 2;
o.m = 3;
print(o.n, o.m); // expect: 2 3
const arr = [1];
arr.push(2);
arr[5] = 6;
print(arr.length); // expect: 6
const k = 5;
try {
  k = 6;
} catch (e) {
  print(e instanceof TypeError, e.message); // expect: true Assignment to constant variable.
}
print(k); // expect: 5
function bump() {
  const local = 1;
  local += 1;
}
try {
  bump();
} catch (e) {
  print('' + e); // expect: TypeError: Assignment to constant variable.
}
const n = 0;
try {
  n++;
} catch (e) {
  print(e.name); // expect: TypeError
}
print(n); // expect: 0
