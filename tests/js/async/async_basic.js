// An async function runs synchronously up to its first await and returns a promise; the
// rest runs from the job queue after the current synchronous code.
const log = [];
async function work(tag) {
  log.push(tag + ' start');
  await null;
  log.push(tag + ' resumed');
  return tag + ' done';
}
const p = work('a');
log.push('after call');
print(p instanceof Promise, log.join(', ')); // expect: true a start, after call
p.then((v) => {
  log.push(v);
  print(log.join(', '));
});
async function noAwait() { return 5; }
noAwait().then((v) => print('no await', v));
const arrow = async (x) => x * 2;
arrow(21).then((v) => print('arrow', v));
const o = { async m() { return this.tag; }, tag: 'method' };
o.m().then((v) => print(v));
print('sync end'); // expect: sync end
// Then the jobs, in the order they were queued:
// expect: no await 5
// expect: arrow 42
// expect: method
// expect: a start, after call, a resumed, a done
