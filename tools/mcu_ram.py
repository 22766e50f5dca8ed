#!/usr/bin/env python3
"""RAM and instructions of our VM and of Microvium 8.0, side by side on the emulated board.

    python tools/mcu_ram.py            # print the table
    python tools/mcu_ram.py --write    # also write benchmarks/results/mcu_ram.md

Each benchmarks/programs/*.js is built for both engines: ours with `mvc build --target mcu`,
Microvium's with its CLI (the program behind the same thin wrapper the benchmark runner uses:
print is import 1, run is export 1). Two firmwares for qemu's mps2-an385 board (32-bit
pointers, as on any Cortex-M) hold every image in flash; one links our core with
ports/cortex_m (benchmarks/board/ram_ours.c), the other Microvium's engine with the benchmark
port (benchmarks/board/ram_microvium.c). Each restores every image, reads its engine's memory
statistics while idle (what the VM holds between calls: our mvm_get_stats ram_bytes, Microvium's
mvm_getMemoryStats totalSize), calls run once and reads them again. Both engines get a 64 KB
heap limit (Microvium's maximum). Needs arm-none-eabi-gcc (with newlib), qemu-system-arm, node
and Microvium's npm package (installed into the benchmark cache as benchmarks/run.py does).

The same runs count the instructions of each run() call (benchmarks/board/board_clock.h: qemu
with -icount shift=0, the board's timer), for ours as shipped, ours with the interpreter built
for size (MVM_FAST_PATHS=0) and Microvium.
"""
from __future__ import annotations

import argparse
import glob
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "benchmarks"))

RESULTS = os.path.join(ROOT, "benchmarks", "results")
BOARD = os.path.join(ROOT, "benchmarks", "board")
EXAMPLE = os.path.join(ROOT, "examples", "mcu")
VM_C = os.path.join(ROOT, "vm_c")
# benchmarks/board/board_clock.h BOARD_INSTRUCTIONS_PER_TICK: the board's timer under -icount.
INSTRUCTIONS_PER_TICK = 40
# Cortex-M0 code (the M3 board runs it; startup.c makes it fault on unaligned accesses, as an
# M0 does).
CFLAGS = ["-mcpu=cortex-m0", "-mthumb", "-Os", "-ffunction-sections", "-fdata-sections",
          "-std=c99"]


def images_c(images: list[tuple[str, bytes]]) -> str:
    """The images as const arrays (flash) and the table the firmwares walk."""
    out = ['#include "ram_images.h"\n']
    for i, (_, data) in enumerate(images):
        out.append(f"static const unsigned char image_{i}[{len(data)}] "
                   f"__attribute__((aligned(4))) = {{{','.join(map(str, data))}}};\n")
    out.append("const ram_image_t ram_images[] = {\n")
    out += [f'  {{"{name}", image_{i}, {len(data)}u}},\n'
            for i, (name, data) in enumerate(images)]
    out.append(f"}};\nconst unsigned ram_image_count = {len(images)}u;\n")
    return "".join(out)


def build_and_run(work: str, name: str, sources: list[str], flags: list[str],
                  unaligned_ok: bool = False) -> str:
    """Compiles sources for the board, links them with the example's startup code and linker
    script, runs the firmware under qemu and returns what it printed."""
    objs = []
    for src in sources:
        obj = os.path.join(work, f"{name}-{os.path.basename(src)}.o")
        subprocess.run(["arm-none-eabi-gcc", *CFLAGS, *flags, "-I" + BOARD, "-c", src, "-o", obj],
                       check=True)
        objs.append(obj)
    startup = os.path.join(work, "startup.o")
    # The board faults on unaligned accesses, as a Cortex-M0 does, unless unaligned_ok.
    subprocess.run(["arm-none-eabi-gcc", "-mcpu=cortex-m0", "-mthumb", "-Os", "-std=gnu99", "-c",
                    *(["-DBOARD_UNALIGNED_OK"] if unaligned_ok else []),
                    os.path.join(EXAMPLE, "startup.c"), "-o", startup], check=True)
    elf = os.path.join(work, f"{name}.elf")
    subprocess.run(["arm-none-eabi-gcc", "-mcpu=cortex-m0", "-mthumb", "-T",
                    os.path.join(EXAMPLE, "mps2_an385.ld"), "--specs=rdimon.specs",
                    "-nostartfiles", "-Wl,--gc-sections", startup, *objs, "-lm", "-o", elf],
                   check=True)
    # -icount shift=0: one instruction, one nanosecond of board time (board_clock.h).
    proc = subprocess.run(["qemu-system-arm", "-M", "mps2-an385", "-nographic", "-monitor",
                           "none", "-semihosting-config", "enable=on,target=native",
                           "-icount", "shift=0", "-kernel", elf],
                          capture_output=True, text=True, timeout=600,
                          stdin=subprocess.DEVNULL)
    return proc.stdout


