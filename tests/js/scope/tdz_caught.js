// A top-level let read before its declaration ran throws a ReferenceError (TDZ).
function readIt() { return value; }
try {
  readIt();
} catch (e) {
  print(e instanceof ReferenceError); // expect: true
  print(e.message); // expect: Cannot access 'value' before initialization
}
let value = 'ready';
print(readIt()); // expect: ready
function readConst() { return K; }
try {
  readConst();
} catch (e) {
  print('' + e); // expect: ReferenceError: Cannot access 'K' before initialization
}
const K = 99;
print(readConst()); // expect: 99
