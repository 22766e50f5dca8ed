"""Disassembler for bytecode units and snapshot images (docs/internals.md 9 and 10).

Decoding is table-driven: operands are read by the FORMAT of each opcode from the
generated table, so a new opcode needs no change here. Every read is bounds-checked;
malformed input raises ValueError with a message and never anything else.
"""

from __future__ import annotations

import math
import struct
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .jsnum import number_to_string
from .rom import FN_FLAG_LINES, FN_FLAG_NAMED
from .opcodes import (
    ENGINE_ROM_BASE,
    ENGINE_STRING_OFFSETS,
    BUILTIN_BASE,
    BUILTIN_NAMES,
    ERROR_KIND_JSNAMES,
    FEATURE_NAMES,
    FEATURE_PACKED_ROM,
    FEATURE_RAW_HEAP,
    FEATURE_ROM_IMPORTS,
    NO_OFFSET,
    OP_INFO,
    SPECIAL_NAMES,
    TYPE_ARRAY,
    TYPE_BYTES,
    TYPE_CLOSURE,
    TYPE_CONSTS,
    TYPE_FLOAT64,
    TYPE_FUNCTION,
    TYPE_HOSTFN,
    TYPE_LINES,
    TYPE_NAMES,
    TYPE_OBJECT,
    TYPE_PROMISE,
    TYPE_PROPERTY,
    TYPE_PROPS,
    TYPE_RESOLVER,
    TYPE_STRING8,
    TYPE_STRING16,
    Op,
)

UNIT_MAGIC = b"MVMUNIT\x00"
IMAGE_MAGIC = b"MVM\x00"

# Opcodes whose operand a (or b, for THROW_ERROR and NEW_OBJECT_KEYS) indexes the function's
# CONSTS.
CONST_OPERAND = frozenset(
    {Op.LOAD_CONST, Op.MAKE_CLOSURE, Op.INIT_PROP, Op.GET_PROP, Op.SET_PROP,
     Op.LOAD_CONST8, Op.GET_PROP8, Op.SET_PROP8}
)
GLOBAL_OPERAND = frozenset({Op.LOAD_GLOBAL, Op.STORE_GLOBAL})
_FORMAT_PACK = {
    "NONE": "",
    "U8": "<B",
    "I8": "<b",
    "U16": "<H",
    "I16": "<h",
    "REL16": "<h",
    "U8U8": "<BB",
    "U8U16": "<BH",
}


class Reader:
    """Bounds-checked little-endian reads from a bytes object."""

    def __init__(self, data: bytes, what: str) -> None:
        self.data = data
        self.what = what

    def unpack(self, fmt: str, offset: int) -> tuple[Any, ...]:
        size = struct.calcsize(fmt)
        if offset < 0 or offset + size > len(self.data):
            raise ValueError(
                f"{self.what}: read of {size} bytes at {offset} is out of bounds"
            )
        return struct.unpack_from(fmt, self.data, offset)

    def u8(self, offset: int) -> int:
        return int(self.unpack("<B", offset)[0])

    def u16(self, offset: int) -> int:
        return int(self.unpack("<H", offset)[0])

    def u32(self, offset: int) -> int:
        return int(self.unpack("<I", offset)[0])

    def bytes(self, offset: int, length: int) -> bytes:
        if offset < 0 or length < 0 or offset + length > len(self.data):
            raise ValueError(
                f"{self.what}: {length} bytes at {offset} are out of bounds"
            )
        return self.data[offset : offset + length]


def quote(text: str) -> str:
    """A JS-style double-quoted string, escaping what would not print."""
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


