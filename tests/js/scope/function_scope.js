// Functions see the variables of the scopes they were defined in (lexical scope).
let level = 'module';
function outer() {
  let level2 = 'outer';
  function inner() {
    let level3 = 'inner';
    return level + ' ' + level2 + ' ' + level3;
  }
  return inner();
}
print(outer()); // expect: module outer inner
let late = 'before';
function readLate() { return late; }
print(readLate()); // expect: before
late = 'after';
print(readLate()); // expect: after
function setGlobal() { late = 'set by function'; }
setGlobal();
print(late); // expect: set by function
function countCalls() {
  let calls = 0;
  calls++;
  return calls;
}
print(countCalls(), countCalls()); // expect: 1 1
