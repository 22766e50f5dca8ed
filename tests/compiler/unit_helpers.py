"""Shared helpers for the compiler tests: compile snippets and look at the result."""

from __future__ import annotations

from compiler import compile_source
from compiler.disasm import DecodedFunction, decode_unit_functions
from compiler.opcodes import Op
from compiler.peephole import EXPANSIONS


def functions(source: str) -> dict[str, DecodedFunction]:
    """Compiles source; returns its functions by name (the module body is "<module>").

    The prelude's body is also called "<module>"; the user's module comes later in the
    ROM, so it wins the name.
    """
    return {
        fn.name: fn for fn in decode_unit_functions(compile_source(source, "test.js"))
    }


def _unfused(fn: DecodedFunction) -> list[tuple[Op, tuple]]:
    """(op, operands) of each instruction, with fused instructions (compiler/peephole.py)
    expanded back into the sequences they replace: the tests pin the lowering's shapes."""
    out: list[tuple[Op, tuple]] = []
    for ins in fn.instructions:
        steps = EXPANSIONS.get(ins.op)
        if steps is None:
            out.append((ins.op, tuple(ins.operands)))
        else:
            out += [
                (op, (ins.operands["ab".index(src)],) if src else ())
                for op, src in steps
            ]
    return out


def ops(fn: DecodedFunction) -> list[Op]:
    return [op for op, _ in _unfused(fn)]


def listing(fn: DecodedFunction) -> list[tuple[str, ...]]:
    """Instructions as tuples of the opcode name and operands, for readable asserts."""
    return [(op.name, *map(str, operands)) for op, operands in _unfused(fn)]


def contains(haystack: list[Op], needle: list[Op]) -> bool:
    """True if needle occurs as a contiguous run in haystack."""
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))
