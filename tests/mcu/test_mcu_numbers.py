"""Numbers on the microcontroller port print and parse exactly as in Node.

ports/cortex_m uses the core's portable MVM_DTOA / MVM_STRTOD (vm_c/src/dtoa.c), not the C
library's printf/strtod, unless the firmware asks for snprintf's digits (MVM_DTOA_SNPRINTF=1);
both are run here. Here the C host tool vm_c/tools/mvm_unit_run.c is built natively with
that port, runs a `--target mcu` image that prints constants, arithmetic results, thousands of
pseudo-random doubles (literals, so the Python compiler fixes their bits), parseFloat/Number of
tricky and random decimal strings, and JSON round trips, and its output must equal Node's for
the same program. (tests/c/test_dtoa.c compares the two functions with the C library.)
"""
from __future__ import annotations

import os
import random
import shutil
import struct

import pytest

from hostlib.cli import main as mvc_main

from test_mcu import INCLUDES, MCU_PORT, STRICT, VM_C, core_sources, host_cc, run

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")

FIXED = r"""
const show = (...xs) => print(xs.map((x) => String(x)).join(" "));
export function fixed() {
  show(Math.PI, Math.sqrt(2), Math.E, Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON);
  show(1e-310, 0.1 + 0.2, 2 ** -24, 1e21, 1e-7, 123e-20, 1 / 3, 2 / 3, 4.35, 0.000001234);
  show(1.7976931348623157e+308, 5e-324, 2.2250738585072014e-308, 9007199254740993, 2 ** 53 + 2);
  show(562949953421312.25, 562949953421312.75, 4503599627370497.5, 1e23, 9.999999999999999e22);
  show(-1.5e300, -Number.MIN_VALUE, 2 ** 1023, 2 ** -1022, 2 ** -1074 * 3, 123456789.123456789);
  const tricky = ["1.2345678901234568e+29", "123456789012345678901234567890",
    "1.7976931348623158e308", "1.7976931348623159e308", "2.4703282292062327e-324",
    "2.4703282292062328e-324", "4.9e-324", "9007199254740993", "9007199254740995",
    "1.00000000000000011102230246251565404236316680908203125",
    "1.00000000000000011102230246251565404236316680908203125" + "0".repeat(900) + "1",
    "0." + "0".repeat(330) + "1e330", "1" + "0".repeat(400) + "e-400", "  -0.0e5  ",
    "2.2250738585072011e-308", "2.2250738585072012e-308", "1e-400", "1e400", ".5e-323",
    "3.141592653589793238462643383279", "0.1e1", "72057594037927945", "1e22", "1e23",
    "8.98846567431158e307", "6.631236846766476e-316", "0.30000000000000004", "5.9604644775390625e-8",
    "179769313486231580793728971405301e276", "1.797693134862315708145274237317043567981e308"];
  for (const s of tricky) {
    const v = parseFloat(s);
    const json = JSON.stringify([v, s]);
    show(v, Number(s) === v, json, JSON.parse(json)[0] === (v === v && v < Infinity ? v : null));
  }
  const values = [Math.PI, 0.1, 1e21, 5e-324, Number.MAX_VALUE, -0.5, 1e-7, 2 ** -24, 1 / 3];
  const text = JSON.stringify(values);
  print(text);
  print(JSON.stringify(JSON.parse(text)) === text, JSON.parse(text).every((v, i) => v === values[i]));
  show((0.1).toString(), `${2 ** 70}`, "" + 1e-6, 1e300 * 10, (123.456).toString());
}
"""


def random_doubles(rng: random.Random, n: int) -> list[float]:
    out = []
    while len(out) < n:
        kind = len(out) % 4
        if kind == 0:  # any bit pattern
            bits = rng.getrandbits(63)
        elif kind == 1:  # subnormal
            bits = rng.getrandbits(52)
        elif kind == 2:  # few mantissa bits: short shortest forms, ties
            bits = (rng.getrandbits(11) << 52) | (rng.getrandbits(6) << rng.randrange(47))
        else:  # a power of two and a neighbour
            bits = (rng.randrange(1, 0x7FF) << 52) + rng.choice((-1, 0, 1))
        x = struct.unpack("<d", bits.to_bytes(8, "little"))[0]
        if x == x and x not in (0.0, float("inf")):
            out.append(x)
    return out


def random_strings(rng: random.Random, n: int) -> list[str]:
    out = []
    for i in range(n):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 25)))
        if i % 3 == 0:
            point = rng.randint(0, len(digits))
            digits = digits[:point] + "." + digits[point:]
        out.append(f"{digits}e{rng.randint(-345, 330)}")
    return out


