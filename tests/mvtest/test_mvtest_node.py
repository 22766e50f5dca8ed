"""The tests/mvtest programs (Microvium end-to-end format, run by `mvc test` in
tests/api/test_mvtest.py) also hold under Node.js: they are valid JS whose front matter
states what Node does. Skipped when node is not installed."""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import node_check  # noqa: E402

NODE = shutil.which("node")
FILES = node_check.collect([])


@pytest.fixture(scope="module")
def tmp() -> Path:
    with tempfile.TemporaryDirectory(prefix="mvtest_node_") as d:
        t = Path(d)
        (t / "package.json").write_text('{ "type": "module" }\n')
        (t / "shim.mjs").write_text(node_check.SHIM)
        yield t


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_holds_under_node(path: Path, tmp: Path) -> None:
    problem = node_check.check(path, NODE, tmp)
    assert problem is None, problem


def test_suite_size() -> None:
    assert len(FILES) >= 15


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_checker_sees_a_wrong_expectation(tmp: Path, tmp_path: Path) -> None:
    src = (HERE / "closures.test.mvm.js").read_text().replace("counter 12", "counter 99")
    bad = tmp_path / "bad.test.mvm.js"
    bad.write_text(src)
    problem = node_check.check(bad, NODE, tmp)
    assert problem is not None and "printout differs" in problem
