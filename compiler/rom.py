"""The ROM image builder: allocations in the shared heap/ROM layout (internals.md 2-3).

Allocations are collected first and laid out afterwards, so a CONSTS table can refer to
a FUNCTION, string or float before anyone knows where it will land. Each allocation
knows its size up front and renders its body once every offset is fixed.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass

from .opcodes import (
    ENGINE_STRING_OFFSETS,
    SPECIAL_UNDEFINED,
    TYPE_CONSTS,
    TYPE_FLOAT64,
    TYPE_FUNCTION,
    TYPE_LINES,
    TYPE_STRING8,
    TYPE_STRING16,
)

MAX_ALLOC_SIZE = (1 << 27) - 4  # the header keeps the size in 27 bits
# FUNCTION flags (internal.h): a name word, a LINES word after its constants.
FN_FLAG_NAMED, FN_FLAG_LINES = 16, 32


def align4(n: int) -> int:
    return (n + 3) & ~3


def encode_int31(n: int) -> int:
    return ((n << 1) | 1) & 0xFFFFFFFF


def encode_special(index: int) -> int:
    return (index << 3) | 6


def encode_rom_ref(offset: int) -> int:
    return (offset << 1) | 2


def utf16_units(text: str) -> bytes:
    """UTF-16LE code units; lone surrogates (escapes like "\\ud800") pass through."""
    return text.encode("utf-16-le", "surrogatepass")


@dataclass(eq=False)
class Alloc:
    type: int
    body_size: int
    render: Callable[[Rom], bytes]  # the body after the header, once offsets are fixed
    offset: int = -1
    flags: int = 0  # header bits 5-6 (a FUNCTION's padding: internals.md 3)

    @property
    def size(self) -> int:
        return max(8, align4(4 + self.body_size))

    @property
    def header_flags(self) -> int:
        """Header bits 5-6 (as size bits 0-1): the padding after a string's units or a
        FUNCTION's code (internals.md 2-3)."""
        if self.type in (TYPE_STRING8, TYPE_STRING16):
            return self.size - 4 - self.body_size
        return self.flags


# A value stored in ROM: an int31, a special, or a reference to an allocation.
@dataclass(frozen=True)
class Int31:
    value: int


@dataclass(frozen=True)
class Special:
    index: int


UNDEFINED = Special(SPECIAL_UNDEFINED)

RomValue = Int31 | Special | Alloc


