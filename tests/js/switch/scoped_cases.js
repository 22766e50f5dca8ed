// Cases share one block scope; a braced case body gets its own.
function f(n) {
  switch (n) {
    case 1: {
      let msg = 'block one';
      return msg;
    }
    case 2: {
      let msg = 'block two';
      return msg;
    }
  }
  return 'none';
}
print(f(1), f(2), f(3)); // expect: block one block two none
function g(n) {
  let result = 0;
  switch (n) {
    case 0:
      let shared = 10;
      result = shared;
      break;
    case 1:
      result = 1;
      break;
  }
  return result;
}
print(g(0)); // expect: 10
print(g(1)); // expect: 1
const fns = [];
for (let i = 0; i < 3; i++) {
  switch (i) {
    case 1: {
      const captured = i * 100;
      fns.push(() => captured);
      break;
    }
    default: {
      const captured = i;
      fns.push(() => captured);
    }
  }
}
print(fns[0](), fns[1](), fns[2]()); // expect: 0 100 2
