"""What a core built with MVM_FULL_LANGUAGE=0 does not run, found in an image.

Such a core (vm_c/include/mvm_port_default.h) leaves out what Microvium's language leaves out
too: `==` and `!=`, `in`, `instanceof`, `delete`, for-in, for-of and array destructuring, spread
and rest, and `super`. Its validating restore refuses an image whose code has one of these
instructions (vm_c/src/internal.h VM_LEAN_LEFT_OUT, the same list: tests/mcu checks that they
agree); `mvc build --lean-language` finds them first and names the place of each: the line
from the image's line tables, the column from the source.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

from compiler.disasm import RomView, unpack_image
from compiler.opcodes import TYPE_FUNCTION, Op

LEFT_OUT: dict[Op, str] = {
    Op.EQ: "`==`",
    Op.NE: "`!=`",
    Op.IN: "`in`",
    Op.INSTANCEOF: "`instanceof`",
    Op.DELETE_ELEM: "`delete`",
    Op.REST: "a rest parameter",
    Op.ITER_NEXT: "for-of or array destructuring",
    Op.ITER_REST: "a rest element",
    Op.APPEND_SPREAD: "spread",
    Op.CALL_ARRAY: "a spread call",
    Op.SUPER_CALL: "`super(...)`",
    Op.FOR_IN_KEYS: "for-in",
    Op.OBJECT_SPREAD: "object spread",
    Op.GET_SUPER: "`super.x`",
}


def _binary(operator: str) -> Callable[[Any], bool]:
    return lambda n: n.type == "BinaryExpression" and n.operator == operator


def _derived_class(n: Any) -> bool:
    return n.type in ("ClassDeclaration", "ClassExpression") and n.superClass is not None


# The source constructs each instruction comes from, to give a use its column.
SOURCE: dict[Op, Callable[[Any], bool]] = {
    Op.EQ: _binary("=="),
    Op.NE: _binary("!="),
    Op.IN: _binary("in"),
    Op.INSTANCEOF: _binary("instanceof"),
    Op.DELETE_ELEM: lambda n: n.type == "UnaryExpression" and n.operator == "delete",
    Op.REST: lambda n: n.type == "RestElement",
    Op.ITER_NEXT: lambda n: n.type in ("ForOfStatement", "ArrayPattern"),
    Op.ITER_REST: lambda n: n.type == "RestElement",
    Op.APPEND_SPREAD: lambda n: n.type == "SpreadElement",
    Op.CALL_ARRAY: lambda n: n.type == "SpreadElement" or _derived_class(n),
    Op.SUPER_CALL: lambda n: n.type == "Super" or _derived_class(n),
    Op.FOR_IN_KEYS: lambda n: n.type == "ForInStatement",
    Op.OBJECT_SPREAD: lambda n: n.type in ("SpreadElement", "RestElement"),
    Op.GET_SUPER: lambda n: n.type == "Super",
}


def _nodes(node: Any) -> Iterator[Any]:
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, list):
            stack.extend(n)
        elif hasattr(n, "type"):
            if getattr(n, "loc", None) is not None:  # (esprima leaves some nodes without one)
                yield n
            stack.extend(v for k, v in vars(n).items() if k not in ("loc", "range") and
                         (isinstance(v, list) or hasattr(v, "type")))


def _nodes_by_line(path: str) -> dict[int, list[Any]]:
    """The source's AST nodes by the line they start on ({} when it cannot be read)."""
    from compiler import CompileError
    from compiler.parse import parse_module

    try:
        with open(path, encoding="utf-8") as f:
            tree = parse_module(f.read(), path)
    except (OSError, UnicodeDecodeError, CompileError):
        return {}
    by_line: dict[int, list[Any]] = {}
    for n in _nodes(tree):
        by_line.setdefault(n.loc.start.line, []).append(n)
    return by_line


def _column(on_line: list[Any], ops: list[Op]) -> tuple[int | None, bool]:
    """The 1-based column of the first of the nodes on_line (those starting on one line) that
    would make one of ops (None when there is none), and whether a class with `extends` starts
    there."""
    cols = [n.loc.start.column + 1 for n in on_line if any(SOURCE[op](n) for op in ops)]
    return (min(cols) if cols else None), any(_derived_class(n) for n in on_line)


# What a derived class's implicit constructor, constructor(...args) { super(...args); }, makes.
IMPLICIT_CONSTRUCTOR = (Op.REST, Op.APPEND_SPREAD, Op.CALL_ARRAY, Op.SUPER_CALL)


def lean_language_uses(image: bytes, entry: str | None = None) -> list[str]:
    """One line per source line (or function, when the image has no line tables) using what
    the lean language leaves out: 'FILE:LINE:COL: what[, what]...'. The column is read from
    the source (found next to entry, the program's main file) when it is there."""
    view = RomView(unpack_image(image).rom)
    uses: dict[tuple[str, int] | str, list[Op]] = {}
    for offset, kind, _ in view.walk():
        if kind != TYPE_FUNCTION:
            continue
        fn = view.decode_function(offset)
        for ins in fn.instructions:
            if ins.op not in LEFT_OUT:
                continue
            lines = [line for pc, line in fn.lines if pc <= ins.pc]
            where = (fn.file, lines[-1]) if fn.file and lines else f"function {fn.name}"
            ops = uses.setdefault(where, [])
            if ins.op not in ops:
                ops.append(ins.op)
    out = []
    sources: dict[str, dict[int, list[Any]]] = {}  # each source parsed once
    for where, ops in uses.items():
        if Op.FOR_IN_KEYS in ops:  # a for-in steps through its keys and checks each with `in`
            ops = [op for op in ops if op not in (Op.ITER_NEXT, Op.IN)]
        what = []
        if isinstance(where, tuple):
            file, line = where
            path = file if os.path.isabs(file) or not entry else os.path.join(
                os.path.dirname(os.path.abspath(entry)), file)
            try:
                if path not in sources:
                    sources[path] = _nodes_by_line(path)
                col, derived = _column(sources[path].get(line, []), ops)
            except Exception:  # noqa: BLE001 - the column is a courtesy: never fail on it
                col, derived = None, False
            if derived and any(op in IMPLICIT_CONSTRUCTOR for op in ops):
                ops = [op for op in ops if op not in IMPLICIT_CONSTRUCTOR]
                what.append("`extends`")
            where = f"{file}:{line}:{col}" if col else f"{file}:{line}"
        what += [LEFT_OUT[op] for op in ops]
        out.append(f"{where}: {', '.join(what)}: not in the language of a core built with "
                   "MVM_FULL_LANGUAGE=0")
    return out
