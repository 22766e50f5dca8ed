"""The bytecode unit writer (docs/internals.md section 9).

Assembles every function reachable from the entry function, places functions, their
CONSTS and LINES, strings and floats in one ROM, and prepends the unit header.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from .assemble import assemble
from .errors import CompileError
from .ir import FloatConst, FuncConst, IntConst, IRFunction, KeysConst, StrConst
from .opcodes import NO_OFFSET, UNIT_VERSION
from .rom import Alloc, Int31, Rom, RomValue, line_stream

UNIT_MAGIC = b"MVMUNIT\x00"
UNIT_HEADER = struct.Struct("<8sHHIIIHH")
EXPORT_ENTRY = struct.Struct("<IHH")
MAX_GLOBALS = 0xFFFF
MAX_EXPORTS = 0xFFFF


@dataclass
class UnitExport:
    name: str
    slot: int


class UnitWriter:
    def __init__(self, line_files: dict[str, str] | None = None) -> None:
        self.rom = Rom()
        self._functions: dict[int, Alloc] = {}
        self._key_lists: dict[tuple[str, ...], Alloc] = {}  # one CONSTS per literal shape
        # The file name a LINES table records for a module (error locations at run time),
        # when it differs from the one in compile errors (program.line_file_names).
        self.line_files = line_files or {}

    def function(self, ir: IRFunction) -> Alloc:
        """The FUNCTION allocation of ir (and first, of every function it refers to)."""
        found = self._functions.get(id(ir))
        if found is not None:
            return found
        asm = assemble(ir)
        values: list[RomValue] = [self.const_value(c) for c in ir.consts]
        lines = None
        if ir.filename is not None:
            first_line, stream = line_stream(asm.lines)
            file = self.line_files.get(ir.filename, ir.filename)
            lines = self.rom.lines(self.rom.string(file), first_line, stream)
        alloc = self.rom.function(
            nparams=ir.nparams,
            length=ir.length,
            flags=ir.flags,
            nlocals=ir.nlocals,
            max_stack=asm.max_stack,
            consts=values,
            name=self.rom.string(ir.name) if ir.name is not None else None,
            lines=lines,
            code=asm.code,
        )
        self._functions[id(ir)] = alloc
        return alloc

    def const_value(
        self, const: IntConst | StrConst | FloatConst | FuncConst | KeysConst
    ) -> RomValue:
        if isinstance(const, IntConst):
            return Int31(const.value)
        if isinstance(const, KeysConst):
            found = self._key_lists.get(const.keys)
            if found is None:
                found = self.rom.consts([self.rom.string(k) for k in const.keys])
                self._key_lists[const.keys] = found
            return found
        if isinstance(const, StrConst):
            return self.rom.string(const.value)
        if isinstance(const, FloatConst):
            return self.rom.float64(const.bits)
        return self.function(const.function)

    def write(
        self, entry: IRFunction, global_names: list[str], exports: list[UnitExport]
    ) -> bytes:
        if len(global_names) > MAX_GLOBALS:
            raise CompileError(
                "too many global variables in the program", entry.filename or "<input>"
            )
        if len(exports) > MAX_EXPORTS:
            raise CompileError("too many exports", entry.filename or "<input>")
        entry_alloc = self.function(entry)
        names: list[RomValue] = [self.rom.string(name) for name in global_names]
        names_alloc = self.rom.consts(names) if names else None  # no empty CONSTS
        export_names = [(self.rom.string(e.name), e.slot) for e in exports]
        rom_len = self.rom.layout()
        rom = self.rom.encode()
        assert len(rom) == rom_len
        out = bytearray(
            UNIT_HEADER.pack(
                UNIT_MAGIC,
                UNIT_VERSION,
                len(global_names),
                rom_len,
                entry_alloc.offset,
                names_alloc.offset if names_alloc is not None else NO_OFFSET,
                len(exports),
                0,
            )
        )
        for name_alloc, slot in export_names:
            out += EXPORT_ENTRY.pack(name_alloc.offset, slot, 0)
        assert len(out) % 4 == 0  # the ROM must start 4-aligned in the file
        return bytes(out + rom)


def write_unit(
    entry: IRFunction,
    global_names: list[str],
    exports: list[UnitExport],
    line_files: dict[str, str] | None = None,
) -> bytes:
    try:
        return UnitWriter(line_files).write(entry, global_names, exports)
    except OverflowError as e:
        raise CompileError(
            f"program too large: {e}", entry.filename or "<input>"
        ) from None
