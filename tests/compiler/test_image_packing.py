"""FUNCTION and CONSTS layouts in images (docs/internals.md 2, 3 and 10): a FUNCTION has no code
length field (header bits 5-6 count the padding after its code) and a CONSTS no count word.
compiler/disasm.py mirrors the snapshot writer's packing byte for byte, and both loaders refuse
a FUNCTION whose padding bits leave it no code."""

from __future__ import annotations

import io
import struct

import pytest

from compiler import compile_source
from compiler.disasm import RomView, function_code_at, pack_image, unpack_image
from compiler.opcodes import TYPE_CONSTS, TYPE_FUNCTION, TYPE_STRING8, TYPE_STRING16
from hostlib import VM, Host, ImageError, JSException, VMError
from hostlib.cli import retarget_image

# Functions of every code length modulo 4 (so every padding count), constants, closures, and a
# global still in its TDZ when the top level stops (so the image carries a names table).
SOURCE = """
export function a() { return 1; }
export function b(x) { return x + 1; }
export function c(x, y) { return x * y - 2; }
export function d(s) { return s + "!" + s.length; }
export function e(n) { let t = 0; for (let i = 0; i < n; i++) t += i; return t; }
export function f(k) { return () => k + 0.5; }
export function g(o) { return { p: o, q: [o, "q"] }; }
export function g2(o) { return o * 3; }
export function h(v) { if (v) { return "yes"; } return "no"; }
export function late() { return later; }
print(a() + b(1) + c(2, 3));
throw new Error("stop");
let later = 1;
"""


def build_image() -> bytes:
    with VM.from_unit(compile_source(SOURCE, "p.js"), Host(stdout=io.StringIO())) as vm:
        with pytest.raises(JSException):
            vm.run_main()
        return vm.snapshot()


def rom_allocs(rom: bytes) -> list[tuple[int, int, int, int]]:
    """(offset, header, type, size) of every ROM allocation."""
    out, at = [], 0
    while at < len(rom):
        (header,) = struct.unpack_from("<I", rom, at)
        out.append((at, header, header & 31, (header >> 5) & ~3))
        at += (header >> 5) & ~3
    return out


def test_python_packing_mirrors_the_snapshot_writer() -> None:
    image = build_image()
    parts = unpack_image(image)
    assert pack_image(parts) == image  # the same bytes as snapshot.c pack_allocs
    mcu = retarget_image(image, "mcu")  # the ROM as it is, then packed again
    assert unpack_image(mcu).rom == parts.rom and retarget_image(mcu, "host") == image
    view, pads = RomView(parts.rom), set()
    for at, header, kind, size in rom_allocs(parts.rom):
        if kind == TYPE_FUNCTION:
            pad = (header >> 5) & 3
            code = view.decode_function(at).code
            assert function_code_at(parts.rom, at) + len(code) + pad == size
            assert parts.rom[at + size - pad : at + size] == bytes(pad)
            pads.add(pad)
        elif kind in (TYPE_STRING8, TYPE_STRING16):  # padding after the units, as for code
            pad = (header >> 5) & 3
            assert parts.rom[at + size - pad : at + size] == bytes(pad)
            text = view.string(at)
            units = text.encode("utf-16-le", "surrogatepass") if kind == TYPE_STRING16 else text
            assert len(units) == size - 4 - pad
        else:
            assert header & 0x60 == 0  # the flag bits count FUNCTION and string padding only
        if kind == TYPE_CONSTS:
            assert size >= 8  # one value at least
    assert pads == {0, 1, 2, 3}


def test_the_names_table_survives_the_image() -> None:
    image = build_image()
    names = unpack_image(image).global_names
    kinds = {at: kind for at, _, kind, _ in rom_allocs(unpack_image(image).rom)}
    assert kinds[names] == TYPE_CONSTS
    with VM.restore(image, Host(stdout=io.StringIO())) as vm:
        assert vm.call("b", 41) == 42 and vm.call("f", 1)() == 1.5
        with pytest.raises(JSException, match="Cannot access 'later' before initialization"):
            vm.call("late")


@pytest.mark.parametrize("nconsts", [0, 2])
@pytest.mark.parametrize("pad", [0, 1, 2, 3])
def test_a_function_with_no_room_for_code_is_refused(pad: int, nconsts: int) -> None:
    """A FUNCTION of its fixed 12 bytes and its constants' words and nothing else: its code
    length would be 0 or, with padding bits set, negative. Appended to a unit's ROM, and to an
    image's packed ROM."""
    size = 12 + 4 * nconsts
    empty = struct.pack("<IBBBBHH", ((size | pad) << 5) | TYPE_FUNCTION, 0, 0, 0, 0, 0,
                        3 + nconsts)  # the code at 12 + 4 * nconsts: the allocation's end
    empty += struct.pack(f"<{nconsts}I", *[3] * nconsts)  # int31 1s
    unit = bytearray(compile_source("print(1);", "u.js"))
    export_count = struct.unpack_from("<H", unit, 24)[0]
    assert export_count == 0 and struct.unpack_from("<I", unit, 12)[0] == len(unit) - 28
    struct.pack_into("<I", unit, 12, len(unit) - 28 + len(empty))  # the ROM length
    with pytest.raises(VMError, match="invalid bytecode unit"):
        VM.from_unit(bytes(unit + empty), Host(stdout=io.StringIO()))
    parts = unpack_image(build_image())
    parts.rom += empty
    image = pack_image(parts)
    with pytest.raises(ValueError):
        unpack_image(image)
    with pytest.raises(ImageError):
        VM.restore(image, Host(stdout=io.StringIO()))