def program(rng: random.Random) -> str:
    parts = [FIXED]
    xs, ss = random_doubles(rng, 3000), random_strings(rng, 3000)
    for k in range(0, len(xs), 500):
        body = "".join(f"  p({x!r});\n" for x in xs[k:k + 500])
        parts.append(f"export function doubles{k // 500}() {{\n  const p = (x) => print(String(x), "
                     f"String(-x));\n{body}}}\n")
    for k in range(0, len(ss), 500):
        body = "".join(f"  q({s!r});\n" for s in ss[k:k + 500])
        parts.append(f"export function strings{k // 500}() {{\n  const q = (s) => print(String("
                     f"parseFloat(s)), String(Number('-' + s)));\n{body}}}\n")
    return "".join(parts)


def exports(text: str) -> list[str]:
    return [line.split()[2].split("(")[0] for line in text.splitlines()
            if line.startswith("export function ")]


# The port's own conversions (src/dtoa.c), and digits from the C library's snprintf
# (MVM_DTOA_SNPRINTF=1 with ports/host/mvm_port.c), which leaves mvm_portable_dtoa out.
NUMBER_TEXT = {
    "portable": [],
    "snprintf": ["-DMVM_DTOA_SNPRINTF=1", os.path.join(VM_C, "ports", "host", "mvm_port.c")],
}


@pytest.mark.parametrize("number_text", sorted(NUMBER_TEXT))
def test_mcu_port_prints_and_parses_numbers_as_node(tmp_path, number_text: str) -> None:
    cc = host_cc()
    runner = str(tmp_path / "unit_run_mcu")
    run([cc, *STRICT, "-O2", MCU_PORT, "-DMVM_INCLUDE_BUILD_API=1", "-DMVM_CONFIG_HEAP_LIMIT=1",
         *INCLUDES, *NUMBER_TEXT[number_text],
         os.path.join(VM_C, "tools", "mvm_unit_run.c"), *core_sources(), "-lm", "-o", runner],
        timeout=300)
    if number_text == "snprintf":  # the portable routines are not in the program
        symbols = run(["nm", runner]).stdout
        assert "mvm_portable_dtoa" not in symbols and "mvm_host_dtoa" in symbols
    text = program(random.Random(20261129))
    src = tmp_path / "numbers.js"
    src.write_text(text)
    image = str(tmp_path / "numbers.mvm-bc")
    assert mvc_main(["build", str(src), "--target", "mcu", "--max-heap", "1000000",
                     "-o", image]) == 0
    names = exports(text)
    calls = [a for name in names for a in ("--call", name)]
    ours = run([runner, image, "--restore-only", "--max-heap", "1000000", *calls],
               timeout=300).stdout
    node_src = tmp_path / "numbers.mjs"
    node_src.write_text(text)
    node = run(["node", "--input-type=module", "-e",
                "globalThis.print = (...a) => console.log(a.join(' '));\n"
                f"const m = await import({str(node_src)!r});\n"
                + "".join(f"m.{name}(); console.log('undefined');\n" for name in names)],
               timeout=300).stdout
    ours_lines, node_lines = ours.splitlines(), node.splitlines()
    wrong = [(i, o, n) for i, (o, n) in enumerate(zip(ours_lines, node_lines)) if o != n]
    assert not wrong and len(ours_lines) == len(node_lines), (
        f"{len(wrong)} lines differ, e.g. {wrong[:8]}; lengths {len(ours_lines)} "
        f"{len(node_lines)}")
    assert len(node_lines) > 6_000
    # The cases the old approximations got wrong, spelled out.
    first = ours_lines[0].split()
    assert first[:4] == ["3.141592653589793", "1.4142135623730951", "2.718281828459045",
                         "1.7976931348623157e+308"] and first[4] == "5e-324", first
    assert ours_lines[1].split()[0] == "1e-310", ours_lines[1]


