"""Every tests/js golden program, through the compiler, the VM, a snapshot and a resume."""
import pytest

from run_js import discover, run_test

TESTS = discover()


@pytest.mark.parametrize("rel", TESTS)
def test_golden(rel: str) -> None:
    problem = run_test(rel)
    if problem:
        pytest.fail(problem, pytrace=False)