class Rom:
    def __init__(self) -> None:
        self.allocs: list[Alloc] = []
        self._strings: dict[bytes, Alloc] = {}
        self._floats: dict[bytes, Alloc] = {}

    def add(self, alloc: Alloc) -> Alloc:
        if alloc.size > MAX_ALLOC_SIZE:
            raise OverflowError("allocation too large for the ROM")
        self.allocs.append(alloc)
        return alloc

    def value(self, v: RomValue) -> int:
        if isinstance(v, Int31):
            return encode_int31(v.value)
        if isinstance(v, Special):
            return encode_special(v.index)
        assert v.offset >= 0, "allocation not laid out"
        return encode_rom_ref(v.offset)

    def string(self, text: str) -> Alloc:
        units = utf16_units(text)
        found = self._strings.get(units)
        if found is not None:
            return found
        engine = ENGINE_STRING_OFFSETS.get(text)
        if engine is not None:
            # The VM's own copy (mvm_tables.h ENGINE_STRING): in no ROM, never laid out.
            found = self._strings[units] = Alloc(
                TYPE_STRING8, 0, lambda rom: b"", offset=engine
            )
            return found
        if all(units[i + 1] == 0 for i in range(0, len(units), 2)):
            payload, kind = units[0::2], TYPE_STRING8  # every unit fits a Latin-1 byte
        else:
            payload, kind = units, TYPE_STRING16
        alloc = self.add(Alloc(kind, len(payload), lambda rom: payload))
        self._strings[units] = alloc
        return alloc

    def float64(self, bits: bytes) -> Alloc:
        found = self._floats.get(bits)
        if found is None:
            found = self._floats[bits] = self.add(
                Alloc(TYPE_FLOAT64, 8, lambda rom: bits)
            )
        return found

    def consts(self, values: list[RomValue]) -> Alloc:
        # The values fill the allocation (no count word), and an allocation has room for one
        # at least: a table with none is NO_OFFSET, never a CONSTS.
        assert values, "an empty CONSTS cannot be encoded"

        def render(rom: Rom) -> bytes:
            return struct.pack(f"<{len(values)}I", *map(rom.value, values))

        return self.add(Alloc(TYPE_CONSTS, 4 * len(values), render))

    def lines(self, file: Alloc, first_line: int, stream: bytes) -> Alloc:
        def render(rom: Rom) -> bytes:
            return struct.pack("<II", rom.value(file), first_line) + stream

        return self.add(Alloc(TYPE_LINES, 8 + len(stream), render))

    def function(
        self,
        *,
        nparams: int,
        length: int,
        flags: int,
        nlocals: int,
        max_stack: int,
        consts: list[RomValue],
        name: Alloc | None,
        lines: Alloc | None,
        code: bytes,
    ) -> Alloc:
        """A FUNCTION (internals.md 3): 12 fixed bytes, its constants, its name and LINES
        offset when it has them (flag bits 4 and 5), then its code, whose offset in words is the
        u16 at 10."""
        if max_stack > 0xFFFF:
            raise OverflowError("function needs too deep a stack")
        assert nparams <= 0xFF and nlocals <= 0xFF and length <= nparams
        assert not flags & (FN_FLAG_NAMED | FN_FLAG_LINES)
        flags |= (FN_FLAG_NAMED if name is not None else 0) | (
            FN_FLAG_LINES if lines is not None else 0
        )
        words = list(consts) + ([name] if name is not None else [])
        code_words = 3 + len(words) + (lines is not None)
        if code_words > 0xFFFF:
            raise OverflowError("too many constants in one function")

        def render(rom: Rom) -> bytes:
            return (
                struct.pack(
                    "<BBBBHH", nparams, flags, nlocals, length, max_stack, code_words
                )
                + b"".join(struct.pack("<I", rom.value(v)) for v in words)
                + (struct.pack("<I", lines.offset) if lines is not None else b"")
                + code
            )

        body = 8 + 4 * (len(words) + (lines is not None)) + len(code)
        # No code length field: the header's flag bits count the padding after the code.
        return self.add(Alloc(TYPE_FUNCTION, body, render, flags=-len(code) & 3))

    def layout(self) -> int:
        """Assigns offsets in insertion order; returns the ROM length."""
        offset = 0
        for alloc in self.allocs:
            alloc.offset = offset
            offset += alloc.size
        return offset

    def encode(self) -> bytes:
        out = bytearray()
        for alloc in self.allocs:
            assert len(out) == alloc.offset
            body = alloc.render(self)
            assert len(body) == alloc.body_size
            out += struct.pack("<I", ((alloc.size | alloc.header_flags) << 5) | alloc.type)
            out += body
            out += bytes(alloc.size - 4 - len(body))
        return bytes(out)


def uleb128(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def zigzag(n: int) -> int:
    return n * 2 if n >= 0 else -n * 2 - 1


def line_stream(changes: list[tuple[int, int]]) -> tuple[int, bytes]:
    """(first_line, the LINES byte stream) for (pc, line) changes starting at pc 0.

    The stream is kept at even length so that the allocation's zero padding is whole
    (0, 0) pairs: a decoder reading pairs until the end then never meets half a pair.
    When it would be odd, a no-op pair with a padded pc delta (0x80 0x00 0x00: the
    LEB128 of 0 in two bytes, then 0) evens it.
    """
    first_line = changes[0][1]
    out = bytearray()
    prev_pc, prev_line = 0, first_line
    for pc, line in changes[1:]:
        out += uleb128(pc - prev_pc) + uleb128(zigzag(line - prev_line))
        prev_pc, prev_line = pc, line
    if len(out) % 2:
        out += b"\x80\x00\x00"
    return first_line, bytes(out)
