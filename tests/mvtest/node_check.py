#!/usr/bin/env python3
"""Checks the tests in this folder against Node.js, as `mvc test` checks them against the VM.

Each test (a `*.js` file with a `/*--- ... ---*/` YAML front matter, the format of
Microvium's end-to-end suite: see hostlib/mvtest.py) runs in its own Node process as an ES
module, with a shim giving the same host: print and console.log (String() of each argument,
joined by one space), assert(cond, msg) and assertEqual(a, b) (strict equality; both
counted), runGC() (no-op), getHeapUsed() (0), asyncTestComplete(ok, err), vmExport(id, fn)
and vmImport. The top level runs, the promise job queue drains, then the function exported
under runExportedFunction is called and the queue drains again (as the VM host does after a
snapshot and a resume). Then expectedPrintout (everything printed, both phases),
assertionCount, expectException and, for isAsync tests, the asyncTestComplete result are
compared with the front matter.

Usage: python tests/mvtest/node_check.py [FILES or folders]   (default: this folder)
Exit status 0 when every test matches.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FRONT_MATTER = re.compile(r"^\s*/\*---(.*?)---\*/", re.S)
TIMEOUT = 60

SHIM = r"""
import { pathToFileURL } from 'node:url';
import { writeFileSync } from 'node:fs';

const [file, resultFile, exportId] = process.argv.slice(2);
const state = { out: [], assertions: 0, asyncResult: null, exception: null, phase: 'build' };
const exportsById = new Map();
globalThis.print = (...args) => { state.out.push(args.map((a) => String(a)).join(' ')); };
console.log = globalThis.print;
globalThis.assert = (cond, msg) => {
  if (!cond) throw new Error('Assertion failed: ' + (msg === undefined ? 'assertion' : msg));
  state.assertions++;
};
globalThis.assertEqual = (a, b) => {
  if (a !== b) throw new Error('Expected ' + String(b) + ' but got ' + String(a));
  state.assertions++;
};
globalThis.runGC = () => {};
globalThis.getHeapUsed = () => 0;
globalThis.asyncTestComplete = (ok, err) => {
  state.asyncResult = { ok: !!ok, error: ok ? null : String(err) };
};
globalThis.vmExport = (id, fn) => { exportsById.set(id, fn); };
globalThis.vmImport = (id) => () => undefined;
const drainJobs = () => new Promise((resolve) => setTimeout(resolve, 0));

function describe(e) {
  let message = null;
  try { if (e !== null && typeof e === 'object') message = String(e.message); } catch (_) {}
  let text;
  try { text = String(e); } catch (_) { text = '<unprintable>'; }
  return { text, message };
}

try {
  await import(pathToFileURL(file).href);
  await drainJobs();
  if (exportId !== '') {
    state.phase = 'run';
    const fn = exportsById.get(Number(exportId));
    if (typeof fn !== 'function') throw new Error('no function exported with id ' + exportId);
    fn();
    await drainJobs();
  }
} catch (e) {
  state.exception = describe(e);
}
writeFileSync(resultFile, JSON.stringify(state));
"""


def front_matter(source: str) -> dict:
    m = FRONT_MATTER.match(source)
    if not m:
        raise ValueError("no /*--- ... ---*/ front matter at the top of the file")
    meta = yaml.safe_load(m.group(1)) or {}
    if not isinstance(meta, dict):
        raise ValueError("front matter must be a mapping")
    return meta


def check(path: Path, node: str, tmp: Path) -> str | None:
    """None when the test passes under Node, else what differs."""
    source = path.read_text(encoding="utf-8")
    try:
        meta = front_matter(source)
    except (ValueError, yaml.YAMLError) as e:
        return str(e)
    if meta.get("skip"):
        return None
    target = tmp / path.name
    target.write_text(source, encoding="utf-8")
    result_file = tmp / (path.name + ".json")
    run = meta.get("runExportedFunction")
    proc = subprocess.run(
        [node, str(tmp / "shim.mjs"), str(target), str(result_file),
         "" if run is None else str(int(run))],
        capture_output=True, timeout=TIMEOUT, cwd=tmp)
    if not result_file.exists():
        return (f"node exited with status {proc.returncode}: "
                + proc.stderr.decode("utf-8", "replace").strip())
    state = json.loads(result_file.read_text())
    problems = []
    expected_exc = meta.get("expectException")
    exc = state["exception"]
    if expected_exc is not None:
        if exc is None:
            problems.append(f"expected exception {expected_exc!r}, none was thrown")
        elif str(expected_exc) not in (exc["text"], exc["message"]):
            problems.append(f"expected exception {expected_exc!r}, got {exc['text']!r}")
    elif exc is not None:
        problems.append(f"uncaught exception: {exc['text']}")
    want = meta.get("expectedPrintout")
    if want is not None:
        got = "\n".join(state["out"]).rstrip("\n")
        want = str(want).rstrip("\n")
        if got != want:
            problems.append(f"printout differs:\n--- expected\n{want}\n--- node printed\n{got}")
    count = meta.get("assertionCount")
    if count is not None and state["assertions"] != int(count):
        problems.append(f"expected {count} assertions, {state['assertions']} passed")
    if meta.get("isAsync"):
        res = state["asyncResult"]
        if res is None:
            problems.append("asyncTestComplete was never called")
        elif not res["ok"]:
            problems.append(f"async test failed: {res['error']}")
    return "\n".join(problems) or None


def collect(args: list[str]) -> list[Path]:
    paths = [Path(a) for a in args] or [HERE]
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(f for f in p.rglob("*.js"))
        else:
            files.append(p)
    return files


def main(argv: list[str]) -> int:
    node = shutil.which("node")
    if not node:
        print("node not found on PATH")
        return 2
    files = collect(argv)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="mvtest_node_") as d:
        tmp = Path(d)
        (tmp / "package.json").write_text('{ "type": "module" }\n')
        (tmp / "shim.mjs").write_text(SHIM)
        for f in files:
            problem = check(f, node, tmp)
            if problem:
                failed += 1
                print(f"FAIL {f}\n  " + problem.replace("\n", "\n  "))
    print(f"{len(files) - failed} passed, {failed} failed (under Node)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
