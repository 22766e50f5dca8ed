"""What a snapshot moves into the image's ROM (vm_c/src/rom_intern.c): the heap's strings and
floats, and the keys of objects as shared ROM key lists (OBJECTs holding their values inline,
INLINE_PROPS; PROPS with ROM_KEYS for other holders); and the spare
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
from compiler.disasm import Heapish, RomView, inline_object, unpack_image  # noqa: E402
from compiler.opcodes import (  # noqa: E402
    TYPE_ARRAY,
    TYPE_CONSTS,
    TYPE_FLOAT64,
    TYPE_ITEMS,
    TYPE_OBJECT,
    TYPE_PROPS,
    TYPE_STRING8,
    TYPE_STRING16,
)
from hostlib import VM, Host  # noqa: E402
from image_build import build_image  # noqa: E402

ROM_KEYS = 1 << 5  # value.h HEADER_ROM_KEYS, on a PROPS header
INLINE_PROPS = 1 << 6  # value.h HEADER_INLINE_PROPS, on an OBJECT header
INLINE_ITEMS = 1 << 6  # value.h HEADER_INLINE_ITEMS, on an ARRAY header

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


def rom_keyed(kind: int, header: int) -> bool:
    return bool((kind == TYPE_PROPS and header & ROM_KEYS)
                or (kind == TYPE_OBJECT and header & INLINE_PROPS))


def heap_props(image: bytes) -> tuple[int, int, int, int]:
    """(OBJECTs with their properties inline, PROPS with ROM keys, plain PROPS, strings and
    floats) in the image's heap. An inline OBJECT is 4, 8 or 12 bytes and a word per property
    (compiler.disasm.inline_object)."""
    parts = unpack_image(image)
    inline = rom_keys = plain = immutable = 0
    heap = Heapish(parts.heap, "heap", 4)
    for at, kind, size in heap.walk():
        (header,) = struct.unpack_from("<I", parts.heap, at)
        if kind == TYPE_OBJECT and header & INLINE_PROPS:
            keys, values, _ = inline_object(parts.heap, at)
            inline += 1
            assert size == values + 4 * len(RomView(parts.rom).consts(keys))
        elif kind == TYPE_OBJECT:
            assert size == 12
        elif kind == TYPE_PROPS:
            if header & ROM_KEYS:
                rom_keys += 1
            else:
                plain += 1
        elif kind in (TYPE_STRING8, TYPE_STRING16, TYPE_FLOAT64):
            immutable += 1
    return inline, rom_keys, plain, immutable


def key_lists(image: bytes) -> list[list[str]]:
    """The distinct ROM key lists the heap's OBJECTs and PROPS refer to, as texts."""
    parts = unpack_image(image)
    rom = RomView(parts.rom)
    refs = set()
    for at, kind, _ in Heapish(parts.heap, "heap", 4).walk():
        header, props_keys = struct.unpack_from("<II", parts.heap, at)
        if rom_keyed(kind, header):
            if kind == TYPE_OBJECT:
                refs.add(inline_object(parts.heap, at)[0])
            else:
                refs.add(props_keys >> 1 & ~3)
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
    # The 6 rows share one key list, settings has its own: 7 OBJECTs holding their values
    # inline, no PROPS; no string or float stays in the heap.
    inline, rom_keys, plain, immutable = heap_props(first)
    assert (inline, rom_keys, plain, immutable) == (7, 0, 0, 0)
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
    # The one plain PROPS is the exports table, which restore made from the first image's
    # exports (api.c reads its pairs: it never gets ROM keys).
    assert heap_props(second) == (8, 0, 1, 0)
    assert sorted(key_lists(second)) == [["id", "name"], ["id", "name", "ratio"],
                                         ["id", "name", "ratio", "extra"], ["mode", "level"]]


@pytest.mark.parametrize("key_src", ["'len' + 'gth'", "'na' + 'me'", "String(7)", "'k' + 1"])
def test_a_computed_key_that_spells_a_literal_or_engine_string_is_found(tmp_path, key_src) -> None:
    literal = {"'len' + 'gth'": "length", "'na' + 'me'": "name", "String(7)": "7",
               "'k' + 1": "k1"}[key_src]
    image = build_image(
        tmp_path,
        f"const o = {{}}; o[{key_src}] = 'v';\n"
        f"export function get() {{ return o[{literal!r}] + ',' + Object.keys(o).length; }}\n"
        f"export function put() {{ o[{literal!r}] = 'w'; return Object.keys(o).join(); }}\n",
    )
    with VM.restore(image, Host(stdout=io.StringIO())) as vm:
        assert vm.call("get") == "v,1"
        assert vm.call("put") == literal
        assert vm.call("get") == "w,1"


