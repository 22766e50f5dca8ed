"""Suspended async functions in images: they resume after a restore, and a tampered
continuation (an image is untrusted input) is dropped when it would resume, never run.

A CONTINUATION is a heap allocation of values (docs/internals.md section 12): the function,
the pc to resume at, the scope, then the frame. The tests find it in the image's HEAP
section, alter it, fix the CRC and restore.
"""

from __future__ import annotations

import io
import struct
import zlib

from compiler import compile_source
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


def heap_section(image: bytes) -> tuple[int, int]:
    """(offset, length) of the HEAP: section 4, the last one, ending the image (its length is
    the fifth u32 of the header's section lengths, at 28)."""
    (length,) = struct.unpack_from("<I", image, 28 + 4 * 4)
    return len(image) - length, length


def continuations(image: bytes) -> list[int]:
    """Image offsets of every CONTINUATION allocation."""
    start, length = heap_section(image)
    found, at = [], 4
    while at < length:
        header = struct.unpack_from("<I", image, start + at)[0]
        if header & 31 == TYPE_CONTINUATION:
            found.append(start + at)
        at += (header >> 5) & ~3
    return found


def with_crc(image: bytearray) -> bytes:
    struct.pack_into("<I", image, 16, zlib.crc32(bytes(image[20:])) & 0xFFFFFFFF)
    return bytes(image)


def run_restored(image: bytes) -> str:
    with VM.restore(image, Host(stdout=io.StringIO())) as vm:
        vm.call("open", 5)  # settles the gate; the drain resumes the worker
        return vm.call("status")


def test_a_suspended_async_function_resumes_after_restore() -> None:
    image = build_image()
    assert len(continuations(image)) == 1
    assert run_restored(image) == "done 16"


def test_a_resume_pc_inside_an_instruction_is_refused() -> None:
    image = bytearray(build_image())
    (k,) = continuations(image)
    pc_at = k + 4 + 4 * 1  # field 1: the pc, an int31 value (pc << 1) | 1
    pc = struct.unpack_from("<I", image, pc_at)[0] >> 1
    for bad in (pc + 1, pc - 1, 0):
        tampered = bytearray(image)
        struct.pack_into("<I", tampered, pc_at, (bad << 1) | 1)
        # The image is well-formed as a heap: it restores; the worker never resumes.
        assert run_restored(with_crc(tampered)) == "pending"


def test_a_tampered_frame_size_is_refused() -> None:
    image = bytearray(build_image())
    (k,) = continuations(image)
    nvalues_at = k + 4 + 4 * 4  # field 4: the number of saved stack values
    nvalues = struct.unpack_from("<I", image, nvalues_at)[0] >> 1
    for bad in (0, 1, nvalues + 1, nvalues + 1000):
        tampered = bytearray(image)
        struct.pack_into("<I", tampered, nvalues_at, (bad << 1) | 1)
        assert run_restored(with_crc(tampered)) == "pending"
