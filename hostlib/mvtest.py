"""`mvc test`: the test host for programs in the end-to-end test format of Microvium's suite.

A test file starts with a YAML front matter in a `/*--- ... ---*/` comment:

    description       free text
    runExportedFunction   numeric vmExport id to call after the snapshot is resumed
    expectedPrintout  everything print/console.log write (build time, then run time)
    assertionCount    how many assert/assertEqual calls must have passed
    expectException   the message (String(e) or e.message) of the uncaught exception expected
    isAsync           the test ends by calling asyncTestComplete(ok, error); checked after the
                      job queue has drained
    skip              true: not run

The host gives the program print, console.log, assert(cond, msg), assertEqual(a, b) (strict
equality), runGC(), getHeapUsed(), asyncTestComplete(ok, err), vmExport and vmImport. The
program is built (its top level runs), snapshotted, resumed in a fresh VM, and then the export
is called: the path a program takes on a device.
"""
from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass, field
from typing import Any

from ._ffi import ffi, lib
from .errors import JSError, JSException, VMError
from .values import read_string, to_string
from .vm import VM, Host

ID_ASSERT = 0xFF01
ID_ASSERT_EQUAL = 0xFF02
ID_RUN_GC = 0xFF03
ID_GET_HEAP_USED = 0xFF04
ID_ASYNC_COMPLETE = 0xFF05

HOST_PRELUDE = f"""
const assert = vmImport({ID_ASSERT});
const assertEqual = vmImport({ID_ASSERT_EQUAL});
const runGC = vmImport({ID_RUN_GC});
const getHeapUsed = vmImport({ID_GET_HEAP_USED});
const asyncTestComplete = vmImport({ID_ASYNC_COMPLETE});
"""

_FRONT_MATTER = re.compile(r"^\s*/\*---(.*?)---\*/", re.S)


class TestFormatError(Exception):
    """The front matter is missing or malformed."""


@dataclass
class TestSpec:
    description: str = ""
    run_export: int | None = None
    expected_printout: str | None = None
    assertion_count: int | None = None
    expect_exception: str | None = None
    is_async: bool = False
    skip: bool = False


def parse_front_matter(source: str) -> TestSpec:
    import yaml

    m = _FRONT_MATTER.match(source)
    if not m:
        raise TestFormatError("no /*--- ... ---*/ front matter at the top of the file")
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as e:
        raise TestFormatError(f"front matter is not valid YAML: {e}") from None
    if not isinstance(meta, dict):
        raise TestFormatError("front matter must be a mapping")
    run = meta.get("runExportedFunction")
    count = meta.get("assertionCount")
    printout = meta.get("expectedPrintout")
    return TestSpec(
        description=str(meta.get("description", "")).strip(),
        run_export=int(run) if run is not None else None,
        expected_printout=str(printout) if printout is not None else None,
        assertion_count=int(count) if count is not None else None,
        expect_exception=(str(meta["expectException"])
                          if meta.get("expectException") is not None else None),
        is_async=bool(meta.get("isAsync", False)),
        skip=bool(meta.get("skip", False)),
    )


@dataclass
class TestState:
    out: io.StringIO = field(default_factory=io.StringIO)
    assertions: int = 0
    async_result: tuple[bool, str] | None = None


def _strict_equal(vm: VM, a: int, b: int) -> bool:
    p = vm.ptr
    ta, tb = lib.mvm_typeof(p, a), lib.mvm_typeof(p, b)
    if ta != tb:
        return False
    if ta == lib.MVM_T_NUMBER:
        return bool(lib.mvm_to_number(p, a) == lib.mvm_to_number(p, b))
    if ta == lib.MVM_T_STRING:
        return read_string(vm, a) == read_string(vm, b)
    return bool(a == b)  # same special value, or the same object