def test_arrays_keep_no_spare_room_in_an_image_and_grow_again_after_restore(tmp_path) -> None:
    image = build_image(
        tmp_path,
        "const pushed = []; for (let i = 0; i < 17; i++) pushed.push(i);\n"
        "const emptied = [1, 2, 3]; emptied.pop(); emptied.pop(); emptied.pop();\n"
        "const literal = [7, 8];\n"
        "const single = [5];\n"
        "const named = [1, 2]; named.tag = 't';\n"
        "export function grow() { for (let i = 0; i < 20; i++) { pushed.push(i); emptied.push(i); }\n"
        "  literal.push(9); single.push(6); named.push(3);\n"
        "  return pushed.length + ',' + emptied.length + ',' + literal.join()\n"
        "    + ',' + pushed[16] + ',' + pushed[36] + ',' + emptied[19] + ',' + single.join()\n"
        "    + ',' + named.join() + named.tag; }\n",
    )
    parts = unpack_image(image)
    allocs = [(kind, size, struct.unpack_from("<I", parts.heap, at)[0] & INLINE_ITEMS != 0)
              for at, kind, size in Heapish(parts.heap, "heap", 4).walk()]
    # No ITEMS at all: the arrays hold their values inline, and the VM roots, every slot of
    # which is unused, are left out (FEATURE NO_ROOTS). Without named properties the arrays
    # have no word for them (internal.h ARRAY_NO_PROPS: 8 bytes and a word per value): the 2
    # literal ones (16), the 17 pushed ones (76, not the 32 slots push grew them to); but for a
    # single value (12 + 4: room for the usual layout) and with named properties (12 + 8). The
    # emptied array has none (16: no ITEMS).
    assert [size for kind, size, _ in allocs if kind == TYPE_ITEMS] == []
    assert sorted((size, inline) for kind, size, inline in allocs if kind == TYPE_ARRAY) == [
        (16, False), (16, True), (16, True), (20, True), (76, True)]
    lengths = sorted(struct.unpack_from("<I", parts.heap, at + 4)[0]
                     for at, kind, _ in Heapish(parts.heap, "heap", 4).walk() if kind == TYPE_ARRAY)
    assert lengths == [0, 1, 2, 2 | 1 << 31, 17 | 1 << 31]
    with VM.restore(image, Host(stdout=io.StringIO())) as vm:
        assert vm.call("grow") == "37,20,7,8,9,16,19,19,5,6,1,2,3t"


def test_host_functions_move_to_the_rom_and_a_bad_import_index_there_is_refused(tmp_path) -> None:
    from compiler.disasm import pack_image
    from compiler.opcodes import TYPE_HOSTFN
    from hostlib.errors import ImageError

    image = build_image(
        tmp_path,
        "const log = vmImport(0xff00), also = vmImport(0xff00);\n"
        "export function run() { log('hi', log === also, typeof log); return 1; }\n"
        "export function same() { return vmImport(0xff00) === log; }\n",
    )
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


def heap_growth_after_grow(image: bytes) -> int:
    """How much grow() (on 20 rows) adds to the collected heap; check() must see each row
    i hold 2 * i."""
    with VM.restore(image, Host(stdout=io.StringIO())) as vm:
        vm.run_gc()
        before = vm.stats()["heap_used"]
        vm.call("grow")
        vm.run_gc()
        growth = vm.stats()["heap_used"] - before
        assert vm.call("check") == ",".join(str(2 * i) for i in range(20))
        return growth


def test_an_object_that_leaves_its_inline_layout_gives_the_room_back_at_the_next_collection(
        tmp_path) -> None:
    image = build_image(
        tmp_path,
        "const rows = []; for (let i = 0; i < 20; i++) rows.push({ a: i, b: -i, c: 'c' });\n"
        "export function grow() { for (const r of rows) r.d = r.a * 2; }\n"
        "export function check() { return rows.map(r => r.a + r.b + r.d).join(); }\n",
    )
    assert heap_props(image)[:3] == (20, 0, 0)
    growth = heap_growth_after_grow(image)
    # Each row was 16 bytes (header with the keys' offset, 3 values: a null prototype has no
    # word) and is now 12 (header, proto, props) plus a PROPS of 8 + 8 * 6 bytes (room for 6
    # pairs: 3 doubled when the 4th came): 52 more. Without the collection dropping the inline
    # room, 56 more.
    assert growth == 20 * 52


