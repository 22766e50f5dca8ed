// globalThis: an object holding the built-in globals; properties added to it are shared
// by all code and survive a snapshot.
print(typeof globalThis, globalThis === globalThis); // expect: object true
print(globalThis.Math === Math, globalThis.JSON === JSON, globalThis.Array === Array); // expect: true true true
print(typeof globalThis.parseInt, globalThis.undefined, globalThis.NaN); // expect: function undefined NaN
globalThis.appCounter = 1;
function bump() { globalThis.appCounter++; return globalThis.appCounter; }
print(bump(), globalThis.appCounter, 'appCounter' in globalThis); // expect: 2 2 true
globalThis.config = { mode: 'build' };

export function afterResume() {
  print(bump(), globalThis.config.mode); // expect: 3 build
  globalThis.config.mode = 'run';
  print(globalThis.config.mode, typeof globalThis.missing); // expect: run undefined
}