class Heapish:
    """A region laid out as allocations (the ROM, or an image's heap)."""

    def __init__(self, data: bytes, what: str, start: int = 0) -> None:
        self.r = Reader(data, what)
        self.what = what
        self.start = start

    def header(self, offset: int) -> tuple[int, int]:
        """(type, size) of the allocation at offset, validated against the region."""
        if offset % 4:
            raise ValueError(f"{self.what}: misaligned allocation offset {offset}")
        word = self.r.u32(offset)
        kind, size = word & 31, header_size(word)  # bits 5-6: flags (internals.md 2)
        if size < 8 or offset + size > len(self.r.data):
            raise ValueError(
                f"{self.what}: bad allocation header {word:#x} at {offset}"
            )
        return kind, size

    def walk(self) -> Iterator[tuple[int, int, int]]:
        """(offset, type, size) of each allocation, walking sequentially by size."""
        offset = self.start
        while offset < len(self.r.data):
            kind, size = self.header(offset)
            yield offset, kind, size
            offset += size

    def string(self, offset: int) -> str:
        if offset >= ENGINE_ROM_BASE:
            return engine_string(offset)
        kind, size = self.header(offset)
        nbytes = string_bytes(self.r.u32(offset))
        if kind == TYPE_STRING8:
            return self.r.bytes(offset + 4, nbytes).decode("latin-1")
        if kind == TYPE_STRING16:
            if nbytes % 2:
                raise ValueError(f"{self.what}: odd-sized STRING16 at {offset}")
            return self.r.bytes(offset + 4, nbytes).decode(
                "utf-16-le", "surrogatepass"
            )
        raise ValueError(
            f"{self.what}: expected a string at {offset}, found {type_name(kind)}"
        )

    def float64(self, offset: int) -> float:
        return float(struct.unpack("<d", self.r.bytes(offset + 4, 8))[0])

    def describe(self, offset: int) -> str:
        """A short description of the allocation at offset, for values naming it."""
        if offset >= ENGINE_ROM_BASE:
            return quote(engine_string(offset))
        kind, _ = self.header(offset)
        if kind in (TYPE_STRING8, TYPE_STRING16):
            return quote(self.string(offset))
        if kind == TYPE_FLOAT64:
            return format_float(self.float64(offset))
        if kind == TYPE_FUNCTION:
            return f"<function {self.function_name(offset)} @{offset}>"
        if kind == TYPE_CONSTS:  # a key list (NEW_OBJECT_KEYS)
            keys = []
            for i in range(4, self.header(offset)[1], 4):
                word = self.r.u32(offset + i)
                keys.append(self.string(word >> 1 & ~3) if word & 7 == 2 else str(word))
            return f"<keys {', '.join(keys)} @{offset}>"
        return f"<{type_name(kind)} @{offset}>"

    def function_name(self, offset: int) -> str:
        raise NotImplementedError


ENGINE_STRINGS_AT = {at: text for text, at in ENGINE_STRING_OFFSETS.items()}


def header_size(header: int) -> int:
    """value.h header_size: bits 7-31, or for an OBJECT with its properties inline (bit 6)
    bits 7-13 only (bits 14-31 hold its key list's ROM offset and a prototype bit)."""
    size = (header >> 5) & ~3
    if header & 0x5F == TYPE_OBJECT | 0x40:
        size &= OBJECT_INLINE_MAX
    return size


OBJECT_INLINE_MAX = 0x1FC


def inline_object(heap: bytes, at: int) -> tuple[int, int, bool]:
    """(ROM offset of its key list, offset of its first value, has a prototype word) of the
    OBJECT with its properties inline at heap offset at (internal.h props_values_at): the key
    list in header bits 15-31 (offset / 4 + 1; bit 14 a prototype word), or in the word after
    the prototype's, which is left out for a null prototype (the word at +4 is then a ROM
    reference, which no prototype is)."""
    header, word = struct.unpack_from("<II", heap, at)
    if header >> 15:
        proto = bool(header >> 14 & 1)
        return ((header >> 15) - 1) * 4, 8 if proto else 4, proto
    if word & 7 == 2:
        return word >> 1 & ~3, 8, False
    (keys,) = struct.unpack_from("<I", heap, at + 8)
    return keys >> 1 & ~3, 12, True


def string_bytes(header: int) -> int:
    """The bytes of a STRING8/16's units: its size less the padding header bits 5-6 count."""
    return ((header >> 5) & ~3) - 4 - ((header >> 5) & 3)


def engine_string(offset: int) -> str:
    """The text of the engine string at ROM offset offset (mvm_tables.h ENGINE_STRING)."""
    try:
        return ENGINE_STRINGS_AT[offset]
    except KeyError:
        raise ValueError(f"ROM: no engine string at {offset:#x}") from None


FUNCTION_FIXED = 12  # a FUNCTION's fixed part; its words follow (internals.md 3; internal.h)


def function_extra_words(flags: int) -> int:
    """The words a FUNCTION has after its constants: its name (FN_FLAG_NAMED), then its LINES
    offset (FN_FLAG_LINES)."""
    return bool(flags & FN_FLAG_NAMED) + bool(flags & FN_FLAG_LINES)


def function_code_at(rom: bytes, offset: int) -> int:
    """Where the code of the FUNCTION at offset starts, from the allocation's start: the u16
    at 10 gives it in words."""
    return 4 * struct.unpack_from("<H", rom, offset + 10)[0]


