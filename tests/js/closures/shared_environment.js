// Several closures created in the same call share the same variables.
function makeAccount(initial) {
  let balance = initial;
  return {
    deposit(n) { balance += n; },
    withdraw(n) { balance -= n; },
    balance: () => balance,
  };
}
const acct = makeAccount(100);
acct.deposit(50);
acct.withdraw(30);
print(acct.balance()); // expect: 120
const other = makeAccount(5);
print(other.balance(), acct.balance()); // expect: 5 120
function pair() {
  let v = 'initial';
  const set = (x) => { v = x; };
  const get = () => v;
  return [set, get];
}
const p = pair();
print(p[1]()); // expect: initial
p[0]('changed');
print(p[1]()); // expect: changed
let shared = 1;
const readShared = () => shared;
shared = 2;
print(readShared()); // expect: 2
function later() {
  const f = () => x;
  let x = 'assigned after the closure was made';
  return f();
}
print(later()); // expect: assigned after the closure was made