BOARD_MAIN = r"""
#include <stdio.h>
#include "mvm.h"
#include "numbers_image.h"

static mvm_err_t host_print(mvm_vm_t* vm, uint16_t id, mvm_value_t* result, mvm_value_t* args,
                            uint8_t argc) {
  static char text[2048];
  (void)id;
  for (uint8_t i = 0; i < argc; i++) {
    mvm_value_t s;
    size_t len = 0;
    mvm_err_t err = mvm_to_string(vm, args[i], &s);
    if (err == MVM_E_OK) err = mvm_string_utf8(vm, s, text, sizeof text - 1, &len);
    if (err != MVM_E_OK) return err;
    text[len] = '\0';
    printf(i ? " %s" : "%s", text);
  }
  putchar('\n');
  *result = mvm_undefined();
  return MVM_E_OK;
}

static mvm_err_t resolve(uint16_t id, void* context, mvm_host_fn_t* out) {
  (void)context;
  if (id != 0xFF00) return MVM_E_UNRESOLVED_IMPORT;
  *out = host_print;
  return MVM_E_OK;
}

static const char* const names[] = {NAMES};

int main(void) {
  mvm_vm_t* vm = NULL;
  mvm_err_t err = mvm_restore(numbers_image, numbers_image_len, NULL, resolve, NULL, &vm);
  if (err != MVM_E_OK) {
    printf("restore failed: %d\n", (int)err);
    return 1;
  }
  for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) {
    mvm_value_t f, result;
    err = mvm_resolve_export_named(vm, names[i], strlen(names[i]), &f);
    if (err == MVM_E_OK) err = mvm_call(vm, f, NULL, 0, &result);
    if (err == MVM_E_UNCAUGHT_EXCEPTION) host_print(vm, 0, &f, &result, 1);
    if (err != MVM_E_OK) {
      printf("%s failed: %d\n", names[i], (int)err);
      return 1;
    }
  }
  mvm_free(vm);
  puts("numbers done");
  return 0;
}
"""


@pytest.mark.parametrize("number_text", sorted(NUMBER_TEXT))
def test_numbers_on_the_board_print_and_parse_as_node(tmp_path, number_text: str) -> None:
    """The same comparison on the emulated Cortex-M3 (soft-float doubles), with a smaller
    program: the core's own conversions, and newlib's snprintf digits (MVM_DTOA_SNPRINTF)."""
    from test_mcu import link_firmware, need, run_on_board

    need("arm-none-eabi-gcc", "qemu-system-arm")
    rng = random.Random(20261130)
    xs, ss = random_doubles(rng, 400), random_strings(rng, 200)
    text = (FIXED + "export function doubles() {\n  const p = (x) => print(String(x), String(-x));\n"
            + "".join(f"  p({x!r});\n" for x in xs) + "}\n"
            + "export function strings() {\n  const q = (s) => print(String(parseFloat(s)), "
              "String(Number('-' + s)));\n" + "".join(f"  q({s!r});\n" for s in ss) + "}\n")
    src = tmp_path / "numbers.js"
    src.write_text(text)
    assert mvc_main(["build", str(src), "--target", "mcu", "--emit-c",
                     "-o", str(tmp_path / "numbers_image.c")]) == 0
    names = exports(text)
    main = tmp_path / "board_main.c"
    main.write_text("#include <string.h>\n" + BOARD_MAIN.replace(
        "NAMES", ", ".join(f'"{n}"' for n in names)))
    options = NUMBER_TEXT[number_text]
    srcs = [str(main), str(tmp_path / "numbers_image.c"), *core_sources(),
            *[o for o in options if o.endswith(".c")]]
    # A 256 KB heap: the parsing of 900-digit strings allocates more than the port's 16 KB.
    defines = ("-DMVM_DEFAULT_MAX_HEAP=262144", *(o for o in options if o.startswith("-D")))
    elf = link_firmware(srcs, str(tmp_path), defines,
                        ("-I" + str(tmp_path),))
    if number_text == "snprintf":
        symbols = run(["arm-none-eabi-nm", elf]).stdout
        assert "mvm_portable_dtoa" not in symbols and "mvm_host_dtoa" in symbols
    ours = run_on_board(elf, timeout=300).splitlines()
    assert ours[-1] == "numbers done", ours[-5:]
    node_src = tmp_path / "numbers.mjs"
    node_src.write_text(text)
    node = run(["node", "--input-type=module", "-e",
                "globalThis.print = (...a) => console.log(a.join(' '));\n"
                f"const m = await import({str(node_src)!r});\n"
                + "".join(f"m.{name}();\n" for name in names)]).stdout.splitlines()
    wrong = [(i, o, n) for i, (o, n) in enumerate(zip(ours, node)) if o != n]
    if wrong or len(ours) != len(node) + 1:
        pytest.fail(f"{len(wrong)} lines differ (lengths {len(ours)}, {len(node)}):\n"
                    + "\n".join(f"{i}: ours {o!r}\n{i}: node {n!r}" for i, o, n in wrong[:8]))
    assert len(node) > 600
