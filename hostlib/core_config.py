"""The parts of the VM core an image uses: `mvc build --target mcu --core-config FILE`.

A firmware runs one image, known when it is built. The core's optional parts (the builtins
library's families, promises, the part of the language Microvium's lacks, the heap unpacker:
vm_c/include/mvm_port_default.h) cost flash whether the program uses them or not. This module
reads an image and says which of them it can reach, so that its firmware compiles only those:
for the benchmark programs the core is 0.42x to 0.52x the port as shipped
(benchmarks/results/mcu_size.md).

What the image reaches, and how it is found:

- A library global (Math, JSON, Number, Array...) or Promise: the builtin in the code
  (LOAD_BUILTIN), or stored as a value (in a constant, a constant global's operand, the heap,
  a global, an export). The validating restore refuses an image naming one a core lacks
  (MVM_E_IMAGE_FEATURE), so a miss here would show as that error, not as wrong behaviour.
- A method of a value (`s.slice`, `a.map`, `(1).toFixed`), which the core finds by name when
  the code runs: kept when the name is among the image's strings (its ROM's, its heap's, and
  the core's own that it refers to). A name made only at run time ('sl' + 'ice') is not seen:
  calling such a method on a core without its family throws a catchable TypeError ("builtin
  not compiled into this VM"). `globalThis` (any global by name) keeps every family.
- Async functions and promises: ASYNC_START or AWAIT in the code, or Promise.
- The full language: any instruction of VM_LEAN_LEFT_OUT (hostlib/lean.py).
- The unpackers: the heap's only for an image whose heap is packed and not empty, the ROM's
  never for an MCU image (its ROM is used in place).
- The error-location lookup (mvm_error_location): for an image with line tables (--no-strip).
- The interpreter's instructions: the handlers of those no function of the image has
  (MVM_OPS_SELECTED), and with them what only they call.

Names found conservatively: a word that only looks like a method's name (a property `set` of
the program's own objects) keeps that family too. The result errs towards a larger core.
"""
from __future__ import annotations

import os
import struct
from dataclasses import dataclass, field

from compiler.disasm import ENGINE_STRINGS_AT, Heapish, RomView, rom_offset, unpack_image
from compiler.opcodes import (
    BUILTIN_BASE,
    BUILTIN_GLOBALS,
    BUILTIN_GLOBAL_THIS,
    BUILTIN_JSON,
    BUILTIN_MATH,
    BUILTIN_NAMES,
    BUILTIN_PROMISE,
    ENGINE_ROM_BASE,
    FEATURE_PACKED_ROM,
    FEATURE_RAW_HEAP,
    LIB_FAMILY_BUILTINS,
    LIB_FAMILY_METHODS,
    TYPE_BYTES,
    TYPE_FLOAT64,
    TYPE_FUNCTION,
    TYPE_LINES,
    TYPE_STRING8,
    TYPE_STRING16,
    Op,
)

from .lean import LEFT_OUT

# What each family is, for the header's comments (mvm_port_default.h).
FAMILY_WHAT = {
    "MATH": "Math",
    "NUMBER": "Number(), String(), Boolean(), parseInt..., toFixed",
    "STRING": "string methods",
    "ARRAY": "Array and array methods",
    "OBJECT": "Object.*, hasOwnProperty, call/apply, toString/valueOf methods",
    "JSON": "JSON",
    "BYTES": "new Uint8Array and its methods",
}
FAMILIES = tuple(FAMILY_WHAT)
# The library's globals that are namespaces, not functions: their family by what they hold.
NAMESPACES = {BUILTIN_MATH: "MATH", BUILTIN_JSON: "JSON"}
BUILTIN_FAMILY = {b: family for family, bs in LIB_FAMILY_BUILTINS.items() for b in bs}
BUILTIN_FAMILY.update(NAMESPACES)
# Promise and its methods (then, catch... are builtins after it: mvm_tables.h).
PROMISE_BUILTINS = {b for b, name in BUILTIN_NAMES.items() if name.startswith("PROMISE")}
assert BUILTIN_PROMISE in PROMISE_BUILTINS
GLOBAL_NAMES = {b: name for name, b in BUILTIN_GLOBALS.items()}


