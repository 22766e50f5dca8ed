// differs-from-node: builtins other than globalThis are read-only here; Node lets a program add properties to Math or parseInt
// globalThis takes new properties (kept in the image); writing to any other builtin throws TypeError.
globalThis.answer = 41;
globalThis.answer++;
const targets = [() => { Math.PI = 3; }, () => { Math.extra = 1; }, () => { parseInt.tag = "x"; },
  () => { JSON.stringify = null; }];
let refused = 0;
for (let i = 0; i < targets.length; i++) {
  try {
    targets[i]();
  } catch (e) {
    if (e instanceof TypeError) refused++;
  }
}
print(refused, globalThis.answer, Math.PI, Math.extra, typeof JSON.stringify); // expect: 4 42 3.141592653589793 undefined function
print(Object.keys(globalThis).join(), "answer" in globalThis, delete globalThis.answer, "answer" in globalThis); // expect: answer true true false
globalThis.Math = "shadow";
print(globalThis.Math, typeof Math); // expect: shadow object
export function afterResume() {
  globalThis.late = [1, 2];
  print(globalThis.late.length, globalThis.Math, globalThis.answer); // expect: 2 shadow undefined
}
