"""Differential tests of the integer-only build (MVM_SUPPORT_FLOAT=0) against Node.js: random
integer-biased programs on a native runner (cortex_m port), compared up to the build's first
"is not a 32-bit integer" RangeError, whose operation Node must confirm is no int32 (see
difftest_intonly.py). The long run is `tools/differential.py --int-only`. Skipped without node
or a C compiler.

A derandomized set of programs (DIFFERENTIAL_INT_EXAMPLES overrides the count) runs on the
checked runner, a smaller one also on the wrapping runner (MVM_INT32_OVERFLOW_CHECKS=0, UBSan);
then the regression programs of FINDINGS.md's integer-only section, and self-tests that show
the comparison fails where it must.
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

from difftest_gen import INT_PRELUDE, INT_PROFILE, programs  # noqa: E402
from difftest_harness import NodeOracle, Outcome  # noqa: E402
from difftest_intonly import TAIL, IntChecker, compare_run, cut_point  # noqa: E402

pytestmark = [
    pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed"),
    pytest.mark.skipif(not any(shutil.which(c) for c in ("cc", "gcc", "clang")),
                       reason="no C compiler"),
]

EXAMPLES = int(os.environ.get("DIFFERENTIAL_INT_EXAMPLES", "150"))


@pytest.fixture(scope="module")
def oracle():
    with NodeOracle() as o:
        yield o


@pytest.fixture(scope="module")
def checker(oracle: NodeOracle):
    with IntChecker(oracle, "checked", wrap=True) as c:
        yield c


def run_random(checker: IntChecker, examples: int) -> None:
    @settings(max_examples=examples, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck), print_blob=False)
    @given(programs(INT_PROFILE))
    def prop(src: str) -> None:
        m = checker.check(src)
        if m is not None:
            raise AssertionError("the integer-only VM differs from Node:\n" + m.report())

    prop()


def test_random_integer_programs_match_node(checker: IntChecker) -> None:
    wrap, checker.wrap_runner = checker.wrap_runner, None
    try:
        run_random(checker, EXAMPLES)
    finally:
        checker.wrap_runner = wrap


def test_random_integer_programs_wrapping(checker: IntChecker) -> None:
    run_random(checker, max(10, EXAMPLES // 3))


# Regression programs (tests/differential/FINDINGS.md, "Integer-only build"): each must match
# Node by the comparison's rule, on the checked and on the wrapping runner.
REGRESSIONS: dict[str, str] = {
    # Finding I1: ToInt32/ToUint16/ToUint8 of a string holding a fraction read 0.
    "library_modular_arguments": """
print('r1', String.fromCharCode(65, '66.5', '-1.5').length, String.fromCharCode(65, '66.5').charCodeAt(1));
print('r2', new Uint8Array(['7.9', '-1.5', '300.5']).join());
print('r3', 'a,b,c'.split(',', '2.5').length, parseInt('11', '2.5'));
const u = new Uint8Array(1);
u[0] = ' 257.99 ';
print('r4', u[0], String.fromCharCode('0x41', '65.999').length, 'abc'.split('', '-4294967295.5').join());
print('r5', parseInt('z', '36.9'));  // (radix 10 made it NaN: a RangeError here)
export function afterResume() { print('resumed', String.fromCharCode('66.5')); }
""",
    # Finding I2: a decimal string whose nearest double is an integer was refused (a
    # RangeError, and == false): the fraction compared against half the doubles' spacing.
    "decimal_strings_rounding_to_integers": """
print('t1', '1.0000000000000001' * 2, '1.0000000000000001' == 1, '1e-400' * 1, '1e-400' == 0, -'2.4703282292062327e-324');
print('t2', '0.99999999999999999' | 0, '-2.00000000000000000001' * 3, '4503599627370499.5' - '4503599627370400', '4503599627370498.5' - '4503599627370400');
print('t3', '123.000000000000000000000000000000000000000000000000000000000000000000000001' * 1 === 123, '7.99999999999999999999e0' >> 1, ' 1000000000000000.9999 ' - '1000000000000000');
print('t4', 'abcd'.slice('0.99999999999999999'), parseInt('11', '1.99999999999999999'), String.fromCharCode('65.99999999999999999').charCodeAt(0), new Uint8Array(['255.99999999999999999'])[0]);
print('t5', '1.000000000000000111022302462515654042363166809082031250' * 1, '1.00000000000000011102230246251565404236316680908203125000001' == 1, '0.00000000000000000000000000000000000000000000000000000000005e-300' | 0);
export function afterResume() {
  print('resumed', '1.0000000000000001' * 2, '1e-400' * 1);
  print('t6', '3.0000000000000004' * 1);  // the nearest double is no integer: the RangeError
}
""",
    # Finding I3: the same arguments past 2^53 read 0 (the parser saturated at 2^53): ToInt32
    # of the nearest double (ties to even, a fraction sticky; hex and binary too), 0 from 2^84.
    "library_modular_arguments_past_2_53": """
