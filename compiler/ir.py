"""The compiler's intermediate form: per-function lists of instructions and labels.

The lowering pass emits Instr and Label objects; the assembler turns them into bytes.
Jump-like instructions (JUMP*, TRY) carry a Label as operand a; every other operand is a
plain int already (a constant index, a slot, a count).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from .opcodes import Op

FLAG_ARROW = 1
FLAG_MODULE = 2
FLAG_CLASS = 4  # a class constructor: calling it without `new` throws TypeError
FLAG_METHOD = 8  # a method, accessor or async function: not a constructor, no prototype


@dataclass(eq=False, slots=True)
class Label:
    """A position in a function's code; bound once when placed in the stream."""

    hint: str = ""


@dataclass(slots=True)
class Instr:
    op: Op
    a: int | Label | None = None
    b: int | None = None
    line: int = 0


# Constants of a function (its CONSTS table). The unit writer turns them into values.
@dataclass(frozen=True, slots=True)
class IntConst:
    value: int  # int31


@dataclass(frozen=True, slots=True)
class StrConst:
    value: str


@dataclass(frozen=True, slots=True)
class FloatConst:
    bits: bytes  # the little-endian double, so -0.0 and NaN compare as expected

    @staticmethod
    def of(value: float) -> FloatConst:
        return FloatConst(struct.pack("<d", value))

    @property
    def value(self) -> float:
        return float(struct.unpack("<d", self.bits)[0])


@dataclass(frozen=True, slots=True)
class FuncConst:
    function: IRFunction  # compared by identity (IRFunction has eq=False)


@dataclass(frozen=True, slots=True)
class KeysConst:
    keys: tuple[str, ...]  # an object literal's property names (NEW_OBJECT_KEYS): a ROM CONSTS


Const = IntConst | StrConst | FloatConst | FuncConst | KeysConst


@dataclass(eq=False)
class IRFunction:
    name: str | None
    filename: str | None  # None: no LINES table
    first_line: int
    nparams: int = 0
    length: int = 0  # JS `length`: parameters before the first default or rest
    nlocals: int = 0
    flags: int = 0
    code: list[Instr | Label] = field(default_factory=list)
    consts: list[Const] = field(default_factory=list)
    _const_index: dict[Const, int] = field(default_factory=dict)

    def const(self, value: Const) -> int:
        """Index of value in this function's CONSTS, adding it once."""
        index = self._const_index.get(value)
        if index is None:
            index = len(self.consts)
            self.consts.append(value)
            self._const_index[value] = index
        return index
