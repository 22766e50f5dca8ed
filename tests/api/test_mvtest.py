"""`mvc test`: the front-matter test host (Microvium end-to-end suite format)."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from hostlib.mvtest import run_test_file, run_tests

MVTEST_DIR = Path(__file__).resolve().parent.parent / "mvtest"

PASSING = """/*---
description: state survives the snapshot; assertions are counted
runExportedFunction: 0
expectedPrintout: |
  build
  run 3
assertionCount: 5
---*/
let n = 1;
const o = { tag: 'kept' };
print('build');
assert(n === 1, 'n is 1');
vmExport(0, run);
function run() {
  n += 2;
  assertEqual(n, 3);
  assertEqual('a' + 'b', 'ab');
  runGC();
  assertEqual(o.tag, 'kept');
  assert(getHeapUsed() > 0);
  print('run ' + n);
}
"""


def write(tmp_path: Path, name: str, text: str) -> str:
    p = tmp_path / name
    p.write_text(text)
    return str(p)


def test_passing_test(tmp_path: Path) -> None:
    assert run_test_file(write(tmp_path, "ok.js", PASSING)) is None


@pytest.mark.parametrize(
    "change, complaint",
    [
        (("run 3", "run 4"), "printout differs"),
        (("assertionCount: 5", "assertionCount: 6"), "expected 6 assertions"),
        (("assertEqual(n, 3)", "assertEqual(n, '3')"), "Expected 3 but got 3"),
        (("assert(n === 1, 'n is 1')", "assert(n === 2, 'n is 2')"), "Assertion failed: n is 2"),
    ],
)
def test_failures_are_reported(tmp_path: Path, change: tuple[str, str], complaint: str) -> None:
    problem = run_test_file(write(tmp_path, "bad.js", PASSING.replace(*change)))
    assert problem is not None and complaint in problem


def test_expected_exception(tmp_path: Path) -> None:
    src = """/*---
description: throws after resume
runExportedFunction: 1
expectException: "boom"
---*/
vmExport(1, () => { throw new Error('boom'); });
"""
    assert run_test_file(write(tmp_path, "ex.js", src)) is None
    problem = run_test_file(write(tmp_path, "ex2.js", src.replace("throw new Error('boom');", "")))
    assert problem is not None and "none was thrown" in problem


def test_missing_front_matter(tmp_path: Path) -> None:
    problem = run_test_file(write(tmp_path, "nofm.js", "print(1);\n"))
    assert problem is not None and "front matter" in problem


def test_summary_and_exit_code(tmp_path: Path) -> None:
    write(tmp_path, "ok.js", PASSING)
    out = io.StringIO()
    assert run_tests([str(tmp_path)], out) == 0
    assert out.getvalue().strip().endswith("1 passed, 0 failed")
    write(tmp_path, "bad.js", PASSING.replace("run 3", "run 9"))
    out = io.StringIO()
    assert run_tests([str(tmp_path)], out) == 1


@pytest.mark.skipif(not MVTEST_DIR.is_dir(), reason="no tests/mvtest suite")
def test_project_suite() -> None:
    out = io.StringIO()
    code = run_tests([str(MVTEST_DIR)], out)
    assert code == 0, out.getvalue()
