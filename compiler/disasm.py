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
from .opcodes import (
    BUILTIN_BASE,
    BUILTIN_NAMES,
    ERROR_KIND_JSNAMES,
    FEATURE_NAMES,
    NO_OFFSET,
    OP_INFO,
    SECTION_NAMES,
    SPECIAL_NAMES,
    TYPE_CONSTS,
    TYPE_FLOAT64,
    TYPE_FUNCTION,
    TYPE_LINES,
    TYPE_NAMES,
    TYPE_STRING8,
    TYPE_STRING16,
    Op,
)

UNIT_MAGIC = b"MVMUNIT\x00"
IMAGE_MAGIC = b"MVM\x00\r\n\x1a\n"

# Opcodes whose operand a (or b, for THROW_ERROR) indexes the function's CONSTS.
CONST_OPERAND = frozenset(
    {Op.LOAD_CONST, Op.MAKE_CLOSURE, Op.INIT_PROP, Op.GET_PROP, Op.SET_PROP}
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
        kind, size = word & 31, word >> 5
        if size < 8 or size % 4 or offset + size > len(self.r.data):
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
        kind, size = self.header(offset)
        length = self.r.u32(offset + 4)
        if kind == TYPE_STRING8:
            if 8 + length > size:
                raise ValueError(
                    f"{self.what}: string at {offset} overruns its allocation"
                )
            return self.r.bytes(offset + 8, length).decode("latin-1")
        if kind == TYPE_STRING16:
            if 8 + 2 * length > size:
                raise ValueError(
                    f"{self.what}: string at {offset} overruns its allocation"
                )
            return self.r.bytes(offset + 8, 2 * length).decode(
                "utf-16-le", "surrogatepass"
            )
        raise ValueError(
            f"{self.what}: expected a string at {offset}, found {type_name(kind)}"
        )

    def float64(self, offset: int) -> float:
        return float(struct.unpack("<d", self.r.bytes(offset + 4, 8))[0])

    def describe(self, offset: int) -> str:
        """A short description of the allocation at offset, for values naming it."""
        kind, _ = self.header(offset)
        if kind in (TYPE_STRING8, TYPE_STRING16):
            return quote(self.string(offset))
        if kind == TYPE_FLOAT64:
            return format_float(self.float64(offset))
        if kind == TYPE_FUNCTION:
            return f"<function {self.function_name(offset)} @{offset}>"
        return f"<{type_name(kind)} @{offset}>"

    def function_name(self, offset: int) -> str:
        raise NotImplementedError


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
        name = self.r.u32(offset + 16)
        if name & 7 == 2:
            return self.string(rom_offset(name))
        return "(anonymous)"

    def consts(self, offset: int) -> list[int]:
        kind, size = self.header(offset)
        if kind != TYPE_CONSTS:
            raise ValueError(
                f"ROM: expected CONSTS at {offset}, found {type_name(kind)}"
            )
        count = self.r.u32(offset + 4)
        if 8 + 4 * count > size:
            raise ValueError(f"ROM: CONSTS at {offset} overruns its allocation")
        return [self.r.u32(offset + 8 + 4 * i) for i in range(count)]

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
        kind, size = self.header(offset)
        if kind != TYPE_FUNCTION:
            raise ValueError(
                f"ROM: expected FUNCTION at {offset}, found {type_name(kind)}"
            )
        nparams, flags, nlocals, max_stack, _, consts_off, _, lines_off, code_len = (
            self.r.unpack("<BBHHHIIII", offset + 4)
        )
        if 28 + code_len > size:
            raise ValueError(
                f"ROM: code of function at {offset} overruns its allocation"
            )
        consts = self.consts(consts_off) if consts_off != NO_OFFSET else []
        file, line_table = (
            self.lines(lines_off) if lines_off != NO_OFFSET else (None, [])
        )
        code = self.r.bytes(offset + 28, code_len)
        return DecodedFunction(
            offset=offset,
            name=self.function_name(offset),
            nparams=nparams,
            flags=flags,
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
        if op in CONST_OPERAND or op is Op.THROW_ERROR:
            index = operands[-1]
            const = consts[index] if index < len(consts) else "<bad const index>"
            if op is Op.THROW_ERROR:
                return f"{ERROR_KIND_JSNAMES.get(operands[0], operands[0])}({const})"
            return const
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
    view.global_names = view.global_name_list(names_off)
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


IMAGE_HEADER = "<8sHHIIII"
IMAGE_HEADER_SIZE = 48  # the struct above, then 5 section lengths


def disasm_image(image: bytes) -> str:
    r = Reader(image, "image")
    magic, version, header_size, features, crc, size, names_off = r.unpack(
        IMAGE_HEADER, 0
    )
    if magic != IMAGE_MAGIC:
        raise ValueError("not an image (bad magic)")
    if size > len(image):
        raise ValueError(
            f"image truncated: header says {size} bytes, have {len(image)}"
        )
    if size < IMAGE_HEADER_SIZE or header_size < IMAGE_HEADER_SIZE or header_size > size:
        raise ValueError("image: bad header or image size")
    computed = zlib.crc32(image[20:size])
    feature_list = [
        FEATURE_NAMES.get(b, f"bit{b}") for b in range(32) if features >> b & 1
    ]
    out = [
        f"image version {version}, header {header_size} bytes, size {size}, "
        f"features {','.join(feature_list) or '-'}",
        f"crc {crc:#010x} "
        + ("ok" if computed == crc else f"MISMATCH (computed {computed:#010x})"),
    ]
    sections: dict[str, bytes] = {}
    offset = header_size  # sections back to back, each 4-aligned
    for i in range(5):
        (length,) = r.unpack("<I", 28 + 4 * i)
        name = SECTION_NAMES.get(i, str(i))
        if offset + length > size:
            raise ValueError(f"image: section {name} ({offset}+{length}) out of bounds")
        sections[name] = image[offset : offset + length]
        out.append(f"section {name}: offset {offset}, {length} bytes")
        offset = (offset + length + 3) & ~3
    view = RomView(sections["ROM"])
    # NO_OFFSET: no names (no global is in its TDZ) / no entry (it ran at build time).
    view.global_names = (
        view.global_name_list(names_off) if names_off != NO_OFFSET else []
    )
    heap = Heapish(sections["HEAP"], "heap", start=4)
    view.heap = heap

    imports = Reader(sections["IMPORTS"], "imports")
    for i in range(len(sections["IMPORTS"]) // 2):
        out.append(f"import {i}: id {imports.u16(2 * i):#06x}")
    exports = Reader(sections["EXPORTS"], "exports")
    for i in range(len(sections["EXPORTS"]) // 8):
        key, value = exports.unpack("<II", 8 * i)
        out.append(f"export {view.value(key)} = {view.value(value)}")
    globals_ = Reader(sections["GLOBALS"], "globals")
    for i in range(len(sections["GLOBALS"]) // 4):
        name = view.global_names[i] if i < len(view.global_names) else "?"
        out.append(f"global {i} {name} = {view.value(globals_.u32(4 * i))}")

    counts: Counter[str] = Counter()
    listing = []
    for offset, kind, alloc_size in heap.walk():
        counts[type_name(kind)] += 1
        detail = ""
        if kind in (TYPE_STRING8, TYPE_STRING16, TYPE_FLOAT64):
            detail = " " + heap.describe(offset)
        listing.append(f"  heap@{offset} {type_name(kind)} {alloc_size} bytes{detail}")
    summary = ", ".join(f"{n} {t}" for t, n in sorted(counts.items())) or "empty"
    out.append(f"heap: {len(sections['HEAP'])} bytes: {summary}")
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