def test_a_heap_stored_as_it_is_restores_as_the_packed_one() -> None:
    """FEATURE RAW_HEAP (`mvc build --target mcu --raw-heap`): the heap's bytes follow its
    length as they are. Every core restores it (the host core here, validating it as a packed
    heap once expanded); one cut short or run long is refused."""
    from compiler.opcodes import FEATURE_RAW_HEAP

    image = build_image()
    parts = unpack_image(image)
    assert len(parts.heap) > 16  # the top level left objects in the heap
    parts.features |= 1 << FEATURE_RAW_HEAP
    raw = pack_image(parts)
    assert raw.endswith(parts.heap[4:]) and len(raw) > len(image)
    assert unpack_image(raw).heap == parts.heap
    with VM.restore(raw, Host(stdout=io.StringIO())) as vm:
        assert vm.call("b", 41) == 42 and vm.call("g", 7) == {"p": 7, "q": [7, "q"]}
    for bad_heap in (parts.heap[:-4], parts.heap + bytes(8)):
        bad = pack_image(parts.__class__(**{**parts.__dict__, "heap": bad_heap}))
        if len(bad_heap) < len(parts.heap):  # the length word says more than follows
            bad = bad[:-4]
        with pytest.raises(ImageError):
            VM.restore(bad, Host(stdout=io.StringIO()))


def test_a_stripped_snapshot_drops_each_function_lines_word() -> None:
    """A FUNCTION has a LINES word only when it has a line table (flag 32, internals.md 3):
    a stripped snapshot leaves both out, so each function is 4 bytes shorter and its code,
    constants and name are the same."""
    with VM.from_unit(compile_source(SOURCE, "p.js"), Host(stdout=io.StringIO())) as vm:
        with pytest.raises(JSException):
            vm.run_main()
        full, stripped = vm.snapshot(), vm.snapshot(strip=True)
    views = [RomView(unpack_image(image).rom) for image in (full, stripped)]
    fns = [
        {view.function_name(at): (at, size) for at, kind, size in view.walk()
         if kind == TYPE_FUNCTION}
        for view in views
    ]
    assert fns[0].keys() == fns[1].keys() and len(fns[0]) >= 10
    for name, (at, size) in fns[0].items():
        at_s, size_s = fns[1][name]
        full_fields, stripped_fields = views[0].function_fields(at), views[1].function_fields(at_s)
        assert full_fields[1] & 32 and not stripped_fields[1] & 32  # FN_FLAG_LINES
        assert full_fields[7] != 0xFFFFFFFF and stripped_fields[7] == 0xFFFFFFFF
        assert size_s == size - 4
        assert views[0].decode_function(at).code == views[1].decode_function(at_s).code
        assert len(full_fields[5]) == len(stripped_fields[5])
    with VM.restore(stripped, Host(stdout=io.StringIO())) as vm:
        assert vm.call("d", "ab") == "ab!2" and vm.call("f", 1)() == 1.5


@pytest.mark.parametrize(
    "change",
    ["reserved flag", "length over nparams", "name not a string", "lines not a LINES",
     "lines NO_OFFSET"],
)
def test_a_function_whose_words_or_fields_lie_is_refused(change: str) -> None:
    """The loaders check what a FUNCTION's fields and words say (load.c rom_validate): flag
    bits 6-7 are 0, the JS length is at most nparams, the name word holds a string and the
    lines word names a LINES (NO_OFFSET is none)."""
    unit = bytearray(compile_source("export function named(a, b) { return a + b; }", "u.js"))
    nexports = struct.unpack_from("<H", unit, 24)[0]
    rom_at = 28 + 8 * nexports
    view = RomView(bytes(unit[rom_at:]))
    at = next(at for at, kind, _ in view.walk()
              if kind == TYPE_FUNCTION and view.function_name(at) == "named")
    fn = rom_at + at
    nparams, flags, _, _, _, consts, name, _ = view.function_fields(at)
    assert nparams == 2 and flags & 16 and flags & 32 and name is not None
    words_at = fn + 12 + 4 * len(consts)
    with VM.from_unit(bytes(unit), Host(stdout=io.StringIO())) as vm:  # as compiled: loads
        vm.run_main()
        assert vm.call("named", 1, 2) == 3
    if change == "reserved flag":
        unit[fn + 5] |= 64
    elif change == "length over nparams":
        unit[fn + 7] = 3
    elif change == "name not a string":
        struct.pack_into("<I", unit, words_at, (7 << 1) | 1)  # the int 7
    elif change == "lines not a LINES":
        struct.pack_into("<I", unit, words_at + 4, rom_offset_of_string(view))
    else:  # the flag says there is a line table, the word that none is (found by the fuzzer)
        struct.pack_into("<I", unit, words_at + 4, 0xFFFFFFFF)
    with pytest.raises(VMError, match="invalid bytecode unit"):
        VM.from_unit(bytes(unit), Host(stdout=io.StringIO()))


def rom_offset_of_string(view: RomView) -> int:
    return next(at for at, kind, _ in view.walk() if kind in (TYPE_STRING8, TYPE_STRING16))
