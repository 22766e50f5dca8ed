"""Bytecode invariants, re-checked from the unit's bytes by a separate flow analysis.

For every function of every corpus program: the operand stack never goes negative and
never exceeds the header's max_stack; every path reaching a pc agrees on the stack depth
and on the number of scopes pushed in this function; jumps land on instructions; slot
and constant operands are in range.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler import compile_program
from compiler.disasm import DecodedFunction, decode_unit_functions
from compiler.opcodes import OP_INFO, Op

PROGRAMS = sorted((Path(__file__).parent / "programs").glob("*.js"))
TERMINATORS = {Op.JUMP, Op.RETURN, Op.THROW, Op.THROW_ERROR}
CONST_OPS = {Op.LOAD_CONST, Op.MAKE_CLOSURE, Op.INIT_PROP, Op.GET_PROP, Op.SET_PROP}


def effect(op: Op, operands: tuple[int, ...]) -> tuple[int, int]:
    info = OP_INFO[op]
    if op in (Op.CALL, Op.NEW):
        return operands[0] + 2, 1
    if op in (Op.NEW_ARRAY, Op.NEW_OBJECT_KEYS):
        return operands[0], 1
    assert info.pop >= 0
    return info.pop, info.push


def check_function(fn: DecodedFunction) -> int:
    """Returns the deepest stack seen; asserts the invariants."""
    index_of = {ins.pc: i for i, ins in enumerate(fn.instructions)}
    state: dict[int, tuple[int, int]] = {
        0: (0, 0)
    }  # index -> (stack depth, scope depth)
    work = [0]
    deepest = 0

    def flow(index: int, depth: int, scopes: int) -> None:
        assert index < len(fn.instructions), f"{fn.name}: falls off the end"
        if index in state:
            assert state[index] == (depth, scopes), (
                f"{fn.name}: inconsistent merge at {index}"
            )
        else:
            state[index] = (depth, scopes)
            work.append(index)

    while work:
        i = work.pop()
        ins = fn.instructions[i]
        depth, scopes = state[i]
        pop, push = effect(ins.op, ins.operands)
        assert depth >= pop, (
            f"{fn.name}: stack underflow at pc {ins.pc} ({ins.op.name})"
        )
        after = depth - pop + push
        deepest = max(deepest, depth, after)
        if ins.op is Op.SCOPE_PUSH:
            scopes += 1
        elif ins.op is Op.SCOPE_POP:
            scopes -= 1
            assert scopes >= 0, f"{fn.name}: SCOPE_POP without a push at pc {ins.pc}"
        if ins.op in (Op.LOAD_LOCAL, Op.STORE_LOCAL):
            assert ins.operands[0] < fn.nlocals
        if ins.op in (Op.LOAD_ARG, Op.STORE_ARG):
            assert ins.operands[0] < fn.nparams
        if ins.op in CONST_OPS:
            assert ins.operands[0] < len(fn.consts)
        if ins.op in (Op.THROW_ERROR, Op.NEW_OBJECT_KEYS):
            assert ins.operands[1] < len(fn.consts)
        if ins.target is not None:
            assert ins.target in index_of, (
                f"{fn.name}: jump into an instruction at {ins.pc}"
            )
            if ins.op is Op.TRY:
                flow(
                    index_of[ins.target], depth + 1, scopes
                )  # handler: exception pushed
                deepest = max(deepest, depth + 1)
            else:
                flow(index_of[ins.target], after, scopes)
        if ins.op not in TERMINATORS:
            flow(i + 1, after, scopes)
    return deepest


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: p.name)
def test_stack_depth_never_negative_and_within_max(path: Path) -> None:
    for fn in decode_unit_functions(compile_program(str(path))):
        deepest = check_function(fn)
        assert deepest <= fn.max_stack, (
            f"{fn.name}: depth {deepest} > max_stack {fn.max_stack}"
        )


def test_max_stack_is_tight_for_a_call() -> None:
    from unit_helpers import functions

    fn = functions("function f(a, b, c) { return a + b * c; }")["f"]
    assert check_function(fn) == fn.max_stack == 3


def test_array_literals_do_not_need_a_deep_stack() -> None:
    from unit_helpers import functions

    fn = functions("const a = [" + ", ".join(str(i) for i in range(500)) + "];")[
        "<module>"
    ]
    assert fn.max_stack <= 70
