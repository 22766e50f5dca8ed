// An uncaught exception in afterResume is reported like one at build time.
let phase = 'build';
print(phase); // expect: build

export function afterResume() {
  phase = 'resumed';
  print(phase); // expect: resumed
  throw new Error('failed after resume');
}
// expect runtime error: Error: failed after resume