@dataclass
class CoreNeeds:
    """What an image reaches of the core's optional parts, each with why."""

    families: dict[str, str] = field(default_factory=dict)  # family -> why
    asynchronous: str = ""
    full_language: str = ""
    heap_unpacker: str = ""
    rom_unpacker: str = ""
    error_location: str = ""
    ops: set[Op] = field(default_factory=set)  # the instructions the image's code uses

    def options(self) -> list[tuple[str, int, str]]:
        """(port option, value, comment) in the order the header writes them."""
        out = [("MVM_LIB", 0, "the builtins library: only the families below")]
        for family in FAMILIES:
            why = self.families.get(family)
            what = FAMILY_WHAT[family]
            out.append((f"MVM_LIB_{family}", 1 if why else 0,
                        f"{what}: {why}" if why else f"{what}: not used"))
        out.append(("MVM_ASYNC", 1 if self.asynchronous else 0,
                    self.asynchronous or "no promise or async function"))
        out.append(("MVM_FULL_LANGUAGE", 1 if self.full_language else 0,
                    self.full_language or "none of ==, !=, in, instanceof, delete, for-in, "
                                          "for-of, destructuring, spread, rest, super"))
        out.append(("MVM_PACKED_HEAP", 1 if self.heap_unpacker else 0,
                    self.heap_unpacker or "the image's heap is empty or stored as it is"))
        out.append(("MVM_PACKED_ROM", 1 if self.rom_unpacker else 0,
                    self.rom_unpacker or "the image's ROM is used in place"))
        out.append(("MVM_ERROR_LOCATION", 1 if self.error_location else 0,
                    self.error_location or "the image has no line tables (--strip)"))
        out.append(("MVM_OPS_SELECTED", 1, f"the interpreter has the {len(self.ops)} of the "
                    f"{len(Op)} instructions that the image's code uses"))
        out += [(f"MVM_OP_USED_{op.name}", int(op in self.ops), "") for op in Op]
        return out


class _Scan:
    """Collects the values and strings an image holds."""

    def __init__(self) -> None:
        self.values: list[tuple[int, str]] = []  # (value word, where)
        self.strings: dict[str, str] = {}  # text -> where

    def value(self, v: int, where: str) -> None:
        self.values.append((v, where))
        if v & 7 == 2 and rom_offset(v) >= ENGINE_ROM_BASE:
            text = ENGINE_STRINGS_AT.get(rom_offset(v))
            if text is not None:
                self.strings.setdefault(text, where)

    def region(self, region: Heapish, what: str) -> None:
        """Every string of a ROM or heap, and every word of its allocations that may hold
        values (all but strings, floats, byte arrays, line tables and functions, read on
        their own)."""
        for at, kind, size in region.walk():
            if kind in (TYPE_STRING8, TYPE_STRING16):
                self.strings.setdefault(region.string(at), what)
            elif kind not in (TYPE_FLOAT64, TYPE_BYTES, TYPE_LINES, TYPE_FUNCTION):
                for word in struct.iter_unpack("<I", region.r.data[at + 4 : at + size]):
                    self.value(word[0], what)


