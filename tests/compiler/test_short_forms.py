"""Short forms (compiler/peephole.py): LOAD_CONST, GET_PROP and SET_PROP with a constant index
under 256 are written with a one-byte operand (LOAD_CONST8, GET_PROP8, SET_PROP8), the others
keep their two-byte one; both run the same, and the verifier bounds both."""

from __future__ import annotations

import io
import struct

import pytest

from compiler import compile_source
from compiler.disasm import RomView, decode_unit_functions
from compiler.opcodes import TYPE_FUNCTION, Op
from hostlib import VM, Host, VMError

# 300 distinct property names: constant indexes past 255 in one function.
NAMES = [f"p{i}" for i in range(300)]
SOURCE = (
    "export function run() {\n  const o = {};\n"
    + "".join(f"  o.{n} = '{n}';\n" for n in NAMES)
    + "  let s = '';\n"
    + "".join(f"  s = s + o.{n};\n" for n in NAMES)
    + "  return s;\n}\n"
)


def run_fn() -> object:
    fns = decode_unit_functions(compile_source(SOURCE, "t.js"))
    return next(fn for fn in fns if fn.name == "run")


def test_indexes_under_256_take_the_short_form_the_rest_the_long_one() -> None:
    fn = run_fn()
    forms: dict[Op, list[int]] = {}
    for ins in fn.instructions:
        forms.setdefault(ins.op, []).append(ins.operands[0] if ins.operands else -1)
    for short, long in ((Op.LOAD_CONST8, Op.LOAD_CONST), (Op.GET_PROP8, Op.GET_PROP),
                        (Op.SET_PROP8, Op.SET_PROP)):
        assert forms[short] and max(forms[short]) < 256, short
        assert forms[long] and min(forms[long]) >= 256, long
        assert all(ins.size == 2 for ins in fn.instructions if ins.op is short)


def test_both_forms_read_and_write_the_same_properties() -> None:
    with VM.from_unit(compile_source(SOURCE, "t.js"), Host(stdout=io.StringIO())) as vm:
        vm.run_main()
        assert vm.call("run") == "".join(NAMES)


@pytest.mark.parametrize("op", [Op.LOAD_CONST8, Op.GET_PROP8, Op.SET_PROP8])
def test_a_short_form_past_the_constants_is_refused(op: Op) -> None:
    """The first short-form instruction of a small function, its index set to the function's
    constant count: the verifier refuses the unit."""
    source = "export function f(o) { o.a = 'x'; return o.b; }"
    unit = bytearray(compile_source(source, "u.js"))
    rom_at = 28 + 8 * struct.unpack_from("<H", unit, 24)[0]
    view = RomView(bytes(unit[rom_at:]))
    at = next(at for at, kind, _ in view.walk()
              if kind == TYPE_FUNCTION and view.function_name(at) == "f")
    fn = view.decode_function(at)
    code_at = rom_at + at + 4 * struct.unpack_from("<H", unit, rom_at + at + 10)[0]
    ins = next(ins for ins in fn.instructions if ins.op is op)
    assert unit[code_at + ins.pc] == op and unit[code_at + ins.pc + 1] < len(fn.consts)
    with VM.from_unit(bytes(unit), Host(stdout=io.StringIO())) as vm:
        vm.run_main()
    unit[code_at + ins.pc + 1] = len(fn.consts)
    with pytest.raises(VMError, match="invalid bytecode unit"):
        VM.from_unit(bytes(unit), Host(stdout=io.StringIO()))
