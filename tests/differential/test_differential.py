"""Differential tests: random programs in the basic subset must print the same in the VM
(directly, and after a snapshot and a resume) as in Node.js. See README.md here; the long
run is tools/differential.py. Skipped when node is not installed.

A modest, derandomized number of examples runs here (DIFFERENTIAL_EXAMPLES overrides it).
Programs that differ only because of a known open bug (difftest_known.py) are tolerated;
any other difference fails, with the program shrunk by hypothesis.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from difftest_gen import PRELUDE, programs  # noqa: E402
from difftest_harness import NodeOracle, Outcome, check, compare, reduce_source  # noqa: E402
from difftest_known import classify  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")

EXAMPLES = int(os.environ.get("DIFFERENTIAL_EXAMPLES", "150"))


@pytest.fixture(scope="module")
def oracle():
    with NodeOracle() as o:
        yield o


def test_random_programs_match_node(oracle: NodeOracle) -> None:
    known_hits: list[str] = []

    @settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck), print_blob=False)
    @given(programs())
    def prop(src: str) -> None:
        m = check(src, oracle)
        if m is None:
            return
        bugs = classify(m, lambda source: check(source, oracle))
        if bugs:
            known_hits.extend(bug.key for bug in bugs)
            return
        raise AssertionError("the VM differs from Node:\n" + m.report())

    prop()


def test_a_fixed_program_matches(oracle: NodeOracle) -> None:
    src = PRELUDE + """
let total = 0;
const seen = [];
function add(x) { total += x; seen.push(x); return total; }
for (let i = 0; i < 4; i++) add(i * 2 ** 29);
try { null.x; } catch (e) { print('caught', show(e)); }
print('build', total, seen.length, 0.1 + 0.2, -0, 1 / -0);
export function afterResume() {
  print('resumed', add(2 ** 31), show(-0), typeof add, `${seen[3]}`);
}
"""
    node = oracle.run(src)
    assert node.kind == "ok", node.describe()
    assert node.lines[0] == "caught err:TypeError"
    assert compare(src, node) is None


def test_a_difference_is_reported(oracle: NodeOracle) -> None:
    src = "print(1 + 1);\n"
    fake = Outcome(lines=["3"])
    m = compare(src, fake)
    assert m is not None and m.mode == "direct"
    assert m.signature() == "output: node '#' / vm '#'"
    assert "--- node\n3" in m.report()


def test_compile_errors_and_uncaught_exceptions_are_differences(oracle: NodeOracle) -> None:
    bad = "let x = ;\n"
    m = check(bad, oracle)
    assert m is not None and m.vm.kind == "compile-error"
    thrower = "print('a');\nthrow new RangeError('r');\n"
    node = oracle.run(thrower)
    assert node.kind == "uncaught" and node.error == "RangeError: r"
    assert compare(thrower, node) is None  # same output, same uncaught error


def test_line_reducer_keeps_the_failure() -> None:
    src = "a();\nif (x) {\n  b();\n  KEY();\n}\nc();\n"
    small = reduce_source(src, lambda s: "KEY" in s and s.count("{") == s.count("}"))
    assert small.strip() == "KEY();"


def test_known_bugs_are_recognised_by_repair(oracle: NodeOracle) -> None:
    """A program that differs only by a known bug is classified as that bug (its repaired
    version matches Node); while the bug is open. Once fixed, there is no mismatch."""
    from difftest_known import KNOWN_BUGS

    keys = {b.key for b in KNOWN_BUGS}
    if "array_named_properties" not in keys:
        return  # fixed: nothing left to classify with this program
    src = PRELUDE + """
const a2 = [1];
a2['x y'] = cap(5);
print('p3', show(a2['x y']), show(a2.length));
"""
    m = check(src, oracle)
    if m is None:
        return  # fixed, but its entry not deleted yet
    found = {b.key for b in classify(m, lambda s: check(s, oracle))}
    assert found and found <= keys
