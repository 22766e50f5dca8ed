"""What a snapshot moves into the image's ROM (vm_c/src/rom_intern.c): the heap's strings and
floats, and the keys of objects as shared ROM key lists (PROPS with ROM_KEYS); and the spare
room it leaves out of the heap (arrays' ITEMS, gc.c forward_items). Checked through a
chain of snapshots: build, restore, change the data, snapshot the restored VM again, restore
that; each image's layout is inspected, and every step's output is Node's (the same program run
as one script)."""
from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

from compiler import compile_program  # noqa: E402
from compiler.disasm import Heapish, RomView, unpack_image  # noqa: E402
from compiler.opcodes import (  # noqa: E402
    TYPE_CONSTS,
    TYPE_FLOAT64,
    TYPE_ITEMS,
    TYPE_PROPS,
    TYPE_STRING8,
    TYPE_STRING16,
)
from hostlib import VM, Host  # noqa: E402

ROM_KEYS = 1 << 5  # value.h HEADER_ROM_KEYS, on a PROPS header

PROGRAM = """
const table = [];
for (let i = 0; i < 6; i++) table.push({ id: i, name: 'item' + i, ratio: i / 4 });
const settings = { mode: 'fast', level: 3 };
export function show() {
  let s = '';
  for (const r of table) s += r.id + ':' + r.name + ':' + r.ratio + (r.extra ? ':' + r.extra : '') + ' ';
  print(s + JSON.stringify(settings));
}
export function change() {
  table[1].extra = 'x';
  delete table[2].ratio;
  table.push({ id: 6, name: 'item' + 6, ratio: 1.5 });
  settings.level = 4;
  settings['mo' + 'de'] = 'slow';
}
"""


def heap_props(image: bytes) -> tuple[int, int, int]:
    """(PROPS with ROM keys, plain PROPS, strings and floats) in the image's heap."""
    parts = unpack_image(image)
    rom_keys = plain = immutable = 0
    heap = Heapish(parts.heap, "heap", 4)
    for at, kind, _ in heap.walk():
        (header,) = struct.unpack_from("<I", parts.heap, at)
        if kind == TYPE_PROPS:
            if header & ROM_KEYS:
                rom_keys += 1
            else:
                plain += 1
        elif kind in (TYPE_STRING8, TYPE_STRING16, TYPE_FLOAT64):
            immutable += 1
    return rom_keys, plain, immutable


def key_lists(image: bytes) -> list[list[str]]:
    """The distinct ROM key lists the heap's PROPS refer to, as texts."""
    parts = unpack_image(image)
    rom = RomView(parts.rom)
    refs = set()
    for at, kind, _ in Heapish(parts.heap, "heap", 4).walk():
        header, keys = struct.unpack_from("<II", parts.heap, at)
        if kind == TYPE_PROPS and header & ROM_KEYS:
            refs.add(keys >> 1 & ~3)
    lists = []
    for off in sorted(refs):
        assert rom.header(off)[0] == TYPE_CONSTS
        lists.append([rom.string(k >> 1 & ~3) if k & 7 == 2 else str(k >> 1)
                      for k in rom.consts(off)])
    return lists


def node_lines(script: str) -> list[str]:
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    src = "'use strict'; globalThis.print = (...a) => console.log(...a);\n"
    src += PROGRAM.replace("export function", "function") + script
    out = subprocess.run(["node", "-e", src], capture_output=True, text=True, check=True)
    return out.stdout.splitlines()


def test_a_chain_of_snapshots_keeps_behaviour_and_keeps_build_time_data_in_rom(tmp_path) -> None:
    src = tmp_path / "p.js"
    src.write_text(PROGRAM)
    out = io.StringIO()
    with VM.from_unit(compile_program(str(src)), Host(stdout=out)) as vm:
        vm.run_main()
        first = vm.snapshot()
    # The 6 rows share one key list, settings has its own: 7 PROPS with ROM keys, no plain one;
    # no string or float stays in the heap.
    rom_keys, _, immutable = heap_props(first)
    assert (rom_keys, immutable) == (7, 0)
    assert sorted(key_lists(first)) == [["id", "name", "ratio"], ["mode", "level"]]

    with VM.restore(first, Host(stdout=out)) as vm:
        vm.call("show")
        vm.call("change")
        vm.call("show")
        second = vm.snapshot()
    with VM.restore(second, Host(stdout=out)) as vm:
        vm.call("show")
        vm.call("change")  # again, on data from the second image
        vm.call("show")
    expected = node_lines("show(); change(); show(); show(); change(); show();")
    assert out.getvalue().splitlines() == expected

    # After the first change every object had a key added or removed, or was made at run time;
    # the second snapshot gives each of them ROM keys again: the rows with the original keys
    # share the first list, row 1 (extra), row 2 (no ratio) and settings have their own.
    rom_keys2, plain2, immutable2 = heap_props(second)
    assert (rom_keys2, immutable2) == (8, 0)
    # The one plain PROPS is the exports table, which restore made from the first image's
    # exports (api.c reads its pairs: it never gets ROM keys); the first image had none.
    assert (heap_props(first)[1], plain2) == (0, 1)
    assert sorted(key_lists(second)) == [["id", "name"], ["id", "name", "ratio"],
                                         ["id", "name", "ratio", "extra"], ["mode", "level"]]


