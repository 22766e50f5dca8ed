"""Suspended async functions in images: they resume after a restore, a tampered
continuation (an image is untrusted input) is dropped when it would resume, never run, and
one whose frame does not fit the restoring VM's stack rejects its promise with a RangeError.

A CONTINUATION is a heap allocation of values (docs/internals.md section 12): the function,
the pc to resume at, the scope, then the frame. The tests find it in the image's heap
(compiler.disasm.unpack_image), alter it, pack the image again and restore.
"""

from __future__ import annotations

import io
import struct

from compiler import compile_source
from compiler.disasm import pack_image, unpack_image
from compiler.opcodes import TYPE_CONTINUATION
from hostlib import VM, Host

SOURCE = """
let release;
const gate = new Promise((resolve) => { release = resolve; });
async function worker(n) {
  let total = n;
  try {
    total += await gate;
  } finally {
    total += 1;
  }
  return total;
}
let result = 'pending';
worker(10).then((v) => { result = 'done ' + v; });
export function open(v) { release(v); }
export function status() { return result; }
"""


def build_image() -> bytes:
    with VM.from_unit(compile_source(SOURCE, "w.js"), Host(stdout=io.StringIO())) as vm:
        vm.run_main()
        assert vm.call("status") == "pending"
        return vm.snapshot()


def continuations(image: bytes) -> list[int]:
    """Heap offsets of every CONTINUATION allocation (in the heap as restore expands it)."""
    heap = unpack_image(image).heap
    found, at = [], 4
    while at < len(heap):
        header = struct.unpack_from("<I", heap, at)[0]
        if header & 31 == TYPE_CONTINUATION:
            found.append(at)
        at += (header >> 5) & ~3
    return found


def heap_word(image: bytes, at: int) -> int:
    return struct.unpack_from("<I", unpack_image(image).heap, at)[0]


def tampered(image: bytes, at: int, word: int) -> bytes:
    """The image with the heap word at offset at replaced (packed again, CRC redone)."""
    parts = unpack_image(image)
    heap = bytearray(parts.heap)
    struct.pack_into("<I", heap, at, word)
    parts.heap = bytes(heap)
    return pack_image(parts)


def run_restored(image: bytes) -> str:
    with VM.restore(image, Host(stdout=io.StringIO())) as vm:
        vm.call("open", 5)  # settles the gate; the drain resumes the worker
        return vm.call("status")


def test_a_suspended_async_function_resumes_after_restore() -> None:
    image = build_image()
    assert len(continuations(image)) == 1
    assert run_restored(image) == "done 16"


def test_a_resume_pc_inside_an_instruction_is_refused() -> None:
    image = build_image()
    (k,) = continuations(image)
    pc_at = k + 4 + 4 * 1  # field 1: the pc, an int31 value (pc << 1) | 1
    pc = heap_word(image, pc_at) >> 1
    for bad in (pc + 1, pc - 1, 0):
        # The image is well-formed as a heap: it restores; the worker never resumes.
        assert run_restored(tampered(image, pc_at, (bad << 1) | 1)) == "pending"


def test_a_tampered_frame_size_is_refused() -> None:
    image = build_image()
    (k,) = continuations(image)
    nvalues_at = k + 4 + 4 * 4  # field 4: the number of saved stack values
    nvalues = heap_word(image, nvalues_at) >> 1
    for bad in (0, 1, nvalues + 1, nvalues + 1000):
        assert run_restored(tampered(image, nvalues_at, (bad << 1) | 1)) == "pending"


# An async function with LOCALS locals alive across its await: its saved frame needs well over
# the 64 value-stack slots (the least a config can ask for) to resume.
LOCALS = 150
LETS = "".join(f"  let v{i} = n + {i};\n" for i in range(LOCALS))
SUM = " + ".join(f"v{i}" for i in range(LOCALS))
BIG_FRAME = f"""
let release;
const gate = new Promise((resolve) => {{ release = resolve; }});
async function worker(n) {{
{LETS}  const got = await gate;
  return got + {SUM};
}}
let result = 'pending';
worker(1).then(
  (v) => {{ result = 'resumed ' + v; }},
  (e) => {{ result = (e instanceof RangeError) + ' ' + e.name + ': ' + e.message; }});
export function open(v) {{ release(v); }}
export function status() {{ return result; }}
"""


def test_a_frame_too_big_for_the_restored_stack_rejects_with_a_range_error() -> None:
    """Built with the host's large stack, restored with 64 slots: the promise job that resumes
    the worker finds no room for its frame (async.c k_abandon), so the worker's promise is
    rejected with the RangeError of a full stack, which the program catches. Making that error
    may collect and move the continuation the promise is read from (a past bug, found by the
    MCU fuzzer): under the GC-stress build, which moves the heap at every allocation, reading
    it after the error is made rejects nothing and the status stays 'pending'."""
    unit = compile_source(BIG_FRAME, "big.js")
    with VM.from_unit(unit, Host(stdout=io.StringIO())) as vm:
        vm.run_main()
        assert vm.call("status") == "pending"
        image = vm.snapshot()
    # With the default stack the frame fits: the worker resumes and returns.
    with VM.restore(image, Host(stdout=io.StringIO())) as vm:
        vm.call("open", 5)
        assert vm.call("status") == f"resumed {5 + sum(range(1, LOCALS + 1))}"
    # With 64 slots it does not: the resume is abandoned, the promise rejected.
    with VM.restore(image, Host(stdout=io.StringIO()), stack_slots=64) as vm:
        vm.call("open", 5)
        assert vm.call("status") == "true RangeError: Maximum call stack size exceeded"
        vm.run_gc()  # the heap is sound after it
        assert vm.call("status") == "true RangeError: Maximum call stack size exceeded"
