#!/usr/bin/env python3
"""Measures the C core's code size on a Cortex-M0 and writes benchmarks/results/mcu_size.*.

    python tools/mcu_size.py            print the table
    python tools/mcu_size.py --write    also write benchmarks/results/mcu_size.md and .txt

Method (the one benchmarks/../research used for Microvium's 12,169 bytes): the single-file
distribution (tools/amalgamate.py) is compiled as one object with
`arm-none-eabi-gcc -c -mcpu=cortex-m0 -mthumb -Os -fno-section-anchors -nostdlib`, warnings as
errors, and `arm-none-eabi-size` reads text/data/bss of the object (text includes rodata).
Configurations of our core:

  minimal      size-test, integer-only with wrapping int32 arithmetic (MVM_SUPPORT_FLOAT=0,
               MVM_INT32_OVERFLOW_CHECKS=0, as Microvium's minimal) and no C allocator
               (mvm_restore_into only)
  size-test    cortex_m port with the features of Microvium's size-test/microvium_port.h:
               float, int31->float overflow, no build API, no debug, safe mode off, and no
               builtins library beyond the core (MVM_LIB=0, MVM_ASYNC=0: Microvium has no
               Math, JSON, string or array methods, promises are not in its size-test port);
               bitwise CRC (MVM_CRC32_SMALL, as Microvium's port computes CRC-16 bitwise),
               no error locations (MVM_ERROR_LOCATION=0: Microvium's size-test has no debug
               capability), no instruction budget (the port's MVM_INSTRUCTION_BUDGET 0:
               Microvium's gas counter is off unless asked for), and images trusted past their header and CRC-32 (MVM_VERIFY_IMAGES=0:
               Microvium's size-test port leaves MVM_DONT_TRUST_BYTECODE off), the digits of
               printed numbers from the C library's snprintf (MVM_DTOA_SNPRINTF=1: Microvium
               formats numbers with the C library's snprintf, MVM_SNPRINTF), and the
               interpreter built for size (MVM_FAST_PATHS=0), and only images whose ROM is
               used in place (MVM_PACKED_ROM=0: Microvium's images are never packed; ours for
               the MCU are not either), and Microvium's language (MVM_FULL_LANGUAGE=0: no
               `==`, `in`, `instanceof`, `delete`, for-in, for-of, destructuring, spread,
               rest or `super`, none of which Microvium runs)
  size-test-verified  size-test validating every image at restore (our default)
  size-test-full-language  size-test with our whole language (MVM_FULL_LANGUAGE=1, the
               default): `==`, `in`, `instanceof`, `delete`, for-in, for-of, destructuring,
               spread, rest, `super`
  size-test-fast  size-test with the interpreter's inline fast paths (MVM_FAST_PATHS=1, the
               default): int31 and double arithmetic, comparisons and calls without a call
  size-test-messages  size-test with the core's error messages (MVM_ERROR_MESSAGES=1, the
               default; size-test leaves the sentences out: Microvium's faults are codes)
  size-test-packed-heap  size-test restoring packed heaps too (MVM_PACKED_HEAP=1, the default;
               size-test reads only heaps stored as they are, `--raw-heap`, as Microvium's are)
  size-test-own-numbers  size-test with the core's own exact digits (mvm_portable_dtoa), the
               cortex_m port's default: no printf linked at all
  size-test-nofloat  size-test with MVM_SUPPORT_FLOAT=0: the difference is what floats cost
  size-test-bytewise  size-test reading allocation fields byte by byte (MVM_ALIGNED_FIELDS=0)
  mcu-default  ports/cortex_m/mvm_port.h as shipped (safe mode on, every library family)
  full         default port: safe mode, build API (unit loading, snapshots), everything

Also measured: what each optional family adds to size-test (MVM_LIB_*, MVM_ASYNC), each
vm_c/src file alone, and the largest functions of the size-test object.

When Microvium's npm package is at ~/.cache/mvm-bench/npm/node_modules/microvium or
/tmp/peers/node_modules/microvium, its dist-c/microvium.c is measured the same way with its
size-test port (and its minimal and full variants); otherwise the research's figure is cited.
mcu_size.txt holds `ours: N` and `microvium: N` (.text of the size-test configurations), which
the benchmark suite reads.

Also measured (no toolchain needed): the image of each benchmark program
(benchmarks/programs/*.js) built as `mvc build --target mcu` builds it, against Microvium's image
of the same program from benchmarks/results/latest.json (the last benchmark run; not rerun).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "benchmarks", "results")
CC = "arm-none-eabi-gcc"
FLAGS = ["-c", "-mcpu=cortex-m0", "-mthumb", "-Os", "-fno-section-anchors", "-nostdlib"]
STRICT = ["-std=c99", "-Wall", "-Wextra", "-Wpedantic", "-Werror"]
MCU_PORT = ['-DMVM_PORT_HEADER="mvm_port_example.h"']
SIZE_TEST_BASE = MCU_PORT + ["-DMVM_SAFE_MODE=0", "-DMVM_LIB=0", "-DMVM_ASYNC=0",
                             "-DMVM_CRC32_SMALL=1", "-DMVM_ERROR_LOCATION=0"]
# What else matches Microvium's size-test port, each left out again by one variant below:
# - it trusts its bytecode (MVM_DONT_TRUST_BYTECODE off): size-test-verified validates;
# - it turns numbers into text with the C library's snprintf (MVM_SNPRINTF), outside its
#   object (ours: ports/host/mvm_port.c's snprintf): size-test-own-numbers has our digits;
# - its interpreter is built for size (ours: each operator through op_binary, each call
#   through frame_push): size-test-fast keeps the inline paths;
# - its images are used in place, never packed (ours for the MCU neither: no packed-ROM
#   expansion);
# - its language leaves out `==`, `in`, `instanceof`, `delete`, for-in, for-of,
#   destructuring, spread, rest and `super`: size-test-full-language has them;
# - its faults are MVM_E_* codes, with no text: size-test-messages has our sentences;
# - its images hold the heap as it is in RAM (ours with --raw-heap): size-test-packed-heap
#   unpacks packed heaps.
SIZE_TEST_CHOICES = {
    "size-test-verified": "-DMVM_VERIFY_IMAGES=0",
    "size-test-own-numbers": "-DMVM_DTOA_SNPRINTF=1",
    "size-test-fast": "-DMVM_FAST_PATHS=0",
    "size-test-full-language": "-DMVM_FULL_LANGUAGE=0",
    "size-test-messages": "-DMVM_ERROR_MESSAGES=0",
    "size-test-packed-heap": "-DMVM_PACKED_HEAP=0",
    "size-test-object-api": "-DMVM_API_OBJECTS=0",
}
SIZE_TEST = SIZE_TEST_BASE + list(SIZE_TEST_CHOICES.values()) + ["-DMVM_PACKED_ROM=0"]
OURS = {
    "minimal": SIZE_TEST + ["-DMVM_NO_MALLOC=1", "-DMVM_SUPPORT_FLOAT=0",
                            "-DMVM_INT32_OVERFLOW_CHECKS=0"],
    "size-test": SIZE_TEST,
    **{name: [o for o in SIZE_TEST if o != choice] for name, choice in SIZE_TEST_CHOICES.items()},
    "size-test-nofloat": SIZE_TEST + ["-DMVM_SUPPORT_FLOAT=0"],
    "size-test-bytewise": SIZE_TEST + ["-DMVM_ALIGNED_FIELDS=0"],
    "mcu-default": MCU_PORT,
    "full": ["-DMVM_SAFE_MODE=1", "-DMVM_INCLUDE_BUILD_API=1"],
}
# The optional families (mvm_port_default.h), each measured as size-test plus that family.
FAMILIES = {
    "MVM_LIB_MATH": "Math",
    "MVM_LIB_NUMBER": "Number, String(), parseInt, toFixed...",
    "MVM_LIB_STRING": "string methods",
    "MVM_LIB_ARRAY": "Array and array methods",
    "MVM_LIB_OBJECT": "Object.*, toString/valueOf methods",
    "MVM_LIB_JSON": "JSON",
    "MVM_LIB_BYTES": "Uint8Array methods",
    "MVM_ASYNC": "promises, async/await",
}
MICROVIUM_RESEARCH_TEXT = 12169  # /work/shared/research/microvium.md section 4b
MICROVIUM_PLACES = [
    os.path.expanduser("~/.cache/mvm-bench/npm/node_modules/microvium"),
    "/tmp/peers/node_modules/microvium",
]
MICROVIUM_SIZE_TEST = """
#undef MVM_NATIVE_POINTER_IS_16_BIT
#define MVM_NATIVE_POINTER_IS_16_BIT 0
#undef MVM_SAFE_MODE
#define MVM_SAFE_MODE 0
#undef MVM_DONT_TRUST_BYTECODE
#define MVM_DONT_TRUST_BYTECODE 0
#undef MVM_VERY_EXPENSIVE_MEMORY_CHECKS
#define MVM_VERY_EXPENSIVE_MEMORY_CHECKS 0
#undef MVM_INCLUDE_SNAPSHOT_CAPABILITY
#define MVM_INCLUDE_SNAPSHOT_CAPABILITY 0
#undef MVM_INCLUDE_DEBUG_CAPABILITY
#define MVM_INCLUDE_DEBUG_CAPABILITY 0
extern void fatalError(void* vm, int e);
#undef MVM_FATAL_ERROR
#define MVM_FATAL_ERROR(vm, e) fatalError(vm, e)
#undef MVM_USE_SINGLE_RAM_PAGE
#define MVM_USE_SINGLE_RAM_PAGE 1
#undef MVM_RAM_PAGE_ADDR
#define MVM_RAM_PAGE_ADDR 0x20000000
"""
MICROVIUM = {
    "minimal": MICROVIUM_SIZE_TEST + """