def parse(out: str) -> dict[str, dict[str, list[int]]]:
    rows: dict[str, dict[str, list[int]]] = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0] in ("idle", "after", "error"):
            rows.setdefault(parts[1], {})[parts[0]] = [int(p) for p in parts[2:] if
                                                       p.lstrip("-").isdigit()]
    return rows


def measure(work: str) -> tuple[dict, dict, dict, list[str]]:
    from bench import tools
    from bench.engines import microvium_source
    from hostlib.cli import MCU_DEFAULT_MAX_HEAP, build_image, device_host, retarget_image

    pkg = tools.install_microvium(tools.default_cache())
    if pkg is None:
        raise RuntimeError("Microvium's npm package could not be installed")
    ours, theirs = [], []
    for path in sorted(glob.glob(os.path.join(ROOT, "benchmarks", "programs", "*.js"))):
        name = os.path.splitext(os.path.basename(path))[0]
        image = build_image(path, host=device_host(), max_heap=MCU_DEFAULT_MAX_HEAP)
        ours.append((name, retarget_image(image, "mcu")))
        wrapped = os.path.join(work, name + ".js")
        with open(wrapped, "w", encoding="utf-8") as f:
            f.write(microvium_source(open(path, encoding="utf-8").read()))
        mvm_image = os.path.join(work, name + ".mvm-bc")
        subprocess.run(["node", os.path.join(pkg, "dist", "cli.js"), wrapped, "-s", mvm_image],
                       check=True, capture_output=True, cwd=work)
        theirs.append((name, open(mvm_image, "rb").read()))
    ours_c, theirs_c = os.path.join(work, "ours_images.c"), os.path.join(work, "mv_images.c")
    with open(ours_c, "w") as f:
        f.write(images_c(ours))
    with open(theirs_c, "w") as f:
        f.write(images_c(theirs))
    ours_flags = ['-DMVM_PORT_HEADER="ports/cortex_m/mvm_port.h"', "-DMVM_DEFAULT_MAX_HEAP=65536u",
                  "-I" + os.path.join(VM_C, "include"), "-I" + VM_C,
                  "-I" + os.path.join(VM_C, "src")]
    ours_srcs = [os.path.join(BOARD, "ram_ours.c"), ours_c,
                 *sorted(glob.glob(os.path.join(VM_C, "src", "*.c")))]
    outs = {}
    # As shipped, and with the interpreter built for size (MVM_FAST_PATHS=0), for its speed.
    for name, extra in (("ours", []), ("ours-size", ["-DMVM_FAST_PATHS=0"])):
        outs[name] = build_and_run(work, name, ours_srcs, ours_flags + extra)
        if "done" not in outs[name] or "FAULT" in outs[name]:
            raise RuntimeError(f"our firmware ({name}) failed:\n{outs[name][-2000:]}")
    # Microvium's engine can fault the board during a run (see the report): the run that faulted
    # is recorded and the firmware rebuilt to run the programs after it. Twice: as on a
    # Cortex-M0 (unaligned accesses fault), then with them allowed, as on the M3 itself, whose
    # runs give the tables.
    dist = os.path.join(pkg, "dist-c")
    rows_by_board = {}
    for unaligned_ok in (False, True):
        theirs_rows: dict = {}
        start = 0
        while start < len(theirs):
            out = build_and_run(
                work, "microvium", [os.path.join(BOARD, "ram_microvium.c"), theirs_c,
                                    os.path.join(dist, "microvium.c")],
                ["-I" + os.path.join(ROOT, "benchmarks", "peers"), "-I" + dist, "-w",
                 f"-DRUN_FROM={start}u"], unaligned_ok=unaligned_ok)
            for name, row in parse(out).items():
                theirs_rows.setdefault(name, {}).update(row)
            if "done" in out:
                break
            running = [line.split()[1] for line in out.splitlines()
                       if line.startswith("running ")]
            if not running:
                raise RuntimeError(f"Microvium's firmware failed:\n{out[-2000:]}")
            theirs_rows.setdefault(running[-1], {})["fault"] = []
            start = [n for n, _ in theirs].index(running[-1]) + 1
        rows_by_board[unaligned_ok] = theirs_rows
    m0_faults = sorted(n for n, row in rows_by_board[False].items()
                       if "fault" in row and "fault" not in rows_by_board[True].get(n, {}))
    return (parse(outs["ours"]), rows_by_board[True], parse(outs["ours-size"]), m0_faults)


