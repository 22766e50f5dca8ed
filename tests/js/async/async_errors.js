// Errors in async functions: a throw rejects the returned promise; awaiting a rejected
// promise throws at the await, catchable with try/catch; finally runs.
const log = [];
async function fails() { await null; throw new RangeError('async fail'); }
async function handles() {
  try {
    await fails();
    return 'not here';
  } catch (e) {
    return 'handled ' + e.message;
  } finally {
    log.push('finally in async');
  }
}
async function awaitsRejection() {
  try {
    await Promise.reject('plain reason');
  } catch (r) {
    return 'got ' + r;
  }
}
async function syncThrow() { throw new TypeError('before any await'); }
async function main() {
  await fails().catch((e) => log.push('catch() ' + e.name + ' ' + e.message));
  log.push(await handles());
  log.push(await awaitsRejection());
  const p = syncThrow();
  log.push('still running ' + (p instanceof Promise));
  await p.catch((e) => log.push('later ' + e.name));
  return log;
}
main().then((l) => { for (const line of l) print(line); });
// expect: catch() RangeError async fail
// expect: finally in async
// expect: handled async fail
// expect: got plain reason
// expect: still running true
// expect: later TypeError
