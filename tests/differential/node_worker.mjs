// The Node side of the differential tests: one long-lived process runs many programs.
//
// Reads requests from stdin, one JSON object per line: {"id": N, "src": "..."}. Each source
// is written to its own .mjs file in a temp folder and imported as a fresh ES module; if it
// exports afterResume, that is called after the promise job queue drained (the VM drains
// it at build time). Replies on stdout, one JSON object per line:
//   {"id": N, "out": [lines printed], "error": String(e) of an uncaught exception or null,
//    "phase": "build" | "afterResume" | null}
// print(...args) writes each argument with String(), joined by one space.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';

const dir = mkdtempSync(join(tmpdir(), 'mvm-differential-'));
writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

let out = [];
globalThis.print = function print(...args) {
  out.push(args.map((a) => String(a)).join(' '));
};
console.log = globalThis.print;
globalThis.vmExport = function vmExport(id, fn) {};
globalThis.vmImport = function vmImport(id) { return function () { return undefined; }; };

const drainJobs = () => new Promise((resolve) => setTimeout(resolve, 0));
const send = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');

let counter = 0;
const queue = [];
let busy = false;

async function runOne(req) {
  counter += 1;
  const file = join(dir, `p${counter}.mjs`);
  writeFileSync(file, req.src);
  out = [];
  let error = null;
  let phase = 'build';
  try {
    const mod = await import(pathToFileURL(file).href);
    await drainJobs();
    if (typeof mod.afterResume === 'function') {
      phase = 'afterResume';
      mod.afterResume();
      await drainJobs();
    }
    phase = null;
  } catch (e) {
    try { error = String(e); } catch (e2) { error = '<String(e) threw>'; }
  }
  rmSync(file, { force: true });
  send({ id: req.id, out, error, phase: error === null ? null : phase });
}

async function pump() {
  if (busy) return;
  busy = true;
  while (queue.length) await runOne(queue.shift());
  busy = false;
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (!line.trim()) return;
  queue.push(JSON.parse(line));
  pump();
});
