"""compiler/opcodes.py must match what tools/gen_opcodes.py makes from the C headers."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_generator():
    spec = importlib.util.spec_from_file_location(
        "gen_opcodes", ROOT / "tools" / "gen_opcodes.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_opcodes"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_generated_file_is_up_to_date():
    problem = load_generator().check()
    assert problem is None, problem


def test_generator_rejects_unknown_lines(tmp_path):
    gen = load_generator()
    bad = tmp_path / "ops.h"
    bad.write_text("FMT(NONE)\nOP(NOP, NONE, 0, 0)\nint surprise;\n")
    with pytest.raises(gen.HeaderError, match="unrecognised line"):
        gen.parse_opcodes(bad, gen.Tables())


def test_generator_rejects_unknown_format(tmp_path):
    gen = load_generator()
    bad = tmp_path / "ops.h"
    bad.write_text("FMT(WIDE)\n")
    with pytest.raises(gen.HeaderError, match="unknown operand format"):
        gen.parse_opcodes(bad, gen.Tables())


def test_generated_tables_match_the_header_order():
    from compiler.opcodes import OP_INFO, Op

    header = (ROOT / "vm_c" / "include" / "mvm_opcodes.h").read_text()
    names = [
        line.split("(")[1].split(",")[0]
        for line in header.splitlines()
        if line.startswith("OP(")
    ]
    assert [op.name for op in Op] == names
    assert OP_INFO[Op.CALL].pop == -1 and OP_INFO[Op.THROW_ERROR].size == 4
