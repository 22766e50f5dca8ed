"""The assembler: an IRFunction's instructions and labels -> bytecode.

Every operand format has a fixed size, so two passes suffice: the first gives each
label its pc, the second encodes. Jump offsets are REL16, relative to the next
instruction.

The maximum stack depth comes from a flow analysis over the code using each opcode's
POP/PUSH from the generated table: depth is propagated along fallthrough and jump edges
(a TRY's handler starts at the TRY's depth plus the pushed exception). Reaching a pc
with two different depths, or popping below zero, is a compiler bug and asserts.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from .errors import CompileError
from .ir import Instr, IRFunction, Label
from .opcodes import OP_INFO, Op
from .peephole import fuse

MAX_CONSTS = 0xFFFF - 5  # a FUNCTION gives its code offset in words, as a u16 (rom.py)

# Instructions after which control never falls through to the next one.
TERMINATORS = frozenset({Op.JUMP, Op.RETURN, Op.THROW, Op.THROW_ERROR})
JUMPS = frozenset(
    {Op.JUMP, Op.JUMP_IF_FALSE, Op.JUMP_IF_TRUE, Op.JUMP_IF_NULLISH, Op.TRY}
)

_OPERAND_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "NONE": (),
    "U8": ((0, 0xFF),),
    "I8": ((-0x80, 0x7F),),
    "U16": ((0, 0xFFFF),),
    "I16": ((-0x8000, 0x7FFF),),
    "REL16": ((-0x8000, 0x7FFF),),
    "U8U8": ((0, 0xFF), (0, 0xFF)),
    "U8U16": ((0, 0xFF), (0, 0xFFFF)),
}
_OPERAND_PACK: dict[str, str] = {
    "NONE": "",
    "U8": "<B",
    "I8": "<b",
    "U16": "<H",
    "I16": "<h",
    "REL16": "<h",
    "U8U8": "<BB",
    "U8U16": "<BH",
}


@dataclass
class Assembled:
    ir: IRFunction
    code: bytes
    max_stack: int
    lines: list[tuple[int, int]]  # (pc, line) where the line changes, first at pc 0


def stack_effect(instr: Instr) -> tuple[int, int]:
    info = OP_INFO[instr.op]
    if info.pop >= 0:
        return info.pop, info.push
    assert isinstance(instr.a, int)
    if instr.op in (Op.CALL, Op.NEW, Op.SUPER_CALL):
        return instr.a + 2, info.push
    if instr.op in (Op.NEW_ARRAY, Op.NEW_OBJECT_KEYS):
        return instr.a, info.push
    raise AssertionError(f"no stack rule for {instr.op.name}")


def _live(code: list[Instr | Label]) -> tuple[list[Instr | Label], int]:
    """code without the instructions no path reaches (what follows a RETURN, THROW or JUMP up
    to the next jump target: a block's SCOPE_POP after its `return`, say), labels kept, and
    the deepest operand stack (which those instructions never add to)."""
    instrs = [item for item in code if isinstance(item, Instr)]
    label_index: dict[int, int] = {}
    n = 0
    for item in code:
        if isinstance(item, Label):
            label_index[id(item)] = n
        else:
            n += 1
    deepest, depth_at = _flow(instrs, label_index)
    reached = iter(depth is not None for depth in depth_at)
    return [item for item in code if isinstance(item, Label) or next(reached)], deepest


def assemble(ir: IRFunction) -> Assembled:
    instrs: list[Instr] = []
    pcs: list[int] = []
    label_pc: dict[int, int] = {}
    pc = 0
    live, max_stack = _live(fuse(ir.code))
    for item in live:
        if isinstance(item, Label):
            assert id(item) not in label_pc, "label placed twice"
            label_pc[id(item)] = pc
        else:
            instrs.append(item)
            pcs.append(pc)
            pc += OP_INFO[item.op].size
    if len(ir.consts) > MAX_CONSTS:
        raise _too_large(ir, "too many constants in one function")

    out = bytearray()
    for instr, at in zip(instrs, pcs, strict=True):
        info = OP_INFO[instr.op]
        operands: tuple[int, ...]
        if isinstance(instr.a, Label):
            target = label_pc.get(id(instr.a))
            assert target is not None, f"unplaced label {instr.a.hint}"
            operands = (target - (at + info.size),)
        elif info.format == "NONE":
            operands = ()
        elif info.format in ("U8U8", "U8U16"):
            assert isinstance(instr.a, int) and isinstance(instr.b, int)
            operands = (instr.a, instr.b)
        else:
            assert isinstance(instr.a, int), f"{instr.op.name} needs an operand"
            operands = (instr.a,)
        for value, (low, high) in zip(
            operands, _OPERAND_RANGES[info.format], strict=True
        ):
            if not low <= value <= high:
                if info.format == "REL16":
                    raise _too_large(ir, "function too large (jump out of range)")
                raise AssertionError(f"{instr.op.name} operand {value} out of range")
        out.append(instr.op)
        out += struct.pack(_OPERAND_PACK[info.format], *operands)

    return Assembled(
        ir, bytes(out), max_stack, _line_changes(instrs, pcs, ir.first_line)
    )


def _too_large(ir: IRFunction, message: str) -> CompileError:
    return CompileError(message, ir.filename or "<input>", ir.first_line, 1)


def _flow(instrs: list[Instr], label_index: dict[int, int]) -> tuple[int, list[int | None]]:
    """The deepest operand stack, and the stack depth before each instruction (None for one
    that no path reaches), following every path from the entry, jumps and handlers."""
    depth_at: list[int | None] = [None] * (len(instrs) + 1)
    work: list[tuple[int, int]] = [(0, 0)]
    deepest = 0

    def flow(index: int, depth: int) -> None:
        known = depth_at[index]
        if known is None:
            depth_at[index] = depth
            work.append((index, depth))
        else:
            assert known == depth, (
                f"stack depth {known} != {depth} at instruction {index}"
            )

    depth_at[0] = 0
    while work:
        index, depth = work.pop()
        assert index < len(instrs), "control falls off the end of the function"
        instr = instrs[index]
        pop, push = stack_effect(instr)
        assert depth >= pop, f"stack underflow at instruction {index} ({instr.op.name})"
        after = depth - pop + push
        deepest = max(deepest, after, depth)
        if isinstance(instr.a, Label):
            target = label_index[id(instr.a)]
            # A handler starts with the stack as at TRY, plus the exception.
            flow(target, depth + 1 if instr.op is Op.TRY else after)
        if instr.op is Op.TRY:
            deepest = max(deepest, depth + 1)
        if instr.op not in TERMINATORS:
            flow(index + 1, after)
    return deepest, depth_at[: len(instrs)]


def _line_changes(
    instrs: list[Instr], pcs: list[int], first_line: int
) -> list[tuple[int, int]]:
    changes = [(0, first_line)]
    for instr, pc in zip(instrs, pcs, strict=True):
        if instr.line and instr.line != changes[-1][1]:
            if changes[-1][0] == pc:
                changes[-1] = (pc, instr.line)
            else:
                changes.append((pc, instr.line))
    return changes
