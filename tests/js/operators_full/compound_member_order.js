// A compound assignment to a computed member evaluates the object and the key once, then
// reads, then evaluates the right side, then writes.
const log = [];
const o = { x: 1 };
function obj() { log.push('obj'); return o; }
function key() { log.push('key'); return 'x'; }
function rhs() { log.push('rhs'); return 10; }
obj()[key()] += rhs();
print(o.x, log.join(' ')); // expect: 11 obj key rhs
log.length = 0;
obj()[key()] ??= rhs();
print(o.x, log.join(' ')); // expect: 11 obj key
log.length = 0;
obj()[key()] &&= rhs();
print(o.x, log.join(' ')); // expect: 10 obj key rhs
// An object key is converted with its toString.
const k = { toString() { return 'x'; } };
o[k] *= 2;
print(o.x); // expect: 20
// The old value is read before the right side runs, even if the right side changes it.
o.x = 1;
o.x += (o.x = 100, 5);
print(o.x); // expect: 6
let i = 0;
const arr = [0, 0, 0];
arr[i++] += 5;
arr[i++] += i;
print(arr.join(','), i); // expect: 5,2,0 2

export function afterResume() {
  log.length = 0;
  obj()[key()] -= rhs();
  print(o.x, log.join(' ')); // expect: -4 obj key rhs
}
