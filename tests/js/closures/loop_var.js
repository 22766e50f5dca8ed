// A `var` loop variable is one binding for the whole function: every closure sees the final value.
const fns = [];
for (var i = 0; i < 3; i++) {
  fns.push(() => i);
}
print(fns[0](), fns[1](), fns[2]()); // expect: 3 3 3
function capture(v) { return () => v; }
const fixed = [];
for (var j = 0; j < 3; j++) fixed.push(capture(j));
print(fixed[0](), fixed[1](), fixed[2]()); // expect: 0 1 2
const fns2 = [];
let outer = 0;
for (let n = 0; n < 3; n++) {
  outer = n;
  fns2.push(() => outer);
}
print(fns2[0](), fns2[2]()); // expect: 2 2
