"""Peephole pass: common instruction sequences -> one fused instruction (superinstruction),
and instructions whose constant index fits a byte -> their short forms.

Runs on a function's instruction list just before assembly. Every fused opcode behaves
exactly as the sequence it replaces (vm_c/include/mvm_opcodes.h lists each with its
sequence), so the pass is invisible to everything but the dispatch count. Only adjacent
instructions fuse: a Label between two instructions (a jump target) keeps them apart.
The fused instruction keeps the line of the sequence's first instruction.

EXPANSIONS maps each fused opcode back to its sequence (disassembly and tests use it).
"""

from __future__ import annotations

from .ir import Instr, Label
from .opcodes import Op

# [compare; JUMP_IF_FALSE L] -> [fused L]
_COMPARE_JUMPS = {
    Op.LT: Op.JUMP_IF_NOT_LT,
    Op.LE: Op.JUMP_IF_NOT_LE,
    Op.GT: Op.JUMP_IF_NOT_GT,
    Op.GE: Op.JUMP_IF_NOT_GE,
    Op.STRICT_EQ: Op.JUMP_IF_STRICT_NE,
    Op.STRICT_NE: Op.JUMP_IF_STRICT_EQ,
}
# [PUSH_I8 k; op] -> [fused k]
_IMMEDIATE = {Op.ADD: Op.ADD_I8, Op.SUB: Op.SUB_I8}
# [LOAD_LOCAL i; op; STORE_LOCAL i] -> [fused i]
_LOCAL_UPDATE = {Op.INC: Op.INC_LOCAL, Op.DEC: Op.DEC_LOCAL}
# [op k] with a constant index k under 256 -> [short form k]: one operand byte, not two
_SHORT = {Op.LOAD_CONST: Op.LOAD_CONST8, Op.GET_PROP: Op.GET_PROP8, Op.SET_PROP: Op.SET_PROP8}

# Fused opcode -> the opcodes of its sequence, with where each takes its operand from
# ("a" / "b": the fused instruction's first / second operand; None: no operand).
EXPANSIONS: dict[Op, list[tuple[Op, str | None]]] = {
    **{
        fused: [(cmp, None), (Op.JUMP_IF_FALSE, "a")]
        for cmp, fused in _COMPARE_JUMPS.items()
    },
    **{fused: [(Op.PUSH_I8, "a"), (op, None)] for op, fused in _IMMEDIATE.items()},
    **{
        fused: [(Op.LOAD_LOCAL, "a"), (op, None), (Op.STORE_LOCAL, "a")]
        for op, fused in _LOCAL_UPDATE.items()
    },
    Op.LOAD_GLOBAL_FN: [(Op.LOAD_GLOBAL, "a"), (Op.PUSH_UNDEFINED, None)],
    Op.LOAD_LOCAL2: [(Op.LOAD_LOCAL, "a"), (Op.LOAD_LOCAL, "b")],
    **{short: [(op, "a")] for op, short in _SHORT.items()},
}


def _at(code: list[Instr | Label], i: int) -> Instr | None:
    item = code[i] if i < len(code) else None
    return item if isinstance(item, Instr) else None


def fuse(code: list[Instr | Label]) -> list[Instr | Label]:
    out: list[Instr | Label] = []
    i = 0
    while i < len(code):
        first = code[i]
        second = _at(code, i + 1)
        if not isinstance(first, Instr) or second is None:
            out.append(first)
            i += 1
            continue
        third = _at(code, i + 2)
        op = first.op
        if (
            op is Op.LOAD_LOCAL
            and second.op in _LOCAL_UPDATE
            and third is not None
            and third.op is Op.STORE_LOCAL
            and third.a == first.a
        ):
            out.append(Instr(_LOCAL_UPDATE[second.op], first.a, line=first.line))
            i += 3
        elif op in _COMPARE_JUMPS and second.op is Op.JUMP_IF_FALSE:
            out.append(Instr(_COMPARE_JUMPS[op], second.a, line=first.line))
            i += 2
        elif op is Op.PUSH_I8 and second.op in _IMMEDIATE:
            out.append(Instr(_IMMEDIATE[second.op], first.a, line=first.line))
            i += 2
        elif op is Op.LOAD_GLOBAL and second.op is Op.PUSH_UNDEFINED:
            out.append(Instr(Op.LOAD_GLOBAL_FN, first.a, line=first.line))
            i += 2
        elif op is Op.LOAD_LOCAL and second.op is Op.LOAD_LOCAL:
            out.append(Instr(Op.LOAD_LOCAL2, first.a, second.a, line=first.line))
            i += 2
        else:
            out.append(first)
            i += 1
    return [_short(item) for item in out]


def _short(item: Instr | Label) -> Instr | Label:
    if isinstance(item, Instr) and item.op in _SHORT:
        assert isinstance(item.a, int)
        if item.a < 256:
            return Instr(_SHORT[item.op], item.a, line=item.line)
    return item
