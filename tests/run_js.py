"""Golden JS test runner: `// expect:` comments in the test are the oracle.

Directives (see tests/js/README or docs):
  // expect: TEXT                 next line of output
  // expect runtime error: TEXT   the program ends with this uncaught error (String(e))
  // expect compile error: TEXT   compiling fails with a message containing TEXT
  // skip: REASON                 not run
A test that exports `afterResume` is snapshotted after its top level, restored in a fresh
VM and afterResume() is called; its output continues the expected output. Every test's
image is restored once even without afterResume, to exercise the snapshot path.

Usage: python tests/run_js.py [PATH-PREFIX ...]
"""
from __future__ import annotations

import io
import os
import re
import sys
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
# The repo root first: tests/compiler/ would otherwise shadow the compiler package.
sys.path.insert(0, os.path.dirname(HERE))
JS_ROOT = os.path.join(HERE, "js")

_EXPECT = re.compile(r"//\s*expect:\s?(.*)$")
_RUNTIME = re.compile(r"//\s*expect runtime error:\s?(.*)$")
_COMPILE = re.compile(r"//\s*expect compile error:\s?(.*)$")
_SKIP = re.compile(r"//\s*skip:\s?(.*)$")


@dataclass
class Expectations:
    output: list[str] = field(default_factory=list)
    runtime_error: str | None = None
    compile_error: str | None = None
    skip: str | None = None


def parse(path: str) -> Expectations:
    exp = Expectations()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if m := _EXPECT.search(line):
                exp.output.append(m.group(1))
            elif m := _RUNTIME.search(line):
                exp.runtime_error = m.group(1).strip()
            elif m := _COMPILE.search(line):
                exp.compile_error = m.group(1).strip()
            elif m := _SKIP.search(line):
                exp.skip = m.group(1).strip()
    return exp


def discover(prefixes: list[str] | None = None) -> list[str]:
    tests = []
    for root, dirs, files in os.walk(JS_ROOT):
        dirs[:] = sorted(d for d in dirs if not d.startswith("_"))
        for name in sorted(files):
            if name.endswith(".js"):
                rel = os.path.relpath(os.path.join(root, name), JS_ROOT)
                if not prefixes or any(rel.startswith(p) for p in prefixes):
                    tests.append(rel)
    return tests


def run_test(rel: str) -> str | None:
    """Runs one test; returns None when it passes, else a description of the failure."""
    from compiler import CompileError, compile_program

    from hostlib import VM, Host, JSException

    path = os.path.join(JS_ROOT, rel)
    exp = parse(path)
    if exp.skip is not None:
        return None
    try:
        unit = compile_program(path)
    except CompileError as e:
        if exp.compile_error is not None and exp.compile_error in e.format():
            return None
        return f"unexpected compile error:\n{e.format()}"
    if exp.compile_error is not None:
        return f"expected compile error containing {exp.compile_error!r}, but it compiled"

    out = io.StringIO()
    error: str | None = None
    image = None
    with VM.from_unit(unit, Host(stdout=out)) as vm:
        try:
            vm.run_main()
            image = vm.snapshot()
        except JSException as e:
            error = e.text
    if image is not None:
        with VM.restore(image, Host(stdout=out)) as vm:
            if "afterResume" in vm.exports():
                try:
                    vm.call("afterResume")
                except JSException as e:
                    error = e.text
    actual = out.getvalue().splitlines()
    problems = []
    if actual != exp.output:
        problems.append(_diff(exp.output, actual))
    if error != exp.runtime_error:
        problems.append(f"runtime error: expected {exp.runtime_error!r}, got {error!r}")
    return "\n".join(problems) or None


def _diff(expected: list[str], actual: list[str]) -> str:
    lines = ["output differs:"]
    for i in range(max(len(expected), len(actual))):
        e = expected[i] if i < len(expected) else "<none>"
        a = actual[i] if i < len(actual) else "<none>"
        mark = "  " if e == a else "!!"
        lines.append(f"{mark} line {i + 1}: expected {e!r}, got {a!r}")
    return "\n".join(lines[:60])


def main(argv: list[str]) -> int:
    tests = discover(argv or None)
    failed = 0
    for rel in tests:
        try:
            problem = run_test(rel)
        except Exception as e:  # a crash of the harness is a failure, reported in place
            problem = f"harness error: {type(e).__name__}: {e}"
        if problem:
            failed += 1
            print(f"FAIL {rel}\n  " + problem.replace("\n", "\n  "))
    print(f"{len(tests) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
