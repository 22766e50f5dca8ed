"""No two strings in a ROM have the same text: the compiler interns a unit's strings, a
snapshot's ROM keeps a subset of its unit's allocations plus the heap's strings, each text once
(vm_c/src/rom_intern.c), and the engine's strings (mvm_tables.h ENGINE_STRING) are in no ROM.
Property lookup relies on it (object.c props_find compares two ROM keys by identity only), so
every golden program's unit, image and MCU image is checked; an image's heap holds no string
or float (they moved to its ROM)."""
from __future__ import annotations

import io
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from run_js import JS_ROOT, discover  # noqa: E402

from compiler import CompileError, compile_program  # noqa: E402
from compiler.disasm import Heapish, RomView, _open_unit, unpack_image  # noqa: E402
from compiler.opcodes import (  # noqa: E402
    ENGINE_STRING_OFFSETS,
    TYPE_FLOAT64,
    TYPE_STRING8,
    TYPE_STRING16,
)
from hostlib import VM, Host, JSException  # noqa: E402
from hostlib.cli import retarget_image  # noqa: E402


def rom_strings(view: RomView) -> list[str]:
    return [view.string(at) for at, kind, _ in view.walk()
            if kind in (TYPE_STRING8, TYPE_STRING16)]


def duplicates(texts: list[str]) -> set[str]:
    seen: set[str] = set()
    return {t for t in texts if t in seen or seen.add(t)}  # type: ignore[func-returns-value]


@pytest.mark.skipif(bool(os.environ.get("MVM_VARIANT")),
                    reason="a property of the compiler and the snapshot writer, checked on the "
                           "normal build (under GC stress it would rerun every golden program)")
def test_every_golden_programs_rom_strings_are_unique() -> None:
    checked = 0
    for rel in discover():
        try:
            unit = compile_program(os.path.join(JS_ROOT, rel))
        except CompileError:
            continue
        view, _ = _open_unit(unit)
        assert not duplicates(rom_strings(view)), f"{rel}: unit ROM"
        with VM.from_unit(unit, Host(stdout=io.StringIO())) as vm:
            try:
                vm.run_main()
            except JSException:
                continue
            image = vm.snapshot()
        for name, img in (("image", image), ("MCU image", retarget_image(image, "mcu"))):
            parts = unpack_image(img)
            texts = rom_strings(RomView(parts.rom))
            assert not duplicates(texts), f"{rel}: {name} ROM repeats {duplicates(texts)}"
            engine = set(texts) & set(ENGINE_STRING_OFFSETS)
            assert not engine, f"{rel}: {name} ROM has engine strings {engine}"
            heap_kinds = {kind for _, kind, _ in Heapish(parts.heap, "heap", 4).walk()}
            assert not heap_kinds & {TYPE_STRING8, TYPE_STRING16, TYPE_FLOAT64}, rel
        checked += 1
    assert checked > 250


@pytest.mark.parametrize("text", ["length", "x"])
def test_the_check_sees_a_repeated_string(text: str) -> None:
    assert duplicates(["a", text, "b", text]) == {text}
