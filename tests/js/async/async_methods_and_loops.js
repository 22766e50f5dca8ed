// Async class methods and arrows keep `this`; awaits inside loops, try/finally and
// destructuring; errors thrown after an await reject the function's promise.
class Account {
  constructor(balance) { this.balance = balance; }
  async deposit(n) {
    await null;
    this.balance += n;
    return this.balance;
  }
  async batch(amounts) {
    const results = [];
    for (const a of amounts) results.push(await this.deposit(a));
    return results;
  }
}
const acct = new Account(10);
acct.batch([1, 2, 3]).then((r) => print('batch', r.join(','), acct.balance));
const helper = {
  base: 100,
  run() { return (async () => this.base + (await Promise.resolve(1)))(); },
};
helper.run().then((v) => print('arrow this', v));
async function pairs() {
  const [x, { y }] = await Promise.all([1, { y: 2 }]);
  return x + y;
}
pairs().then((v) => print('pairs', v));
async function cleanup() {
  let steps = '';
  try {
    steps += 'a';
    await null;
    throw new Error('mid');
  } catch (e) {
    steps += 'b';
    await null;
  } finally {
    steps += 'c';
  }
  return steps;
}
cleanup().then((s) => print('cleanup', s));
async function late() {
  await null;
  null.boom;
}
late().catch((e) => print('late', e instanceof TypeError));
print('sync end');
// expect: sync end
// expect: arrow this 101
// expect: late true
// expect: pairs 3
// expect: cleanup abc
// expect: batch 11,13,16 16
