"""The import table in the image's ROM (FEATURE ROM_IMPORTS, vm_c/src/snapshot.c): a snapshot
places every import's host function (HOSTFN: its id and index) in the ROM, import i's in place
i (8 bytes each), so a restored VM keeps only each import's C function pointer, not a full entry
(id, function, cached value); a new import at run time makes the table full again. Behaviour
is the same either way, through snapshots; a damaged list, or an image with imports and no
list, is refused."""
from __future__ import annotations

import io
import os
import struct
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

from compiler import compile_program  # noqa: E402
from compiler.disasm import HOSTFN_BYTES, RomView, pack_image, unpack_image  # noqa: E402
from compiler.opcodes import FEATURE_ROM_IMPORTS, TYPE_HOSTFN, TYPE_STRING8  # noqa: E402
from hostlib import VM, Host  # noqa: E402
from hostlib._mvm import ffi, lib  # noqa: E402
from hostlib.errors import ImageError  # noqa: E402

ADD, TWICE, LATE, DROPPED = 0x10, 0x11, 0x12, 0x13

# Four imports at build time: print, add and twice, which the exports use, and one whose value
# the program drops: its host function is garbage, so the image leaves the import out, and a
# later vmImport of its id is a new import.
PROGRAM = """
const print = vmImport(0xff00);
const add = vmImport(0x10);
const twiceFn = vmImport(0x11);
vmImport(0x13);
export function run(a, b) { print('sum', add(a, b)); return add(a, b); }
export function same() { return vmImport(0x10) === add && vmImport(0x11) === twiceFn; }
export function twice(n) { return twiceFn(n); }
export function late(n) { return vmImport(0x12)(n) + vmImport(0x13)(n) + add(1, 1); }
let held;
export function grab() { held = vmImport(0x12); return held(3); }
"""
IDS = [0xFF00, ADD, TWICE]


def host(out: io.StringIO) -> Host:
    h = Host(stdout=out)
    h.add(ADD, lambda vm, a, b: a + b)
    h.add(TWICE, lambda vm, n: 2 * n)
    h.add(LATE, lambda vm, n: n - 1)
    h.add(DROPPED, lambda vm, n: 100 * n)
    return h


def build(tmp_path) -> bytes:
    src = tmp_path / "p.js"
    src.write_text(PROGRAM)
    with VM.from_unit(compile_program(str(src)), host(io.StringIO())) as vm:
        vm.run_main()
        return vm.snapshot()


def rom_import_list(image: bytes) -> list[int]:
    """The ROM offsets of the imports' places (each should hold its HOSTFN)."""
    parts = unpack_image(image)
    return [HOSTFN_BYTES * i for i in range(len(parts.imports))]  # from the ROM's start


def check_behaviour(vm: VM, out: io.StringIO) -> None:
    assert vm.call("run", 2, 3) == 5
    assert vm.call("same") is True  # vmImport gives the value the program got at build time
    assert vm.call("twice", 21) == 42
    assert out.getvalue().endswith("sum 5\n")


def test_the_imports_are_listed_in_the_rom_and_a_restored_vm_keeps_one_pointer_each(
    tmp_path,
) -> None:
    image = build(tmp_path)
    parts = unpack_image(image)
    assert parts.features >> FEATURE_ROM_IMPORTS & 1
    assert parts.imports == IDS  # read from the ROM's HOSTFNs
    view = RomView(parts.rom)
    listed = rom_import_list(image)
    for i, at in enumerate(listed):
        assert struct.unpack_from("<I", parts.rom, at)[0] & 0x1F == TYPE_HOSTFN
        assert struct.unpack_from("<HH", parts.rom, at + 4) == (IDS[i], i)
    # No other host function in the ROM or the heap: one value per import.
    assert sorted(at for at, kind, _ in view.walk() if kind == TYPE_HOSTFN) == sorted(listed)
    assert pack_image(parts) == image  # the packed part has the count alone

    out = io.StringIO()
    with VM.restore(image, host(out)) as vm:
        assert vm.stats()["imports_count"] == 3
        check_behaviour(vm, out)
        vm.run_gc()
        check_behaviour(vm, out)

    # The layout without the list (the ids in the packed part), which no snapshot of this
    # version writes, is refused, CRC and all intact; so is the list's bit with no import.
    old = unpack_image(image)
    old.features &= ~(1 << FEATURE_ROM_IMPORTS)
    with pytest.raises(ImageError) as e:
        VM.restore(pack_image(old), host(io.StringIO()))
    assert e.value.code == lib.MVM_E_INVALID_IMAGE