def make_host(state: TestState) -> Host:
    host = Host(stdout=state.out)

    def assert_(vm: VM, args: Any, argc: int) -> int:
        ok = argc > 0 and lib.mvm_to_bool(vm.ptr, args[0])
        if not ok:
            msg = to_string(vm, args[1]) if argc > 1 else "assertion"
            raise JSError("Error", f"Assertion failed: {msg}")
        state.assertions += 1
        return lib.mvm_undefined()

    def assert_equal(vm: VM, args: Any, argc: int) -> int:
        a = args[0] if argc > 0 else lib.mvm_undefined()
        b = args[1] if argc > 1 else lib.mvm_undefined()
        if not _strict_equal(vm, a, b):
            got, want = to_string(vm, a), to_string(vm, args[1] if argc > 1 else b)
            raise JSError("Error", f"Expected {want} but got {got}")
        state.assertions += 1
        return lib.mvm_undefined()

    def run_gc(vm: VM, args: Any, argc: int) -> int:
        vm.run_gc()
        return lib.mvm_undefined()

    def heap_used(vm: VM, args: Any, argc: int) -> int:
        out = ffi.new("mvm_value_t*")
        lib.mvm_new_number(vm.ptr, float(vm.stats()["heap_used"]), out)
        return int(out[0])

    def async_complete(vm: VM, args: Any, argc: int) -> int:
        ok = argc > 0 and lib.mvm_to_bool(vm.ptr, args[0])
        err = to_string(vm, args[1]) if argc > 1 and not ok else ""
        state.async_result = (bool(ok), err)
        return lib.mvm_undefined()

    host.add(ID_ASSERT, assert_, raw=True)
    host.add(ID_ASSERT_EQUAL, assert_equal, raw=True)
    host.add(ID_RUN_GC, run_gc, raw=True)
    host.add(ID_GET_HEAP_USED, heap_used, raw=True)
    host.add(ID_ASYNC_COMPLETE, async_complete, raw=True)
    return host


def _exception_matches(expected: str, e: JSException) -> bool:
    # e.text is String(e): "Name: message" for errors, the value itself otherwise.
    message = e.value.get("message") if isinstance(e.value, dict) else None
    return expected in (e.text, message, str(e.value)) or e.text.endswith(": " + expected)


def run_test_file(path: str) -> str | None:
    """Runs one test; None when it passes (or is skipped), else why it failed."""
    from compiler import CompileError, compile_program

    with open(path, encoding="utf-8") as f:
        source = f.read()
    try:
        spec = parse_front_matter(source)
    except TestFormatError as e:
        return str(e)
    if spec.skip:
        return None
    try:
        unit = compile_program(path, host_prelude=HOST_PRELUDE)
    except CompileError as e:
        return e.format()

    state = TestState()
    host = make_host(state)
    caught: JSException | None = None
    image = None
    with VM.from_unit(unit, host) as vm:
        try:
            vm.run_main()
            image = vm.snapshot()
        except JSException as e:
            caught = e
    if image is not None:
        with VM.restore(image, host) as vm:
            if spec.run_export is not None:
                try:
                    vm.call(spec.run_export)
                except JSException as e:
                    caught = e
    problems = []
    if spec.expect_exception is not None:
        if caught is None:
            problems.append(f"expected exception {spec.expect_exception!r}, none was thrown")
        elif not _exception_matches(spec.expect_exception, caught):
            problems.append(f"expected exception {spec.expect_exception!r}, got {caught}")
    elif caught is not None:
        problems.append(str(caught))
    if spec.expected_printout is not None:
        want = spec.expected_printout.rstrip("\n")
        got = state.out.getvalue().rstrip("\n")
        if want != got:
            problems.append(f"printout differs:\n--- expected\n{want}\n--- got\n{got}")
    if spec.assertion_count is not None and state.assertions != spec.assertion_count:
        problems.append(f"expected {spec.assertion_count} assertions, {state.assertions} passed")
    if spec.is_async:
        if state.async_result is None:
            problems.append("asyncTestComplete was never called")
        elif not state.async_result[0]:
            problems.append(f"async test failed: {state.async_result[1]}")
    return "\n".join(problems) or None


def collect(paths: list[str]) -> list[str]:
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".js")]
        else:
            files.append(p)
    return files


def run_tests(paths: list[str], out: Any, verbose: bool = False) -> int:
    files = collect(paths)
    failed = 0
    for path in files:
        try:
            problem = run_test_file(path)
        except (VMError, OSError) as e:
            problem = str(e)
        if problem:
            failed += 1
            out.write(f"FAIL {path}\n  " + problem.replace("\n", "\n  ") + "\n")
        elif verbose:
            out.write(f"PASS {path}\n")
    out.write(f"{len(files) - failed} passed, {failed} failed\n")
    return 1 if failed else 0