def function_code_len(rom: bytes, offset: int) -> int:
    """A FUNCTION's code length: the code fills the allocation but for the padding that header
    bits 5-6 count (internal.h fn_code_len). Below 1 for a malformed one."""
    (header,) = struct.unpack_from("<I", rom, offset)
    return ((header >> 5) & ~3) - function_code_at(rom, offset) - ((header >> 5) & 3)


def rom_offset(v: int) -> int:
    """The ROM offset of a ROM reference value (v = (offset << 1) | 2)."""
    return (v >> 1) & ~3


def type_name(kind: int) -> str:
    return TYPE_NAMES.get(kind, f"type{kind}")


def format_float(value: float) -> str:
    if value == 0 and math.copysign(1.0, value) < 0:
        return "-0"
    return number_to_string(value)


class RomView(Heapish):
    def __init__(self, rom: bytes, global_names: list[str] | None = None) -> None:
        super().__init__(rom, "ROM")
        self.global_names = global_names or []
        self.heap: Heapish | None = None  # set for images, to describe heap references

    def value(self, v: int) -> str:
        if v & 1:
            return str((v - (1 << 32) if v & 0x80000000 else v) >> 1)
        if v & 7 == 6:
            index = v >> 3
            if index >= BUILTIN_BASE:
                builtin = index - BUILTIN_BASE
                return f"<builtin {BUILTIN_NAMES.get(builtin, builtin)}>"
            return SPECIAL_NAMES.get(index, f"special{index}").lower()
        if v & 7 == 2:
            return self.describe(rom_offset(v))
        if v == 0:
            return "<invalid 0>"
        if self.heap is not None:
            try:
                kind, _ = self.heap.header(v)
                return f"heap@{v}({type_name(kind)})"
            except ValueError:
                pass
        return f"heap@{v}"

    def function_name(self, offset: int) -> str:
        kind, _ = self.header(offset)
        if kind != TYPE_FUNCTION:
            raise ValueError(
                f"ROM: expected FUNCTION at {offset}, found {type_name(kind)}"
            )
        name = self.function_fields(offset)[6]
        if name is not None and name & 7 == 2:
            return self.string(rom_offset(name))
        return "(anonymous)"

    def function_fields(
        self, offset: int
    ) -> tuple[int, int, int, int, int, list[int], int | None, int]:
        """(nparams, flags, nlocals, length, max_stack, constants, name value or None, LINES
        offset or NO_OFFSET) of the FUNCTION at offset (internals.md 3)."""
        nparams, flags, nlocals, length, max_stack, code_words = self.r.unpack(
            "<BBBBHH", offset + 4
        )
        nconsts = code_words - 3 - function_extra_words(flags)
        if nconsts < 0:
            raise ValueError(f"ROM: function at {offset} has no room for its words")
        words = [self.r.u32(offset + FUNCTION_FIXED + 4 * i) for i in range(code_words - 3)]
        consts, extra = words[:nconsts], iter(words[nconsts:])
        name = next(extra) if flags & FN_FLAG_NAMED else None
        lines = next(extra) if flags & FN_FLAG_LINES else NO_OFFSET
        return nparams, flags, nlocals, length, max_stack, consts, name, lines

    def consts(self, offset: int) -> list[int]:
        kind, size = self.header(offset)
        if kind != TYPE_CONSTS:
            raise ValueError(
                f"ROM: expected CONSTS at {offset}, found {type_name(kind)}"
            )
        return [self.r.u32(offset + 4 + 4 * i) for i in range((size - 4) // 4)]

    def lines(self, offset: int) -> tuple[str, list[tuple[int, int]]]:
        """(file, [(pc, line)]) of a LINES allocation."""
        kind, size = self.header(offset)
        if kind != TYPE_LINES:
            raise ValueError(
                f"ROM: expected LINES at {offset}, found {type_name(kind)}"
            )
        file_value = self.r.u32(offset + 4)
        file = self.string(rom_offset(file_value)) if file_value & 7 == 2 else "?"
        line = self.r.u32(offset + 8)
        table = [(0, line)]
        stream = self.r.bytes(offset + 12, size - 12)
        pc, i = 0, 0
        while i < len(stream):
            pc_delta, i = leb128(stream, i)
            if i >= len(stream):
                break  # half a pair: padding
            zz, i = leb128(stream, i)
            pc += pc_delta
            line += (zz >> 1) ^ -(zz & 1)
            if pc_delta or zz:
                table.append((pc, line))
        return file, table

    def decode_function(self, offset: int) -> DecodedFunction:
        kind, _ = self.header(offset)
        if kind != TYPE_FUNCTION:
            raise ValueError(
                f"ROM: expected FUNCTION at {offset}, found {type_name(kind)}"
            )
        nparams, flags, nlocals, _, max_stack, consts, _, lines_off = (
            self.function_fields(offset)
        )
        code_at = function_code_at(self.r.data, offset)
        code_len = function_code_len(self.r.data, offset)
        if code_len < 1:
            raise ValueError(f"ROM: function at {offset} has no room for code")
        file, line_table = (
            self.lines(lines_off) if lines_off != NO_OFFSET else (None, [])
        )
        code = self.r.bytes(offset + code_at, code_len)
        return DecodedFunction(
            offset=offset,
            name=self.function_name(offset),
            nparams=nparams,
            flags=flags & ~(FN_FLAG_NAMED | FN_FLAG_LINES),  # the language's flags
            nlocals=nlocals,
            max_stack=max_stack,
            consts=[self.value(c) for c in consts],
            raw_consts=consts,
            file=file,
            lines=line_table,
            code=code,
            instructions=decode_code(code),
        )

    def function(self, offset: int) -> list[str]:
        fn = self.decode_function(offset)
        flag_names = [n for bit, n in ((1, "arrow"), (2, "module")) if fn.flags & bit]
        out = [
            f"function {fn.name} @{offset}: params={fn.nparams} "
            f"locals={fn.nlocals} max_stack={fn.max_stack}"
            + (f" flags={','.join(flag_names)}" if flag_names else "")
        ]
        if fn.file is not None:
            out.append(f"  file {quote(fn.file)}")
        for i, c in enumerate(fn.consts):
            out.append(f"  const[{i}] = {c}")
        lines = dict(fn.lines)
        for ins in fn.instructions:
            text = ins.op.name
            if ins.operands:
                text += " " + " ".join(map(str, ins.operands))
            note = self.operand_note(ins, fn.consts)
            if note:
                text = f"{text:<24} ; {note}"
            line = f"L{lines[ins.pc]}" if ins.pc in lines else ""
            out.append(f"  {line:>6}  {ins.pc:5}  {text}")
        return out

    def operand_note(self, ins: Instruction, consts: list[str]) -> str:
        op, operands = ins.op, ins.operands
        if ins.target is not None:
            return f"-> {ins.target}"
        if op in CONST_OPERAND or op in (Op.THROW_ERROR, Op.NEW_OBJECT_KEYS):
            index = operands[-1]
            const = consts[index] if index < len(consts) else "<bad const index>"
            if op is Op.THROW_ERROR:
                return f"{ERROR_KIND_JSNAMES.get(operands[0], operands[0])}({const})"
            return const
        if op in (Op.LOAD_ROM_GLOBAL, Op.LOAD_ROM_GLOBAL_FN):  # a constant global's value
            return self.value(operands[0])
        if op in GLOBAL_OPERAND:
            index = operands[0]
            return (
                self.global_names[index]
                if index < len(self.global_names)
                else "<bad global>"
            )
        if op is Op.LOAD_BUILTIN:
            return BUILTIN_NAMES.get(operands[0], "<bad builtin>")
        return ""

    def global_name_list(self, offset: int) -> list[str]:
        names = []
        for v in self.consts(offset):
            names.append(self.string(rom_offset(v)) if v & 7 == 2 else self.value(v))
        return names

    def functions(self) -> list[str]:
        out = []
        for offset, kind, _ in self.walk():
            if kind == TYPE_FUNCTION:
                out.append("")
                out += self.function(offset)
        return out


@dataclass
class Instruction:
    pc: int
    op: Op
    operands: tuple[int, ...]
    size: int

    @property
    def target(self) -> int | None:
        """The absolute target pc of a jump (REL16 counts from the next instruction)."""
        if OP_INFO[self.op].format != "REL16":
            return None
        return self.pc + self.size + self.operands[0]


@dataclass
class DecodedFunction:
    offset: int
    name: str
    nparams: int
    flags: int
    nlocals: int
    max_stack: int
    consts: list[str]  # described values: quoted strings, numbers, <function f @N>
    raw_consts: list[int]  # the value words
    file: str | None
    lines: list[tuple[int, int]]  # (pc, line) where the line changes
    code: bytes
    instructions: list[Instruction]


def decode_code(code: bytes) -> list[Instruction]:
    """Splits bytecode into instructions, table-driven by each opcode's FORMAT."""
    r = Reader(code, "code")
    out = []
    pc = 0
    while pc < len(code):
        byte = code[pc]
        try:
            op = Op(byte)
        except ValueError:
            raise ValueError(f"unknown opcode {byte:#04x} at pc {pc}") from None
        info = OP_INFO[op]
        operands = r.unpack(_FORMAT_PACK[info.format], pc + 1) if info.size > 1 else ()
        out.append(Instruction(pc, op, operands, info.size))
        pc += info.size
    return out


def decode_unit_functions(unit: bytes) -> list[DecodedFunction]:
    """Every FUNCTION in a unit's ROM, in ROM order (for tests and tools)."""
    view, _ = _open_unit(unit)
    return [
        view.decode_function(off)
        for off, kind, _ in view.walk()
        if kind == TYPE_FUNCTION
    ]


def leb128(data: bytes, i: int) -> tuple[int, int]:
    value, shift = 0, 0
    while i < len(data):
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80 or shift > 63:
            break
    return value, i


def _open_unit(unit: bytes) -> tuple[RomView, tuple[int, ...]]:
    r = Reader(unit, "unit")
    header = r.unpack("<8sHHIIIHH", 0)
    magic, _, global_count, rom_len, _, names_off, export_count, _ = header
    if magic != UNIT_MAGIC:
        raise ValueError("not a bytecode unit (bad magic)")
    view = RomView(r.bytes(28 + 8 * export_count, rom_len))
    # NO_OFFSET: no globals (a CONSTS is never empty).
    view.global_names = view.global_name_list(names_off) if names_off != NO_OFFSET else []
    if len(view.global_names) != global_count:
        raise ValueError("unit: global_names does not hold global_count names")
    return view, header


def disasm_unit(unit: bytes) -> str:
    view, header = _open_unit(unit)
    _, version, global_count, rom_len, entry, _, export_count, _ = header
    out = [
        f"unit version {version}: {global_count} globals, ROM {rom_len} bytes, "
        f"entry @{entry} ({view.function_name(entry)})"
    ]
    r = Reader(unit, "unit")
    for i in range(export_count):
        name_off, slot, _ = r.unpack("<IHH", 28 + 8 * i)
        out.append(f"export {quote(view.string(name_off))} = global {slot}")
    for i, name in enumerate(view.global_names):
        out.append(f"global {i}: {name}")
    out += view.functions()
    return "\n".join(out) + "\n"


IMAGE_HEADER = "<4sIHHII"  # magic, crc32, version, features, image size, ROM length
IMAGE_HEADER_SIZE = 20  # then the ROM, then the packed part (LEB128 words)
IMAGE_CRC_FROM = 8  # the CRC-32 covers the image from the version on
_RAW_TYPES = (TYPE_STRING8, TYPE_STRING16, TYPE_BYTES)


def _uleb(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


class _Words:
    """Strict reads of the packed part: a word that runs past the end or past 32 bits raises."""

    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def word(self) -> int:
        value = 0
        for shift in range(0, 35, 7):
            if self.at >= len(self.data):
                raise ValueError("image: packed part truncated")
            byte = self.data[self.at]
            self.at += 1
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                if value > 0xFFFFFFFF:
                    break
                return value
        raise ValueError("image: packed word longer than 32 bits")

    def raw(self, n: int) -> bytes:
        if self.at + n > len(self.data):
            raise ValueError("image: packed part truncated")
        self.at += n
        return self.data[self.at - n : self.at]


@dataclass
class ImageParts:
    """An image's contents, the heap expanded as a restored VM sees it (docs/internals.md 10)."""

    version: int
    features: int
    crc: int
    size: int
    rom: bytes
    global_names: int
    imports: list[int]
    exports: list[tuple[int, int]]
    globals: list[int]
    heap: bytes


_FUNCTION_FIELDS = "<BBBBHH"  # nparams, flags, nlocals, length, max_stack, code words at +4
_FUNCTION_FIELD_MAX = (0xFF, 0x3F, 0xFF, 0xFF, 0xFFFF, 0xFFFF)


def _implied_size(kind: int, n: int) -> int:
    """snapshot.c implied_size: an allocation's size with no spare room (0: always written:
    ITEMS, SCOPE, CONTINUATION, and CONSTS and FUNCTION, whose size gives their length)."""
    fixed = {TYPE_HOSTFN: 8, TYPE_FLOAT64: 12, TYPE_OBJECT: 12, TYPE_ARRAY: 16,
             TYPE_CLOSURE: 16, TYPE_PROPERTY: 16, TYPE_PROMISE: 16, TYPE_RESOLVER: 16}
    if kind in fixed:
        return fixed[kind]
    base = {TYPE_STRING8: 4 + n, TYPE_BYTES: 8 + n, TYPE_STRING16: 4 + 2 * n,
            TYPE_LINES: 12 + n, TYPE_PROPS: 8 + 8 * n}.get(kind)
    return 0 if base is None else max(8, (base + 3) & ~3)


def _unpack_allocs(w: _Words, length: int, start: int) -> bytes:
    """snapshot.c unpack_allocs: the region [0, length) from its packed allocations."""
    heap = bytearray(length)
    at = start
    while at < length:
        head = w.raw(1)[0]
        kind, flags = head & 31, (head >> 5) & 3
        size = 4 * w.word() if head & 0x80 else 0
        n, need, fields = 0, 8, []
        if kind in _RAW_TYPES:
            n = w.word()
            need = (8 if kind == TYPE_BYTES else 4) + (2 * n if kind == TYPE_STRING16 else n)
        elif kind == TYPE_FLOAT64:
            need = 12
        elif kind == TYPE_FUNCTION:
            fields = [w.word() for _ in _FUNCTION_FIELD_MAX]
            if any(v > top for v, top in zip(fields, _FUNCTION_FIELD_MAX)):
                raise ValueError(f"packed: FUNCTION field out of range at {at}")
            n = fields[5] - 3  # the words (the code's offset in words, less the fixed three)
            if n < function_extra_words(fields[1]):
                raise ValueError(f"packed: FUNCTION with no room for its words at {at}")
            need = FUNCTION_FIXED + 4 * n + flags + 1  # the padding leaves a byte of code
        elif kind == TYPE_LINES:
            fields = [w.word() for _ in range(3)]
            n = fields[2]
            need = 12 + n
        elif kind == TYPE_PROPS:
            n = w.word()
        high = 0  # an inline OBJECT's header bits 14-31 (pack_allocs)
        if kind == TYPE_OBJECT and flags & 2:
            high = w.word()
            if high >> 18 or size > OBJECT_INLINE_MAX:
                raise ValueError(f"packed: bad inline OBJECT header at {at}")
        size = size or _implied_size(kind, n)
        if size < 8 or size < need or at + size > length:
            raise ValueError(f"packed: bad allocation (type {kind}, size {size}) at {at}")
        if kind in (TYPE_STRING8, TYPE_STRING16) and size - need != flags:
            raise ValueError(f"packed: string length and padding disagree at {at}")
        struct.pack_into("<I", heap, at, ((size | flags) << 5) | kind | high << 14)
        if kind == TYPE_BYTES:
            struct.pack_into("<I", heap, at + 4, n)
            heap[at + 8 : at + need] = w.raw(need - 8)
        elif kind in _RAW_TYPES:
            heap[at + 4 : at + need] = w.raw(need - 4)
        elif kind == TYPE_FLOAT64:
            heap[at + 4 : at + 12] = w.raw(8)
        elif kind == TYPE_FUNCTION:
            struct.pack_into(_FUNCTION_FIELDS, heap, at + 4, *fields)
            for i in range(n):
                struct.pack_into("<I", heap, at + FUNCTION_FIXED + 4 * i, w.word())
            code_at = FUNCTION_FIXED + 4 * n
            heap[at + code_at : at + size - flags] = w.raw(size - flags - code_at)
        elif kind == TYPE_LINES:
            struct.pack_into("<II", heap, at + 4, fields[0], fields[1])
            heap[at + 12 : at + 12 + n] = w.raw(n)
        else:
            first = 4
            if kind == TYPE_PROPS:
                struct.pack_into("<I", heap, at + 4, n)
                first = 8
            for field in range(first, size, 4):
                v = w.word()
                if kind == TYPE_ARRAY and field == 4:  # the length word, rotated (pack_allocs)
                    v = (v >> 1) | ((v & 1) << 31)
                struct.pack_into("<I", heap, at + field, v)
        at += size
    return bytes(heap)


def _pack_allocs(heap: bytes, start: int) -> bytes:
    """snapshot.c pack_allocs: the allocations of a ROM (start 0) or heap (start 4)."""
    out = bytearray()
    at = start
    while at < len(heap):
        (header,) = struct.unpack_from("<I", heap, at)
        kind, size = header & 31, header_size(header)
        n = 0
        if kind in (TYPE_STRING8, TYPE_STRING16):
            n = string_bytes(header) >> (kind == TYPE_STRING16)
        elif kind in _RAW_TYPES or kind == TYPE_PROPS:
            (n,) = struct.unpack_from("<I", heap, at + 4)
        elif kind == TYPE_LINES:
            n = len(heap[at + 12 : at + size].rstrip(b"\0"))
        head = kind | (((header >> 5) & 3) << 5)
        if _implied_size(kind, n) == size:
            out.append(head)
        else:
            out.append(head | 0x80)
            out += _uleb(size >> 2)
        if kind == TYPE_OBJECT and header & 0x40:  # its key list and prototype bit (value.h)
            out += _uleb(header >> 14)
        if kind in _RAW_TYPES:
            data = at + (8 if kind == TYPE_BYTES else 4)
            out += _uleb(n) + heap[data : data + (2 * n if kind == TYPE_STRING16 else n)]
        elif kind == TYPE_FLOAT64:
            out += heap[at + 4 : at + 12]
        elif kind == TYPE_FUNCTION:
            for v in struct.unpack_from(_FUNCTION_FIELDS, heap, at + 4):
                out += _uleb(v)
            code_at = function_code_at(heap, at)
            for field in range(FUNCTION_FIXED, code_at, 4):
                out += _uleb(struct.unpack_from("<I", heap, at + field)[0])
            out += heap[at + code_at : at + code_at + function_code_len(heap, at)]
        elif kind == TYPE_LINES:
            out += _uleb(struct.unpack_from("<I", heap, at + 4)[0])
            out += _uleb(struct.unpack_from("<I", heap, at + 8)[0])
            out += _uleb(n) + heap[at + 12 : at + 12 + n]
        else:
            for field in range(4, size, 4):
                (v,) = struct.unpack_from("<I", heap, at + field)
                if kind == TYPE_ARRAY and field == 4:  # ARRAY_NO_PROPS (bit 31) would take 5 bytes
                    v = ((v << 1) | (v >> 31)) & 0xFFFFFFFF
                out += _uleb(v)
        at += size
    return bytes(out)


def unpack_image(image: bytes) -> ImageParts:
    """Splits an image into its parts; ValueError if it is malformed (the CRC is not checked)."""
    r = Reader(image, "image")
    magic, crc, version, features, size, rom_len = r.unpack(IMAGE_HEADER, 0)
    if magic != IMAGE_MAGIC:
        raise ValueError("not an image (bad magic)")
    if size > len(image):
        raise ValueError(f"image truncated: header says {size} bytes, have {len(image)}")
    packed_rom = bool(features >> FEATURE_PACKED_ROM & 1)
    if size < IMAGE_HEADER_SIZE or rom_len % 4 or (
        not packed_rom and IMAGE_HEADER_SIZE + rom_len > size
    ):
        raise ValueError("image: bad image size or ROM length")
    w = _Words(image[IMAGE_HEADER_SIZE:size])
    if packed_rom:
        if rom_len > 8 * (size - IMAGE_HEADER_SIZE):
            raise ValueError("image: ROM length larger than its packed bytes allow")
        rom = _unpack_allocs(w, rom_len, 0)
    else:
        rom = w.raw(rom_len)
    names = (w.word() - 1) & 0xFFFFFFFF
    nimports = w.word()
    if features >> FEATURE_ROM_IMPORTS & 1:
        imports = _rom_import_ids(rom, nimports)
    else:
        imports = [w.word() for _ in range(nimports)]
    exports = [(w.word(), w.word()) for _ in range(w.word())]
    globals_ = [w.word() for _ in range(w.word())]
    heap_len = w.word()
    if heap_len < 4 or heap_len % 4:
        raise ValueError(f"image: bad heap length {heap_len}")
    if features >> FEATURE_RAW_HEAP & 1:
        heap = bytes(4) + w.raw(heap_len - 4)  # the pad word is restore's
    else:
        heap = _unpack_allocs(w, heap_len, 4)
    if w.at != len(w.data):
        raise ValueError("image: bytes after the heap")
    return ImageParts(version, features, crc, size, rom, names, imports, exports, globals_, heap)


# A HOSTFN: header, the import's id (u16), its index (u16). With FEATURE ROM_IMPORTS the ROM
# starts with the imports' HOSTFNs, import i's at HOSTFN_BYTES * i.
HOSTFN_BYTES = 8


def _rom_import_ids(rom: bytes, count: int) -> list[int]:
    """The ids of the imports, from their HOSTFNs at the ROM's start."""
    try:
        return [struct.unpack_from("<H", rom, HOSTFN_BYTES * i + 4)[0] for i in range(count)]
    except struct.error:
        raise ValueError("image: imports past the ROM") from None


def pack_image(parts: ImageParts) -> bytes:
    """The image of parts, with its size and CRC computed (what mvm_snapshot writes). The ROM is
    packed if parts.features has FEATURE PACKED_ROM, else stored as it is; the heap is stored
    as it is with FEATURE RAW_HEAP, else packed."""
    if parts.features >> FEATURE_PACKED_ROM & 1:
        packed = bytearray(_pack_allocs(parts.rom, 0))
    else:
        packed = bytearray(parts.rom)
    packed += _uleb((parts.global_names + 1) & 0xFFFFFFFF)
    packed += _uleb(len(parts.imports))
    if not parts.features >> FEATURE_ROM_IMPORTS & 1:  # else the ids are in the ROM
        packed += b"".join(_uleb(i) for i in parts.imports)
    packed += _uleb(len(parts.exports))
    for key, value in parts.exports:
        packed += _uleb(key) + _uleb(value)
    packed += _uleb(len(parts.globals)) + b"".join(_uleb(v) for v in parts.globals)
    if parts.features >> FEATURE_RAW_HEAP & 1:
        packed += _uleb(len(parts.heap)) + parts.heap[4:]
    else:
        packed += _uleb(len(parts.heap)) + _pack_allocs(parts.heap, 4)
    size = IMAGE_HEADER_SIZE + len(packed)
    rest = struct.pack("<HHII", parts.version, parts.features, size, len(parts.rom)) + packed
    return IMAGE_MAGIC + struct.pack("<I", zlib.crc32(rest)) + rest


def disasm_image(image: bytes) -> str:
    parts = unpack_image(image)
    computed = zlib.crc32(image[IMAGE_CRC_FROM : parts.size])
    feature_list = [
        FEATURE_NAMES.get(b, f"bit{b}") for b in range(16) if parts.features >> b & 1
    ]
    rom_len, heap = len(parts.rom), parts.heap
    out = [
        f"image version {parts.version}, header {IMAGE_HEADER_SIZE} bytes, size {parts.size}, "
        f"features {','.join(feature_list) or '-'}",
        f"crc {parts.crc:#010x} "
        + ("ok" if computed == parts.crc else f"MISMATCH (computed {computed:#010x})"),
        f"packed: {parts.size - IMAGE_HEADER_SIZE} bytes after the header: ROM {rom_len} bytes "
        + ("(packed)" if parts.features >> FEATURE_PACKED_ROM & 1 else "(as it is)")
        + f", imports, exports, globals, heap {len(heap)} bytes"
        + (" (as it is)" if parts.features >> FEATURE_RAW_HEAP & 1 else ""),
    ]
    view = RomView(parts.rom)
    # NO_OFFSET: no names (no global is in its TDZ).
    view.global_names = (
        view.global_name_list(parts.global_names) if parts.global_names != NO_OFFSET else []
    )
    heap_view = Heapish(heap, "heap", start=4)
    view.heap = heap_view
    for i, ident in enumerate(parts.imports):
        out.append(f"import {i}: id {ident:#06x}")
    for key, value in parts.exports:
        out.append(f"export {view.value(key)} = {view.value(value)}")
    for i, v in enumerate(parts.globals):
        name = view.global_names[i] if i < len(view.global_names) else "?"
        out.append(f"global {i} {name} = {view.value(v)}")

    counts: Counter[str] = Counter()
    listing = []
    for offset, kind, alloc_size in heap_view.walk():
        counts[type_name(kind)] += 1
        detail = ""
        if kind in (TYPE_STRING8, TYPE_STRING16, TYPE_FLOAT64):
            detail = " " + heap_view.describe(offset)
        listing.append(f"  heap@{offset} {type_name(kind)} {alloc_size} bytes{detail}")
    summary = ", ".join(f"{n} {t}" for t, n in sorted(counts.items())) or "empty"
    out.append(f"heap: {len(heap)} bytes: {summary}")
    out += listing
    out += view.functions()
    return "\n".join(out) + "\n"


def disasm(data: bytes) -> str:
    """Disassembles a unit or an image, told apart by their magic."""
    if data.startswith(UNIT_MAGIC):
        return disasm_unit(data)
    if data.startswith(IMAGE_MAGIC):
        return disasm_image(data)
    raise ValueError("neither a bytecode unit nor an image (unknown magic)")
