#!/usr/bin/env python3
"""Check the golden JavaScript tests (tests/js) against Node.js.

Usage:
    python tools/expect_from_node.py [paths...] [--fix] [-j N] [-v] [--summary]

Each path is a test file or a folder (searched recursively for *.js; folders named
``_lib`` hold helper modules and are not tests). With no path, tests/js is checked.

Every test runs in its own Node process as an ES module, with a shim that defines
``print(...args)`` (each argument converted with String(), joined by one space, newline),
makes ``console.log`` the same function, and stubs ``vmExport``/``vmImport`` on globalThis.
If the module exports ``afterResume``, the shim calls it after the import finishes: that is
how the snapshot/resume step of the VM runner is simulated. An uncaught exception (from the
module body or from afterResume) is reported as String(e). The promise job queue is drained
(a macrotask turn) after the module body and again after afterResume, as the VM drains it at
build time and after each host call, so every `.then` of the build phase prints before
afterResume runs.

The output is compared with the test's directives (see tests/js/README.md):
    // expect: TEXT                  next output line
    // expect runtime error: TEXT    the program ends with an uncaught exception, String(e) == TEXT
    // expect compile error: TEXT    not run under Node (the construct is outside the subset)
    // skip: REASON                  not run
    // differs-from-node: REASON     not run under Node

``--include-pending`` also runs the tests marked ``// skip: pending...`` (features not yet
implemented in the VM, whose expectations must still match Node); other skips stay skipped.

``--fix`` rewrites the expect lines (and the runtime error line) of mismatching tests from
Node's output. Tests marked skip, differs-from-node or expect compile error are never
touched (except pending tests when ``--include-pending`` is given: those are checked, so
they are fixed like any other).

Exit status: 0 when every checked test matches, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TESTS_ROOT = REPO / "tests" / "js"
LIB_DIR_NAME = "_lib"
NODE_TIMEOUT = 60  # seconds per test

# Directive syntax. TEXT is everything after the colon and one optional space, to the end
# of the line (trailing spaces are kept, a trailing \r is dropped).
EXPECT_RE = re.compile(r"// expect: ?(.*)$")
RUNTIME_ERROR_RE = re.compile(r"// expect runtime error: ?(.*)$")
COMPILE_ERROR_RE = re.compile(r"// expect compile error: ?(.*)$")
SKIP_RE = re.compile(r"// skip: ?(.*)$")
DIFFERS_RE = re.compile(r"// differs-from-node: ?(.*)$")
# Anything that looks like a directive but is not one of the above is reported, so that a
# typo ("//expect:", "// expected:") does not silently drop an expectation.
SUSPECT_RE = re.compile(r"//\s*(expect|skip|differs)", re.IGNORECASE)
NO_DIRECTIVES = "no directives: a test must expect some output or an error"

SHIM = r"""
import { pathToFileURL } from 'node:url';
import { writeFileSync } from 'node:fs';

const emit = (line) => { process.stdout.write(line + '\n'); };
globalThis.print = function print(...args) {
  emit(args.map((a) => String(a)).join(' '));
};
console.log = globalThis.print;
globalThis.vmExport = function vmExport(id, fn) {};
globalThis.vmImport = function vmImport(id) { return function () { return undefined; }; };

