"""Heap limit, stack depth and host-function failures through the Python host."""
from __future__ import annotations

import io
import os

import pytest

from compiler import compile_source
from hostlib import VM, Host, JSException, OutOfMemory

HEAP = 256 * 1024


def build(src: str, host: Host | None = None, **limits: int) -> VM:
    vm = VM.from_unit(compile_source(src, "t.js"), host or Host(stdout=io.StringIO()), **limits)
    return vm


def test_churn_far_beyond_the_heap_limit_completes() -> None:
    # ~100x the heap limit allocated over the run; only a handful alive at any time.
    src = """
    let total = 0;
    export function churn(n) {
      let keep = [];
      for (let i = 0; i < n; i++) {
        let o = { a: i, b: 'x' + i, c: [i, i + 1, i + 2] };
        total += o.c.length;
        if (i % 1000 === 0) keep = [o];
      }
      return total;
    }
    """
    with build(src, max_heap=HEAP) as vm:
        vm.run_main()
        n = 300_000
        assert vm.call("churn", n) == 3 * n
        stats = vm.stats()
        assert stats["gc_count"] > 10
        assert stats["heap_peak"] <= HEAP


def test_keeping_everything_alive_is_a_clean_out_of_memory() -> None:
    src = """
    export const all = [];
    export function hoard() { for (;;) all.push({ i: all.length, s: 'item' + all.length }); }
    export function ok() { return 'still usable'; }
    """
    with build(src, max_heap=HEAP) as vm:
        vm.run_main()
        with pytest.raises(OutOfMemory):
            vm.call("hoard")
        assert vm.call("ok") == "still usable"
        assert vm.stats()["heap_peak"] <= HEAP


def test_runaway_recursion_is_a_catchable_range_error() -> None:
    src = """
    function down(n) { return down(n + 1) + 1; }
    export function probe() {
      try { down(0); } catch (e) { return (e instanceof RangeError) + ' ' + e.message; }
      return 'no error';
    }
    export function uncaught() { return down(0); }
    """
    with build(src) as vm:
        vm.run_main()
        assert vm.call("probe") == "true Maximum call stack size exceeded"
        with pytest.raises(JSException) as info:
            vm.call("uncaught")
        assert "RangeError" in info.value.text
        assert vm.call("probe") == "true Maximum call stack size exceeded"


def test_deep_but_bounded_recursion_works() -> None:
    src = "export function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }"
    with build(src) as vm:
        vm.run_main()
        assert vm.call("depth", 5000) == 5000


def test_host_exception_becomes_a_catchable_js_error() -> None:
    host = Host(stdout=io.StringIO())

    def fails(vm: VM, x: object) -> object:
        raise ValueError(f"bad input {x}")

    host.add(42, fails)
    host.add(43, lambda vm, a, b: {"sum": a + b, "list": [a, b]})
    src = """
    const f = vmImport(42);
    const add = vmImport(43);
    export function tryIt() {
      try { f(7); return 'no error'; } catch (e) { return e.message; }
    }
    export function useAdd() { const r = add(2, 3); return r.sum * 10 + r.list.length; }
    """
    with build(src, host) as vm:
        vm.run_main()
        assert vm.call("tryIt") == "ValueError: bad input 7"
        assert vm.call("useAdd") == 52
        image = vm.snapshot()
    with VM.restore(image, host) as vm2:
        assert vm2.call("tryIt") == "ValueError: bad input 7"


def test_unresolved_import_at_restore_is_refused() -> None:
    host = Host(stdout=io.StringIO())
    host.add(50, lambda vm: 1)
    src = "const g = vmImport(50); export function f() { return g(); }"
    with build(src, host) as vm:
        vm.run_main()
        image = vm.snapshot()
    from hostlib import VMError

    with pytest.raises(VMError):
        VM.restore(image, Host(stdout=io.StringIO()))


def test_values_round_trip() -> None:
    src = "export function id(x) { return x; }"
    values = [0, -1, 2**30, 2**31, -(2**31), 1.5, "héllo ✓ 😀", "", True, False, None,
              [1, [2, [3]], {"a": {"b": []}}], {"k": "v", "n": 1.25}]
    with build(src) as vm:
        vm.run_main()
        for v in values:
            assert vm.call("id", v) == v
        assert repr(vm.call("id")) == "undefined"


@pytest.mark.skipif(os.environ.get("MVM_VARIANT") == "asan", reason="slow under ASan")
def test_many_calls_keep_memory_flat() -> None:
    src = "let n = 0; export function bump(s) { n++; return s + n; }"
    with build(src) as vm:
        vm.run_main()
        for i in range(2000):
            vm.call("bump", "x")
        before = vm.stats()["heap_used"]
        for i in range(20000):
            vm.call("bump", "x")
        vm.run_gc()
        assert vm.stats()["heap_used"] <= before + 1024


def test_host_can_throw_a_chosen_error_kind() -> None:
    from hostlib import JSError

    host = Host(stdout=io.StringIO())

    def picky(vm: VM, i: int) -> int:
        raise JSError("RangeError", f"index {i} out of range")

    host.add(44, picky)
    src = """
    const at = vmImport(44);
    export function f() {
      try { at(9); } catch (e) { return (e instanceof RangeError) + ' ' + e.message; }
    }
    """
    with build(src, host) as vm:
        vm.run_main()
        assert vm.call("f") == "true index 9 out of range"


def test_calls_by_export_name_release_their_handles() -> None:
    src = "let n = 0; export function bump() { n++; return n; }"
    with build(src) as vm:
        vm.run_main()
        for _ in range(100):
            vm.call("bump")
        assert vm.call("bump") == 101
        assert not vm._owned_handles
