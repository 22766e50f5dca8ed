"""The limits a host sets on a VM: heap size, call depth (max_frames) and value-stack size, and
the instruction budget per call. Each one, exceeded, is the documented clean error
(docs/security.md, "Limits"), the VM stays usable afterwards, and the process survives.
tests/api/test_limits.py has the heap churn and plain recursion cases; these add the rest."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from compiler import compile_source
from hostlib import VM, BudgetExceeded, Host, JSException, JSFunction, OutOfMemory, VMError
from hostlib.errors import ImageError

LOOP = """
export function spin() { for (;;) {} }
export function count(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; }
export function ok() { return 'usable'; }
function down(n) { return n === 0 ? 0 : 1 + down(n - 1); }
export function depth(n) { return down(n); }
export function probe(n) {
  try { return down(n); } catch (e) { return e.name + ': ' + e.message; }
}
export const keep = [];
export function hoard() { for (;;) keep.push('x' + keep.length); }
export function drop() { keep.length = 0; return keep.length; }
"""


def vm_with(src: str = LOOP, host: Host | None = None, **limits: int) -> VM:
    vm = VM.from_unit(compile_source(src, "limits.js"), host or Host(stdout=io.StringIO()),
                      **limits)
    vm.run_main()
    return vm


# ---- instruction budget ----

def test_an_endless_loop_stops_at_the_budget_and_the_vm_is_usable() -> None:
    with vm_with(budget=100_000) as vm:
        for _ in range(3):
            with pytest.raises(BudgetExceeded):
                vm.call("spin")
            assert vm.call("ok") == "usable"


def test_an_endless_chain_of_promise_jobs_stops_at_the_budget() -> None:
    # Each job calls `again` from C, and `again` neither loops nor calls a JS function: only
    # the jobs themselves can be charged (found by the MCU fuzzer as a hang).
    src = """
    const p = Promise.resolve();
    function again() { p.then(again); }
    export function start() { p.then(again); return 'started'; }
    export function ok() { return 'usable'; }
    """
    with vm_with(src, budget=10_000) as vm:
        for _ in range(2):
            with pytest.raises(BudgetExceeded):
                vm.call("start")
            assert vm.call("ok") == "usable"


def test_the_jobs_of_a_call_that_ran_out_of_budget_end_with_it() -> None:
    # Not run again at the next call, the one already run included.
    src = """
    const p = Promise.resolve();
    export function start() {
      p.then(() => print('first'));
      p.then(() => { for (;;) {} });
      p.then(() => print('never'));
    }
    export function ok() { return 'usable'; }
    """
    out = io.StringIO()
    with vm_with(src, Host(stdout=out), budget=10_000) as vm:
        with pytest.raises(BudgetExceeded):
            vm.call("start")
        assert vm.call("ok") == "usable"
        assert out.getvalue() == "first\n"


def test_the_budget_is_per_call_not_per_vm() -> None:
    # ~10 instructions per iteration: 1000 iterations fit a budget of 50k; 200 calls would
    # not fit one budget together.
    with vm_with(budget=50_000) as vm:
        for _ in range(200):
            assert vm.call("count", 1000) == 499500
        with pytest.raises(BudgetExceeded):
            vm.call("count", 1_000_000)
        assert vm.call("count", 1000) == 499500


def test_the_budget_covers_code_reached_through_a_host_function() -> None:
    host = Host(stdout=io.StringIO())

    def call_back(vm: VM, fn: object) -> object:
        return vm.call(fn)  # type: ignore[arg-type]

    host.add(60, call_back)
    src = """
    const via = vmImport(60);
    export function nested() { return via(() => { for (;;) {} }); }
    export function ok() { return 1; }
    """
    with vm_with(src, host, budget=100_000) as vm:
        with pytest.raises((BudgetExceeded, JSException)):
            vm.call("nested")
        assert vm.call("ok") == 1


def test_a_host_function_that_re_enters_forever_ends_in_a_catchable_error() -> None:
    # JS -> host -> JS -> host ...: every level holds C stack, so the nesting is bounded
    # (MVM_MAX_NESTED_CALLS) and the innermost host call fails cleanly instead of the process.
    host = Host(stdout=io.StringIO())
    levels = [0]

    def again(vm: VM, fn: object) -> object:
        levels[0] += 1
        return vm.call(fn, fn)  # type: ignore[arg-type]

    host.add(61, again)
    src = """
    const again = vmImport(61);
    const f = (self) => again(self);
    export function forever() {
      try { return again(f); } catch (e) { return 'caught ' + e.name; }
    }
    export function ok() { return 1; }
    """
    with vm_with(src, host) as vm:
        assert vm.call("forever") == "caught Error"
        assert 100 <= levels[0] <= 200
        assert vm.call("ok") == 1


def test_a_build_time_budget_stops_a_top_level_that_never_ends() -> None:
    vm = VM.from_unit(compile_source("for (;;) {}", "t.js"), Host(stdout=io.StringIO()),
                      budget=100_000)
    with vm, pytest.raises(BudgetExceeded):
        vm.run_main()


BUILTIN_WORK = """
const big = [];
for (let i = 0; i < 20000; i++) big.push(i);
export const progress = [0];
export function scans(times) {
  for (let i = 0; i < times; i++) { progress[0]++; big.indexOf(-1); }
  return 'done';
}
export function joins(times) {
  for (let i = 0; i < times; i++) { progress[0]++; big.join(','); }
  return 'done';
}
export function repeats(times) {
  for (let i = 0; i < times; i++) { progress[0]++; 'abc'.repeat(100000); }
  return 'done';
}
export function reset() { progress[0] = 0; }
export function done() { return progress[0]; }
"""


@pytest.mark.parametrize("export", ["scans", "joins", "repeats"])
def test_the_budget_counts_the_work_done_inside_builtins(export: str) -> None:
    # Each builtin call scans 20,000 elements or allocates ~110-300 KB: charged as ~1,000+
    # budget units, so a budget of 100k stops the loop after well under 200 iterations. Were
    # builtins charged one unit like any call, all 200 iterations would fit and it would return.
    with vm_with(BUILTIN_WORK, budget=100_000, max_heap=8 << 20) as vm:
        with pytest.raises(BudgetExceeded):
            vm.call(export, 200)
        assert 5 < vm.call("done") < 120
        vm.call("reset")
        assert vm.call(export, 3) == "done"  # small work still fits, the VM is usable


# ---- call depth and value stack ----

def test_max_frames_bounds_the_call_depth_with_a_catchable_range_error() -> None:
    with vm_with(max_frames=50) as vm:
        assert vm.call("depth", 40) == 40
        assert vm.call("probe", 1000) == "RangeError: Maximum call stack size exceeded"
        with pytest.raises(JSException) as info:
            vm.call("depth", 1000)
        assert info.value.text == "RangeError: Maximum call stack size exceeded"
        assert vm.call("depth", 40) == 40


def test_a_small_value_stack_is_a_catchable_range_error_too() -> None:
    with vm_with(stack_slots=256) as vm:
        assert vm.call("probe", 100_000) == "RangeError: Maximum call stack size exceeded"
        assert vm.call("ok") == "usable"


def test_default_limits_stop_runaway_recursion() -> None:
    with vm_with() as vm:
        assert vm.call("probe", 10_000_000) == "RangeError: Maximum call stack size exceeded"


def test_too_many_arguments_for_the_stack_is_a_clean_error() -> None:
    src = "export function f(...a) { return a.length; }"
    try:
        unit = compile_source(src, "t.js")
    except Exception:  # rest parameters not in this compiler: use a plain function
        unit = compile_source("export function f() { return 1; }", "t.js")
    with VM.from_unit(unit, Host(stdout=io.StringIO()), stack_slots=64) as vm:
        vm.run_main()
        with pytest.raises((VMError, JSException)):
            vm.call("f", *range(200))
        assert vm.call("f") in (0, 1)


# ---- heap ----

def test_out_of_memory_then_freeing_makes_the_vm_usable_again() -> None:
    with vm_with(max_heap=128 * 1024) as vm:
        with pytest.raises(OutOfMemory):
            vm.call("hoard")
        # The array is still full: calls that allocate may fail until the program lets go.
        assert vm.call("drop") == 0
        vm.run_gc()
        assert vm.call("ok") == "usable"
        assert vm.stats()["heap_peak"] <= 128 * 1024


def test_a_host_result_too_big_for_the_heap_is_an_error_the_program_sees() -> None:
    host = Host(stdout=io.StringIO())
    host.add(61, lambda vm: ["x" * 100] * 5000)  # ~600 KB of strings for a 64 KB heap
    src = """
    const big = vmImport(61);
    export function take() { try { return big().length; } catch (e) { return 'caught'; } }
    export function ok() { return 'usable'; }
    """
    with vm_with(src, host, max_heap=64 * 1024) as vm:
        try:
            assert vm.call("take") == "caught"
        except OutOfMemory:
            pass  # not even the error object fitted: the call was abandoned, also clean
        assert vm.call("ok") == "usable"


def test_an_image_larger_than_the_heap_limit_is_refused_at_restore() -> None:
    src = "export const data = []; for (let i = 0; i < 5000; i++) data.push('item' + i);"
    with vm_with(src) as vm:
        image = vm.snapshot()
    with pytest.raises(OutOfMemory):
        VM.restore(image, Host(stdout=io.StringIO()), max_heap=16 * 1024)
    with VM.restore(image, Host(stdout=io.StringIO())) as ok:  # the default limit: fits
        assert "data" in ok.exports()


def test_a_damaged_image_is_an_image_error() -> None:
    with vm_with() as vm:
        image = bytearray(vm.snapshot())
    image[len(image) // 2] ^= 0xFF
    with pytest.raises(ImageError):
        VM.restore(bytes(image), Host(stdout=io.StringIO()))
    with pytest.raises(ImageError):
        VM.restore(bytes(image[:100]), Host(stdout=io.StringIO()))


def test_past_fuzz_findings_restore_or_are_refused_cleanly() -> None:
    # tests/fuzz/regressions: inputs that once crashed or hung the loader (tools/fuzz.sh
    # replays them under ASan too). Each restores and runs its exports within the limits, or
    # is refused with an ImageError; the prototype cycle one must be refused.
    regressions = Path(__file__).resolve().parents[1] / "fuzz" / "regressions"
    files = sorted(regressions.iterdir())
    assert files
    for path in files:
        try:
            vm = VM.restore(path.read_bytes(), Host(stdout=io.StringIO()), budget=100_000)
        except ImageError:
            continue
        assert "proto-cycle" not in path.name
        with vm:
            for name in vm.exports():
                try:
                    vm.call(name)
                except Exception as e:  # a JS error or a limit: a clean, typed error
                    assert not isinstance(e, (AssertionError, SystemError)), (path.name, e)


# ---- host functions that fail ----

def test_python_exceptions_in_host_functions_are_catchable_js_errors() -> None:
    host = Host(stdout=io.StringIO())

    def boom(vm: VM, kind: str) -> object:
        if kind == "key":
            return {}["missing"]
        if kind == "zero":
            return 1 / 0
        if kind == "recursion":
            raise RecursionError("too deep")
        raise RuntimeError("plain")

    host.add(62, boom)
    src = """
    const boom = vmImport(62);
    export function tryAll() {
      const out = [];
      for (const k of ['key', 'zero', 'recursion', 'plain']) {
        try { boom(k); out.push('no error'); } catch (e) {
          out.push((e instanceof Error) + ' ' + e.message);
        }
      }
      return out;
    }
    export function uncaught() { boom('plain'); }
    """
    try:
        unit = compile_source(src, "t.js")
    except Exception:  # for-of not supported by this compiler: index loop
        src = src.replace("for (const k of ['key', 'zero', 'recursion', 'plain'])",
                          "const ks = ['key', 'zero', 'recursion', 'plain'];\n"
                          "      for (let i = 0; i < ks.length; i++)").replace(
            "boom(k)", "boom(ks[i])")
        unit = compile_source(src, "t.js")
    with VM.from_unit(unit, host) as vm:
        vm.run_main()
        assert vm.call("tryAll") == [
            "true KeyError: 'missing'",
            "true ZeroDivisionError: division by zero",
            "true RecursionError: too deep",
            "true RuntimeError: plain",
        ]
        with pytest.raises(JSException) as info:
            vm.call("uncaught")
        assert info.value.text == "Error: RuntimeError: plain"
        # The Python exception is chained for the host's logs.
        assert isinstance(info.value.__cause__, RuntimeError)
        assert not vm._owned_handles


def test_a_js_error_crossing_a_host_function_is_caught_as_the_same_value() -> None:
    # JS -> host function -> JS callback that throws: the callback's error propagates through
    # the host function unchanged (class, message, properties), not as Error("TypeError: ...").
    host = Host(stdout=io.StringIO())

    def invoke(vm: VM, callback: JSFunction, arg: object) -> object:
        try:
            return callback(arg)
        finally:
            callback.release()  # at once, not when the object is collected

    host.add(63, invoke)
    src = """
    const invoke = vmImport(63);
    class Custom extends Error {}
    export function run() {
      const out = [];
      try { invoke((x) => { null.f; }, 1); } catch (e) { out.push(String(e), e instanceof TypeError); }
      try { invoke((x) => { const e = new Custom('mine'); e.code = x; throw e; }, 7); }
      catch (e) { out.push(String(e), e instanceof Custom, e.code); }
      try { invoke((x) => { throw 'a string ' + x; }, 2); } catch (e) { out.push(e); }
      try { invoke((x) => invoke((y) => { throw new RangeError('deep ' + y); }, x), 3); }
      catch (e) { out.push(String(e), e instanceof RangeError); }
      return out;
    }
    """
    with VM.from_unit(compile_source(src, "t.js"), host) as vm:
        vm.run_main()
        for _ in range(3):  # nothing held over from one run to the next
            assert vm.call("run") == [
                "TypeError: Cannot read properties of null (reading 'f')", True,
                "Error: mine", True, 7,
                "a string 2",
                "RangeError: deep 3", True,
            ]
        assert vm._thrown is None and not vm._owned_handles


def test_js_functions_dropped_by_the_host_let_their_closures_go() -> None:
    # A host function that takes a callback and keeps no reference to it: the callback's handle
    # goes with the Python object, so a long run neither grows the handle list nor keeps the
    # closures (and what they capture) alive in the heap.
    host = Host(stdout=io.StringIO())
    host.add(64, lambda vm, callback, x: callback(x))
    src = """
    const apply = vmImport(64);
    export function run(n) {
      const big = [n, n, n, n, n, n, n, n];
      return apply((x) => x + big.length, n);
    }
    """
    with VM.from_unit(compile_source(src, "t.js"), host) as vm:
        vm.run_main()

        def heap_after(calls: int) -> int:
            for i in range(calls):
                assert vm.call("run", i) == i + 8
            vm.run_gc()
            return vm.stats()["heap_used"]

        first = heap_after(500)
        assert heap_after(20_000) == first
        assert not vm._owned_handles and not vm._collected_handles


def test_a_js_function_collected_in_another_thread_is_released_by_the_vm_owner() -> None:
    # A collection may run in any thread; the handle is queued there and released by the
    # thread that next uses the VM, never under a VM another thread is running.
    import gc
    import threading

    kept: list[JSFunction] = []
    host = Host(stdout=io.StringIO())
    host.add(65, lambda vm, callback: kept.append(callback))
    src = """
    const keep = vmImport(65);
    export function give() { const o = { n: 1 }; keep(() => o.n); }
    export function noop() {}
    """
    with VM.from_unit(compile_source(src, "t.js"), host) as vm:
        vm.run_main()
        vm.call("give")
        assert len(vm._owned_handles) == 1 and kept[0]() == 1

        def drop() -> None:
            kept.clear()
            gc.collect()

        t = threading.Thread(target=drop)
        t.start()
        t.join()
        assert not vm._owned_handles and len(vm._collected_handles) == 1
        vm.call("noop")
        assert not vm._collected_handles