const [file, resultFile] = process.argv.slice(2);
const result = { error: null, phase: null, afterResume: false };
let phase = 'build';
// A macrotask turn: every pending promise job runs first (the VM drains its job queue at
// build time and after each host call).
const drainJobs = () => new Promise((resolve) => setTimeout(resolve, 0));
try {
  const mod = await import(pathToFileURL(file).href);
  await drainJobs();
  if (typeof mod.afterResume === 'function') {
    result.afterResume = true;
    phase = 'afterResume';
    mod.afterResume();
    await drainJobs();
  }
} catch (e) {
  let text;
  try { text = String(e); } catch (e2) { text = '<String(e) threw: ' + e2 + '>'; }
  result.error = text;
  result.phase = phase;
}
writeFileSync(resultFile, JSON.stringify(result));
"""


# --------------------------------------------------------------------------------------
# Parsing


@dataclass
class Directive:
    line: int  # 1-based line number
    text: str


@dataclass
class TestFile:
    path: Path
    expects: list[Directive] = field(default_factory=list)
    runtime_error: Directive | None = None
    compile_error: Directive | None = None
    skip: Directive | None = None
    differs: Directive | None = None
    problems: list[str] = field(default_factory=list)


def parse_test(path: Path) -> TestFile:
    t = TestFile(path)
    text = path.read_text(encoding="utf-8")
    for i, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if "//" not in line:
            continue
        m = RUNTIME_ERROR_RE.search(line)
        if m:
            if t.runtime_error is not None:
                t.problems.append(f"line {i}: second 'expect runtime error' directive")
            t.runtime_error = Directive(i, m.group(1))
            continue
        m = COMPILE_ERROR_RE.search(line)
        if m:
            if t.compile_error is not None:
                t.problems.append(f"line {i}: second 'expect compile error' directive")
            t.compile_error = Directive(i, m.group(1))
            continue
        m = EXPECT_RE.search(line)
        if m:
            if t.runtime_error is not None:
                t.problems.append(f"line {i}: 'expect' after the 'expect runtime error' line")
            t.expects.append(Directive(i, m.group(1)))
            continue
        m = SKIP_RE.search(line)
        if m:
            t.skip = Directive(i, m.group(1))
            continue
        m = DIFFERS_RE.search(line)
        if m:
            t.differs = Directive(i, m.group(1))
            continue
        if SUSPECT_RE.search(line):
            t.problems.append(f"line {i}: malformed directive: {line.strip()}")
    if t.compile_error is not None and (t.expects or t.runtime_error):
        t.problems.append("a compile error test cannot also expect output or a runtime error")
    if (t.compile_error is None and t.skip is None and not t.expects
            and t.runtime_error is None):
        t.problems.append(NO_DIRECTIVES)
    return t


def collect(paths: list[Path]) -> list[Path]:
    """Test files under the given paths, sorted, without _lib helper modules."""
    found: set[Path] = set()
    for p in paths:
        p = Path(p).resolve()
        if p.is_dir():
            for f in p.rglob("*.js"):
                rel = f.relative_to(p)
                if LIB_DIR_NAME in rel.parts[:-1] or LIB_DIR_NAME in f.parent.parts:
                    continue
                found.add(f)
        elif p.is_file():
            if LIB_DIR_NAME in p.parent.parts:
                continue
            found.add(p)
        else:
            raise FileNotFoundError(p)
    return sorted(found)


# --------------------------------------------------------------------------------------
# Running under Node


@dataclass
class NodeResult:
    lines: list[str]
    error: str | None
    phase: str | None
    stderr: str
    crashed: str | None = None  # set when Node did not produce a result at all


class NodeRunner:
    """Runs test files under Node. Each test's root folder (tests/js, or the folder of a
    test outside it) is copied once into a temp dir that has a package.json saying
    "type": "module", so .js files load as ES modules and relative imports work."""

    def __init__(self, node: str | None = None):
        self.node = node or shutil.which("node")
        if not self.node:
            raise RuntimeError("node not found on PATH")
        self.tmp = Path(tempfile.mkdtemp(prefix="expect_from_node_"))
        (self.tmp / "package.json").write_text('{ "type": "module" }\n')
        self.shim = self.tmp / "shim.mjs"
        self.shim.write_text(SHIM)
        self._roots: dict[Path, Path] = {}
        self._lock = threading.Lock()
        self._counter = 0

    def close(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _copy_root(self, path: Path) -> tuple[Path, Path]:
        path = path.resolve()
        try:
            path.relative_to(TESTS_ROOT)
            root = TESTS_ROOT
        except ValueError:
            root = path.parent
        with self._lock:
            if root not in self._roots:
                dest = self.tmp / f"root{len(self._roots)}"
                shutil.copytree(root, dest, ignore=shutil.ignore_patterns(
                    "__pycache__", "node_modules", ".*"))
                self._roots[root] = dest
            self._counter += 1
            n = self._counter
        return self._roots[root] / path.relative_to(root), self.tmp / f"result{n}.json"

    def run(self, path: Path) -> NodeResult:
        target, result_file = self._copy_root(path)
        try:
            proc = subprocess.run(
                [self.node, str(self.shim), str(target), str(result_file)],
                capture_output=True, timeout=NODE_TIMEOUT, cwd=self.tmp)
        except subprocess.TimeoutExpired:
            return NodeResult([], None, None, "", crashed=f"timed out after {NODE_TIMEOUT}s")
        stdout = proc.stdout.decode("utf-8", errors="replace")
        stderr = proc.stderr.decode("utf-8", errors="replace")
        lines = stdout.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if not result_file.exists():
            return NodeResult(lines, None, None, stderr,
                              crashed=f"node exited with status {proc.returncode}")
        result = json.loads(result_file.read_text())
        result_file.unlink()
        return NodeResult(lines, result["error"], result["phase"], stderr)


# --------------------------------------------------------------------------------------
# Checking


@dataclass
class CheckResult:
    path: Path
    status: str  # "pass", "fail", "skip"
    reason: str = ""
    messages: list[str] = field(default_factory=list)
    test: TestFile | None = None
    node: NodeResult | None = None

    @property
    def ok(self) -> bool:
        return self.status != "fail"

    def report(self) -> str:
        head = f"{self.status.upper()} {display(self.path)}"
        if self.reason:
            head += f" ({self.reason})"
        return "\n".join([head] + ["  " + m for m in self.messages])


def display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def compare(t: TestFile, r: NodeResult) -> list[str]:
    msgs: list[str] = []
    if r.crashed:
        msgs.append(f"node failed: {r.crashed}")
        if r.stderr.strip():
            msgs.append("stderr: " + r.stderr.strip().replace("\n", "\n    "))
    for i in range(max(len(t.expects), len(r.lines))):
        if i < len(t.expects) and i < len(r.lines):
            e = t.expects[i]
            if e.text != r.lines[i]:
                msgs.append(f"line {e.line}: expected {e.text!r}, node printed {r.lines[i]!r}")
        elif i < len(t.expects):
            e = t.expects[i]
            msgs.append(f"line {e.line}: expected {e.text!r}, node printed nothing more")
        else:
            msgs.append(f"unexpected output line {i + 1}: {r.lines[i]!r}")
    if t.runtime_error is not None:
        if r.error is None:
            if not r.crashed:
                msgs.append(f"line {t.runtime_error.line}: expected runtime error "
                            f"{t.runtime_error.text!r}, but the program finished")
        elif r.error != t.runtime_error.text:
            msgs.append(f"line {t.runtime_error.line}: expected runtime error "
                        f"{t.runtime_error.text!r}, node threw {r.error!r}")
    elif r.error is not None:
        where = " in afterResume" if r.phase == "afterResume" else ""
        msgs.append(f"unexpected uncaught exception{where}: {r.error}")
    return msgs


PENDING_PREFIX = "pending"


def is_pending(t: TestFile) -> bool:
    """A test skipped with `// skip: pending...`: a feature not implemented yet."""
    return t.skip is not None and t.skip.text.strip().startswith(PENDING_PREFIX)


def check_file(path: Path, runner: NodeRunner, include_pending: bool = False) -> CheckResult:
    t = parse_test(path)
    if t.problems and t.problems != [NO_DIRECTIVES]:
        return CheckResult(path, "fail", "bad directives", list(t.problems), t)
    if t.skip is not None and not (include_pending and is_pending(t)):
        return CheckResult(path, "skip", "skip: " + t.skip.text, test=t)
    if t.compile_error is not None:
        return CheckResult(path, "skip", "compile error test", test=t)
    if t.differs is not None:
        return CheckResult(path, "skip", "differs-from-node: " + t.differs.text, test=t)
    r = runner.run(path)
    msgs = list(t.problems) + compare(t, r)  # a test without directives can be --fix'ed
    return CheckResult(path, "fail" if msgs else "pass", "", msgs, t, r)


# --------------------------------------------------------------------------------------
# Fixing


def fix_file(t: TestFile, r: NodeResult) -> bool:
    """Rewrite t's expect lines (and runtime error line) from Node's result r.
    Returns True when the file changed."""
    if r.crashed:
        return False
    src = t.path.read_text(encoding="utf-8")
    lines = src.split("\n")
    deleted: set[int] = set()  # 0-based line indexes to drop
    inserts: dict[int, list[str]] = {}  # 0-based index -> lines inserted after it

    def replace_text(lineno: int, regex: re.Pattern, prefix: str, text: str) -> None:
        idx = lineno - 1
        line = lines[idx]
        cr = "\r" if line.endswith("\r") else ""
        body = line[: -1] if cr else line
        m = regex.search(body)
        lines[idx] = body[: m.start()] + prefix + text + cr

    def remove_directive(lineno: int, regex: re.Pattern) -> None:
        idx = lineno - 1
        line = lines[idx].rstrip("\r")
        m = regex.search(line)
        before = line[: m.start()].rstrip()
        if before == "":
            deleted.add(idx)
        else:
            lines[idx] = before

    def indent_of(lineno: int) -> str:
        line = lines[lineno - 1]
        return line[: len(line) - len(line.lstrip())]

    n_common = min(len(t.expects), len(r.lines))
    for e, text in zip(t.expects[:n_common], r.lines[:n_common]):
        if e.text != text:
            replace_text(e.line, EXPECT_RE, "// expect: ", text)
    for e in t.expects[n_common:]:
        remove_directive(e.line, EXPECT_RE)
    extra = r.lines[n_common:]
    if extra:
        if t.expects:
            anchor = t.expects[-1].line - 1
            ind = indent_of(t.expects[-1].line)
        else:
            anchor = len(lines) - 1
            while anchor > 0 and lines[anchor].strip() == "":
                anchor -= 1
            ind = ""
        if t.runtime_error is not None and t.runtime_error.line - 1 <= anchor:
            anchor = t.runtime_error.line - 2
        inserts.setdefault(anchor, []).extend(ind + "// expect: " + x for x in extra)

    if t.runtime_error is not None:
        if r.error is None:
            remove_directive(t.runtime_error.line, RUNTIME_ERROR_RE)
        elif r.error != t.runtime_error.text:
            replace_text(t.runtime_error.line, RUNTIME_ERROR_RE,
                         "// expect runtime error: ", r.error)
    elif r.error is not None:
        anchor = len(lines) - 1
        while anchor > 0 and lines[anchor].strip() == "":
            anchor -= 1
        inserts.setdefault(anchor, []).append("// expect runtime error: " + r.error)

    out: list[str] = []
    if -1 in inserts:
        out.extend(inserts[-1])
    for idx, line in enumerate(lines):
        if idx not in deleted:
            out.append(line)
        out.extend(inserts.get(idx, []))
    new = "\n".join(out)
    if new != src:
        t.path.write_text(new, encoding="utf-8")
        return True
    return False


# --------------------------------------------------------------------------------------
# Command line


def folder_of(path: Path) -> str:
    try:
        rel = path.resolve().relative_to(TESTS_ROOT)
        return rel.parts[0] if len(rel.parts) > 1 else "."
    except ValueError:
        return str(path.parent)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", type=Path, help="test files or folders (default tests/js)")
    ap.add_argument("--fix", action="store_true", help="rewrite expectations from Node's output")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 4)
    ap.add_argument("-v", "--verbose", action="store_true", help="also list passing tests")
    ap.add_argument("--summary", action="store_true", help="print test counts per folder")
    ap.add_argument("--include-pending", action="store_true",
                    help="also run tests marked '// skip: pending' (other skips stay skipped)")
    args = ap.parse_args(argv)

    try:
        paths = collect(args.paths or [TESTS_ROOT])
    except FileNotFoundError as e:
        print(f"no such file or folder: {e.args[0]}")
        return 2
    if not paths:
        print("no tests found")
        return 1
    with NodeRunner() as runner:
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(
                lambda p: check_file(p, runner, args.include_pending), paths))

    failed = [r for r in results if r.status == "fail"]
    fixed = 0
    for res in results:
        if res.status == "fail" or args.verbose:
            print(res.report())
        if args.fix and res.status == "fail" and res.node is not None and res.test is not None:
            if fix_file(res.test, res.node):
                fixed += 1
                print(f"  fixed {display(res.path)}")

    if args.summary:
        per: dict[str, list[int]] = {}
        for res in results:
            c = per.setdefault(folder_of(res.path), [0, 0, 0])
            c[{"pass": 0, "fail": 1, "skip": 2}[res.status]] += 1
        print(f"{'folder':<20} {'tests':>5} {'pass':>5} {'fail':>5} {'skip':>5}")
        for name in sorted(per):
            p, f, s = per[name]
            print(f"{name:<20} {p + f + s:>5} {p:>5} {f:>5} {s:>5}")

    n_pass = sum(r.status == "pass" for r in results)
    n_skip = sum(r.status == "skip" for r in results)
    print(f"{len(results)} tests: {n_pass} passed, {len(failed)} failed, {n_skip} skipped"
          + (f", {fixed} fixed" if args.fix else ""))
    return 1 if failed and not (args.fix and fixed == len(failed)) else 0


if __name__ == "__main__":
    sys.exit(main())
