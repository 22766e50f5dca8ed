"""Constant globals in the image's code (vm_c/src/snapshot.c renumber_*): a snapshot keeps in
RAM only the globals that code stores to, that hold a heap reference (other than a string, float
or host function, which move to the ROM) or that are in their TDZ; the loads of the other live
ones become LOAD_ROM_GLOBAL, whose operand is the value itself; dead ones get no slot. The
restored program behaves the same, through a chain of snapshots, and a damaged image is
refused."""
from __future__ import annotations

import io
import os
import re
import struct
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

from compiler import compile_program  # noqa: E402
from compiler.disasm import (  # noqa: E402
    RomView,
    decode_code,
    function_code_at,
    function_code_len,
    pack_image,
    unpack_image,
)
from compiler.opcodes import SPECIAL_NAMES, TYPE_CONSTS, TYPE_FUNCTION, Op  # noqa: E402
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
export function pair() { return { a: limit, b: counter }; }
"""


def build(tmp_path) -> bytes:
    return build_image(tmp_path, PROGRAM)


ROM_LOADS = (Op.LOAD_ROM_GLOBAL, Op.LOAD_ROM_GLOBAL_FN)


def rom_global_loads(rom: bytes) -> list[int]:
    """The ROM offsets of the operands of the code's LOAD_ROM_GLOBAL(_FN)s."""
    at = []
    for offset, kind, _ in RomView(rom).walk():
        if kind != TYPE_FUNCTION:
            continue
        code = offset + function_code_at(rom, offset)
        for ins in decode_code(rom[code : code + function_code_len(rom, offset)]):
            if ins.op in ROM_LOADS:
                at.append(code + ins.pc + 1)
    return at


def rom_globals(image: bytes) -> list[str]:
    """The distinct values the image's code loads with LOAD_ROM_GLOBAL(_FN), in ROM order."""
    rom = unpack_image(image).rom
    values = dict.fromkeys(struct.unpack_from("<H", rom, at)[0] for at in rom_global_loads(rom))
    return [re.sub(r" @\d+>", ">", RomView(rom).value(v)) for v in values]


def test_constant_globals_live_in_rom_and_behave_the_same_through_snapshots(tmp_path) -> None:
    first = build(tmp_path)
    # counter (stored) and table (an array) stay; unused (dead) is gone; the string, the number
    # and the function bump calls are constants in the code (bump is an export: a value).
    assert len(unpack_image(first).globals) == 2
    assert sorted(rom_globals(first)) == ['"hello"', "3", "<function helper>"]
    with VM.restore(first, Host(stdout=io.StringIO())) as vm:
        assert vm.call("bump") == "hello 1 3 3"
        assert vm.call("bump") == "hello 2 6 4"
        second = vm.snapshot()
    # The same constants, each where the new ROM has it.
    assert len(unpack_image(second).globals) == 2
    assert sorted(rom_globals(second)) == ['"hello"', "3", "<function helper>"]
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


def damaged(image: bytes, value: int, which: int = 0) -> bytes:
    """image with the operand of its code's which-th LOAD_ROM_GLOBAL(_FN) set to value."""
    parts = unpack_image(image)
    rom = bytearray(parts.rom)
    struct.pack_into("<H", rom, rom_global_loads(parts.rom)[which], value)
    parts.rom = bytes(rom)
    return pack_image(parts)


@pytest.mark.parametrize(
    "what",
    ["hole", "heap reference", "mid-allocation", "past the ROM", "key list", "bad special"],
)
def test_an_image_whose_constant_values_are_damaged_is_refused(tmp_path, what) -> None:
    image = build(tmp_path)
    rom = unpack_image(image).rom
    helper = next(o for o, kind, _ in RomView(rom).walk() if kind == TYPE_FUNCTION)
    hole = next(i for i, name in SPECIAL_NAMES.items() if name == "HOLE")
    value = {
        "hole": (hole << 3) | 6,  # a constant in its TDZ: LOAD_ROM_GLOBAL would push the marker
        "heap reference": 8,  # the code cannot name the heap
        "mid-allocation": ((helper + 4) << 1) | 2,
        "past the ROM": ((len(rom) + 64) << 1) | 2,
        "bad special": (1000 << 3) | 6,
    }.get(what)
    if what == "key list":  # a CONSTS (a function's key list or the names table) is no value
        consts = [o for o, kind, _ in RomView(rom).walk() if kind == TYPE_CONSTS]
        assert consts  # the object literal's key list
        value = (consts[0] << 1) | 2
    with pytest.raises(ImageError):
        VM.restore(damaged(image, value), Host(stdout=io.StringIO()))
    # The undamaged image restores (the check is about the value).
    with VM.restore(image, Host(stdout=io.StringIO())) as vm:
        assert vm.call("bump") == "hello 1 3 3"


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
    # m (stored) and later (TDZ) stay in RAM, named; k is a constant in the code.
    parts = unpack_image(image)
    assert len(parts.globals) == 2
    assert rom_globals(image) == ["10"]
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


