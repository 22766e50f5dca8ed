// Runaway recursion through getters, setters, valueOf and toString (code the VM calls from
// C) ends in a catchable RangeError, like plain recursion; deep but finite recursion through
// getters works.
const loopGet = { get x() { return this.x; } };
try {
  loopGet.x;
} catch (e) {
  print('getter', e instanceof RangeError); // expect: getter true
}
const loopSet = { set y(v) { this.y = v; } };
try {
  loopSet.y = 1;
} catch (e) {
  print('setter', e instanceof RangeError); // expect: setter true
}
const loopString = { toString() { return '' + this; } };
try {
  String(loopString);
} catch (e) {
  print('toString', e instanceof RangeError); // expect: toString true
}
class Loop { valueOf() { return this * 2; } }
try {
  print(new Loop() + 1);
} catch (e) {
  print('valueOf', e instanceof RangeError); // expect: valueOf true
}
class Node {
  constructor(n) { this.next = n > 0 ? new Node(n - 1) : null; }
  get length() { return this.next ? this.next.length + 1 : 1; }
}
print(new Node(60).length); // expect: 61
export function afterResume() {
  try {
    loopGet.x;
  } catch (e) {
    print('after resume', e instanceof RangeError); // expect: after resume true
  }
  print(new Node(60).length); // expect: 61
}
