"""An image whose heap holds data but whose VM roots would have every slot undefined carries no
roots ITEMS (FEATURE NO_ROOTS, vm_c/src/snapshot.c): its allocation at heap offset 4 is the
program's, 8 bytes less in flash and RAM. A restored VM makes its roots when it first needs a
slot (an error prototype, a vmExport table, the promise job queue, a globalThis property), and
behaves as Node does, through further snapshots. The bit is only written when the heap holds
something, an image whose roots do hold a slot keeps them, and restore still refuses a value
that points at the roots of an image that has them."""
from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

from compiler import compile_program  # noqa: E402
from compiler.disasm import Heapish, pack_image, unpack_image  # noqa: E402
from compiler.opcodes import FEATURE_NO_ROOTS, TYPE_ARRAY, TYPE_ITEMS  # noqa: E402
from hostlib import VM, Host  # noqa: E402
from hostlib.errors import ImageError  # noqa: E402

# A table built at build time (in the heap, nothing in the roots), and exports that need roots
# slots at run time: an error prototype, a vmExport table, a promise job, a globalThis property.
PROGRAM = """
const table = [];
for (let i = 0; i < 5; i++) table.push({ id: i, tags: [i, i * 2] });
export function sum() { let s = 0; for (const t of table) s += t.id + t.tags[1]; return s; }
export function fails() {
  try { null.x; } catch (e) { return e instanceof TypeError && e.constructor.name; }
}
export function later() { vmExport(7, () => table.length); return 'exported'; }
export async function waits() { const v = await Promise.resolve(table[4].id); return v * 10; }
export function shared() { globalThis.extra = table[1]; return globalThis.extra.tags[0]; }
"""
CALLS = ["sum", "fails", "later", "shared", "sum"]


def build(tmp_path, source: str = PROGRAM) -> bytes:
    src = tmp_path / "p.js"
    src.write_text(source)
    with VM.from_unit(compile_program(str(src)), Host(stdout=io.StringIO())) as vm:
        vm.run_main()
        return vm.snapshot()


def heap_types(image: bytes) -> list[int]:
    return [kind for _, kind, _ in Heapish(unpack_image(image).heap, "heap", 4).walk()]


def node_results() -> list:
    script = PROGRAM.replace("export function", "function").replace("export async function",
                                                                    "async function")
    script = script.replace("vmExport(7, () => table.length);", "")
    out = subprocess.run(["node", "-e", script + """
(async () => {
  const r = [sum(), fails(), later(), shared(), sum(), await waits()];
  console.log(JSON.stringify(r));
})();"""], capture_output=True, text=True, timeout=60, check=True).stdout
    import json
    return json.loads(out)


def test_no_roots_in_an_image_that_needs_none(tmp_path) -> None:
    image = build(tmp_path)
    parts = unpack_image(image)
    assert parts.features >> FEATURE_NO_ROOTS & 1, hex(parts.features)
    types = heap_types(image)
    # The program's table is first: no roots ITEMS before it.
    assert types[0] == TYPE_ARRAY and TYPE_ITEMS not in types[:1], types

    expected = node_results()
    with VM.restore(image, Host(stdout=io.StringIO())) as vm:
        got = [vm.call(name) for name in CALLS] + [vm.call("waits")]
        assert got == expected, (got, expected)
        assert vm.call(7) == 5  # the vmExport table, made at run time, in the roots
        # A snapshot of the restored VM, whose roots hold the error prototype and the vmExport
        # table now, and its restore.
        again = vm.snapshot()
    assert not unpack_image(again).features >> FEATURE_NO_ROOTS & 1
    assert heap_types(again)[0] == TYPE_ITEMS
    with VM.restore(again, Host(stdout=io.StringIO())) as vm:
        assert [vm.call(name) for name in ("sum", "fails", "shared", "waits")] == \
            [expected[0], expected[1], expected[3], expected[5]]
        assert vm.call(7) == 5


def test_roots_kept_when_a_slot_is_in_use_or_the_heap_is_empty(tmp_path) -> None:
    # An error prototype made at build time is a roots slot: the image keeps its roots.
    image = build(tmp_path, PROGRAM + "\ntry { null.y; } catch (e) {}\n")
    assert not unpack_image(image).features >> FEATURE_NO_ROOTS & 1
    assert heap_types(image)[0] == TYPE_ITEMS
    # No heap at all: no roots and no bit (the pad word alone says it).
    empty = build(tmp_path, "export function f() { return 1; }\n")
    parts = unpack_image(empty)
    assert len(parts.heap) == 4 and not parts.features >> FEATURE_NO_ROOTS & 1


def test_a_reference_to_the_roots_is_refused_only_with_roots(tmp_path) -> None:
    """Offset 4 is the program's table with NO_ROOTS (global 0 points there, accepted); the
    same image without the bit reads that table as the VM's roots, which no value may name."""
    image = build(tmp_path)
    parts = unpack_image(image)
    assert 4 in parts.globals, parts.globals
    parts.features &= ~(1 << FEATURE_NO_ROOTS)
    with pytest.raises(ImageError):
        VM.restore(pack_image(parts), Host(stdout=io.StringIO()))
