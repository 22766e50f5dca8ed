"""Shared helpers for the compiler tests: compile snippets and look at the result."""

from __future__ import annotations

from compiler import compile_source
from compiler.disasm import DecodedFunction, decode_unit_functions
from compiler.opcodes import Op


def functions(source: str) -> dict[str, DecodedFunction]:
    """Compiles source; returns its functions by name (the module body is "<module>").

    The prelude's body is also called "<module>"; the user's module comes later in the
    ROM, so it wins the name.
    """
    return {
        fn.name: fn for fn in decode_unit_functions(compile_source(source, "test.js"))
    }


def ops(fn: DecodedFunction) -> list[Op]:
    return [ins.op for ins in fn.instructions]


def listing(fn: DecodedFunction) -> list[tuple[str, ...]]:
    """Instructions as tuples of the opcode name and operands, for readable asserts."""
    return [(ins.op.name, *map(str, ins.operands)) for ins in fn.instructions]


def contains(haystack: list[Op], needle: list[Op]) -> bool:
    """True if needle occurs as a contiguous run in haystack."""
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))