def test_a_new_import_at_run_time_makes_the_table_full_and_the_next_image_lists_it(
    tmp_path,
) -> None:
    image = build(tmp_path)
    out = io.StringIO()
    with VM.restore(image, host(out)) as vm:
        assert vm.call("run", 1, 1) == 2
        before = vm.stats()["vm_struct_bytes"]  # with the stack a call allocated
        assert vm.call("late", 10) == 1011
        assert vm.stats()["imports_count"] == 5
        pointer = ffi.sizeof("void*")
        assert vm.stats()["vm_struct_bytes"] - before == 5 * 3 * pointer - 3 * pointer
        vm.run_gc()  # the new imports' values live in the heap now, kept by the table
        assert vm.call("late", 10) == 1011
        check_behaviour(vm, out)
        second = vm.snapshot()
    # Their values were dropped by the call (nothing holds them): the next image leaves them out.
    assert unpack_image(second).imports == IDS
    assert len(rom_import_list(second)) == 3
    out = io.StringIO()
    with VM.restore(second, host(out)) as vm:
        assert vm.call("late", 5) == 506
        check_behaviour(vm, out)
        third = vm.snapshot()  # a VM restored with the ROM's list snapshots again
    assert unpack_image(third).imports == IDS
    out = io.StringIO()
    with VM.restore(third, host(out)) as vm:
        check_behaviour(vm, out)
        assert vm.call("grab") == 2  # a global holds the new import's value now
        fourth = vm.snapshot()
    assert unpack_image(fourth).imports == IDS + [LATE]
    out = io.StringIO()
    with VM.restore(fourth, host(out)) as vm:
        assert vm.call("same") is True
        assert vm.call("grab") == 2
        assert vm.call("late", 5) == 506
        check_behaviour(vm, out)


def test_an_image_without_an_import_has_no_list(tmp_path) -> None:
    src = tmp_path / "p.js"
    src.write_text("export function f(n) { return n + 1; }\n")
    with VM.from_unit(compile_program(str(src)), Host(stdout=io.StringIO())) as vm:
        vm.run_main()
        image = vm.snapshot()
    parts = unpack_image(image)
    assert not parts.features >> FEATURE_ROM_IMPORTS & 1 and parts.imports == []
    with VM.restore(image, Host(stdout=io.StringIO())) as vm:
        assert vm.call("f", 1) == 2
    # The feature bit with no import is refused (a snapshot never writes it).
    parts.features |= 1 << FEATURE_ROM_IMPORTS
    with pytest.raises(ImageError):
        VM.restore(pack_image(parts), Host(stdout=io.StringIO()))


def damaged(image: bytes, how: str) -> bytes:
    parts = unpack_image(image)
    rom = bytearray(parts.rom)
    at = 0  # the imports' places start the ROM
    if how == "count":  # the packed part says 2 imports, the ROM has 3 HOSTFNs
        parts.imports = parts.imports[:2]
    elif how == "more":  # the packed part says 4 imports: place 3 holds something else
        parts.imports = parts.imports + [LATE]
    elif how == "order":  # imports 1 and 2 swapped: each HOSTFN's index is not its place
        one = bytes(rom[at + 8 : at + 16])
        rom[at + 8 : at + 16] = rom[at + 16 : at + 24]
        rom[at + 16 : at + 24] = one
    elif how == "not_hostfn":  # import 0's place holds a string
        struct.pack_into("<I", rom, at, 8 << 5 | TYPE_STRING8)
    elif how == "second_value":  # another ROM HOSTFN for import 1 than the one in its place
        other = next(
            o
            for o, kind, size in RomView(parts.rom).walk()
            if kind == TYPE_STRING8 and size == 8 and o > at + 24
        )
        struct.pack_into("<IHH", rom, other, 8 << 5 | TYPE_HOSTFN, ADD, 1)
    parts.rom = bytes(rom)
    return pack_image(parts)


@pytest.mark.parametrize("how", ["count", "more", "order", "not_hostfn", "second_value"])
def test_a_damaged_import_list_is_refused(tmp_path, how) -> None:
    image = build(tmp_path)
    with pytest.raises(ImageError):
        VM.restore(damaged(image, how), host(io.StringIO()))