def after(row: dict, i: int) -> str:
    """A cell of the after-run columns: bytes, or how the run ended when it failed."""
    if "fault" in row:
        return "hard fault"
    if "after" not in row:
        return "-"
    values = row["after"]
    return f"{values[i]:,} B" if values[2] == 0 else f"{values[i]:,} B (error {values[2]})"


def report(ours: dict, theirs: dict, m0_faults: list[str]) -> str:
    lines = [
        "# RAM on the board: ours and Microvium 8.0, side by side",
        "",
        "Generated by `python tools/mcu_ram.py --write`: both engines compiled for the "
        "Cortex-M0 (`-mcpu=cortex-m0 -Os`) and run on qemu's mps2-an385 board (a Cortex-M3, "
        "which runs M0 code; 32-bit, as any Cortex-M), each benchmark program's image in flash, "
        "both with a 64 KB heap limit (ours: the port's, `-DMVM_DEFAULT_MAX_HEAP`). Ours runs "
        "with unaligned accesses faulting, as on a Cortex-M0 (examples/mcu/startup.c); "
        "Microvium's runs in the tables with them allowed, as on the M3 (see below). "
        "*Idle* is what the VM holds between calls, after restore: ours "
        "`mvm_get_stats` `ram_bytes` (VM struct, globals, import table, heap space; "
        "ports/cortex_m: stack, frames and temp roots only during a call), Microvium's "
        "`mvm_getMemoryStats` `totalSize`. *After run* is the same after one call of `run` "
        "(a heap grown by the workload stays allocated in both engines), and the peak heap "
        "(ours `heap_peak`, Microvium's `virtualHeapHighWaterMark`).",
        "",
        "| program | idle ours | idle Microvium | ratio | of ours: struct+tables / heap | "
        "after run ours | after run Microvium | peak heap ours | peak heap Microvium |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    tot_o = tot_m = 0
    ratios = []
    for name in sorted(set(ours) | set(theirs)):
        o, m = ours.get(name, {}), theirs.get(name, {})
        if "idle" not in o or "idle" not in m:
            lines.append(f"| {name} | {o.get('idle', ['-'])[0]} | {m.get('idle', ['-'])[0]} | "
                         "- | - | - | - | - | - |")
            continue
        io, im = o["idle"][0], m["idle"][0]
        tot_o += io
        tot_m += im
        ratios.append(io / im)
        lines.append(f"| {name} | {io:,} B | {im:,} B | {io / im:.2f}x | "
                     f"{o['idle'][1]:,} / {o['idle'][0] - o['idle'][1]:,} | {after(o, 0)} | {after(m, 0)} | "
                     f"{after(o, 1)} | {after(m, 1)} |")
    if ratios:
        lines.append(f"| **total** | **{tot_o:,} B** | **{tot_m:,} B** | "
                     f"**{tot_o / tot_m:.2f}x** | | | | | |")
    lines += [
        "",
        f"Target (issue: idle VM RAM no more than Microvium's): ours is "
        f"{tot_o / tot_m:.2f}x Microvium's in total: "
        + ("met." if tot_o <= tot_m else "missed.") +
        " Where ours goes: 36 bytes of VM struct (32-bit pointers, the heap in use and its peak "
        "as 16-bit word counts, counts and flags in bit-fields, the globals and imports after "
        "the struct, the run state only during calls, the stack and heap limits the "
        "port's constants, no instruction budget, imports resolved at restore only, "
        "Math.random's state in the heap once drawn), 4 "
        "bytes per import (its id and value are in the image's ROM; an import nothing uses is "
        "left out) and 4 per global that stays in RAM (Microvium: 4 and 2; a constant global's "
        "value is in the image's code), and the image's own heap: none when it is the pad word alone (the "
        "core's shared read-only space until the first allocation), else 32-bit values and "
        "headers where Microvium's are 16-bit, the pad word holding the space's capacity "
        "(docs/embedding.md section 4).",
        "",
    ]
    if m0_faults:
        lines += [
            f"As on a Cortex-M0 (the board set to fault on unaligned accesses), Microvium's "
            f"engine hard faults in {len(m0_faults)} of the {len(theirs)} programs "
            f"({', '.join(m0_faults)}), which the tables show it running with unaligned "
            "accesses allowed: its heap allocations are 2-byte aligned and it stores a boxed "
            "int32 or a float64 with word stores (microvium.c `mvm_newInt32`). Ours runs every "
            "program with them faulting: its fields are 4-aligned and read with aligned loads "
            "(`MVM_ALIGNED_FIELDS`), bytecode operands byte by byte.",
            "",
        ]
    failed = [(engine, name, "a hard fault" if "fault" in row else f"error {row['after'][2]}")
              for engine, rows in (("ours", ours), ("Microvium", theirs))
              for name, row in sorted(rows.items())
              if "fault" in row or ("after" in row and row["after"][2] != 0)]
    if failed:
        ours_oom = any(engine == "ours" and how == "error 1" for engine, _, how in failed)
        lines += [
            "Runs that did not complete on the board: "
            + "; ".join(f"{engine}, {name}: {how}" for engine, name, how in failed) + ". "
            + ("Error 1 of ours is MVM_E_OUT_OF_MEMORY: our values and headers are 32-bit, "
               "Microvium's 16-bit. " if ours_oom else "")
            + "A hard fault of Microvium's engine ends that firmware (the tool rebuilds it "
            "to run the remaining programs); the benchmark runner, on the x86-64 host, runs them "
            "all (benchmarks/results/latest.md).",
            "",
        ]
    return "\n".join(lines)


def instructions_report(ours: dict, ours_size: dict, theirs: dict) -> str:
    """The instructions of each run() call on the board (board_clock.h), from the same runs."""
    def count(row: dict) -> int | None:
        values = row.get("after")
        if "fault" in row or not values or len(values) < 4 or values[2] != 0:
            return None
        return values[3] * INSTRUCTIONS_PER_TICK

    def cell(n: int | None) -> str:
        return f"{n / 1e6:,.2f} M" if n is not None else "-"

    def ratio(a: int | None, b: int | None) -> str:
        return f"{a / b:.2f}x" if a and b else "-"

    lines = [
        "## Instructions on the board",
        "",
        "The same runs, counted: qemu with `-icount shift=0` gives each instruction one "
        "nanosecond of the board's time, and the board's 25 MHz timer counts the `mvm_call` "
        "of `run` (benchmarks/board/board_clock.h: 40 instructions a tick, exact to a tick). "
        "Both cores are compiled for the Cortex-M0 (`-mcpu=cortex-m0 -Os`: no FPU, doubles in "
        "libgcc's soft-float routines, no hardware divide), so these are Thumb instructions "
        "of a Cortex-M0 (not cycles: a load or a branch takes 2 or 3 cycles there, a simple "
        "operation 1). *Size build* is ours with `MVM_FAST_PATHS=0`, the interpreter of the "
        "size-test configuration (benchmarks/results/mcu_size.md), everything else as shipped.",
        "",
        "| program | ours | ours, size build | Microvium | ours / Microvium | "
        "size build / Microvium |",
        "|---|---|---|---|---|---|",
    ]
    for name in sorted(set(ours) | set(theirs)):
        o = count(ours.get(name, {}))
        z = count(ours_size.get(name, {}))
        m = count(theirs.get(name, {}))
        lines.append(f"| {name} | {cell(o)} | {cell(z)} | {cell(m)} | {ratio(o, m)} | "
                     f"{ratio(z, m)} |")
    lines.append("")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true",
                    help="write benchmarks/results/mcu_ram.md")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        ours, theirs, ours_size, m0_faults = measure(work)
    md = report(ours, theirs, m0_faults) + "\n" + instructions_report(ours, ours_size, theirs)
    sys.stdout.write(md)
    if args.write:
        with open(os.path.join(RESULTS, "mcu_ram.md"), "w", encoding="utf-8") as f:
            f.write(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