print('s1', 'a,b,c,d'.split(',', '1e21').length, 'abcd'.split('', '-1e21').length, 'abcd'.split('', '1e30').length);
print('s2', parseInt('11', '36028797018963984'), parseInt('11', '36028797018963988'), parseInt('11', '3602879701896398.8000001e1'), parseInt('11', '36028797018963996'));
print('s3', parseInt('11', ' -36028797018963952 '), parseInt('11', '0x8000000000000A'), parseInt('11', '0x80000000000014'), parseInt('11', '4503599627370498.5'), parseInt('11', '4503599627370499.5'));
print('s4', String.fromCharCode('123456789012345678901', '-12.5e19', '0b' + '1'.repeat(60), '5.9e20').split('').map(c => c.charCodeAt(0)).join());
print('s5', new Uint8Array(['9007199254740993', '9007199254740995', '9007199254740997.0000000000000001', '1152921504606847106.5e0', '1e26', '4e25']).join());
print('s6', 'abcd'.split('', '38685626227668133590597631').length, 'abcd'.split('', '38685626227668133590597632').length, String.fromCharCode('Infinity', '-1e400').charCodeAt(1));
export function afterResume() { print('resumed', parseInt('11', '36028797018963988.000001'), String.fromCharCode('123456789012345678901').charCodeAt(0)); }
""",
}


@pytest.mark.parametrize("name", sorted(REGRESSIONS))
def test_regression_programs(checker: IntChecker, name: str) -> None:
    m = checker.check(INT_PRELUDE + REGRESSIONS[name])
    assert m is None, m.report()


def test_a_fixed_program_matches_and_stops_at_the_range_error(checker: IntChecker,
                                                              oracle: NodeOracle) -> None:
    src = INT_PRELUDE + """
let big = 2147483647;
const keys = { [big]: 'max', [-big - 1]: 'min' };
print('a', big - 1, big | 0, -big - 1, (big >> 1) * 2 + 1, String(big).length, keys[2147483647]);
try { print('b', big + 1); } catch (e) { print('c', show(e)); }
export function afterResume() {
  print('resumed', keys[-2147483648], JSON.stringify(keys), 7 / 2);
}
"""
    assert checker.check(src) is None
    node = oracle.run(src)
    assert node.lines[:2] == ["a 2147483646 2147483647 -2147483648 2147483647 10 max",
                              "b 2147483648"], node.lines
    direct = dict(checker.vm_outcomes(src))["direct"]
    assert direct.lines[0] == node.lines[0]
    assert direct.lines[1] == "c NOINT32{2147483647 + 1" + TAIL + "}", direct.lines
    assert cut_point(direct) == (1, "2147483647 + 1")
    # afterResume does not catch its 7 / 2: uncaught, after the same lines, in both runs.
    snap = dict(checker.vm_outcomes(src))["snapshot"]
    assert snap.lines == direct.lines and snap.kind == "uncaught", snap.describe()
    assert snap.error == "RangeError: 7 / 2" + TAIL
    assert cut_point(Outcome(lines=snap.lines[:1], kind="uncaught", error=snap.error)) == (
        1, "7 / 2")


def test_the_comparison_fails_where_it_must(oracle: NodeOracle) -> None:
    src = "print('x');\n"
    node = Outcome(lines=["a 1", "b 2147483648", "c 3"])

    def vm(*lines: str, kind: str = "ok", error: str | None = None) -> Outcome:
        return Outcome(lines=list(lines), kind=kind, error=error)

    mark = "NOINT32{%s" + TAIL + "}"
    # The prefix before the RangeError equal, and the operation no int32 in Node: accepted.
    assert compare_run(src, node, vm("a 1", "caught " + mark % "2147483647 + 1"), "direct",
                       oracle) is None
    assert compare_run(src, node, vm("a 1", kind="uncaught",
                                     error="RangeError: 1.5" + TAIL), "direct", oracle) is None
    # A different value before it.
    m = compare_run(src, node, vm("a 2", "caught " + mark % "2147483647 + 1"), "direct", oracle)
    assert m is not None and "before the RangeError" in m.reason
    # The VM refusing a result that is an int32 in JS (-0 is 0 in this build, so an int32).
    for form in ("2147483646 + 1", "6 / 3", "-2 ** 31", "Math.sqrt(4)", "0 * -1",
                 "-(-2147483647)", "2147483647"):
        m = compare_run(src, node, vm("a 1", mark % form), "direct", oracle)
        assert m is not None and m.signature().startswith("refused an int32 result"), form
    for form in ("-2 ** 32", "1 / 0", "Math.sqrt(2)", "PI", "Infinity", " 1.5 ", "NaN + 1",
                 "Math.max()", "5 - -2147483645", "-(-2147483648)", "Math.random()"):
        assert compare_run(src, node, vm("a 1", mark % form), "direct", oracle) is None, form
    # No RangeError: all of the output, and a crash is always a difference.
    assert compare_run(src, node, vm("a 1", "b 2147483648", "c 3"), "direct", oracle) is None
    assert compare_run(src, node, vm("a 1", "b 2147483648"), "direct", oracle) is not None
    assert compare_run(src, node, vm("a 1", kind="crash", error="SIGSEGV"), "direct",
                       oracle) is not None
