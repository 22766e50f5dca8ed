"""The unit's byte layout (docs/internals.md 2, 3, 9), checked apart from disasm."""

from __future__ import annotations

import math
import struct

from unit_helpers import functions, listing

from compiler import compile_source
from compiler.disasm import decode_unit_functions, disasm, disasm_unit, string_bytes
from compiler.opcodes import (
    TYPE_CONSTS,
    TYPE_FLOAT64,
    TYPE_FUNCTION,
    TYPE_LINES,
    TYPE_STRING8,
    TYPE_STRING16,
    UNIT_VERSION,
    Op,
)

PROGRAM = """\
const greeting = "hello";
let count = 0;
function bump(by) {
  count += by;
  return count;
}
export function twice(x) {
  return bump(x) + bump(x);
}
export { greeting as hi };
print(greeting, twice(2), 1.5, "hello");
"""


def parse_unit(unit: bytes):
    magic, version, global_count, rom_len, entry, names, export_count, reserved = (
        struct.unpack_from("<8sHHIIIHH", unit, 0)
    )
    exports = [
        struct.unpack_from("<IHH", unit, 28 + 8 * i) for i in range(export_count)
    ]
    rom_start = 28 + 8 * export_count
    return {
        "magic": magic,
        "version": version,
        "global_count": global_count,
        "rom_len": rom_len,
        "entry": entry,
        "names": names,
        "reserved": reserved,
        "exports": exports,
        "rom_start": rom_start,
        "rom": unit[rom_start : rom_start + rom_len],
        "trailing": len(unit) - rom_start - rom_len,
    }


def walk(rom: bytes) -> dict[int, tuple[int, int]]:
    """offset -> (type, size) of every allocation, walking headers from offset 0."""
    allocs = {}
    offset = 0
    while offset < len(rom):
        (header,) = struct.unpack_from("<I", rom, offset)
        kind, size = header & 31, (header >> 5) & ~3
        assert size >= 8, f"bad size {size} at {offset}"
        # Header bits 5-6 count the padding after a FUNCTION's code or a string's units
        # (internals.md 2-3); 0 on anything else.
        assert kind in (TYPE_FUNCTION, TYPE_STRING8, TYPE_STRING16) or header & 0x60 == 0, (
            f"flag bits set at {offset}"
        )
        allocs[offset] = (kind, size)
        offset += size
    assert offset == len(rom), "allocations do not tile the ROM"
    return allocs


def rom_ref(value: int) -> int:
    assert value & 7 == 2, f"{value:#x} is not a ROM reference"
    return (value >> 1) & ~3


def string_at(rom: bytes, offset: int) -> str:
    (header,) = struct.unpack_from("<I", rom, offset)
    data = rom[offset + 4 : offset + 4 + string_bytes(header)]
    if header & 31 == TYPE_STRING8:
        return data.decode("latin-1")
    assert header & 31 == TYPE_STRING16
    return data.decode("utf-16-le", "surrogatepass")


def test_header_and_rom_tiling():
    unit = compile_source(PROGRAM, "prog.js")
    u = parse_unit(unit)
    assert u["magic"] == b"MVMUNIT\x00"
    assert u["version"] == UNIT_VERSION
    assert u["reserved"] == 0
    assert u["trailing"] == 0
    assert u["rom_start"] % 4 == 0
    allocs = walk(u["rom"])
    assert allocs[u["entry"]][0] == TYPE_FUNCTION
    kind, size = allocs[u["names"]]
    assert kind == TYPE_CONSTS
    count = (size - 4) // 4  # no count word: the values fill the CONSTS
    assert count == u["global_count"]
    names = [
        string_at(u["rom"], rom_ref(v))
        for v in struct.unpack_from(f"<{count}I", u["rom"], u["names"] + 4)
    ]
    # The prelude's globals come first (console only when the program mentions it).
    assert names[:1] == ["print"] and "console" not in names
    assert {"greeting", "count", "bump", "twice"} <= set(names)
    exports = {string_at(u["rom"], name): slot for name, slot, _ in u["exports"]}
    assert exports == {"twice": names.index("twice"), "hi": names.index("greeting")}


