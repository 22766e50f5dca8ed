"""What a core built with MVM_FULL_LANGUAGE=0 does not run, found in an image.

Such a core (vm_c/include/mvm_port_default.h) leaves out what Microvium's language leaves out
too: `==` and `!=`, `in`, `instanceof`, `delete`, for-in, for-of and array destructuring, spread
and rest, and `super`. Its validating restore refuses an image whose code has one of these
instructions (vm_c/src/verify.c in_lean_language, the same list: tests/mcu checks that they
agree); `mvc build --lean-language` finds them first and names the line of each.
"""
from __future__ import annotations

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
    Op.CALL_ARRAY: "a spread call (or a derived class's implicit constructor)",
    Op.SUPER_CALL: "`super(...)`",
    Op.FOR_IN_KEYS: "for-in",
    Op.OBJECT_SPREAD: "object spread",
    Op.GET_SUPER: "`super.x`",
}


def lean_language_uses(image: bytes) -> list[str]:
    """One line per source line (or function, when the image has no line tables) using what
    the lean language leaves out: 'FILE:LINE: what[, what]...'."""
    view = RomView(unpack_image(image).rom)
    uses: dict[str, list[Op]] = {}
    for offset, kind, _ in view.walk():
        if kind != TYPE_FUNCTION:
            continue
        fn = view.decode_function(offset)
        for ins in fn.instructions:
            if ins.op not in LEFT_OUT:
                continue
            lines = [line for pc, line in fn.lines if pc <= ins.pc]
            where = f"{fn.file}:{lines[-1]}" if fn.file and lines else f"function {fn.name}"
            ops = uses.setdefault(where, [])
            if ins.op not in ops:
                ops.append(ins.op)
    out = []
    for where, ops in uses.items():
        if Op.FOR_IN_KEYS in ops:  # a for-in steps through its keys and checks each with `in`
            ops = [op for op in ops if op not in (Op.ITER_NEXT, Op.IN)]
        out.append(f"{where}: {', '.join(LEFT_OUT[op] for op in ops)}: not in the language of "
                   "a core built with MVM_FULL_LANGUAGE=0")
    return out
