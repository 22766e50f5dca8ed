// catch handles rejections and recovers; finally runs on both paths, ignores its return
// value, passes the value or reason through, and replaces it if it throws.
const log = [];
const chains = [
  Promise.reject(new TypeError('bad'))
    .catch((e) => { log.push('caught ' + e.name); return 'recovered'; })
    .then((v) => log.push('then ' + v)),
  Promise.resolve('value')
    .finally(() => { log.push('finally 1'); return 'ignored'; })
    .then((v) => log.push('after finally ' + v)),
  Promise.reject('reason')
    .finally(() => log.push('finally 2'))
    .catch((r) => log.push('still rejected ' + r)),
  Promise.resolve(1)
    .finally(() => { throw new Error('from finally'); })
    .catch((e) => log.push('replaced ' + e.message)),
  Promise.resolve('ok')
    .then((v) => { throw v + ' then thrown'; })
    .catch((e) => e)
    .then((v) => log.push(v)),
];
Promise.all(chains).then(() => log.sort().forEach((line) => print(line)));
// expect: after finally value
// expect: caught TypeError
// expect: finally 1
// expect: finally 2
// expect: ok then thrown
// expect: replaced from finally
// expect: still rejected reason
// expect: then recovered
