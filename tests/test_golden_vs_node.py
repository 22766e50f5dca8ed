"""Golden JS tests (tests/js) checked against Node.js.

Each test file's `// expect:` lines (and `// expect runtime error:` line) must match what Node
prints when the file runs as an ES module under the shim in tools/expect_from_node.py.
Skipped when node is not installed.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "expect_from_node", REPO / "tools" / "expect_from_node.py")
efn = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("expect_from_node", efn)
_spec.loader.exec_module(efn)

HAVE_NODE = shutil.which("node") is not None
pytestmark = pytest.mark.skipif(not HAVE_NODE, reason="node is not installed")

TEST_FILES = efn.collect([efn.TESTS_ROOT])


@pytest.fixture(scope="module")
def runner():
    r = efn.NodeRunner()
    yield r
    r.close()


def _id(path: Path) -> str:
    return str(path.relative_to(efn.TESTS_ROOT))


@pytest.mark.parametrize("path", TEST_FILES, ids=_id)
def test_golden_matches_node(path, runner):
    result = efn.check_file(path, runner)
    if result.status == "skip":
        pytest.skip(result.reason)
    assert result.ok, result.report()


def test_suite_is_not_empty():
    assert len(TEST_FILES) >= 60
    folders = {p.relative_to(efn.TESTS_ROOT).parts[0] for p in TEST_FILES}
    for needed in ("numbers", "strings", "closures", "exceptions", "modules", "snapshot"):
        assert needed in folders


def test_lib_modules_have_no_directives():
    for lib in efn.TESTS_ROOT.rglob("_lib/*.js"):
        t = efn.parse_test(lib)
        assert not (t.expects or t.runtime_error or t.compile_error), lib


def test_checker_reports_mismatches(tmp_path, runner):
    bad = tmp_path / "bad.js"
    bad.write_text("print(1 + 1); // expect: 3\nprint('extra');\n")
    result = efn.check_file(bad, runner)
    assert result.status == "fail"
    text = result.report()
    assert "expected '3', node printed '2'" in text
    assert "unexpected output line 2: 'extra'" in text


def test_checker_runtime_errors_and_after_resume(tmp_path, runner):
    t = tmp_path / "resume.js"
    t.write_text(
        "let n = 1;\n"
        "print('build', n); // expect: build 1\n"
        "export function afterResume() {\n"
        "  n++;\n"
        "  print(n); // expect: 2\n"
        "  undefined.x;\n"
        "}\n"
        "// expect runtime error: TypeError: Cannot read properties of undefined (reading 'x')\n")
    result = efn.check_file(t, runner)
    assert result.status == "pass", result.report()


def test_checker_imports_between_files(tmp_path, runner):
    (tmp_path / "_lib").mkdir()
    (tmp_path / "_lib" / "m.js").write_text("export let v = 1;\nexport function bump() { v++; }\n")
    t = tmp_path / "imp.js"
    t.write_text("import { v, bump } from './_lib/m.js';\nbump();\nprint(v); // expect: 2\n")
    result = efn.check_file(t, runner)
    assert result.status == "pass", result.report()


def test_fix_rewrites_expectations(tmp_path, runner):
    t = tmp_path / "fixme.js"
    t.write_text(
        "print('a'); // expect: wrong\n"
        "print('b');\n"
        "// expect: b\n"
        "// expect: stale extra line\n"
        "print('c');\n"
        "throw new RangeError('r');\n")
    result = efn.check_file(t, runner)
    assert result.status == "fail"
    assert efn.fix_file(result.test, result.node)
    fixed = t.read_text()
    assert "print('a'); // expect: a\n" in fixed
    assert "stale extra line" not in fixed
    assert "// expect: c" in fixed
    assert "// expect runtime error: RangeError: r" in fixed
    again = efn.check_file(t, runner)
    assert again.status == "pass", again.report()


def test_malformed_directive_is_reported(tmp_path, runner):
    t = tmp_path / "typo.js"
    t.write_text("print(1); //expect: 1\n")
    result = efn.check_file(t, runner)
    assert result.status == "fail"
    assert "malformed directive" in result.report()