#undef MVM_SUPPORT_FLOAT
#define MVM_SUPPORT_FLOAT 0
#undef MVM_PORT_INT32_OVERFLOW_CHECKS
#define MVM_PORT_INT32_OVERFLOW_CHECKS 0
""",
    "size-test": MICROVIUM_SIZE_TEST + """
#undef MVM_SUPPORT_FLOAT
#define MVM_SUPPORT_FLOAT 1
#undef MVM_PORT_INT32_OVERFLOW_CHECKS
#define MVM_PORT_INT32_OVERFLOW_CHECKS 1
""",
    "full": "",  # the example port as shipped: safe mode, snapshot and debug capability
}


def have_toolchain() -> bool:
    return shutil.which(CC) is not None and shutil.which("arm-none-eabi-size") is not None


def size_of(obj: str) -> tuple[int, int, int]:
    out = subprocess.run(["arm-none-eabi-size", obj], capture_output=True, text=True, check=True)
    text, data, bss = out.stdout.splitlines()[1].split()[:3]
    return int(text), int(data), int(bss)


def measure_ours(work: str) -> dict[str, tuple[int, int, int]]:
    """Compiles dist/ (generated into work) in each configuration; raises on any warning."""
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "amalgamate.py"), "--out", work],
                   check=True, capture_output=True)
    from concurrent.futures import ThreadPoolExecutor

    def build(name: str) -> tuple[int, int, int]:
        obj = os.path.join(work, f"ours-{name}.o")
        subprocess.run([CC, *FLAGS, *STRICT, *OURS[name], "-I", work,
                        os.path.join(work, "mvm.c"), "-o", obj],
                       check=True, capture_output=True, text=True)
        return size_of(obj)

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        results = {name: pool.submit(build, name) for name in OURS}
        return {name: f.result() for name, f in results.items()}


def measure_families(work: str) -> list[tuple[str, str, int]]:
    """What each optional family adds to the size-test object (dist/ already in work)."""
    from concurrent.futures import ThreadPoolExecutor

    def build(option: str | None) -> int:
        obj = os.path.join(work, f"family-{option}.o")
        base = [o for o in SIZE_TEST if not option or not o.startswith(f"-D{option}=")]
        extra = [f"-D{option}=1"] if option else []
        subprocess.run([CC, *FLAGS, *STRICT, *base, *extra, "-I", work,
                        os.path.join(work, "mvm.c"), "-o", obj],
                       check=True, capture_output=True, text=True)
        return size_of(obj)[0]

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        base = pool.submit(build, None)
        sizes = {opt: pool.submit(build, opt) for opt in FAMILIES}
        b = base.result()
        return [(opt, what, sizes[opt].result() - b) for opt, what in FAMILIES.items()]


def largest_functions(work: str, n: int = 12) -> list[tuple[str, int]]:
    """The n largest symbols of the size-test object (measure_ours wrote it)."""
    out = subprocess.run(["arm-none-eabi-nm", "--size-sort", "-S",
                          os.path.join(work, "ours-size-test.o")],
                         capture_output=True, text=True, check=True).stdout
    syms = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4:
            syms.append((parts[3], int(parts[1], 16)))
    return sorted(syms, key=lambda kv: -kv[1])[:n]


def measure_files() -> list[tuple[str, int, int]]:
    """.text of each vm_c/src file alone (size-test, mcu-default), largest size-test first."""
    from concurrent.futures import ThreadPoolExecutor

    src = os.path.join(ROOT, "vm_c", "src")
    files = sorted(f for f in os.listdir(src) if f.endswith(".c"))

    port = '-DMVM_PORT_HEADER="ports/cortex_m/mvm_port.h"'

    def build(job: tuple[str, tuple[str, ...]]) -> int:
        f, options = job
        with tempfile.TemporaryDirectory() as work:
            obj = os.path.join(work, "x.o")
            subprocess.run([CC, *FLAGS, *STRICT, port, *options,
                            "-I", os.path.join(ROOT, "vm_c", "include"),
                            "-I", os.path.join(ROOT, "vm_c"), os.path.join(src, f), "-o", obj],
                           check=True, capture_output=True, text=True)
            return size_of(obj)[0]

    size_test = tuple(o for o in SIZE_TEST if o not in MCU_PORT)
    jobs = [(f, size_test) for f in files] + [(f, ()) for f in files]
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        sizes = list(pool.map(build, jobs))
    rows = [(f, sizes[i], sizes[len(files) + i]) for i, f in enumerate(files)]
    return sorted(rows, key=lambda r: (-r[1], -r[2]))


def find_microvium() -> str | None:
    for place in MICROVIUM_PLACES:
        if os.path.isfile(os.path.join(place, "dist-c", "microvium.c")):
            return place
    return None


def measure_microvium(work: str, place: str) -> dict[str, tuple[int, int, int]]:
    sizes = {}
    dist = os.path.join(place, "dist-c")
    for name, overrides in MICROVIUM.items():
        port_dir = os.path.join(work, f"mv-{name}")
        os.makedirs(port_dir, exist_ok=True)
        with open(os.path.join(port_dir, "microvium_port.h"), "w") as f:
            f.write(f'#include "{os.path.join(dist, "microvium_port_example.h")}"\n{overrides}')
        obj = os.path.join(work, f"microvium-{name}.o")
        subprocess.run([CC, *FLAGS, "-I", port_dir, "-I", dist,
                        os.path.join(dist, "microvium.c"), "-o", obj],
                       check=True, capture_output=True, text=True)
        sizes[name] = size_of(obj)
    return sizes


def measure_program_cores(work: str) -> list[tuple[str, int, int, list[str]]]:
    """(program, Cortex-M0 .text, the same with the size-test choices, the options its header
    turns on) of the core each benchmark program's `--core-config` header makes, over the
    cortex_m port as shipped (dist/ already in work)."""
    import glob
    from concurrent.futures import ThreadPoolExecutor

    sys.path.insert(0, ROOT)
    from hostlib.cli import MCU_DEFAULT_MAX_HEAP, build_image, device_host, retarget_image
    from hostlib.core_config import core_config_header

    headers = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "benchmarks", "programs", "*.js"))):
        name = os.path.splitext(os.path.basename(path))[0]
        image = retarget_image(build_image(path, host=device_host(),
                                           max_heap=MCU_DEFAULT_MAX_HEAP, strip=True), "mcu")
        header = os.path.join(work, f"{name}_core.h")
        text = core_config_header(image, path, header)
        with open(header, "w", encoding="utf-8") as f:
            f.write(text)
        headers[name] = [o for o in re.findall(r"#define (MVM_\w+) 1\b", text)
                         if not o.startswith(("MVM_OP_USED_", "MVM_OPS_SELECTED"))]

    size_test = [o for o in SIZE_TEST if o not in MCU_PORT]

    def build(name: str, flags: list[str]) -> int:
        obj = os.path.join(work, f"core-{name}-{len(flags)}.o")
        subprocess.run([CC, *FLAGS, *STRICT, f'-DMVM_PORT_HEADER="{name}_core.h"', *flags,
                        "-I", work, os.path.join(work, "mvm.c"), "-o", obj],
                       check=True, capture_output=True, text=True)
        return size_of(obj)[0]

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        sizes = {name: (pool.submit(build, name, []), pool.submit(build, name, size_test))
                 for name in headers}
        return [(name, sizes[name][0].result(), sizes[name][1].result(), headers[name])
                for name in headers]


def program_cores_report(rows: list[tuple[str, int, int, list[str]]], shipped: int,
                         microvium: dict | None) -> list[str]:
    mv_full = microvium["full"][0] if microvium else None
    mv_size_test = microvium["size-test"][0] if microvium else MICROVIUM_RESEARCH_TEXT
    lines = [
        "## A core for each program",
        "",
        "`mvc build --target mcu --core-config NAME_core.h` writes a port header that compiles "
        "only the parts of the core the image can reach: the library families whose globals "
        "or method names it holds, promises, the full language, the unpackers, the error "
        "locations "
        "(hostlib/core_config.py, docs/embedding.md). Each benchmark program's core, the "
        "cortex_m port as shipped otherwise (safe mode, validating restore, the whole messages, "
        "the fast interpreter), against that port with everything (mcu-default, "
        f"{shipped:,} bytes)" + (f" and Microvium's full build ({mv_full:,})" if mv_full else "")
        + ". The header also gives the interpreter only the instructions the image's code uses "
        "(`MVM_OPS_SELECTED`): the other handlers, and what only they call, are left out. "
        "The last column is the same core with the size-test choices above, against "
        f"Microvium's size-test core ({mv_size_test:,} bytes, which has all of its "
        "instructions): not the size-test target, which is for a core that runs any image. "
        "tests/mcu/test_core_config.py runs each program on its core.",
        "",
        "| program | .text | of mcu-default | " + ("of Microvium full | " if mv_full else "")
        + "options its header turns on | with the size-test choices | of Microvium size-test |",
        "|---|---|---|" + ("---|" if mv_full else "") + "---|---|---|",
    ]
    for name, text, small, options in rows:
        lines.append(f"| {name} | {text:,} | {text / shipped:.2f}x | "
                     + (f"{text / mv_full:.2f}x | " if mv_full else "")
                     + (", ".join(f"`{o}`" for o in options) or "none")
                     + f" | {small:,} | {small / mv_size_test:.2f}x |")
    lines.append("")
    return lines


def measure_images() -> list[tuple[str, int, int, int, int | None]]:
    """(program, MCU image bytes as `mvc build --target mcu` writes it (no line tables), the same
    with line tables (--no-strip), with the heap as it is (--raw-heap), Microvium's image bytes
    or None) for each
    benchmarks/programs/*.js, built as `mvc build --target mcu` does (device imports, the MCU
    default heap limit)."""
    import glob
    import json

    sys.path.insert(0, ROOT)
    from hostlib.cli import MCU_DEFAULT_MAX_HEAP, build_image, device_host, retarget_image

    try:
        with open(os.path.join(RESULTS, "latest.json"), encoding="utf-8") as f:
            cells = json.load(f).get("cells", {})
    except (OSError, ValueError):
        cells = {}
    rows = []
    for path in sorted(glob.glob(os.path.join(ROOT, "benchmarks", "programs", "*.js"))):
        name = os.path.splitext(os.path.basename(path))[0]
        images = {strip: build_image(path, host=device_host(), max_heap=MCU_DEFAULT_MAX_HEAP,
                                     strip=strip) for strip in (True, False)}
        sizes = [len(retarget_image(images[True], "mcu")),
                 len(retarget_image(images[False], "mcu")),
                 len(retarget_image(images[True], "mcu", raw_heap=True))]
        mv = cells.get(name, {}).get("microvium", {}).get("image_bytes")
        rows.append((name, *sizes, mv if isinstance(mv, int) else None))
    return rows


def images_report(rows: list[tuple[str, int, int, int, int | None]]) -> list[str]:
    lines = [
        "## MCU images of the benchmark programs",
        "",
        "Each `benchmarks/programs/*.js` built with `mvc build --target mcu` (the ROM unpacked, "
        "used in place from flash; no line tables, the MCU default, as Microvium's images carry "
        "no debug information), and with `--no-strip` (line tables kept: run-time errors report "
        "file:line), against Microvium's image of the same program "
        "(benchmarks/results/latest.json, the last benchmark run). The texts the VM itself uses "
        "(\"length\", \"prototype\"...) are in the core's read-only data, in no image "
        "(docs/internals.md section 1). Host images (packed ROM) are in "
        "benchmarks/results/latest.md. With `--raw-heap` the heap is stored as it is in RAM, "
        "as the size-test core (`MVM_PACKED_HEAP=0`) reads it; only a program that leaves "
        "something in the heap at build time has a larger image then.",
        "",
        "| program | MCU image ours | with line tables | with `--raw-heap` | Microvium | ratio "
        "| ratio with line tables | ratio with `--raw-heap` |",
        "|---|---|---|---|---|---|---|---|",
    ]
    tot = tot_lines = tot_raw = tot_mv = 0
    for name, size, with_lines, raw, mv in rows:
        ratio, ratio_l, ratio_r = (f"{n / mv:.2f}x" if mv else "-" for n in (size, with_lines, raw))
        lines.append(f"| {name} | {size:,} B | {with_lines:,} B | {raw:,} B | "
                     f"{f'{mv:,} B' if mv else '-'} | {ratio} | {ratio_l} | {ratio_r} |")
        tot += size
        tot_lines += with_lines
        tot_raw += raw
        tot_mv += mv or 0
    if tot_mv and all(row[-1] for row in rows):
        lines.append(f"| **total ({len(rows)} programs)** | **{tot:,} B** | {tot_lines:,} B | "
                     f"{tot_raw:,} B | **{tot_mv:,} B** | **{tot / tot_mv:.2f}x** | "
                     f"{tot_lines / tot_mv:.2f}x | {tot_raw / tot_mv:.2f}x |")
        verdict = "met in total" if tot <= tot_mv else "missed"
        each = sum(1 for row in rows if row[1] <= (row[-1] or 0))
        lines += ["", f"Target: MCU images of the benchmark programs no larger than Microvium's. "
                      f"Ours: {tot:,} bytes against {tot_mv:,} ({tot / tot_mv:.2f}x): {verdict}; "
                      f"{each} of the {len(rows)} programs are no larger one by one."]
    lines.append("")
    return lines


def report(ours: dict, microvium: dict | None, place: str | None,
           files: list[tuple[str, int, int]] | None = None,
           families: list[tuple[str, str, int]] | None = None,
           functions: list[tuple[str, int]] | None = None,
           images: list[tuple[str, int, int, int | None]] | None = None,
           cores: list[tuple[str, int, int, list[str]]] | None = None) -> tuple[str, str]:
    lines = [
        "# Core code size on Cortex-M0 (`-Os`)",
        "",
        "Generated by `python tools/mcu_size.py --write` (arm-none-eabi-gcc "
        + subprocess.run([CC, "-dumpversion"], capture_output=True, text=True).stdout.strip()
        + "). One object from the single-file distribution, compiled with "
        "`-c -mcpu=cortex-m0 -mthumb -Os -fno-section-anchors -nostdlib` and "
        "`-std=c99 -Wall -Wextra -Wpedantic -Werror`; `arm-none-eabi-size` of the object "
        "(text includes read-only data). The same method as the Microvium figures. In that "
        "file only the API (`mvm_*`) has external linkage, as in Microvium's: the functions the "
        "core's files share are static there (tools/amalgamate.py), so the compiler drops what "
        "a configuration leaves unused and inlines what it calls once.",
        "",
        "| configuration | ours text / data / bss | Microvium 8.0 text / data / bss |",
        "|---|---|---|",
    ]
    rows = [("minimal", "minimal"), ("size-test", "size-test"), ("size-test-verified", None),
            ("size-test-full-language", None), ("size-test-fast", None),
            ("size-test-messages", None), ("size-test-packed-heap", None),
            ("size-test-object-api", None), ("size-test-own-numbers", None),
            ("size-test-nofloat", None), ("size-test-bytewise", None), ("mcu-default", None),
            ("full", "full")]
    for ours_name, mv_name in rows:
        o = "{:,} / {} / {}".format(*ours[ours_name])
        if mv_name and microvium:
            m = "{:,} / {} / {}".format(*microvium[mv_name])
        elif mv_name == "size-test":
            m = f"{MICROVIUM_RESEARCH_TEXT:,} / 0 / 0 (research, section 4b)"
        else:
            m = "-"
        lines.append(f"| {ours_name} | {o} | {m} |")
    mv_text = microvium["size-test"][0] if microvium else MICROVIUM_RESEARCH_TEXT
    lines += [
        "",
        "Configurations. Ours: *size-test* = cortex_m port with the features of Microvium's "
        "size-test port: float, int31 overflow to float, no build API, no debug, safe mode "
        "off, and no builtins library beyond the core (`-DMVM_LIB=0 -DMVM_ASYNC=0`: no "
        "Math, JSON, Number/String/Array/Object functions and methods, Uint8Array methods, "
        "promises; `push`, `vmImport`/`vmExport` and the Error constructors stay), bitwise "
        "CRC (`MVM_CRC32_SMALL=1`), no error locations (`MVM_ERROR_LOCATION=0`), no instruction "
        "budget (the port's `MVM_INSTRUCTION_BUDGET` 0, as Microvium's gas counter is off "
        "unless asked for), and images trusted past their header and CRC-32 "
        "(`MVM_VERIFY_IMAGES=0`, as Microvium's size-test port leaves `MVM_DONT_TRUST_BYTECODE` "
        "off), and the digits of printed numbers from the C library's snprintf "
        "(`MVM_DTOA_SNPRINTF=1`, ports/host/mvm_port.c, checked by the core's exact reader, as "
        "Microvium formats numbers with its port's `MVM_SNPRINTF`; snprintf is in neither "
        "object), and the interpreter built for size (`MVM_FAST_PATHS=0`: each operator "
        "through `op_binary`/`op_unary` and each call through `frame_push`, with no inline "
        "int31, double or call paths, two int31s' arithmetic and comparisons still without "
        "a double; the same results, at 1.0x to 4.0x the instructions of the fast build on "
        "the emulated Cortex-M0 and 0.27x to 0.69x Microvium's: benchmarks/results/mcu_ram.md, "
        "docs/embedding.md `MVM_FAST_PATHS`), and only images whose ROM is used in place "
        "(`MVM_PACKED_ROM=0`: an image with a packed ROM, which only host builds write, is "
        "refused with `MVM_E_IMAGE_FEATURE`; Microvium has no packed images), and the part "
        "of the language Microvium's also has (`MVM_FULL_LANGUAGE=0`: no `==`/`!=`, `in`, "
        "`instanceof`, `delete`, for-in, for-of, array destructuring, spread, rest or `super`, "
        "none of which Microvium 8.0 runs (shared/research/microvium.md section 2); a validating "
        "restore refuses an image using them, a trusting core throws a catchable TypeError; "
        "every benchmark program runs on it, tests/mcu), and terse errors "
        "(`MVM_ERROR_MESSAGES=0`: an error the core raises keeps its class and names only "
        "its key or value, `e.message` is `x` where the default says `Cannot read properties "
        "of null (reading 'x')`; Microvium's engine reports its faults as `MVM_E_*` codes, "
        "with no text), and images whose heap is empty or stored as it is in RAM "
        "(`MVM_PACKED_HEAP=0`, `mvc build --target mcu --raw-heap`; Microvium's images hold "
        "their heap as it is: the image table below has both forms), with no unpacker, "
        "and no object access from C (`MVM_API_OBJECTS=0`: no `mvm_get`, `mvm_set`, "
        "`mvm_new_object`, `mvm_new_array`, `mvm_array_length` or `mvm_own_keys`; Microvium's "
        "API has none: its host passes and gets numbers, strings and byte arrays); "
        "*size-test-messages* = size-test with the core's whole messages (the default), "
        f"{ours['size-test-messages'][0] - ours['size-test'][0]:,} bytes more; "
        "*size-test-packed-heap* = size-test unpacking packed heaps (the default), "
        f"{ours['size-test-packed-heap'][0] - ours['size-test'][0]:,} bytes more; "
        "*size-test-object-api* = size-test with the API's object and array functions (the "
        f"default), {ours['size-test-object-api'][0] - ours['size-test'][0]:,} bytes more; "
        "*size-test-full-language* = size-test "
        "with our whole language (the default), "
        f"{ours['size-test-full-language'][0] - ours['size-test'][0]:,} bytes more; "
        "*size-test-fast* = size-test with those fast paths (the default), "
        f"{ours['size-test-fast'][0] - ours['size-test'][0]:,} bytes more; "
        "*size-test-own-numbers* = size-test with the core's own exact digits "
        "(`mvm_portable_dtoa`, the cortex_m port's default, no printf linked), "
        f"{ours['size-test-own-numbers'][0] - ours['size-test'][0]:,} bytes more; "
        "*size-test-verified* = size-test validating every image at restore (our "
        "default: every allocation, value and function checked, docs/security.md), "
        f"{ours['size-test-verified'][0] - ours['size-test'][0]:,} bytes more; *minimal* = "
        "size-test without floats, with wrapping int32 arithmetic (`MVM_SUPPORT_FLOAT=0`, "
        "`MVM_INT32_OVERFLOW_CHECKS=0`) and without a C allocator "
        "(`MVM_NO_MALLOC`, `mvm_restore_into` only); *size-test-nofloat* = size-test with "
        "`MVM_SUPPORT_FLOAT=0`; *size-test-bytewise* = size-test reading the fields of "
        "allocations byte by byte (`MVM_ALIGNED_FIELDS=0`, the default port's choice: any "
        "image alignment; the cortex_m port reads them with aligned loads), "
        f"{ours['size-test-bytewise'][0] - ours['size-test'][0]:,} bytes more; *mcu-default* = "
        "`ports/cortex_m/mvm_port.h` as shipped (safe mode on, every library family); "
        "*full* = default port (safe mode, unit loading and snapshots, everything). "
        "Microvium: *size-test* = its `size-test/microvium_port.h`; *minimal* = the same "
        "with float and int32 overflow checks off; *full* = its example port as shipped.",
        "",
        "Our minimal build is integer-only (`MVM_SUPPORT_FLOAT=0`, docs/embedding.md: numbers "
        "are int32s, an operation with no integer result throws a catchable RangeError, images "
        "holding a non-int32 float are refused) with wrapping int32 arithmetic "
        "(`MVM_INT32_OVERFLOW_CHECKS=0`), as Microvium's minimal is. Size-test and "
        "size-test-nofloat differ by "
        f"{ours['size-test'][0] - ours['size-test-nofloat'][0]:,} bytes: the float build's "
        "number reading and printing weigh about what the integer-only build's int32 range "
        "checks and boxed int32s do; a float build also links soft-float routines "
        "from libgcc (`__aeabi_dadd` and friends: not in these objects, which are "
        "compiled with `-nostdlib` and not linked, for either VM). "
        "The cortex_m port lets `-Os` choose what to inline "
        "(`MVM_FORCE_INLINE=0`), about 3.5 KB less than always inlining the interpreter's "
        "helpers (the host port's choice).",
        "",
        f"Target: size-test .text at most {MICROVIUM_RESEARCH_TEXT:,} bytes. "
        f"Ours: {ours['size-test'][0]:,} bytes "
        f"({ours['size-test'][0] / mv_text:.2f}x Microvium's {mv_text:,}): "
        + ("met." if ours["size-test"][0] <= MICROVIUM_RESEARCH_TEXT else "missed."),
        "",
    ]
    if place:
        lines.append(f"Microvium measured from `{place}/dist-c/microvium.c`.")
        lines.append("")
    if families:
        lines += [
            "What each optional family adds to size-test (`-D<option>=1`; "
            "`include/mvm_port_default.h`):",
            "",
            "| option | what | .text added |",
            "|---|---|---|",
        ]
        lines += [f"| `{opt}` | {what} | {size:+,} |" for opt, what, size in families]
        lines.append("")
    if files:
        lines += [
            "Where the bytes are: each `vm_c/src` file compiled alone, in the size-test "
            "configuration and as the cortex_m port ships (the sum is larger than the single "
            "object because shared inline helpers are duplicated):",
            "",
            "| file | size-test .text | mcu-default .text |",
            "|---|---|---|",
        ]
        lines += [f"| {name} | {a:,} | {b:,} |" for name, a, b in files]
        lines.append("")
    if functions:
        lines += [
            "The largest functions of the size-test object (`vm_call` is the interpreter loop "
            "`run` inlined into its one caller, `restore` the image restore with what it alone "
            "calls inlined; `.constprop` marks a copy GCC specialised for constant arguments):",
            "",
            "| function | bytes |",
            "|---|---|",
        ]
        lines += [f"| {name} | {size:,} |" for name, size in functions]
        lines.append("")
    if images:
        lines += images_report(images)
    if cores:
        lines += program_cores_report(cores, ours["mcu-default"][0], microvium)
    txt = f"ours: {ours['size-test'][0]}\nmicrovium: {mv_text}\n"
    return "\n".join(lines), txt


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write benchmarks/results/mcu_size.*")
    ap.add_argument("--images", action="store_true",
                    help="only print the MCU image table of the benchmark programs")
    ap.add_argument("--quick", action="store_true",
                    help="only the configurations against Microvium's (what CI prints): not "
                         "the families, files, functions, images or per-program cores")
    args = ap.parse_args(argv)
    if args.quick and args.write:
        ap.error("--write needs the whole report")
    if args.images:
        sys.stdout.write("\n".join(images_report(measure_images())) + "\n")
        return 0
    if not have_toolchain():
        sys.stderr.write("mcu_size: arm-none-eabi-gcc not installed "
                         "(apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi)\n")
        return 2
    with tempfile.TemporaryDirectory() as work:
        try:
            ours = measure_ours(work)
            families = None if args.quick else measure_families(work)
            functions = None if args.quick else largest_functions(work)
            cores = None if args.quick else measure_program_cores(work)
        except subprocess.CalledProcessError as e:
            sys.stderr.write(f"mcu_size: our core does not compile cleanly:\n{e.stderr}\n")
            return 1
        place = find_microvium()
        microvium = None
        if place:
            try:
                microvium = measure_microvium(work, place)
            except subprocess.CalledProcessError as e:
                sys.stderr.write(f"mcu_size: Microvium did not compile ({e.stderr[:300]}); "
                                 "citing the research figure\n")
                place = None
    files = None
    if not args.quick:
        try:
            files = measure_files()
        except subprocess.CalledProcessError:
            pass
    md, txt = report(ours, microvium, place, files, families, functions,
                     None if args.quick else measure_images(), cores)
    sys.stdout.write(md + "\n")
    if args.write:
        with open(os.path.join(RESULTS, "mcu_size.md"), "w") as f:
            f.write(md)
        with open(os.path.join(RESULTS, "mcu_size.txt"), "w") as f:
            f.write(txt)
    return 0


if __name__ == "__main__":
    sys.exit(main())
