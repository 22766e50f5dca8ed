// Imported live bindings keep working after resume, and see build-time updates.
import { hits, log, hit } from './_lib/state.js';
hit('build-1');
hit('build-2');
print('build', hits, log.length); // expect: build 2 2

export function afterResume() {
  print(hits, log[1]); // expect: 2 build-2
  hit('resume');
  print(hits, log.length, log[2]); // expect: 3 3 resume
}
