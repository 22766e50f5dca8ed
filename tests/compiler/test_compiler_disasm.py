"""The disassembler: images (docs/internals.md 10) and robustness against bad input."""

from __future__ import annotations

import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compiler import compile_source
from compiler.disasm import (
    ImageParts,
    disasm,
    disasm_image,
    disasm_unit,
    pack_image,
    unpack_image,
)
from compiler.opcodes import (
    BYTECODE_VERSION,
    FEATURE_FLOAT64,
    FEATURE_PACKED_ROM,
    FEATURE_PROFILE_HOST,
    TYPE_FLOAT64,
    TYPE_OBJECT,
    TYPE_STRING8,
    TYPE_STRING16,
)

SOURCE = (
    "export function f(x) { return x + 1.5; }\nexport const s = 'hi';\nprint(f(1));\n"
)
IMAGE_MAGIC = b"MVM\x00"


def alloc(kind: int, body: bytes) -> bytes:
    size = max(8, (4 + len(body) + 3) & ~3)
    # A string's padding is counted in header bits 5-6 (it has no length field).
    pad = size - 4 - len(body) if kind in (TYPE_STRING8, TYPE_STRING16) else 0
    return struct.pack("<I", ((size | pad) << 5) | kind) + body + bytes(size - 4 - len(body))


def make_image(unit: bytes) -> bytes:
    """A plausible image around a unit's ROM: the shape mvm_snapshot writes."""
    _, _, global_count, rom_len, _, names, export_count, _ = struct.unpack_from(
        "<8sHHIIIHH", unit
    )
    rom = unit[28 + 8 * export_count : 28 + 8 * export_count + rom_len]
    heap = bytes(4)
    obj_at = len(heap)
    heap += alloc(TYPE_OBJECT, struct.pack("<II", (1 << 3) | 6, (0 << 3) | 6))
    str_at = len(heap)
    heap += alloc(TYPE_STRING8, b"abc")
    flt_at = len(heap)
    heap += alloc(TYPE_FLOAT64, struct.pack("<d", 2.5))
    globals_ = [str_at, flt_at] + [(3 << 1) | 1] * (global_count - 2)
    features = (
        (1 << FEATURE_FLOAT64) | (1 << FEATURE_PROFILE_HOST) | (1 << FEATURE_PACKED_ROM)
    )
    parts = ImageParts(
        BYTECODE_VERSION, features, 0, 0, rom, names, [0xFF00], [((7 << 1) | 1, obj_at)],
        globals_, heap,
    )
    image = pack_image(parts)
    assert unpack_image(image).heap == heap and unpack_image(image).rom == rom
    return image


UNIT = compile_source(SOURCE, "img.js")
IMAGE = make_image(UNIT)


def test_image_listing():
    text = disasm_image(IMAGE)
    assert "crc" in text and "ok" in text.splitlines()[1]
    assert "ROM" in text and "(packed)" in text
    assert "import 0: id 0xff00" in text
    assert "export 7 = heap@4(OBJECT)" in text
    assert "global 0 print = heap@" in text
    assert "1 FLOAT64, 1 OBJECT, 1 STRING8" in text
    assert '"abc"' in text and "2.5" in text
    assert "function f @" in text and "<entry>" in text
    assert disasm(IMAGE) == text


def test_crc_mismatch_is_reported_not_fatal():
    damaged = bytearray(IMAGE)
    damaged[-1] ^= 0xFF
    assert "MISMATCH" in disasm_image(bytes(damaged))


def test_unit_listing_shows_lines_and_targets():
    text = disasm_unit(
        compile_source("let i = 0;\nwhile (i < 3) {\n  i++;\n}\n", "w.js")
    )
    assert "L2" in text and "L3" in text
    assert "JUMP" in text and "; -> " in text


@pytest.mark.parametrize(
    "data", [b"", b"MVMUNIT", b"MVMUNIT\x00" + bytes(4), IMAGE[:40], b"junk" * 10]
)
def test_truncated_or_unknown_input_raises_value_error(data):
    with pytest.raises(ValueError):
        disasm(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_images_and_units_only_raise_value_error(data):
    original = data.draw(st.sampled_from([IMAGE, UNIT]))
    blob = bytearray(original)
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(blob) - 1))
        blob[position] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        blob = blob[: data.draw(st.integers(0, len(blob)))]
    try:
        disasm(bytes(blob))
    except ValueError:
        pass
