// examples/mcu/program.js: the program the example host (host_example.c) runs, on the desktop
// and on the emulated Cortex-M3 board. Build it for the board with
//   mvc build examples/mcu/program.js --target mcu --emit-c -o program_image.c
// The host functions are provided by the C host; at build time they cannot be called.
const hostAdd = vmImport(1);   // (a, b) -> a + b; fails when an argument is not a number
const hostLog = vmImport(2);   // (text) -> undefined; prints one line

export function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

function makeCounter(step) {
  let count = 0;
  return function () { count += step; return count; };
}

export function closures(n) {
  const ones = makeCounter(1);
  const tens = makeCounter(10);
  let last = 0;
  for (let i = 0; i < n; i++) last = ones() + tens();
  return last;
}

export function objects(n) {
  const list = [];
  for (let i = 0; i < n; i++) list.push({ id: i, name: 'item' + i, double: i * 2 });
  let total = 0;
  for (let i = 0; i < list.length; i++) total += list[i].double;
  const last = list[list.length - 1];
  return last.name + ' total=' + total;
}

// Garbage-heavy: every round makes 20 strings and an array that die at once.
export function churn(rounds) {
  let kept = 0;
  for (let r = 0; r < rounds; r++) {
    const tmp = [];
    for (let i = 0; i < 20; i++) tmp.push('s' + i + '-' + r);
    kept += tmp.length + tmp[19].length - tmp[19].length;
  }
  return kept;
}

export function divide(a, b) {
  try {
    if (b === 0) throw new RangeError('division by zero');
    return a / b;
  } catch (e) {
    return 'caught ' + e.name + ': ' + e.message;
  }
}

export function callHost(a, b) {
  hostLog('host adds ' + a + ' and ' + b);
  return hostAdd(a, b) * 10;
}

export function hostFails() {
  try {
    return hostAdd('x', 1);
  } catch (e) {
    return 'host threw: ' + e.message;
  }
}

// Bad input on purpose: unbounded recursion, and a heap that never stops growing.
export function deep(n) {
  return n === 0 ? 0 : 1 + deep(n - 1);
}

export function hog() {
  const all = [];
  for (;;) all.push('block ' + all.length);
}

export function fails() {
  return hostAdd('not', 'numbers');
}