def core_needs(image: bytes) -> CoreNeeds:
    """What image reaches of the core's optional parts. ValueError if it is malformed."""
    parts = unpack_image(image)
    rom = RomView(parts.rom)
    scan = _Scan()
    scan.region(rom, "the image's ROM")
    needs = CoreNeeds()
    builtins: dict[int, str] = {}
    for at, kind, _ in rom.walk():
        if kind == TYPE_LINES and not needs.error_location:
            needs.error_location = "the image has line tables (--no-strip): mvm_error_location"
        if kind != TYPE_FUNCTION:
            continue
        fn = rom.decode_function(at)
        where = f"function {fn.name or '(anonymous)'}"
        for c in fn.raw_consts:
            scan.value(c, where)
        for ins in fn.instructions:
            needs.ops.add(ins.op)
            if ins.op == Op.LOAD_BUILTIN:
                builtins.setdefault(ins.operands[0], where)
            elif ins.op in (Op.LOAD_ROM_GLOBAL, Op.LOAD_ROM_GLOBAL_FN):
                scan.value(ins.operands[0], where)
            elif ins.op in (Op.ASYNC_START, Op.AWAIT) and not needs.asynchronous:
                needs.asynchronous = f"{where} is async"
            elif ins.op in LEFT_OUT and not needs.full_language:
                needs.full_language = f"{where} uses {LEFT_OUT[ins.op]}"
    heap = Heapish(parts.heap, "heap", 4)
    scan.region(heap, "the heap")
    for i, v in enumerate(parts.globals):
        scan.value(v, f"global {i}")
    for key, v in parts.exports:
        scan.value(key, "the exports")
        scan.value(v, "the exports")
    for v, where in scan.values:
        if v & 7 == 6 and (v >> 3) >= BUILTIN_BASE:
            builtins.setdefault((v >> 3) - BUILTIN_BASE, where)

    for b, where in builtins.items():
        name = _js_name(b)
        if b == BUILTIN_GLOBAL_THIS:
            for family in FAMILIES:
                needs.families.setdefault(family, f"{where} uses globalThis")
        elif b in PROMISE_BUILTINS:
            needs.asynchronous = needs.asynchronous or f"{where} uses {name}"
        elif b in BUILTIN_FAMILY:
            needs.families.setdefault(BUILTIN_FAMILY[b], f"{where} uses {name}")
    for family, methods in LIB_FAMILY_METHODS.items():
        for text in sorted(methods & scan.strings.keys()):
            needs.families.setdefault(family, f"{scan.strings[text]} has the name {text!r}")
            break
    if parts.features >> FEATURE_PACKED_ROM & 1:
        needs.rom_unpacker = "the image's ROM is packed (a host image)"
    heap_len = len(parts.heap)
    if heap_len > 4 and not parts.features >> FEATURE_RAW_HEAP & 1:
        needs.heap_unpacker = (f"its heap is packed ({heap_len} bytes: --raw-heap stores it "
                               "as it is)")
    return needs


def _js_name(builtin: int) -> str:
    """A builtin as the program names it (Math, parseInt), or its table name (MATH_FLOOR)."""
    return GLOBAL_NAMES.get(builtin) or BUILTIN_NAMES.get(builtin, str(builtin))


def guard_name(path: str) -> str:
    stem = os.path.basename(path)
    return "".join(c if c.isalnum() else "_" for c in stem).upper()


def core_config_header(image: bytes, source: str, path: str) -> str:
    """The port header for image's firmware: its options, then the base port's."""
    needs = core_needs(image)
    guard = guard_name(path)
    name = os.path.basename(path)
    program = os.path.basename(source)
    lines = [
        f"/* {name}: the parts of the VM core that {program}'s image uses, for its firmware.",
        f" * Written by `mvc build --target mcu --core-config {name} {program}` "
        "(hostlib/core_config.py):",
        " * rebuild it with the image. Compile the core with it as the port header",
        f" * (-DMVM_PORT_HEADER='\"{name}\"'): it sets these options, then includes the port",
        " * (MVM_CORE_BASE_PORT, by default the single-file distribution's mvm_port_example.h).",
        " * Each stays overridable with -D. A core built so restores this image; an image that",
        " * needs more is refused (MVM_E_IMAGE_FEATURE), or a method it calls by a name made at",
        " * run time throws a catchable TypeError. */",
        f"#ifndef {guard}",
        f"#define {guard}",
        "",
    ]
    for option, value, why in needs.options():
        if why:
            lines += [f"/* {why} */", f"#ifndef {option}", f"#define {option} {value}", "#endif"]
        else:  # one of the instructions, after MVM_OPS_SELECTED says what they are
            lines.append(f"#define {option} {value}")
    lines += [
        "",
        "#ifndef MVM_CORE_BASE_PORT",
        '#define MVM_CORE_BASE_PORT "mvm_port_example.h"',
        "#endif",
        "#include MVM_CORE_BASE_PORT",
        "",
        "#endif",
        "",
    ]
    return "\n".join(lines)
