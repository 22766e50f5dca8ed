// Closures over 10,000 iterations: a counter closure called each time, and a new adder
// closure made and called each time (3 closure calls per iteration).
// expect: closures 100000000 10000
function makeCounter() {
  let c = 0;
  return function () {
    c = c + 1;
    return c;
  };
}

function makeAdder(x) {
  return function (y) {
    return x + y;
  };
}

export function run() {
  const counter = makeCounter();
  let s = 0;
  let last = 0;
  for (let i = 0; i < 10000; i++) {
    const add = makeAdder(i);
    last = counter();
    s = add(s) + last;
  }
  print('closures ' + s + ' ' + last);
  return s;
}
