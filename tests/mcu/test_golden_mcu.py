"""Every tests/js golden program on the microcontroller port, built natively.

The golden suite (tests/test_js_golden.py) runs through hostlib, that is the host port. A
firmware runs the cortex_m port instead, whose choices change code paths the suite never
reaches there: the portable number formatting and parsing (no printf/strtod), the stack, frames
and temp roots allocated per call (MVM_STACK_ON_DEMAND), the exact heap at restore, and the
MCU image: its ROM used in place and the exports read from the image. So each program runs
as a firmware
would run it, through vm_c/tools/mvm_unit_run.c built with that port:

1. the unit's top level, then a snapshot (an MCU-profile image);
2. that image turned into what `mvc build --target mcu` writes (retarget_image: ROM
   unpacked), restored with --restore-only, and afterResume
   called when the program exports it.

The output must be the `// expect:` lines, as on the host. Only the size limits are the host
port's (heap, value stack, frames, native nesting): the suite has programs that recurse 5,000
deep or build large arrays, which a 16 KB board refuses by design (tests/mcu/test_mcu.py covers
those limits).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests"))

from run_js import JS_ROOT, discover, parse  # noqa: E402
from test_mcu import (INCLUDES, MCU_PORT, STRICT, VM_C, core_sources, host_cc,  # noqa: E402
                      link_firmware, need, run_on_board)

HOST_LIMITS = ["-DMVM_DEFAULT_MAX_HEAP=(64u*1024u*1024u)", "-DMVM_DEFAULT_STACK_SLOTS=65536u",
               "-DMVM_DEFAULT_MAX_FRAMES=10000u", "-DMVM_MAX_NATIVE_DEPTH=512",
               "-DMVM_JSON_MAX_DEPTH=1000"]
# "Uncaught <String(e)> (file:line)" on stderr (mvm_unit_run.c report).
UNCAUGHT = re.compile(r"^Uncaught (.*?)(?: \([^()]*:\d+\))?$", re.M)


# The MCU port's own paths (an image's roots and exports used in place, 16-bit counts, the
# stack per call) run as built for a board, under AddressSanitizer + UndefinedBehaviorSanitizer,
# and with a collection at every allocation (the Python suites' asan and stress passes run the
# host port only). Both at once would take too long: ASan poisons each new heap space.
BUILDS = {
    "plain": ["-O2"],
    "asan": ["-O1", "-g", "-fsanitize=address,undefined", "-fno-sanitize-recover=all",
             "-fno-omit-frame-pointer"],
    "gc-stress": ["-O2", "-DMVM_GC_STRESS=1"],
}
# mvm_unit_run exits without freeing after an uncaught error: not a leak worth failing over.
RUN_ENV = {**os.environ, "ASAN_OPTIONS": "detect_leaks=0:abort_on_error=1",
           "UBSAN_OPTIONS": "halt_on_error=1:print_stacktrace=1"}


@pytest.fixture(scope="module", params=sorted(BUILDS))
def runner(request, tmp_path_factory) -> str:
    exe = str(tmp_path_factory.mktemp("golden_mcu") / f"mvm_unit_run_mcu_{request.param}")
    subprocess.run([host_cc(), *STRICT, *BUILDS[request.param], MCU_PORT,
                    "-DMVM_INCLUDE_BUILD_API=1", *HOST_LIMITS, *INCLUDES,
                    os.path.join(VM_C, "tools", "mvm_unit_run.c"), *core_sources(), "-lm",
                    "-o", exe], check=True)
    return exe


def run_on_mcu_port(runner: str, rel: str, work: str,
                    resume_runner: Callable[[bytes], str] | None = None) -> str | None:
    """None when the program's output on the MCU port is the expected one, else the problem.
    resume_runner, given the MCU image, names the runner that restores it (default: runner)."""
    from compiler import CompileError, compile_program
    from hostlib.cli import retarget_image

    path = os.path.join(JS_ROOT, rel)
    exp = parse(path)
    try:
        unit = compile_program(path)
    except CompileError:
        return None  # compile errors are the compiler's, tested by the golden suite
    base = os.path.join(work, rel.replace(os.sep, "__"))
    with open(base + ".unit", "wb") as f:
        f.write(unit)
    first = subprocess.run([runner, base + ".unit", "-o", base + ".img"], capture_output=True,
                           text=True, timeout=300, env=RUN_ENV)
    out, err = first.stdout.splitlines(), first.stderr
    if first.returncode == 0:
        with open(base + ".img", "rb") as f:
            image = retarget_image(f.read(), "mcu")
        with open(base + ".mcu", "wb") as f:
            f.write(image)
        call = ["--call", "afterResume"] if "afterResume" in open(path, encoding="utf-8").read() else []
        second_runner = resume_runner(image) if resume_runner else runner
        second = subprocess.run([second_runner, base + ".mcu", "--restore-only", *call],
                                capture_output=True, text=True, timeout=300, env=RUN_ENV)
        more = second.stdout.splitlines()
        if call and second.returncode == 0 and more:
            more = more[:-1]  # the runner prints what afterResume returned
        out += more
        err += second.stderr
        if second.returncode != 0 and not UNCAUGHT.search(second.stderr):
            return f"restore of the MCU image failed: {second.stderr.strip()}"
    m = UNCAUGHT.search(err)
    error = m.group(1) if m else None
    problems = []
    if out != exp.output:
        diff = [(i + 1, e, a) for i, (e, a) in enumerate(zip(exp.output, out)) if e != a][:5]
        problems.append(f"output differs ({len(exp.output)} lines expected, {len(out)} got): "
                        + "; ".join(f"line {i}: expected {e!r}, got {a!r}" for i, e, a in diff))
    if error != exp.runtime_error:
        problems.append(f"runtime error: expected {exp.runtime_error!r}, got {error!r} "
                        f"({err.strip()[-300:]})")
    return "\n".join(problems) or None


def test_golden_programs_on_the_mcu_port(runner: str, tmp_path) -> None:
    tests = [rel for rel in discover() if parse(os.path.join(JS_ROOT, rel)).skip is None]
    assert len(tests) > 300
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda rel: (rel, run_on_mcu_port(runner, rel, str(tmp_path))),
                                tests))
    failures = [f"{rel}: {problem}" for rel, problem in results if problem]
    assert not failures, f"{len(failures)} of {len(tests)} differ on the MCU port:\n" + "\n".join(failures)


# ---- The same programs on the emulated board ----

# Programs that need more than the board's memory by design (they pass natively above).
BOARD_TOO_BIG = {
    "arrays/large.js": "two 100,000-element arrays: more than the 1 MB heap",
}


def golden_units_c(units: list[tuple[str, bytes]]) -> str:
    """The units as const arrays (flash) and the table golden_board_main.c walks."""
    parts = ['#include <stddef.h>\n',
             "typedef struct golden_unit { const char* name; const unsigned char* data; "
             "unsigned len; } golden_unit_t;\n"]
    for i, (_, unit) in enumerate(units):
        body = ",".join(str(b) for b in unit)
        parts.append(f"static const unsigned char unit_{i}[{len(unit)}] = {{{body}}};\n")
    parts.append("const golden_unit_t golden_units[] = {\n")
    for i, (rel, unit) in enumerate(units):
        parts.append(f'  {{"{rel}", unit_{i}, {len(unit)}u}},\n')
    parts.append("};\n")
    parts.append(f"const unsigned golden_unit_count = {len(units)}u;\n")
    return "".join(parts)


def test_golden_programs_on_the_board(tmp_path) -> None:
    """Every golden program on the Cortex-M3 that qemu emulates (mps2-an385): the MCU port
    compiled by arm-none-eabi-gcc, its soft-float and newlib's libm, 32-bit pointers. Each
    program's top level runs on the board from its unit in flash, then a snapshot, a restore
    and afterResume, and its output must be the `// expect:` lines. The board has 4 MB of RAM:
    the VM gets a 1 MB heap, 40,000 stack slots and 6,000 frames (BOARD_TOO_BIG: the programs
    that need more)."""
    need("arm-none-eabi-gcc", "qemu-system-arm")
    from compiler import CompileError, compile_program

    units: list[tuple[str, bytes]] = []
    for rel in discover():
        exp = parse(os.path.join(JS_ROOT, rel))
        if exp.skip is not None or exp.compile_error is not None or rel in BOARD_TOO_BIG:
            continue
        try:
            units.append((rel, compile_program(os.path.join(JS_ROOT, rel))))
        except CompileError:
            continue
    assert len(units) > 250
    gen = tmp_path / "golden_units.c"
    gen.write_text(golden_units_c(units))
    # The cortex_m port fixes the heap and stack limits at compile time
    # (MVM_CONFIG_HEAP_LIMIT 0, MVM_CONFIG_STACK_LIMITS 0).
    defines = ("-DMVM_INCLUDE_BUILD_API=1", "-DMVM_DEFAULT_MAX_HEAP=(1024u*1024u)",
               "-DMVM_MAX_NATIVE_DEPTH=512",
               "-DMVM_JSON_MAX_DEPTH=1000", "-DMVM_DEFAULT_STACK_SLOTS=40000u",
               "-DMVM_DEFAULT_MAX_FRAMES=6000u")
    elf = link_firmware([os.path.join(HERE, "golden_board_main.c"), str(gen), *core_sources()],
                        str(tmp_path), defines, opt="-O2")
    out = run_on_board(elf, timeout=900)
    assert out.rstrip().endswith("=== end"), out[-3000:]
    chunks = {}
    for chunk in out.split("=== ")[1:]:
        name, _, body = chunk.partition("\n")
        chunks[name] = body.splitlines()
    failures = []
    for rel, _ in units:
        exp = parse(os.path.join(JS_ROOT, rel))
        lines = chunks.get(rel)
        if lines is None:
            failures.append(f"{rel}: no output")
            continue
        error = None
        if lines and lines[-1].startswith(("Uncaught ", "VM error ")):
            error = lines.pop()
            error = error[len("Uncaught "):] if error.startswith("Uncaught ") else error
        if lines != exp.output or error != exp.runtime_error:
            diff = [(i + 1, e, a) for i, (e, a) in enumerate(zip(exp.output, lines)) if e != a]
            failures.append(f"{rel}: {len(exp.output)} lines expected, {len(lines)} got; "
                            f"first differences {diff[:3]}; error {error!r}, expected "
                            f"{exp.runtime_error!r}")
    assert not failures, (f"{len(failures)} of {len(units)} differ on the board:\n"
                          + "\n".join(failures))
