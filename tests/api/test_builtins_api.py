"""The builtins library's host API (mvm.h): Uint8Array values and Math.random's seed."""
from __future__ import annotations

from compiler.program import compile_source
from hostlib._ffi import ffi, lib
from hostlib.vm import VM

SOURCE = """
export function sum(u) { let s = 0; for (let i = 0; i < u.length; i++) s += u[i]; return s; }
export function make() { const u = new Uint8Array(3); u[0] = 1; u[1] = 2; u[2] = 300; return u; }
export function kind(u) { return typeof u + " " + (u instanceof Uint8Array) + " " + u.length; }
export function rand() { return Math.random(); }
"""


def _vm() -> VM:
    vm = VM.from_unit(compile_source(SOURCE, "api.js"))
    vm.run_main()
    return vm


def _call_raw(vm: VM, name: str, *args: int) -> int:
    """Calls an export with raw VM values; returns the raw result."""
    fn = vm.export(name)
    argv = ffi.new("mvm_value_t[]", list(args) or [0])
    out = ffi.new("mvm_value_t*")
    assert lib.mvm_call(vm.ptr, fn.handle.value, argv, len(args), out) == lib.MVM_E_OK
    return out[0]


def _string(vm: VM, v: int) -> str:
    buf = ffi.new("char[]", 256)
    n = ffi.new("size_t*")
    assert lib.mvm_string_utf8(vm.ptr, v, buf, 256, n) == lib.MVM_E_OK
    return ffi.unpack(buf, n[0]).decode()


def test_uint8array_from_host_bytes() -> None:
    with _vm() as vm:
        out = ffi.new("mvm_value_t*")
        data = bytes([10, 20, 255])
        assert lib.mvm_new_uint8array(vm.ptr, data, len(data), out) == lib.MVM_E_OK
        h = ffi.new("mvm_handle_t*")  # a GC root across the calls below
        lib.mvm_handle_init(vm.ptr, h)
        h.value = out[0]
        assert lib.mvm_typeof(vm.ptr, h.value) == lib.MVM_T_OBJECT
        assert _string(vm, _call_raw(vm, "kind", h.value)) == "object true 3"
        assert lib.mvm_to_number(vm.ptr, _call_raw(vm, "sum", h.value)) == 285
        lib.mvm_handle_release(vm.ptr, h)
        assert lib.mvm_new_uint8array(vm.ptr, ffi.NULL, 0, out) == lib.MVM_E_OK


def test_uint8array_to_host_bytes() -> None:
    with _vm() as vm:
        v = _call_raw(vm, "make")
        data = ffi.new("uint8_t**")
        n = ffi.new("size_t*")
        assert lib.mvm_uint8array_data(vm.ptr, v, data, n) == lib.MVM_E_OK
        assert bytes(ffi.buffer(data[0], n[0])) == bytes([1, 2, 44])
        data[0][0] = 7  # writable in place
        assert lib.mvm_uint8array_data(vm.ptr, v, data, n) == lib.MVM_E_OK
        assert data[0][0] == 7
        assert lib.mvm_uint8array_data(vm.ptr, lib.mvm_null(), data, n) == lib.MVM_E_WRONG_TYPE


def test_random_is_reproducible_and_seedable() -> None:
    with _vm() as a, _vm() as b:
        first = [a.call("rand") for _ in range(3)]
        assert first == [b.call("rand") for _ in range(3)]  # the fixed seed
        assert all(0 <= x < 1 for x in first) and len(set(first)) == 3
        lib.mvm_seed_random(b.ptr, 12345)
        seeded = [b.call("rand") for _ in range(3)]
        assert seeded != first
        lib.mvm_seed_random(a.ptr, 12345)
        assert [a.call("rand") for _ in range(3)] == seeded


def test_restored_instances_draw_different_numbers_unless_seeded() -> None:
    with _vm() as built:
        image = built.snapshot()
    with VM.restore(image) as a, VM.restore(image) as b:  # seeded from the OS
        assert [a.call("rand") for _ in range(3)] != [b.call("rand") for _ in range(3)]
    with VM.restore(image, random_seed=99) as a, VM.restore(image, random_seed=99) as b:
        assert [a.call("rand") for _ in range(3)] == [b.call("rand") for _ in range(3)]
