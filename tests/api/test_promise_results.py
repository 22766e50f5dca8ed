"""VM.call and `mvc run` on async functions: a settled promise gives its value or raises its
rejection; one still pending gives PENDING (it may settle in a later call)."""
from __future__ import annotations

import io
import subprocess
import sys

import pytest

from compiler import compile_source
from hostlib import PENDING, VM, Host, JSException

SOURCE = """
let release;
const gate = new Promise((resolve) => { release = resolve; });
export async function double(x) { await null; return { value: 2 * x }; }
export async function fails() { await 1; throw new TypeError('async failure'); }
export function rejected() { return Promise.reject(new RangeError('plain rejection')); }
export async function waits() { return 'opened ' + await gate; }
export function open(v) { release(v); }
export function plain() { return Promise.resolve(7).then((v) => v + 1); }
"""


@pytest.fixture
def image() -> bytes:
    with VM.from_unit(compile_source(SOURCE, "p.js"), Host(stdout=io.StringIO())) as vm:
        vm.run_main()
        return vm.snapshot()


def test_settled_promises_give_their_value_or_raise(image: bytes) -> None:
    with VM.restore(image, Host(stdout=io.StringIO())) as vm:
        assert vm.call("double", 21) == {"value": 42}
        assert vm.call("plain") == 8
        with pytest.raises(JSException) as e:
            vm.call("fails")
        assert e.value.text == "TypeError: async failure"
        with pytest.raises(JSException) as e:
            vm.call("rejected")
        assert e.value.text == "RangeError: plain rejection"


def test_a_pending_promise_is_pending_until_it_settles(image: bytes) -> None:
    with VM.restore(image, Host(stdout=io.StringIO())) as vm:
        assert vm.call("waits") is PENDING
        vm.call("open", "now")
        assert vm.call("waits") == "opened now"


def test_mvc_run_prints_the_value_and_fails_on_pending(image: bytes, tmp_path) -> None:
    path = tmp_path / "p.mvm"
    path.write_bytes(image)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "azure_microvium.cli", "run", str(path), *args],
                              capture_output=True, text=True, timeout=60)

    ok = run("double", "5")
    assert (ok.returncode, ok.stdout.strip()) == (0, '{"value":10}')
    failed = run("fails")
    assert failed.returncode != 0 and "TypeError: async failure" in failed.stderr
    pending = run("waits")
    assert pending.returncode != 0 and "still pending" in pending.stderr
    assert "Traceback" not in failed.stderr + pending.stderr