def test_function_layout():
    unit = compile_source(PROGRAM, "prog.js")
    u = parse_unit(unit)
    rom = u["rom"]
    decoded = {fn.offset: fn for fn in decode_unit_functions(unit)}
    for offset, (kind, size) in walk(rom).items():
        if kind != TYPE_FUNCTION:
            continue
        (header,) = struct.unpack_from("<I", rom, offset)
        nparams, flags, nlocals, length, max_stack, code_words = struct.unpack_from(
            "<BBBBHH", rom, offset + 4
        )
        nconsts = code_words - 3 - bool(flags & 16) - bool(flags & 32)
        assert length <= nparams  # JS length: the parameters before a default or rest
        assert flags & ~63 == 0
        # The constants, then a name word (flag 16) and a LINES word (flag 32): no word for
        # what a function does not have; the u16 at 10 is where the code starts, in words.
        nwords = nconsts + bool(flags & 16) + bool(flags & 32)
        words = struct.unpack_from(f"<{nwords}I", rom, offset + 12)
        code_at = 12 + 4 * nwords
        assert code_at == 4 * code_words
        assert list(words[:nconsts]) == decoded[offset].raw_consts
        extra = iter(words[nconsts:])
        if flags & 16:
            string_at(rom, rom_ref(next(extra)))
        if flags & 32:
            assert struct.unpack_from("<I", rom, next(extra))[0] & 31 == TYPE_LINES
        pad = (header >> 5) & 3  # no code length field: the header counts the padding
        code_len = size - code_at - pad
        assert code_len >= 1
        assert (code_at + code_len + 3) & ~3 == size  # padded to 4, no more
        assert rom[offset + code_at + code_len : offset + size] == bytes(pad)
        assert decoded[offset].code == rom[offset + code_at : offset + code_at + code_len]
        assert Op(rom[offset + code_at + code_len - 1]) in (Op.RETURN, Op.THROW)
    fns = functions(PROGRAM)
    assert fns["bump"].nparams == 1 and fns["twice"].nparams == 1
    assert fns["<entry>"].flags == 2 and fns["<module>"].flags == 2


def test_strings_are_deduplicated_and_sized():
    unit = compile_source(
        'const a = "x\u00e9"; const b = "x\u00e9"; const c = "\u4e2d"; '
        'const d = "\\ud800"; const e = ""; const f = "length";',
        "s.js",
    )
    u = parse_unit(unit)
    rom = u["rom"]
    seen: dict[str, int] = {}
    for offset, (kind, size) in walk(rom).items():
        if kind in (TYPE_STRING8, TYPE_STRING16):
            text = string_at(rom, offset)
            assert text not in seen, f"{text!r} stored twice"
            seen[text] = kind
            nbytes = string_bytes(struct.unpack_from("<I", rom, offset)[0])
            unit_size = 1 if kind == TYPE_STRING8 else 2
            assert nbytes == unit_size * len(text)
            assert size == max(8, (4 + nbytes + 3) & ~3)  # no spare room
    assert seen["x\u00e9"] == TYPE_STRING8  # Latin-1 fits in bytes
    assert seen["\u4e2d"] == TYPE_STRING16
    assert seen["\ud800"] == TYPE_STRING16  # a lone surrogate survives as one code unit
    # The VM's own strings (mvm_tables.h ENGINE_STRING) are referred to, never stored.
    assert "" not in seen and "length" not in seen


def test_astral_characters_are_two_code_units():
    unit = compile_source('const s = "\U0001f600";', "s.js")
    rom = parse_unit(unit)["rom"]
    lengths = [
        string_bytes(struct.unpack_from("<I", rom, offset)[0]) // 2
        for offset, (kind, _) in walk(rom).items()
        if kind == TYPE_STRING16
    ]
    assert lengths == [2]


