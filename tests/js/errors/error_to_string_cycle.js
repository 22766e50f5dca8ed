// An error whose name or message is an error again recurses through Error.prototype.toString;
// in JS that overflows the stack (a catchable RangeError). Found by the image fuzzer, where
// the recursion overflowed the VM's temp roots and corrupted the heap.
const e = new Error('x');
e.name = e;
try { print(String(e)); } catch (x) { print('caught', x instanceof RangeError); } // expect: caught true
const a = new Error('a'), b = new TypeError('b');
a.message = b;
b.message = a;
try { print('' + a); } catch (x) { print('caught', x instanceof RangeError); } // expect: caught true
const c = new Error('inner');
const d = new RangeError(c);
print(String(d)); // expect: RangeError: Error: inner
let nested = [1];
for (let i = 0; i < 6; i++) nested = [nested];
print(String(nested)); // expect: 1

export function afterResume() {
  try { print(String(e)); } catch (x) { print('caught', x instanceof RangeError); } // expect: caught true
  print(String(d)); // expect: RangeError: Error: inner
}
