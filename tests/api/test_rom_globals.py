"""Constant globals in the image's ROM (FEATURE ROM_GLOBALS, vm_c/src/snapshot.c renumber_*):
a snapshot keeps in RAM only the globals that code stores to, that hold a heap reference (other
than a string, float or host function, which move to the ROM) or that are in their TDZ; the other
live ones go to a CONSTS at ROM offset 0, read by LOAD_ROM_GLOBAL; dead ones get no slot. The
restored program behaves the same, through a chain of snapshots, and a damaged image is
refused."""
from __future__ import annotations

import io
import os
import struct
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

from compiler import compile_program  # noqa: E402
from compiler.disasm import RomView, pack_image, unpack_image  # noqa: E402
from compiler.opcodes import FEATURE_ROM_GLOBALS, SPECIAL_NAMES  # noqa: E402
from hostlib import VM, Host  # noqa: E402
from hostlib.errors import ImageError  # noqa: E402
from image_build import build_image  # noqa: E402

PROGRAM = """
const greeting = 'hel' + 'lo';
const limit = 3;
let counter = 0;
let table = [1, 2];
let unused = { big: 'x' };
function helper(n) { return n * limit; }
export function bump() {
  counter++;
  table.push(counter);
  return greeting + ' ' + counter + ' ' + helper(counter) + ' ' + table.length;
}
"""


def build(tmp_path) -> bytes:
    return build_image(tmp_path, PROGRAM)


def rom_globals(image: bytes) -> list[str]:
    parts = unpack_image(image)
    if not parts.features >> FEATURE_ROM_GLOBALS & 1:
        return []
    return [RomView(parts.rom).value(v) for v in RomView(parts.rom).consts(0)]


def test_constant_globals_live_in_rom_and_behave_the_same_through_snapshots(tmp_path) -> None:
    first = build(tmp_path)
    # counter (stored) and table (an array) stay; unused (dead) is gone; the string, the number
    # and the two functions are constants in the ROM.
    assert len(unpack_image(first).globals) == 2
    assert rom_globals(first) == ['"hello"', "3", "<function helper @52>", "<function bump @112>"]
    with VM.restore(first, Host(stdout=io.StringIO())) as vm:
        assert vm.call("bump") == "hello 1 3 3"
        assert vm.call("bump") == "hello 2 6 4"
        second = vm.snapshot()
    # The exports of a restored VM are values, not globals: nothing reads bump's any more.
    assert len(unpack_image(second).globals) == 2
    assert rom_globals(second) == ['"hello"', "3", "<function helper @48>"]
    with VM.restore(second, Host(stdout=io.StringIO())) as vm:
        assert vm.call("bump") == "hello 3 9 5"
        third = vm.snapshot()  # a VM that ran on an image with ROM globals snapshots again
    with VM.restore(third, Host(stdout=io.StringIO())) as vm:
        assert vm.call("bump") == "hello 4 12 6"


def test_the_vm_that_snapshots_keeps_running_on_the_new_numbering(tmp_path) -> None:
    src = tmp_path / "p.js"
    src.write_text(PROGRAM)
    with VM.from_unit(compile_program(str(src)), Host(stdout=io.StringIO())) as vm:
        vm.run_main()
        vm.snapshot()
        assert vm.call("bump") == "hello 1 3 3"
        vm.snapshot()
        assert vm.call("bump") == "hello 2 6 4"


def test_an_image_whose_rom_globals_are_damaged_is_refused(tmp_path) -> None:
    image = build(tmp_path)
    parts = unpack_image(image)
    # Without the feature, the code's LOAD_ROM_GLOBAL names constants the image does not have.
    parts.features &= ~(1 << FEATURE_ROM_GLOBALS)
    with pytest.raises(ImageError):
        VM.restore(pack_image(parts), Host(stdout=io.StringIO()))
    # A constant global in its TDZ: LOAD_ROM_GLOBAL would push the marker.
    parts = unpack_image(image)
    hole = next(i for i, name in SPECIAL_NAMES.items() if name == "HOLE")
    rom = bytearray(parts.rom)
    struct.pack_into("<I", rom, 4 + 4, (hole << 3) | 6)
    parts.rom = bytes(rom)
    with pytest.raises(ImageError):
        VM.restore(pack_image(parts), Host(stdout=io.StringIO()))


def test_a_global_in_its_tdz_keeps_its_name_after_renumbering(tmp_path) -> None:
    from compiler import compile_source
    from hostlib.errors import JSException

    source = (
        "const k = 10; let m = 0; let unused = 5;\n"
        "export function late() { return later + k; }\n"
        "export function bumpM() { m = m + k; return m; }\n"
        "throw new Error('stop');\n"
        "let later = 1;\n"
    )
    with VM.from_unit(compile_source(source, "p.js"), Host(stdout=io.StringIO())) as vm:
        with pytest.raises(JSException):
            vm.run_main()
        image = vm.snapshot()
    # m (stored) and later (TDZ) stay in RAM, named; k and the two functions are constants.
    parts = unpack_image(image)
    assert len(parts.globals) == 2
    assert rom_globals(image) == ["10", "<function late @44>", "<function bumpM @96>"]
    # The same image with its ROM used in place (as `--target mcu` writes it): the VM reads the
    # names' offset from the word after the ROM, where a ROM it owns has it before the ROM.
    from compiler.opcodes import FEATURE_PACKED_ROM

    in_place = unpack_image(image)
    in_place.features &= ~(1 << FEATURE_PACKED_ROM)
    for img in (image, pack_image(in_place)):
        with VM.restore(img, Host(stdout=io.StringIO())) as vm:
            assert vm.call("bumpM") == 10
            with pytest.raises(JSException, match="Cannot access 'later' before initialization"):
                vm.call("late")
            assert vm.call("bumpM") == 20
            again = vm.snapshot()
        with VM.restore(again, Host(stdout=io.StringIO())) as vm:
            with pytest.raises(JSException, match="Cannot access 'later' before initialization"):
                vm.call("late")
            assert vm.call("bumpM") == 30
