// Issue 3 audit: async functions and promises, at build time and after a resume. The job
// queue is drained after the top level (before the snapshot) and after each host call.
const log = [];
const say = (s) => log.push(s);
async function double(x) { say('start' + x); const v = await Promise.resolve(x * 2); say('got' + v); return v; }
async function fails() { await null; throw new RangeError('bad'); }
async function tryAwait() { try { await fails(); } catch (e) { return 'caught ' + e.name; } finally { say('async-finally'); } }
function delayed(v, fail) { return new Promise((res, rej) => { (fail ? rej : res)(v); }); }
function run(phase) {
  double(1).then((v) => say('then' + v));
  new Promise((res, rej) => rej(new Error('r'))).catch((e) => say('catch ' + e.message)).finally(() => say('finally'));
  new Promise((res) => { res(1); res(2); }).then((v) => say('first wins ' + v));
  new Promise(() => { throw new TypeError('executor'); }).catch((e) => say('executor ' + e.name));
  Promise.all([1, Promise.resolve(2), double(3), 'x']).then((v) => say('all ' + v.join('-')));
  Promise.all([1, Promise.reject('no')]).catch((e) => say('all-rejected ' + e));
  Promise.all([]).then((v) => say('all-empty ' + v.length));
  Promise.reject(1).then(null, (e) => say('rej ' + e));
  Promise.resolve(5).then((v) => v + 1).then((v) => { throw v; }).catch((v) => say('chain ' + v));
  Promise.resolve({ then(r) { r('thenable'); } }).then((v) => say(v));
  tryAwait().then(say);
  Promise.race([delayed('slow'), 'fast']).then((v) => say('race ' + v));
  Promise.race([Promise.reject('race-err'), 1]).catch((e) => say('race-rejected ' + e));
  Promise.allSettled([1, Promise.reject('e'), delayed('d')]).then((rs) =>
    say('settled ' + rs.map((r) => r.status + ':' + (r.status === 'fulfilled' ? r.value : r.reason) + ':' + Object.keys(r).join('/')).join(',')));
  Promise.any([Promise.reject(1), delayed('any-ok')]).then((v) => say('any ' + v));
  Promise.any([Promise.reject(1), Promise.reject(2)]).catch((e) => say('any-rejected ' + (e instanceof Error) + ' ' + e.errors.join('+') + ' ' + e.message));
  Promise.any([]).catch((e) => say('any-empty ' + e.errors.length));
  say('sync ' + phase);
}
run('build');
export function afterResume() {
  print('build log:', log.join(' | '));
  log.length = 0;
  run('resume');
  // Printed after the queue has run far enough for every chain above (20 turns).
  (async () => { for (let i = 0; i < 20; i++) await null; print('resume log:', log.join(' | ')); })();
}

// Output (checked against Node.js): the build phase, then afterResume.
// expect: build log: start1 | start3 | sync build | got2 | catch r | first wins 1 | executor TypeError | got6 | all-empty 0 | rej 1 | any-empty 0 | then2 | finally | all-rejected no | thenable | async-finally | race slow | race-rejected race-err | settled fulfilled:1:status/value,rejected:e:status/reason,fulfilled:d:status/value | any any-ok | any-rejected true 1+2 All promises were rejected | all 1-2-6-x | chain 6 | caught RangeError
// expect: resume log: start1 | start3 | sync resume | got2 | catch r | first wins 1 | executor TypeError | got6 | all-empty 0 | rej 1 | any-empty 0 | then2 | finally | all-rejected no | thenable | async-finally | race slow | race-rejected race-err | settled fulfilled:1:status/value,rejected:e:status/reason,fulfilled:d:status/value | any any-ok | any-rejected true 1+2 All promises were rejected | all 1-2-6-x | chain 6 | caught RangeError