def test_number_constants():
    fns = functions(
        "let a = 1, b = -128, c = 300, d = -40000, e = 1073741823, f = 1073741824,"
        " g = 1.5, h = -0, i = NaN, j = Infinity, k = 0x10, l = 2.0;"
    )
    body = listing(fns["<module>"])
    pushes = [ins for ins in body if ins[0] in ("PUSH_I8", "PUSH_I16", "LOAD_CONST")]
    consts = fns["<module>"].consts
    assert pushes[0] == ("PUSH_I8", "1")
    assert pushes[1] == ("PUSH_I8", "-128")
    assert pushes[2] == ("PUSH_I16", "300")
    assert consts[int(pushes[3][1])] == "-40000"
    assert consts[int(pushes[4][1])] == "1073741823"
    assert consts[int(pushes[5][1])] == "1073741824"  # beyond int31: a FLOAT64
    assert consts[int(pushes[6][1])] == "1.5"
    assert consts[int(pushes[7][1])] == "-0"
    assert consts[int(pushes[8][1])] == "NaN"
    assert consts[int(pushes[9][1])] == "Infinity"
    assert pushes[10] == ("PUSH_I8", "16")
    assert pushes[11] == ("PUSH_I8", "2")  # 2.0 is the int 2
    raw = fns["<module>"].raw_consts
    assert raw[int(pushes[3][1])] == ((-40000 << 1) | 1) & 0xFFFFFFFF  # int31 encoding


def test_float_constants_are_float64_allocations():
    unit = compile_source("const x = 2.5; const y = 2.5; const z = -0;", "f.js")
    rom = parse_unit(unit)["rom"]
    floats = [
        struct.unpack_from("<d", rom, offset + 4)[0]
        for offset, (kind, size) in walk(rom).items()
        if kind == TYPE_FLOAT64 and size == 12
    ]
    assert sorted(floats) == [-0.0, 2.5]
    assert any(math.copysign(1, f) < 0 for f in floats)


def test_line_table_maps_pcs_to_lines():
    fns = functions(PROGRAM)
    bump = fns["bump"]
    assert bump.file == "test.js"
    lines = dict(bump.lines)
    by_pc = {}
    current = None
    for ins in bump.instructions:
        current = lines.get(ins.pc, current)
        by_pc[ins.pc] = current
    first = bump.instructions[0]
    assert by_pc[first.pc] == 4  # count += by
    returns = [ins for ins in bump.instructions if ins.op is Op.RETURN]
    assert by_pc[returns[0].pc] == 5


def test_line_stream_has_whole_pairs():
    # A pc delta of 128 or more takes two LEB128 bytes, making a 3-byte pair: the
    # writer must still keep the padding whole (0, 0) pairs.
    long_line = "print(" + "1, " * 120 + "1);\n"
    for n in range(1, 6):
        source = "function f() {\n" + long_line * n + "print(2);\n}\n"
        unit = compile_source(source, "l.js")
        rom = parse_unit(unit)["rom"]
        for offset, (kind, size) in walk(rom).items():
            if kind == TYPE_LINES:
                stream = rom[offset + 12 : offset + size]
                assert len(stream) % 2 == 0


def test_disasm_round_trip_names_everything():
    unit = compile_source(PROGRAM, "prog.js")
    text = disasm(unit)
    assert text == disasm_unit(unit)
    for name in (
        "function bump",
        "function twice",
        "function <module>",
        "function <entry>",
    ):
        assert name in text
    assert '"hello"' in text
    assert "GET_PROP" not in text or "; " in text
    assert "LOAD_GLOBAL" in text and "; count" in text
    assert 'export "hi"' in text
    decoded = decode_unit_functions(unit)
    for fn in decoded:
        for ins in fn.instructions:
            assert ins.op.name in text


def test_entry_calls_every_module_body_in_order(tmp_path):
    (tmp_path / "a.js").write_text(
        "import { b } from './b.js'; export const a = b + 1;"
    )
    (tmp_path / "b.js").write_text("export const b = 1;")
    (tmp_path / "main.js").write_text("import { a } from './a'; print(a);")
    from compiler import compile_program

    unit = compile_program(str(tmp_path / "main.js"))
    fns = decode_unit_functions(unit)
    entry = next(fn for fn in fns if fn.name == "<entry>")
    called = [
        entry.consts[ins.operands[0]]
        for ins in entry.instructions
        if ins.op in (Op.LOAD_CONST, Op.LOAD_CONST8)
    ]
    bodies = {fn.offset: fn.file for fn in fns if fn.name == "<module>"}
    order = [bodies[int(c.rsplit("@", 1)[1].rstrip(">"))] for c in called]
    assert [name.rsplit("/", 1)[-1] for name in order] == [
        "<prelude>",
        "b.js",
        "a.js",
        "main.js",
    ]