@pytest.mark.parametrize("key_src", ["'len' + 'gth'", "'na' + 'me'", "String(7)", "'k' + 1"])
def test_a_computed_key_that_spells_a_literal_or_engine_string_is_found(tmp_path, key_src) -> None:
    src = tmp_path / "k.js"
    literal = {"'len' + 'gth'": "length", "'na' + 'me'": "name", "String(7)": "7",
               "'k' + 1": "k1"}[key_src]
    src.write_text(
        f"const o = {{}}; o[{key_src}] = 'v';\n"
        f"export function get() {{ return o[{literal!r}] + ',' + Object.keys(o).length; }}\n"
        f"export function put() {{ o[{literal!r}] = 'w'; return Object.keys(o).join(); }}\n"
    )
    with VM.from_unit(compile_program(str(src)), Host(stdout=io.StringIO())) as vm:
        vm.run_main()
        image = vm.snapshot()
    with VM.restore(image, Host(stdout=io.StringIO())) as vm:
        assert vm.call("get") == "v,1"
        assert vm.call("put") == literal
        assert vm.call("get") == "w,1"


def test_arrays_keep_no_spare_room_in_an_image_and_grow_again_after_restore(tmp_path) -> None:
    src = tmp_path / "a.js"
    src.write_text(
        "const pushed = []; for (let i = 0; i < 17; i++) pushed.push(i);\n"
        "const emptied = [1, 2, 3]; emptied.pop(); emptied.pop(); emptied.pop();\n"
        "const literal = [7, 8];\n"
        "export function grow() { for (let i = 0; i < 20; i++) { pushed.push(i); emptied.push(i); }\n"
        "  literal.push(9); return pushed.length + ',' + emptied.length + ',' + literal.join()\n"
        "    + ',' + pushed[16] + ',' + pushed[36] + ',' + emptied[19]; }\n"
    )
    with VM.from_unit(compile_program(str(src)), Host(stdout=io.StringIO())) as vm:
        vm.run_main()
        image = vm.snapshot()
    parts = unpack_image(image)
    items = sorted(size for _, kind, size in Heapish(parts.heap, "heap", 4).walk()
                   if kind == TYPE_ITEMS)
    # The roots' ITEMS (one slot, 8 bytes), the 2 literal items (12) and the 17 pushed ones
    # (72, not the 32 slots push grew them to); the emptied array has none.
    assert items == [8, 12, 72]
    with VM.restore(image, Host(stdout=io.StringIO())) as vm:
        assert vm.call("grow") == "37,20,7,8,9,16,19,19"


def test_host_functions_move_to_the_rom_and_a_bad_import_index_there_is_refused(tmp_path) -> None:
    from compiler.disasm import pack_image
    from compiler.opcodes import TYPE_HOSTFN
    from hostlib.errors import ImageError

    src = tmp_path / "h.js"
    src.write_text("const log = vmImport(0xff00), also = vmImport(0xff00);\n"
                   "export function run() { log('hi', log === also, typeof log); return 1; }\n"
                   "export function same() { return vmImport(0xff00) === log; }\n")
    with VM.from_unit(compile_program(str(src)), Host(stdout=io.StringIO())) as vm:
        vm.run_main()
        image = vm.snapshot()
    parts = unpack_image(image)
    assert not [at for at, kind, _ in Heapish(parts.heap, "heap", 4).walk() if kind == TYPE_HOSTFN]
    hostfns = [at for at, kind, _ in RomView(parts.rom).walk() if kind == TYPE_HOSTFN]
    assert len(hostfns) == 1  # the two values were one host function, and stay one
    out = io.StringIO()
    with VM.restore(image, Host(stdout=out)) as vm:
        assert vm.call("run") == 1
        # The ROM's host function is its import's value after restore too: vmImport at run
        # time gives the very function the program got at build time.
        assert vm.call("same") is True
    assert out.getvalue() == "hi true function\n"
    # Its import index (u16 at +6) past the image's one import: refused, as for a heap HOSTFN.
    rom = bytearray(parts.rom)
    struct.pack_into("<H", rom, hostfns[0] + 6, 1)
    parts.rom = bytes(rom)
    with pytest.raises(ImageError):
        VM.restore(pack_image(parts), Host(stdout=io.StringIO()))
