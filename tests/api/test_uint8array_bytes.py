"""hostlib converts Python bytes to a JS Uint8Array and back (values.py to_py/from_py)."""
from __future__ import annotations

from compiler.program import compile_source
from hostlib.vm import VM

SOURCE = """
export function sum(u) { let s = 0; for (let i = 0; i < u.length; i++) s += u[i]; return s; }
export function kind(u) { return typeof u + " " + (u instanceof Uint8Array) + " " + u.length; }
export function make(n) { const u = new Uint8Array(n); for (let i = 0; i < n; i++) u[i] = i * 100; return u; }
export function bump(u) { for (let i = 0; i < u.length; i++) u[i]++; return u; }
export function nested(u) { return { data: u, list: [u, new Uint8Array(0)] }; }
let kept = new Uint8Array([7, 8, 9]);
export function keep(u) { kept = u; return kept.length; }
export function getKept() { return kept; }
"""


def _vm() -> VM:
    vm = VM.from_unit(compile_source(SOURCE, "bytes.js"))
    vm.run_main()
    return vm


def test_bytes_to_uint8array_and_back() -> None:
    with _vm() as vm:
        assert vm.call("kind", b"\x01\x02\x03") == "object true 3"
        assert vm.call("sum", b"\x01\x02\xff") == 258
        assert vm.call("sum", bytearray(b"\x05\x05")) == 10
        assert vm.call("sum", memoryview(b"\x09")) == 9
        assert vm.call("make", 4) == bytes([0, 100, 200, 44])
        assert vm.call("make", 0) == b""
        assert vm.call("bump", b"\x00\xff") == b"\x01\x00"  # writes wrap modulo 256


def test_bytes_nested_in_objects_and_arrays() -> None:
    with _vm() as vm:
        assert vm.call("nested", b"ab") == {"data": b"ab", "list": [b"ab", b""]}


def test_bytes_survive_snapshot() -> None:
    with _vm() as vm:
        assert vm.call("getKept") == b"\x07\x08\x09"
        assert vm.call("keep", bytes(range(10))) == 10
        image = vm.snapshot()
    with VM.restore(image) as vm2:
        assert vm2.call("getKept") == bytes(range(10))
        assert vm2.call("sum", b"\x10" * 300) == 16 * 300


def test_bytes_to_json_as_javascript_prints_it() -> None:
    from hostlib.values import to_json

    assert to_json(b"\x01\xff") == '{"0":1,"1":255}'
    assert to_json({"u": b""}) == '{"u":{}}'
