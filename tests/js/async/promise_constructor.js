// The Promise constructor runs its executor synchronously; the first resolve or reject
// wins; then callbacks run later, in registration order, and chain by their return values.
const log = [];
const p = new Promise((resolve, reject) => {
  log.push('executor');
  resolve('first');
  resolve('second');
  reject(new Error('ignored'));
});
log.push('after new');
p.then((v) => log.push('then A ' + v));
p.then((v) => log.push('then B ' + v));
print(log.join(', ')); // expect: executor, after new
const resolved = Promise.resolve(p);
print(resolved === p); // expect: true
p.then((v) => v + '!')
  .then((v) => { log.push(v); return new Promise((r) => r(v.length)); })
  .then((n) => log.push('len ' + n));
const thrower = new Promise(() => { throw new RangeError('in executor'); });
thrower.then(null, (e) => log.push('rejected ' + e.name + ' ' + e.message));
Promise.resolve(7).then(undefined).then((v) => log.push('passed through ' + v));
Promise.reject('no').then((v) => log.push('never')).then(null, (e) => log.push('skipped to ' + e));

export function afterResume() {
  for (const line of log) print(line);
  // expect: executor
  // expect: after new
  // expect: then A first
  // expect: then B first
  // expect: rejected RangeError in executor
  // expect: first!
  // expect: passed through 7
  // expect: skipped to no
  // expect: len 6
}
