// The job queue after a resume: jobs queued by afterResume run after it returns (the host
// drains the queue after each call), in order; promises made at build time still work.
const ready = Promise.resolve('built value');
let counter = 0;
ready.then((v) => print('build time then', v)); // expect: build time then built value

export function afterResume() {
  print('afterResume start'); // expect: afterResume start
  ready.then((v) => print('then on a build-time promise', v));
  Promise.resolve().then(() => { counter++; print('job', counter); });
  (async () => { await null; counter++; print('async job', counter); })();
  print('afterResume end', counter); // expect: afterResume end 0
  // expect: then on a build-time promise built value
  // expect: job 1
  // expect: async job 2
}