def test_an_inline_object_whose_keys_do_not_fit_is_refused(tmp_path) -> None:
    from compiler.disasm import pack_image
    from hostlib.errors import ImageError

    image = build_image(tmp_path, "const a = { x: 1, y: 2 }, b = { z: 3 };\n"
                                  "const c = Object.create(b); c.w = 4;\n"
                                  "export function f() { return a.x + a.y + b.z + c.w + c.z; }\n")
    parts = unpack_image(image)
    rom = RomView(parts.rom)
    objects = {}
    for at, kind, size in Heapish(parts.heap, "heap", 4).walk():
        (header,) = struct.unpack_from("<I", parts.heap, at)
        if kind == TYPE_OBJECT and header & INLINE_PROPS:
            keys, values, proto = inline_object(parts.heap, at)
            objects[len(rom.consts(keys)), proto] = (at, header, keys)
    # a: its key list in its header (header, 2 values); b: one value, so the list's word stays
    # (header, keys, value: 12 bytes, room for the usual layout); c: its prototype and its key
    # list in its header (header, proto, value).
    assert sorted(objects) == [(1, False), (1, True), (2, False)]
    a_at, a_header, a_keys = objects[2, False]
    b_at, _, b_keys = objects[1, False]
    c_at, c_header, _ = objects[1, True]
    assert a_header >> 15 == a_keys // 4 + 1 and (a_header >> 5) & 0x1FC == 12
    assert c_header >> 14 & 1 and (c_header >> 5) & 0x1FC == 12
    a_string = next(at for at, kind, _ in rom.walk() if kind == TYPE_STRING8)
    with VM.restore(image, Host(stdout=io.StringIO())) as vm:
        assert vm.call("f") == 13
    damaged = []
    # b given a's two keys for its one value, then a ROM string for its keys.
    for keys in (a_keys * 2 | 2, a_string * 2 | 2):
        heap = bytearray(parts.heap)
        struct.pack_into("<I", heap, b_at + 4, keys)
        damaged.append(heap)
    # a's header naming b's one key for its two values, a ROM string, then no list with the
    # prototype bit set (the word form has no such bit); c's without its prototype bit.
    for at, header in ((a_at, (a_header & 0x7FFF) | (b_keys // 4 + 1) << 15),
                       (a_at, (a_header & 0x7FFF) | (a_string // 4 + 1) << 15),
                       (a_at, (a_header & 0x3FFF) | 1 << 14),
                       (c_at, c_header & ~(1 << 14))):
        heap = bytearray(parts.heap)
        struct.pack_into("<I", heap, at, header)
        damaged.append(heap)
    for heap in damaged:
        bad = unpack_image(image)
        bad.heap = bytes(heap)
        with pytest.raises(ImageError):
            VM.restore(pack_image(bad), Host(stdout=io.StringIO()))


def test_an_image_with_nothing_in_its_heap_has_no_roots_and_its_vm_grows_them(tmp_path) -> None:
    image = build_image(
        tmp_path,
        "const limit = 3;\n"
        "function fail(n) { if (n > limit) throw new RangeError('too big ' + n); return n; }\n"
        "export function run(n) { try { return fail(n); } catch (e) {\n"
        "  return e instanceof RangeError ? e.message + ':' + JSON.stringify({ n }) : 'no'; } }\n",
    )
    # The heap is the pad word alone: no roots ITEMS (it would hold one unused slot).
    assert len(unpack_image(image).heap) == 4
    with VM.restore(image, Host(stdout=io.StringIO())) as vm:
        assert vm.call("run", 2) == 2
        # An error's prototype is a root the VM makes on first use; collections keep it.
        assert vm.call("run", 7) == 'too big 7:{"n":7}'
        vm.run_gc()
        assert vm.call("run", 9) == 'too big 9:{"n":9}'
        again = vm.snapshot()
    # The prototype the first image lacked is in the second's roots.
    assert len(unpack_image(again).heap) > 12
    with VM.restore(again, Host(stdout=io.StringIO())) as vm:
        assert vm.call("run", 8) == 'too big 8:{"n":8}'


def test_an_array_that_outgrows_its_inline_values_gives_the_room_back(tmp_path) -> None:
    from compiler.disasm import pack_image
    from hostlib.errors import ImageError

    image = build_image(
        tmp_path,
        "const rows = []; for (let i = 0; i < 20; i++) rows.push([i, -i, 'c']);\n"
        "export function grow() { for (const r of rows) r.push(r[0] * 2); }\n"
        "export function check() { return rows.map(r => r[0] + r[1] + r[3]).join(); }\n",
    )
    growth = heap_growth_after_grow(image)
    # Each row was 20 bytes (header, length, 3 values: no named properties, no word for them)
    # and is now 16 (header, length, items, named properties) and an ITEMS of 4 + 4 * 6 (3
    # slots doubled): 24 more. Without the collection dropping the inline room, 28 more.
    assert growth == 20 * 24
    # A length past the values the array holds: refused.
    parts = unpack_image(image)
    row = next(at for at, kind, size in Heapish(parts.heap, "heap", 4).walk()
               if kind == TYPE_ARRAY and size == 20)
    heap = bytearray(parts.heap)
    struct.pack_into("<I", heap, row + 4, 4 | 1 << 31)
    parts.heap = bytes(heap)
    with pytest.raises(ImageError):
        VM.restore(pack_image(parts), Host(stdout=io.StringIO()))