def test_constants_whose_values_do_not_fit_the_operand_stay_globals(tmp_path) -> None:
    # A negative and a large integer, and functions placed past the ROM's first 32 KB (after a
    # 40,000-character string), cannot be LOAD_ROM_GLOBAL operands: they stay globals.
    pad = "x" * 40000
    source = (
        f"function early() {{ return '{pad}'; }}\n"
        "const neg = -5; const big = 100000; const small = 7;\n"
        "function far(n) { return n + small; }\n"
        "export function g(n) { return far(n) + neg + big + early().length; }\n"
    )
    image = build_image(tmp_path, source)
    # early, far and g (exported, read by the VM that snapshotted) past 32 KB, neg and big;
    # small is in the code.
    assert len(unpack_image(image).globals) == 5
    assert rom_globals(image) == ["7"]
    with VM.restore(image, Host(stdout=io.StringIO())) as vm:
        assert vm.call("g", 1) == 1 + 7 - 5 + 100000 + 40000
        again = vm.snapshot()
    assert rom_globals(again) == ["7"]
    with VM.restore(again, Host(stdout=io.StringIO())) as vm:
        assert vm.call("g", 2) == 2 + 7 - 5 + 100000 + 40000


def test_a_value_that_no_longer_fits_after_new_imports_becomes_a_global_again(tmp_path) -> None:
    # far placed at ROM offset 32764, the last place a LOAD_ROM_GLOBAL operand can name; after
    # a restore, a new import's HOSTFN goes before it in the next image and moves it 8 bytes on.
    def source(n: int) -> str:
        return (
            f"function early() {{ return '{'x' * n}'; }}\n"
            "let held;\n"
            "function far(n) { return n + 1; }\n"
            "export function g(n) { return far(n) + early().length; }\n"
            "export function grab() { held = vmImport(0x77); return held(3); }\n"
        )

    def far_at(image: bytes) -> int:
        rom = unpack_image(image).rom
        view = RomView(rom)
        return next(
            o
            for o, kind, _ in view.walk()
            if kind == TYPE_FUNCTION and view.value((o << 1) | 2).startswith("<function far ")
        )

    n = 32000
    n += 32764 - far_at(build_image(tmp_path, source(n)))
    image = build_image(tmp_path, source(n))
    assert far_at(image) == 32764 and "<function far>" in rom_globals(image)
    host = Host(stdout=io.StringIO())
    host.add(0x77, lambda vm, k: 2 * k)
    with VM.restore(image, host) as vm:
        assert vm.call("g", 1) == n + 2
        assert vm.call("grab") == 6
        second = vm.snapshot()
        assert vm.call("g", 1) == n + 2  # the VM that snapshotted runs on the new numbering
    assert far_at(second) == 32772 and "<function far>" not in rom_globals(second)
    # held, and far lifted (g and grab, globals past 32 KB the first VM's unit exports read,
    # are exports' values now).
    assert len(unpack_image(second).globals) == 2
    with VM.restore(second, host) as vm:
        assert vm.call("g", 5) == n + 6 and vm.call("grab") == 6
        third = vm.snapshot()
    with VM.restore(third, host) as vm:
        assert vm.call("g", 7) == n + 8


def test_a_unit_whose_code_carries_a_constant_value_is_refused(tmp_path) -> None:
    # Only a snapshot writes LOAD_ROM_GLOBAL (the values of an image's ROM); a unit's code names
    # its globals by number.
    import struct as _struct

    from compiler.disasm import decode_unit_functions
    from hostlib.errors import VMError

    src = tmp_path / "p.js"
    src.write_text("const k = 3;\nexport function f() { return k; }\n")
    unit = bytearray(compile_program(str(src)))
    (export_count,) = _struct.unpack_from("<H", unit, 24)
    rom_at = (28 + 8 * export_count + 3) & ~3
    patched = 0
    for fn in decode_unit_functions(bytes(unit)):
        code_at = rom_at + fn.offset + function_code_at(unit[rom_at:], fn.offset)
        for ins in fn.instructions:
            if ins.op in (Op.LOAD_GLOBAL, Op.LOAD_GLOBAL_FN):
                unit[code_at + ins.pc] = Op.LOAD_ROM_GLOBAL
                unit[code_at + ins.pc + 1 : code_at + ins.pc + 3] = b"\x07\x00"  # the int 3
                patched += 1
    assert patched
    with pytest.raises(VMError):
        VM.from_unit(bytes(unit), Host(stdout=io.StringIO()))
