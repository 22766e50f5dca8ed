// node_run.js: runs a benchmark program under Node.js (reference only: a JIT, not a peer).
// Same protocol as the C harnesses: node node_run.js PROGRAM.js [CALLS]
// stdout: the program's prints; stderr: "@call_min_ns N" and "@call_med_ns N".
'use strict';
const fs = require('fs');
const vm = require('vm');

const [file, callsArg] = process.argv.slice(2);
const calls = Number(callsArg || 1);
const out = [];
globalThis.print = (...args) => { out.push(args.map(String).join(' ')); };
// The programs are ES modules with one `export function run`; as a script, run is a global.
const source = fs.readFileSync(file, 'utf8').replace(/^export function/m, 'function');
vm.runInThisContext(source, { filename: file });

const times = [];
for (let i = 0; i < calls; i++) {
  const t0 = process.hrtime.bigint();
  globalThis.run();
  times.push(Number(process.hrtime.bigint() - t0));
}
times.sort((a, b) => a - b);
process.stdout.write(out.map((l) => l + '\n').join(''));
process.stderr.write(`@call_min_ns ${times[0]}\n@call_med_ns ${times[times.length >> 1]}\n`);
