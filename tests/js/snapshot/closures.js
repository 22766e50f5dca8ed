// Closures made at build time keep their captured environments across the snapshot.
function makeCounter() {
  let n = 0;
  return () => ++n;
}
const c = makeCounter();
c();
c();
print('build', c()); // expect: build 3
function makeAccount() {
  let balance = 10;
  return { deposit(x) { balance += x; return balance; }, read: () => balance };
}
const acct = makeAccount();
acct.deposit(5);
const perIteration = [];
for (let i = 0; i < 3; i++) perIteration.push(() => i * 10);
const adder = ((k) => (x) => x + k)(1000);

export function afterResume() {
  print('resumed', c()); // expect: resumed 4
  print(c()); // expect: 5
  print(acct.read(), acct.deposit(1), acct.read()); // expect: 15 16 16
  print(perIteration[0](), perIteration[1](), perIteration[2]()); // expect: 0 10 20
  print(adder(1)); // expect: 1001
  const c2 = makeCounter();
  print(c2(), c()); // expect: 1 6
}
