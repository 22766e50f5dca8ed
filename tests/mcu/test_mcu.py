"""The microcontroller profile: images for --target mcu, the C example host, the single-file
distribution, the Cortex-M0 cross-compile, and the firmware example under qemu (mps2-an385).

Tests that need a toolchain (cc, arm-none-eabi-gcc with newlib, qemu-system-arm) skip with a
message when it is missing; tools/test.sh installs them in CI.
"""
from __future__ import annotations

import glob
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from hostlib.cli import emit_c, image_profile, main as mvc_main, retarget_image

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VM_C = os.path.join(ROOT, "vm_c")
EXAMPLE = os.path.join(ROOT, "examples", "mcu")
PROGRAM = os.path.join(EXAMPLE, "program.js")
MCU_PORT = "-DMVM_PORT_HEADER=\"ports/cortex_m/mvm_port.h\""
STRICT = ["-std=c99", "-Wall", "-Wextra", "-Wpedantic", "-Werror"]
INCLUDES = ["-I" + os.path.join(VM_C, "include"), "-I" + VM_C, "-I" + os.path.join(VM_C, "src")]


def core_sources() -> list[str]:
    src = os.path.join(VM_C, "src")
    return sorted(os.path.join(src, f) for f in os.listdir(src) if f.endswith(".c"))


def need(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (CI: apt-get install gcc-arm-none-eabi "
                    "libnewlib-arm-none-eabi qemu-system-arm gcc-xtensa-lx106 "
                    "picolibc-xtensa-lx106-elf)")


def host_cc() -> str:
    for cc in ("cc", "gcc", "clang"):
        if shutil.which(cc):
            return cc
    pytest.skip("no C compiler installed")
    raise AssertionError


def run(cmd: list[str], cwd: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}"
    return proc


def run_all(cmds: list[list[str]]) -> None:
    """Runs independent compiler commands in parallel (the core is large: minutes serially)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        for f in [pool.submit(run, cmd) for cmd in cmds]:
            f.result()


@pytest.fixture(scope="module")
def image_c(tmp_path_factory: pytest.TempPathFactory) -> str:
    """examples/mcu/program.js built with `mvc build --target mcu --emit-c`: the folder."""
    out = tmp_path_factory.mktemp("image")
    assert mvc_main(["build", PROGRAM, "--target", "mcu", "--emit-c",
                     "-o", str(out / "program_image.c")]) == 0
    assert mvc_main(["build", PROGRAM, "--target", "mcu", "-o", str(out / "program.mvm-bc")]) == 0
    return str(out)


# ---- Images and the CLI ----

def test_mcu_image_has_the_mcu_profile_and_host_refuses_it(image_c: str, capsys) -> None:
    from hostlib.errors import ImageError
    from hostlib.vm import VM

    with open(os.path.join(image_c, "program.mvm-bc"), "rb") as f:
        image = f.read()
    assert image_profile(image) == "mcu"
    with pytest.raises(ImageError, match="another value profile"):
        VM.restore(image)
    capsys.readouterr()
    assert mvc_main(["run", os.path.join(image_c, "program.mvm-bc"), "fib", "5"]) == 1
    assert "--target mcu" in capsys.readouterr().err
    # Retargeting back to host gives an image the host VM runs (same values, new CRC).
    host_image = retarget_image(image, "host")
    assert image_profile(host_image) == "host"
    from hostlib.vm import Host

    host = Host()
    host.add(1, lambda vm, a, b: a + b)
    host.add(2, lambda vm, text: None)
    with VM.restore(host_image, host) as vm:
        assert vm.call(vm.export("fib"), 10) == 55
        assert vm.call(vm.export("callHost"), 2, 3) == 50


def test_images_refer_to_the_engine_strings_instead_of_holding_them(image_c: str) -> None:
    """The texts the VM itself uses ("length", "name", typeof results...) are STRING8s in the
    VM's read-only data (mvm_tables.h ENGINE_STRING): an image refers to them and holds no copy,
    and the generated compiler table lays them out as heap.c does."""
    import re

    from compiler.disasm import string_bytes, unpack_image
    from compiler.opcodes import ENGINE_ROM_BASE, ENGINE_STRING_OFFSETS, TYPE_STRING8

    with open(os.path.join(VM_C, "include", "mvm_tables.h"), encoding="utf-8") as f:
        texts = re.findall(r'^ENGINE_STRING\(\w+, "([^"]*)"\)', f.read(), re.M)
    assert tuple(ENGINE_STRING_OFFSETS) == tuple(texts) and len(texts) >= 24
    at = ENGINE_ROM_BASE
    for text in texts:  # the header, then the text padded to 4 bytes (the empty one: 4 bytes)
        assert ENGINE_STRING_OFFSETS[text] == at
        at += 4 + (((len(text) + 3) & ~3) or 4)
    with open(os.path.join(image_c, "program.mvm-bc"), "rb") as f:
        image = f.read()
    rom = unpack_image(image).rom
    strings = []
    at = 0
    while at < len(rom):
        header = int.from_bytes(rom[at:at + 4], "little")
        if header & 31 == TYPE_STRING8:
            strings.append(rom[at + 4:at + 4 + string_bytes(header)].decode("latin-1"))
        at += (header >> 5) & ~3
    assert at == len(rom) and strings
    assert not set(strings) & set(texts), set(strings) & set(texts)
    # The example uses some of them: the image refers to the engine's copies.
    refs = {int.from_bytes(rom[i:i + 4], "little") for i in range(0, len(rom), 4)}
    assert ((ENGINE_STRING_OFFSETS["length"] << 1) | 2) in refs
    assert retarget_image(image, "mcu") == image


def test_mcu_images_leave_line_tables_out_unless_asked(tmp_path) -> None:
    """--target mcu strips by default (flash is what counts on a board, and the images compare
    with Microvium's, which carry no debug information); --no-strip keeps file:line, and host
    images keep it by default."""
    from compiler.disasm import unpack_image
    from compiler.opcodes import TYPE_LINES

    def lines_tables(path) -> int:
        with open(path, "rb") as f:
            rom = unpack_image(f.read()).rom
        count = at = 0
        while at < len(rom):
            header = int.from_bytes(rom[at:at + 4], "little")
            count += header & 31 == TYPE_LINES
            at += (header >> 5) & ~3
        return count

    src = tmp_path / "p.js"
    src.write_text("export function f(x) {\n  if (x) throw new Error('no');\n  return 1;\n}\n")
    sizes = {}
    for name, args in (("mcu", ["--target", "mcu"]), ("mcu-lines", ["--target", "mcu", "--no-strip"]),
                       ("host", []), ("host-strip", ["--strip"])):
        out = tmp_path / f"{name}.mvm-bc"
        assert mvc_main(["build", str(src), "-o", str(out), *args]) == 0
        sizes[name] = (os.path.getsize(out), lines_tables(out))
    assert sizes["mcu"][1] == 0 and sizes["host-strip"][1] == 0
    assert sizes["mcu-lines"][1] == 1 and sizes["host"][1] == 1
    assert sizes["mcu"][0] < sizes["mcu-lines"][0]


def test_emit_c_writes_an_array_and_header(image_c: str) -> None:
    with open(os.path.join(image_c, "program.mvm-bc"), "rb") as f:
        image = f.read()
    with open(os.path.join(image_c, "program_image.c")) as f:
        c_text = f.read()
    with open(os.path.join(image_c, "program_image.h")) as f:
        h_text = f.read()
    assert f"const unsigned char program_image[{len(image)}]" in c_text
    assert "extern const unsigned int program_image_len;" in h_text
    c2, _ = emit_c(image, "program_image", PROGRAM)
    assert c2 == c_text  # deterministic


def test_build_target_mcu_leaves_host_functions_to_the_device(tmp_path, capsys) -> None:
    src = tmp_path / "calls.js"
    src.write_text("const f = vmImport(7);\nf();\n")
    assert mvc_main(["build", str(src), "--target", "mcu"]) == 1
    assert "provided by the device" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        mvc_main(["build", str(src), "--target", "arm"])


# ---- The example host, on this machine ----

def test_example_host_runs_on_the_host(image_c: str, tmp_path) -> None:
    cc = host_cc()
    exe = str(tmp_path / "host_example")
    run([cc, *STRICT, "-O2", MCU_PORT, *INCLUDES, "-I" + image_c,
         os.path.join(EXAMPLE, "host_example.c"), os.path.join(image_c, "program_image.c"),
         *core_sources(), "-lm", "-o", exe])
    out = run([exe], timeout=120).stdout
    assert "ALL OK" in out, out
    for line in ("fib(20): 6765", "closures(5): 55", "objects(50): item49 total=2450",
                 "churn(300): 6000", "divide(1, 0): caught RangeError: division by zero",
                 "callHost(2, 3): 50", "damaged image: MVM_E_IMAGE_CRC",
                 "host-profile image: MVM_E_IMAGE_PROFILE", "hog(): MVM_E_OUT_OF_MEMORY",
                 # the shipped port has no instruction budget: a config asking for one is refused
                 "budget without MVM_INSTRUCTION_BUDGET: MVM_E_INVALID_ARGUMENT"):
        assert line in out, out
    assert "MVM_E_INSTRUCTION_BUDGET" not in out, out


def test_example_host_under_gc_stress_and_sanitizers(image_c: str, tmp_path) -> None:
    """The MCU port's memory paths (the stack block with the temp roots taken and released per
    call and per host API call, the engine strings read from the core's data, the short roots
    ITEMS) under a collection at every allocation that moves the heap, with
    AddressSanitizer and UndefinedBehaviorSanitizer."""
    cc = "clang" if shutil.which("clang") else host_cc()
    exe = str(tmp_path / "host_example_stress")
    san = ["-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-fno-omit-frame-pointer"]
    run([cc, *STRICT, "-O1", "-g", *san, MCU_PORT, "-DMVM_GC_STRESS=1", *INCLUDES,
         "-I" + image_c, os.path.join(EXAMPLE, "host_example.c"),
         os.path.join(image_c, "program_image.c"), *core_sources(), "-lm", "-o", exe])
    proc = subprocess.run([exe], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "ASAN_OPTIONS": "detect_leaks=1"})
    assert proc.returncode == 0 and "ALL OK" in proc.stdout, proc.stdout[-3000:] + proc.stderr[-3000:]


# ---- The single-file distribution ----

def test_amalgamation_compiles_warning_free_and_runs(image_c: str, tmp_path) -> None:
    dist = str(tmp_path / "dist")
    run([sys.executable, os.path.join(ROOT, "tools", "amalgamate.py"), "--out", dist])
    assert sorted(os.listdir(dist)) == ["mvm.c", "mvm.h", "mvm_port_example.h",
                                        "mvm_port_snprintf.c"]
    compilers = [c for c in ("gcc", "clang") if shutil.which(c)] or [host_cc()]
    run_all([[cc, *STRICT, "-O2", *port, "-I" + dist, "-c", os.path.join(dist, "mvm.c"),
              "-o", os.devnull]
             for cc in compilers for port in ([], ['-DMVM_PORT_HEADER="mvm_port_example.h"'])])
    # The example host against dist/ (mvm.h and mvm.c from there; the example also reads the
    # X-macro table mvm_tables.h to name every error code, from vm_c/include).
    exe = str(tmp_path / "dist_example")
    run([compilers[0], *STRICT, "-O2", '-DMVM_PORT_HEADER="mvm_port_example.h"', "-I" + dist,
         "-I" + image_c, "-I" + os.path.join(VM_C, "include"), os.path.join(EXAMPLE, "host_example.c"),
         os.path.join(image_c, "program_image.c"), os.path.join(dist, "mvm.c"), "-lm",
         "-o", exe])
    assert "ALL OK" in run([exe], timeout=120).stdout
    # With the C library's digits: mvm.c and the optional mvm_port_snprintf.c.
    run([compilers[0], *STRICT, "-O2", '-DMVM_PORT_HEADER="mvm_port_example.h"',
         "-DMVM_DTOA_SNPRINTF=1", "-I" + dist, "-I" + image_c, "-I" + os.path.join(VM_C, "include"),
         os.path.join(EXAMPLE, "host_example.c"), os.path.join(image_c, "program_image.c"),
         os.path.join(dist, "mvm.c"), os.path.join(dist, "mvm_port_snprintf.c"), "-lm",
         "-o", exe])
    out = run([exe], timeout=120).stdout
    assert "ALL OK" in out and "divide(7, 2): 3.5" in out, out


# ---- Cortex-M ----

def test_core_cross_compiles_for_cortex_m0_warning_free() -> None:
    need("arm-none-eabi-gcc", "arm-none-eabi-size")
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    try:
        import mcu_size
    finally:
        sys.path.pop(0)
    import tempfile

    with tempfile.TemporaryDirectory() as work:
        sizes = mcu_size.measure_ours(work)  # raises on any warning
    for name, (text, data, bss) in sizes.items():
        assert text > 0 and data == 0 and bss == 0, (name, text, data, bss)
    print(f"\nCortex-M0 -Os core .text: " +
          ", ".join(f"{k} {v[0]:,}" for k, v in sizes.items()))
    # The per-file build (what a Makefile does) is warning-free too, with the shipped port.
    run_all([["arm-none-eabi-gcc", "-mcpu=cortex-m0", "-mthumb", "-Os", *STRICT, MCU_PORT,
              *INCLUDES, "-c", f, "-o", os.devnull] for f in core_sources()])


def link_firmware(srcs: list[str], out: str, defines: tuple[str, ...] = (),
                  includes: tuple[str, ...] = (), opt: str = "-Os", cpu: str = "cortex-m0",
                  port: str = MCU_PORT, core_includes: tuple[str, ...] = tuple(INCLUDES)) -> str:
    """srcs compiled with the MCU port and linked with the example's startup code and linker
    script (semihosting, newlib): the ELF qemu's mps2-an385 (a Cortex-M3) runs. By default the
    code is the Cortex-M0's (which the M3 runs), newlib's v6-m library with it, and startup.c
    makes the board fault on an unaligned access, as a Cortex-M0 does; cpu="cortex-m3" builds
    for the M3 itself, unaligned accesses allowed as there (newlib's v7-m memcpy makes them).
    port and core_includes: the port header's -D and where the core's headers are (vm_c/)."""
    cflags = [f"-mcpu={cpu}", "-mthumb", opt, "-g", "-ffunction-sections", "-fdata-sections",
              *defines]
    objs = [os.path.join(out, os.path.basename(src) + ".o") for src in srcs]
    run_all([["arm-none-eabi-gcc", *cflags, *STRICT, port, *core_includes, *includes,
              "-c", src, "-o", obj] for src, obj in zip(srcs, objs)])
    startup = os.path.join(out, "startup.o")
    run(["arm-none-eabi-gcc", *cflags, "-std=gnu99", "-Wall", "-Wextra", "-Werror",
         *(["-DBOARD_UNALIGNED_OK"] if cpu != "cortex-m0" else []), "-c",
         os.path.join(EXAMPLE, "startup.c"), "-o", startup])
    elf = os.path.join(out, "fw.elf")
    run(["arm-none-eabi-gcc", f"-mcpu={cpu}", "-mthumb", "-T",
         os.path.join(EXAMPLE, "mps2_an385.ld"), "--specs=rdimon.specs", "-nostartfiles",
         "-Wl,--gc-sections", startup, *objs, "-lm", "-o", elf])
    return elf


def build_firmware(image_c: str, out: str, defines: tuple[str, ...] = (),
                   cpu: str = "cortex-m0") -> str:
    srcs = [os.path.join(EXAMPLE, "host_example.c"), os.path.join(image_c, "program_image.c"),
            *core_sources()]
    return link_firmware(srcs, out, defines, ("-I" + image_c,), cpu=cpu)


def run_on_board(elf: str, timeout: float = 120) -> str:
    """The firmware's semihosting output under qemu; it must exit 0 without a fault."""
    try:
        proc = subprocess.run(
            ["qemu-system-arm", "-M", "mps2-an385", "-nographic", "-monitor", "none",
             "-semihosting-config", "enable=on,target=native", "-kernel", elf],
            capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the firmware did not finish within {timeout:.0f} s under qemu")
    out = proc.stdout
    assert proc.returncode == 0 and "FAULT" not in out, \
        f"exit {proc.returncode}\n{out[-3000:]}\n{proc.stderr[-2000:]}"
    return out


@pytest.mark.parametrize("cpu", ["cortex-m0", "cortex-m3"])
def test_firmware_runs_under_qemu(image_c: str, tmp_path, capsys, cpu: str) -> None:
    """The example firmware on the emulated board: Cortex-M0 code with unaligned accesses
    faulting, and Cortex-M3 code."""
    need("arm-none-eabi-gcc", "qemu-system-arm")
    # With the instruction budget compiled in, as docs/embedding.md section 7 builds it.
    out = run_on_board(build_firmware(image_c, str(tmp_path), ("-DMVM_INSTRUCTION_BUDGET=1",),
                                      cpu=cpu))
    for line in ("fib(20): 6765", "closures(5): 55", "objects(50): item49 total=2450",
                 "churn(300): 6000", "divide(7, 2): 3.5",
                 "divide(1, 0): caught RangeError: division by zero",
                 "hostLog: host adds 2 and 3", "callHost(2, 3): 50",
                 "hostFails(): host threw: hostAdd wants two numbers",
                 "damaged image: MVM_E_IMAGE_CRC", "host-profile image: MVM_E_IMAGE_PROFILE",
                 "other version: MVM_E_IMAGE_VERSION",
                 "unaligned image: MVM_E_INVALID_ARGUMENT", "hog(): MVM_E_OUT_OF_MEMORY",
                 "deep(100000) threw", "RangeError: Maximum call stack size exceeded",
                 "fails() threw", "fib(25): MVM_E_INSTRUCTION_BUDGET", "ALL OK"):
        assert line in out, out
    stats = {line.split(":")[0]: line for line in out.splitlines() if line.startswith("stats ")}
    with capsys.disabled():
        print(f"\n{cpu} code on the Cortex-M3 (qemu mps2-an385), memory:")
        print("  " + stats["stats malloc, after restore"])
        print("  " + stats["stats after calls"])
        print("  (idle RAM was 1,816 bytes before MVM_HEAP_EXACT_AT_RESTORE, MVM_TEMP_ROOTS=48 and"
              " MVM_ROOT_STRINGS_FROM_ROM; 1,064 with ROM root strings only when the program"
              " used them, 660 with every cached string in the MCU image ROM and the exports"
              " read from the image; 380 with the temp roots in the on-demand stack block and"
              " the cached strings read through the ROM's table; 372 with them in the core's"
              " read-only data (engine strings); 264 with the MCU profile's compact VM struct"
              " and the image's roots used in place; 228 with the run state only during calls"
              " and console only in programs that use it; 204 with the host functions in the"
              " image's ROM; 196 with no roots ITEMS in an image whose heap holds nothing else;"
              " 188 with a 92-byte struct; 132 with the constant globals in the ROM; 104 with"
              " the imports' ids and values in the ROM (4 bytes an import) and the unused one"
              " left out; 88 with a 76-byte struct (the ROM length, the names table, the image's"
              " exports and the arena found without fields); 72 with a 64-byte struct (the heap's"
              " capacity in its pad word, the stack limits the port's, the counts and flags in"
              " bit-fields) and no heap space for a heap of the pad word alone; 52 with a 44-byte"
              " struct (the import table after the globals, the heap limit the port's, no"
              " instruction budget, imports resolved at restore only, Math.random's state in the"
              " heap once drawn: 56 here, where the budget is compiled in); 44 with a 36-byte"
              " struct (the globals and imports after the struct in its allocation, the heap in"
              " use and its peak as 16-bit word counts: 48 here, with the budget);"
              " Microvium 8.0: 36 bytes + 2 per global + 4 per import, docs/embedding.md)")
    # The engine's strings are in the core and the exports are read from the image; the idle
    # heap is the program's own heap, its roots ITEMS as the image has it (4 bytes for this
    # program, the pad word alone: its host functions are in the image's ROM, and an image
    # whose heap holds nothing else has no roots ITEMS). The temp roots live with the stack,
    # which an idle VM lacks. The MCU profile's VM struct is 36 bytes on a 32-bit board (counts
    # and flags in bit-fields, no build-API fields, the run state only during calls, the stack
    # and heap limits the port's, the globals and import table after the struct, the heap in use
    # and its peak as 16-bit word counts, no resolver, Math.random's state in the heap once
    # drawn), 40 with the instruction budget this firmware compiles in, and each of
    # its two live imports 4 (their ids and values are in the ROM; the
    # prelude's print, unused, is left out). A heap of the pad word alone takes no RAM: it is
    # the core's shared read-only space until the first allocation.
    def field(line: str, name: str) -> int:
        return int(re.search(re.escape(name) + r" (\d+)", line).group(1))

    idle = stats["stats malloc, after restore"]
    assert field(idle, "heap used") <= 4, idle
    assert field(idle, "ram") <= 48, idle
    assert field(idle, "ram") == field(idle, "vm struct+tables"), idle
    assert field(idle, "imports") == 2, idle
    assert field(idle, "globals") == 0, idle  # all 14 are constants, in the image's ROM
    # The host read results between calls (mvm_to_string...): the stack block went with them.
    after = stats["stats after calls"]
    assert field(after, "vm struct+tables") == field(idle, "vm struct+tables"), after


def test_integer_only_firmware_runs_under_qemu(image_c: str, tmp_path) -> None:
    """The integer-only core (MVM_SUPPORT_FLOAT=0) on the board: the example's image runs and
    its one non-integer result (7 / 2) is the catchable RangeError. (The core objects call no
    soft-float routine: test_integer_only_core_has_no_double_arithmetic. The firmware still
    links some, for newlib's printf.)"""
    need("arm-none-eabi-gcc", "qemu-system-arm")
    out = run_on_board(build_firmware(image_c, str(tmp_path), ("-DMVM_SUPPORT_FLOAT=0",)))
    for line in ("fib(20): 6765", "closures(5): 55", "objects(50): item49 total=2450",
                 "churn(300): 6000", "divide(7, 2): caught RangeError: 7 / 2" + NO_FLOAT_TAIL,
                 "callHost(2, 3): 50", "hog(): MVM_E_OUT_OF_MEMORY", "ALL OK"):
        assert line in out, out


def test_core_allocates_only_through_the_vm_allocator() -> None:
    """A VM in a caller's buffer (mvm_restore_into) must never reach MVM_MALLOC: every
    allocation in vm_c/src goes through VM_MALLOC/mem_alloc, except the image buffer that
    mvm_snapshot hands to the caller (freed by mvm_free_buffer)."""
    allowed = {("snapshot.c", "img"), ("snapshot.c", "out_image"),  # mvm_snapshot's result
               ("load.c", "MVM_FREE(buffer, NULL)")}  # mvm_free_buffer
    found = []
    for path in core_sources():
        with open(path, encoding="utf-8") as f:
            for line in f:
                code = line.split("//")[0]
                for macro in ("MVM_MALLOC(", "MVM_FREE("):
                    if macro in code and not code.lstrip().startswith("*"):
                        name = os.path.basename(path)
                        if not any(name == a and s in code for a, s in allowed):
                            found.append(f"{name}: {line.strip()}")
    assert not found, "direct allocator calls bypass mvm_restore_into's buffer:\n" + "\n".join(found)


# ---- Optional builtin families (MVM_LIB_*, MVM_ASYNC) ----

SIZE_TEST_OPTIONS = ["-DMVM_LIB=0", "-DMVM_ASYNC=0", "-DMVM_SAFE_MODE=0", "-DMVM_CRC32_SMALL=1",
                     "-DMVM_ERROR_LOCATION=0"]
# The rest of tools/mcu_size.py's size-test: trusted images, the interpreter built for size,
# snprintf's digits (ports/host/mvm_port.c), no packed ROMs or heaps, Microvium's language,
# terse errors, no object access from C.
SIZE_CHOICES = ["-DMVM_VERIFY_IMAGES=0", "-DMVM_FAST_PATHS=0", "-DMVM_DTOA_SNPRINTF=1",
                "-DMVM_PACKED_ROM=0", "-DMVM_FULL_LANGUAGE=0", "-DMVM_ERROR_MESSAGES=0",
                "-DMVM_PACKED_HEAP=0", "-DMVM_API_OBJECTS=0"]

# Methods are found by name when the code runs: a missing one throws a catchable TypeError.
LIB_OFF_METHODS = r"""
function attempt(f) {
  try { return 'ok ' + f(); } catch (e) { return e.name + ': ' + e.message; }
}
export function probe() {
  // (no join: Array.prototype.join is in the ARRAY family)
  return attempt(() => 'abc'.slice(1)) + ' | ' +
    attempt(() => [3, 1].map((x) => x + 1)) + ' | ' +
    attempt(() => (1.5).toFixed(1)) + ' | ' +
    attempt(() => ({ a: 1 }).hasOwnProperty('a')) + ' | ' +
    attempt(() => { const a = [1, 2]; a.push(3); return a.length + ' ' + typeof a; });
}
"""
# Globals of a family are named in the bytecode: restore refuses the image.
LIB_OFF_GLOBALS = {
    "math": "export function f() { return Math.floor(2.5); }",
    "json": "export function f(x) { return x ? JSON.stringify(x) : 0; }",
    "array": "export function f() { return Array.isArray([]); }",
    "async": "export async function f() { return 1; }",
}


def test_example_runs_in_the_size_test_configuration(image_c: str, tmp_path) -> None:
    """The example program needs no library family: it runs on the smallest core, as
    tools/mcu_size.py measures it (no interpreter fast paths, snprintf's digits)."""
    cc = host_cc()
    exe = str(tmp_path / "host_example_small")
    run([cc, *STRICT, "-O2", MCU_PORT, *SIZE_TEST_OPTIONS, *SIZE_CHOICES, *INCLUDES,
         "-I" + image_c,
         os.path.join(EXAMPLE, "host_example.c"), os.path.join(image_c, "program_image.c"),
         os.path.join(VM_C, "ports", "host", "mvm_port.c"), *core_sources(), "-lm", "-o", exe])
    out = run([exe], timeout=120).stdout
    assert "ALL OK" in out and "fib(20): 6765" in out, out


SMALL_RUNNER = r"""
#include <stdio.h>
#include <stdlib.h>
#include "mvm.h"

int main(int argc, char** argv) {
  static unsigned char image[65536] __attribute__((aligned(4)));
  FILE* f = argc > 1 ? fopen(argv[1], "rb") : NULL;
  size_t len = f ? fread(image, 1, sizeof image, f) : 0;
  if (f) fclose(f);
  mvm_vm_t* vm = NULL;
  mvm_err_t err = mvm_restore(image, len, NULL, NULL, NULL, &vm);
  if (err != MVM_E_OK) {
    printf("restore %d\n", (int)err);
    return 1;
  }
  mvm_value_t fn, result, text;
  char out[64];
  size_t n = 0;
  err = mvm_resolve_export_named(vm, "f", 1, &fn);
  if (!err) err = mvm_call(vm, fn, NULL, 0, &result);
  if (!err) err = mvm_to_string(vm, result, &text);
  if (!err) err = mvm_string_utf8(vm, text, out, sizeof out - 1, &n);
  out[n] = 0;
  printf("f %d %s\n", (int)err, out);
  mvm_free(vm);
  return (int)err;
}
"""


def test_size_test_core_runs_the_example_on_the_board(image_c: str, tmp_path) -> None:
    """The core as tools/mcu_size.py measures it (size-test: no library families, trusted
    images, no fast paths, snprintf's digits from newlib, no packed ROMs, Microvium's language)
    runs the example firmware on the emulated Cortex-M3, its error codes included."""
    need("arm-none-eabi-gcc", "qemu-system-arm")
    srcs = [os.path.join(EXAMPLE, "host_example.c"), os.path.join(image_c, "program_image.c"),
            *core_sources(), os.path.join(VM_C, "ports", "host", "mvm_port.c")]
    out = run_on_board(link_firmware(srcs, str(tmp_path), (*SIZE_TEST_OPTIONS, *SIZE_CHOICES),
                                     ("-I" + image_c,)))
    for line in ("fib(20): 6765", "closures(5): 55", "objects(50): item49 total=2450",
                 "churn(300): 6000", "divide(7, 2): 3.5",
                 "divide(1, 0): caught RangeError: division by zero", "callHost(2, 3): 50",
                 "damaged image: MVM_E_IMAGE_CRC", "host-profile image: MVM_E_IMAGE_PROFILE",
                 "hog(): MVM_E_OUT_OF_MEMORY", "ALL OK"):
        assert line in out, out


@pytest.fixture(scope="module")
def small_runners(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """SMALL_RUNNER built on the size-test core ("small") and on the cortex_m port as it ships
    ("shipped"), once for the tests below."""
    out = tmp_path_factory.mktemp("small_runner")
    main = out / "small_runner.c"
    main.write_text(SMALL_RUNNER)
    exes = {"small": str(out / "small_runner"), "shipped": str(out / "shipped_runner")}
    options = {"small": [*SIZE_TEST_OPTIONS, *SIZE_CHOICES], "shipped": []}
    run_all([[host_cc(), *STRICT, "-O2", MCU_PORT, *options[name], *INCLUDES, str(main),
              *core_sources(), os.path.join(VM_C, "ports", "host", "mvm_port.c"), "-lm", "-o",
              exe] for name, exe in exes.items()])
    return exes


def test_size_build_runs_images_in_place_and_refuses_packed_ones(tmp_path,
                                                                   small_runners) -> None:
    """The size-test core of tools/mcu_size.py (images trusted, no fast paths, no packed-ROM
    expansion: MVM_PACKED_ROM=0) runs an image of `mvc build --target mcu`, whose ROM is used
    in place; the same image marked as packed (a host image's layout) is refused with
    MVM_E_IMAGE_FEATURE, and a damaged one with MVM_E_IMAGE_CRC first."""
    import zlib
    from compiler.opcodes import ERR_CODE, FEATURE_PACKED_ROM

    exe = small_runners["small"]
    src = tmp_path / "p.js"
    src.write_text("const parts = ['a', 'b'];\n"
                   "export function f() { let s = 0; for (let i = 0; i < 10; i++) s += i * 3;"
                   " return parts.join === undefined ? s + ':' + parts[1] : 'lib'; }\n")
    image = tmp_path / "p.mvm-bc"
    # (The array is in the heap: the size-test core reads heaps stored as they are.)
    assert mvc_main(["build", str(src), "--target", "mcu", "--raw-heap", "-o", str(image)]) == 0
    data = bytearray(image.read_bytes())
    assert not int.from_bytes(data[10:12], "little") >> FEATURE_PACKED_ROM & 1
    assert run([exe, str(image)]).stdout == "f 0 135:b\n"

    packed = bytearray(data)
    packed[10] |= 1 << FEATURE_PACKED_ROM
    packed[4:8] = zlib.crc32(packed[8:]).to_bytes(4, "little")
    damaged = bytearray(packed)
    damaged[-1] ^= 1
    for name, bad, code in (("packed", packed, "IMAGE_FEATURE"), ("damaged", damaged,
                                                                    "IMAGE_CRC")):
        path = tmp_path / f"{name}.mvm-bc"
        path.write_bytes(bytes(bad))
        proc = subprocess.run([exe, str(path)], capture_output=True, text=True, timeout=60)
        assert proc.stdout == f"restore {ERR_CODE[code]}\n", (name, proc.stdout)


def test_raw_heap_images_run_where_heaps_are_not_unpacked(tmp_path, small_runners) -> None:
    """`mvc build --target mcu --raw-heap` stores the heap as it is in RAM (FEATURE RAW_HEAP):
    the size-test core (MVM_PACKED_HEAP=0, no unpacker) runs it, and refuses the packed image of
    the same program (a heap with something in it) with MVM_E_IMAGE_FEATURE; the core as the
    cortex_m port ships runs both. The two images hold the same heap."""
    from compiler.disasm import unpack_image
    from compiler.opcodes import ERR_CODE, FEATURE_RAW_HEAP

    small, shipped = small_runners["small"], small_runners["shipped"]
    src = tmp_path / "p.js"
    # Made at build time and changed at run time: the object, its array and string are heap.
    src.write_text("const counts = { a: 1, b: [1, 2, 3], s: 'x' + 1, d: 2.5 };\n"
                   "export function f() { counts.a += 1; counts.b.push(counts.d);"
                   " return counts.a + ':' + counts.b.length + counts.s + counts.b[3]; }\n")
    raw, packed = tmp_path / "raw.mvm-bc", tmp_path / "packed.mvm-bc"
    assert mvc_main(["build", str(src), "--target", "mcu", "--raw-heap", "-o", str(raw)]) == 0
    assert mvc_main(["build", str(src), "--target", "mcu", "-o", str(packed)]) == 0
    raw_parts, packed_parts = unpack_image(raw.read_bytes()), unpack_image(packed.read_bytes())
    assert raw_parts.features == packed_parts.features | 1 << FEATURE_RAW_HEAP
    assert raw_parts.heap == packed_parts.heap and len(raw_parts.heap) > 16
    assert raw.stat().st_size > packed.stat().st_size
    for exe in (small, shipped):
        assert run([exe, str(raw)]).stdout == "f 0 2:4x12.5\n", exe
    assert run([shipped, str(packed)]).stdout == "f 0 2:4x12.5\n"
    proc = subprocess.run([small, str(packed)], capture_output=True, text=True, timeout=60)
    assert proc.stdout == f"restore {ERR_CODE['IMAGE_FEATURE']}\n", proc.stdout
    # --raw-heap is for the MCU target only.
    assert mvc_main(["build", str(src), "--raw-heap", "-o", str(tmp_path / "h.mvm-bc")]) == 1


# Each uses a part of the language MVM_FULL_LANGUAGE=0 leaves out (what Microvium's leaves out).
OUTSIDE_LEAN = {
    "loose_eq": "x == 1", "loose_ne": "x != 1", "in": "'a' in { a: x }",
    "instanceof": "[] instanceof Array", "delete": "delete ({ a: x }).a",
    "for_in": "(() => { for (const k in { a: 1 }) return k; })()",
    "for_of": "(() => { for (const v of [x]) return v; })()",
    "destructure": "(() => { const [a] = [x]; return a; })()",
    "spread": "[...[x]].length", "spread_call": "Math.max(...[x, 2])",
    "rest": "((...r) => r.length)(x)", "object_spread": "({ ...{ a: x } }).a",
    "super": "new (class B extends (class A { f() { return 1; } }) { f() { return super.f(); } })().f()",
}


def test_lean_language_check_names_file_line_and_column(tmp_path, capsys) -> None:
    """mvc build --lean-language over a program of two modules: one line per place, in the
    module where it is, with the column of the construct; a derived class is `extends`."""
    (tmp_path / "lib.js").write_text(
        "export function helper(a, ...rest) { return a in { 1: rest.length }; }\n")
    (tmp_path / "main.js").write_text(
        "import { helper } from './lib.js';\n"
        "export function f(x) {\n"
        "  if (x == 1) return 2;\n"
        "  for (const k in { a: 1 }) x += k;\n"
        "  return helper(...[x, 2]);\n"
        "}\n"
        "class A { m() { return 1; } }\n"
        "class B extends A { m() { return super.m() + 1; } }\n"
        "export const b = new B();\n"
        "export function ok(o) { return o?.a ?? `t${typeof o}`; }\n")
    out = str(tmp_path / "main.mvm-bc")
    assert mvc_main(["build", str(tmp_path / "main.js"), "--target", "mcu", "--lean-language",
                     "-o", out]) == 1
    assert not os.path.exists(out)
    tail = ": not in the language of a core built with MVM_FULL_LANGUAGE=0"
    assert capsys.readouterr().err.splitlines()[:5] == [
        "lib.js:1:27: a rest parameter, `in`" + tail,
        "main.js:3:7: `==`" + tail,
        "main.js:4:3: for-in" + tail,
        "main.js:5:17: spread, a spread call" + tail,
        "main.js:8:1: `extends`, `super.x`" + tail,
    ]


def test_lean_language_lists_agree() -> None:
    """The instructions MVM_FULL_LANGUAGE=0 leaves out are one C list (internal.h
    VM_LEAN_LEFT_OUT), which vm.c (the CASEs that throw) and verify.c (in_lean_language, which
    refuses the image) both expand, and hostlib/lean.py's (mvc build --lean-language)."""
    from hostlib.lean import LEFT_OUT

    # The C list is one X-macro (internal.h); vm.c's throwing CASEs and verify.c's refusal both
    # expand it.
    with open(os.path.join(VM_C, "src", "internal.h")) as f:
        internal_h = f.read()
    macro = internal_h[internal_h.index("#define VM_LEAN_LEFT_OUT(X)"):]
    listed = set(re.findall(r"X\((\w+)\)", macro[:macro.index("\n//")]))
    with open(os.path.join(VM_C, "src", "vm.c")) as f:
        vm_c = f.read()
    block = vm_c[vm_c.index("#if !MVM_FULL_LANGUAGE"):]
    block = block[:block.index("#endif")]
    in_vm = listed if "VM_LEAN_LEFT_OUT(LEAN_CASE)" in block else set()
    with open(os.path.join(VM_C, "src", "verify.c")) as f:
        verify_c = f.read()
    body = verify_c[verify_c.index("static bool in_lean_language("):]
    body = body[:body.index("return false;")]
    in_verify = listed if "VM_LEAN_LEFT_OUT(LEAN_OP)" in body else set()
    in_python = {op.name for op in LEFT_OUT}
    assert in_vm == in_verify == in_python and len(in_python) == 14, (in_vm, in_verify, in_python)


def test_lean_language_core_runs_the_benchmark_programs_and_refuses_the_rest(tmp_path) -> None:
    """MVM_FULL_LANGUAGE=0 (the cortex_m port otherwise as shipped): the benchmark programs,
    written in the subset Microvium also runs, give their `// expect:` lines. An image using
    a part of the language it leaves out is refused at restore (MVM_E_IMAGE_FEATURE) by the
    validating build, and throws a catchable TypeError on the build that trusts its images."""
    cc = host_cc()
    lean, trusting = str(tmp_path / "unit_run_lean"), str(tmp_path / "unit_run_lean_trust")
    common = [*STRICT, "-O2", MCU_PORT, "-DMVM_FULL_LANGUAGE=0", "-DMVM_INCLUDE_BUILD_API=1",
              "-DMVM_CONFIG_HEAP_LIMIT=1", *INCLUDES, os.path.join(VM_C, "tools", "mvm_unit_run.c"),
              *core_sources(), "-lm"]
    run_all([[cc, *common, "-o", lean],
             [cc, *common, "-DMVM_VERIFY_IMAGES=0", "-o", trusting]])
    programs = sorted(glob.glob(os.path.join(ROOT, "benchmarks", "programs", "*.js")))
    assert len(programs) >= 11
    for program in programs:
        with open(program) as f:
            expect = re.search(r"^// expect: (.*)$", f.read(), re.M).group(1)
        image = str(tmp_path / (os.path.basename(program) + ".mvm-bc"))
        assert mvc_main(["build", program, "--target", "mcu", "--max-heap", "1000000",
                         "--lean-language", "-o", image]) == 0
        for runner in (lean, trusting):
            out = run([runner, image, "--restore-only", "--max-heap", "1000000", "--call", "run"],
                      timeout=120).stdout
            assert expect in out.splitlines(), (program, runner, out)

    for name, expr in OUTSIDE_LEAN.items():
        src = tmp_path / f"{name}.js"
        src.write_text("export function f(x) {\n  try {\n    return 'ran ' + (" + expr + ");\n"
                       "  } catch (e) {\n    return e.name + ': ' + e.message;\n  }\n}\n")
        image = str(tmp_path / f"{name}.mvm-bc")
        # mvc build --lean-language names the line (3) and column and writes nothing.
        lean_build = subprocess.run(
            [sys.executable, "-m", "azure_microvium.cli", "build", str(src), "--target", "mcu",
             "--lean-language", "-o", image], capture_output=True, text=True, timeout=120)
        assert lean_build.returncode == 1 and not os.path.exists(image), (name, lean_build)
        assert re.match(rf"{name}\.js:3:(2[1-9]|[3-9]\d|1\d\d): ", lean_build.stderr) and \
            "not in the language of a core built with MVM_FULL_LANGUAGE=0" in lean_build.stderr, (
                name, lean_build.stderr)
        assert mvc_main(["build", str(src), "--target", "mcu", "-o", image]) == 0
        proc = subprocess.run([lean, image, "--restore-only", "--call", "f", "1"],
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 1 and "restore: IMAGE_FEATURE" in proc.stderr, (name, proc)
        out = run([trusting, image, "--restore-only", "--call", "f", "1"], timeout=60).stdout
        assert out.strip() == "TypeError: not in this VM's language (MVM_FULL_LANGUAGE 0)", (
            name, out)


# Errors the core raises, one the compiler writes into the image, and one the program makes.
ERROR_CASES = r"""
class Point {}
const frozen = Object.freeze({ a: 1 });
function deep(n) { return deep(n + 1) + 1; }
function early() { const r = late; let late = 1; return r; }
const cases = [
  () => null.x,
  () => { const u = undefined; u.y = 1; },
  () => { const n = 5; return n(); },
  () => deep(0),
  () => notDeclared,
  () => Point(),
  () => { throw new RangeError('mine'); },
  () => { frozen.a = 2; },
  () => early(),
  () => 'ab'.repeat(-1),
];
export function f() {
  return cases.map((c) => {
    try { c(); return 'no error'; } catch (e) { return e.name + '|' + e.message; }
  }).join('\n');
}
"""


def test_terse_error_messages_keep_each_error_class(tmp_path) -> None:
    """MVM_ERROR_MESSAGES=0 leaves the core's sentences out: each error keeps the class Node
    gives it, and its message is only what it names (the key, the class), or empty; the
    compiler's messages in the image and the program's own stay whole. The default core gives
    the whole sentences."""
    cc = host_cc()
    terse, full = str(tmp_path / "unit_run_terse"), str(tmp_path / "unit_run_full")
    common = [*STRICT, "-O2", MCU_PORT, "-DMVM_INCLUDE_BUILD_API=1", "-DMVM_CONFIG_HEAP_LIMIT=1",
              *INCLUDES, os.path.join(VM_C, "tools", "mvm_unit_run.c"), *core_sources(), "-lm"]
    run_all([[cc, *common, "-DMVM_ERROR_MESSAGES=0", "-o", terse], [cc, *common, "-o", full]])
    src = tmp_path / "errors.mjs"
    src.write_text(ERROR_CASES)
    node = run(["node", "-e", f"import({json.dumps(str(src))}).then(m => console.log(m.f()))"])
    expected_names = [line.split("|")[0] for line in node.stdout.strip().splitlines()]
    assert len(expected_names) == 10, node.stdout
    image = str(tmp_path / "errors.mvm-bc")
    assert mvc_main(["build", str(src), "--target", "mcu", "-o", image]) == 0
    outs = {name: run([exe, image, "--restore-only", "--call", "f"]).stdout.strip().splitlines()
            for name, exe in (("terse", terse), ("full", full))}
    for lines in outs.values():
        assert [line.split("|")[0] for line in lines] == expected_names, lines
    assert [line.split("|", 1)[1] for line in outs["terse"]] == [
        "x", "y", "", "", "notDeclared is not defined", "Point", "mine", "a",
        "Cannot access 'late' before initialization", "-1"], outs["terse"]
    assert outs["full"][0] == "TypeError|Cannot read properties of null (reading 'x')"
    assert outs["full"][3] == "RangeError|Maximum call stack size exceeded"


def test_missing_families_refuse_images_or_throw_catchable_type_errors(tmp_path) -> None:
    """A VM built with MVM_LIB=0 and MVM_ASYNC=0 refuses an image whose code names a global of
    a missing family (Math, JSON, Array...) or is async, with MVM_E_IMAGE_FEATURE; a missing
    method (found by name at run time) throws a TypeError the program can catch; the core
    (push, typeof) still works. Images come from the ordinary, full build (mvc build)."""
    cc = host_cc()
    exe = str(tmp_path / "unit_run_small")
    run([cc, *STRICT, "-O2", '-DMVM_PORT_HEADER="ports/host/mvm_port.h"', "-DMVM_LIB=0",
         "-DMVM_ASYNC=0", *INCLUDES, os.path.join(VM_C, "tools", "mvm_unit_run.c"),
         *core_sources(), os.path.join(VM_C, "ports", "host", "mvm_port.c"), "-lm", "-o", exe])

    def image_of(name: str, text: str) -> str:
        src = tmp_path / f"{name}.js"
        src.write_text(text)
        image = str(tmp_path / f"{name}.mvm-bc")
        assert mvc_main(["build", str(src), "-o", image]) == 0
        return image

    out = run([exe, image_of("methods", LIB_OFF_METHODS), "--restore-only", "--call", "probe"],
              timeout=60).stdout
    parts = out.strip().split(" | ")
    assert len(parts) == 5, out
    assert all(p.startswith("TypeError") for p in parts[:4]), out
    assert parts[4] == "ok 3 object", out
    for name, text in LIB_OFF_GLOBALS.items():
        proc = subprocess.run([exe, image_of(name, text), "--restore-only", "--call", "f"],
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 1 and "IMAGE_FEATURE" in proc.stderr, (name, proc.stderr)


def test_async_code_throws_a_catchable_type_error_on_a_trusting_core_without_promises(
        tmp_path, small_runners) -> None:
    """The size-test core has no promises (MVM_ASYNC=0) and trusts its images
    (MVM_VERIFY_IMAGES=0): it restores an async function's image, and calling that function
    throws a TypeError the caller can catch, where the function starts (vm.c: the three async
    instructions share one handler there); a plain function called after it still runs."""
    src = tmp_path / "uses_async.js"
    src.write_text("async function later(x) { await x; return x + 1; }\n"
                   "function plain() { return 6 * 7; }\n"
                   "export function f() {\n"
                   "  let r = 'ran';\n"
                   "  try { later(1); } catch (e) { r = e.name + '!'; }\n"
                   "  return r + ' ' + plain();\n"
                   "}\n")
    image = tmp_path / "uses_async.mvm-bc"
    assert mvc_main(["build", str(src), "--target", "mcu", "--raw-heap", "-o", str(image)]) == 0
    assert run([small_runners["small"], str(image)]).stdout == "f 0 TypeError! 42\n"


def test_exports_read_from_an_image_used_in_place(tmp_path) -> None:
    """An image whose ROM is used in place (no FEATURE PACKED_ROM, as --target mcu writes it)
    outlives its VM: restore reads the exports from the image when none is a heap reference
    and puts no table in the heap; vmExport at run time and mvm_snapshot move them to one.
    Exercised on the host VM with a host-profile image whose ROM is unpacked."""
    from compiler.disasm import pack_image, unpack_image
    from compiler.opcodes import FEATURE_PACKED_ROM
    from hostlib.cli import build_image
    from hostlib.vm import VM

    src = tmp_path / "exports.js"
    src.write_text(
        "export function inc(x) { return x + 1; }\n"
        "function twice(x) { return 2 * x; }\n"
        "vmExport(7, twice);\n"
        "vmExport(8, function more(id) { vmExport(id, twice); return id; });\n"
        "export const answer = 42;\n")
    heap_src = tmp_path / "heap_export.js"
    heap_src.write_text(
        "function make(n) { return function () { return n; }; }\n"
        "vmExport(1, make(5));\n")

    def in_place(image: bytes) -> bytes:
        parts = unpack_image(image)
        parts.features &= ~(1 << FEATURE_PACKED_ROM)
        return pack_image(parts)

    packed = build_image(str(src))
    image = in_place(packed)
    with VM.restore(packed) as vm:
        heap_with_table = vm.stats()["heap_used"]
    with VM.restore(image) as vm:
        assert vm.stats()["heap_used"] < heap_with_table  # no exports table in the heap
        assert sorted(map(str, vm.exports())) == ["7", "8", "answer", "inc"]
        assert vm.call(vm.export("inc"), 1) == 2
        assert vm.call(vm.export(7), 4) == 8
        again = vm.snapshot()  # moves the exports to the heap first
        assert vm.call(vm.export(8), 9) == 9  # vmExport at run time: a heap table
        assert vm.call(vm.export(9), 5) == 10
        assert vm.call(vm.export("inc"), 2) == 3
        assert sorted(map(str, vm.exports())) == ["7", "8", "9", "answer", "inc"]
    with VM.restore(in_place(again)) as vm:
        assert vm.call(vm.export(7), 1) == 2
        assert vm.call(vm.export(8), 3) == 3 and vm.call(vm.export(3), 2) == 4
    # A closure export is a heap reference: the collector moves it, so it gets the heap table.
    with VM.restore(in_place(build_image(str(heap_src)))) as vm:
        vm.run_gc()
        assert vm.call(vm.export(1)) == 5


# ---- The integer-only build (MVM_SUPPORT_FLOAT=0) ----

# Integer arithmetic, string <-> integer conversion and Math work as in JS; what has no int32
# result throws a RangeError the program catches. (The compiler folds none of these operations
# into a float constant: the test checks that the image has no FEATURE FLOAT64.)
NO_FLOAT_PROGRAM = r"""
function attempt(f) {
  try { return String(f()); } catch (e) { return e.name + ': ' + e.message; }
}
export function arith(a, b) {
  return [a + b, a - b, a * b, 6 / 2, a % b, 2 ** 10, (-7) % 2, -a, a << 3, -9 >> 1,
          -1 >>> 28, ~a, a & b, a | b, a ^ b, a++, --b].join(' ');
}
export function convert() {
  return [parseInt('42'), parseInt('-ff', 16), Number('12'), Number(' 0x1f '), '5' * 2,
          +'  -7 ', '3' - 1, String(123), (255).toString(16), (-255).toString(2), '' + -40,
          (7).toFixed(2), '1e3' * 1, 1000000 * 1000, Number('2.50e1'),
          [1, 2, 3].indexOf(2), 'abc'.charAt('1.9'), 'abcdef'.slice(-2)].join(' ');
}
export function maths() {
  return [Math.floor(7), Math.ceil(-3), Math.round(5), Math.trunc(-2), Math.abs(-9),
          Math.sign(-4), Math.min(3, 1, 2), Math.max(3, 1, 2), Math.pow(3, 4), Math.sqrt(49),
          Math.pow(-1, -3)].join(' ');
}
export function zero(z) {
  return [z * -1, -z, z % -5, -z === z].join(' ');
}
export function nan() {
  return [isNaN('x'), isNaN('12'), isNaN('1.5'), 'x' < 1, 'x' >= 1, undefined | 0,
          Number.isNaN(5), Number.isInteger(5), '1.5' == 1, typeof (1 << 29)].join(' ');
}
export function throws() {
  return [attempt(() => 7 / 2), attempt(() => 1 / 0), attempt(() => 0 / 0),
          attempt(() => 2147483647 + 1), attempt(() => (1 << 29) * 4), attempt(() => 2 ** -1),
          attempt(() => Math.sqrt(2)), attempt(() => Math.random()),
          attempt(() => parseFloat('1.5')),
          attempt(() => Number('x')), attempt(() => '1.5' * 2), attempt(() => '1.5' < 2),
          attempt(() => -(1 << 31)), attempt(() => Math.PI), attempt(() => Math.max()),
          attempt(() => 7 % 0), attempt(() => 'a'.charCodeAt(5)), attempt(() => undefined + 1),
          attempt(() => parseInt('99999999999'))].join(' | ');
}
export function caught() {
  try {
    return 7 / 2;
  } catch (e) {
    return (e instanceof RangeError) + ' ' + e.message;
  }
}
"""
NO_FLOAT_TAIL = " is not a 32-bit integer: this build has no floating point (MVM_SUPPORT_FLOAT=0)"
NO_FLOAT_EXPECT = {
    # The same as Node prints for these (checked when the test was written).
    "arith 13 5": "18 8 65 3 3 1024 -1 -13 104 -5 15 -14 5 13 8 13 4",
    "convert": "42 -255 12 31 10 -7 2 123 ff -11111111 -40 7.00 1000 1000000000 25 1 b ef",
    "maths": "7 -3 5 -2 9 -1 1 3 81 7 -1",
    "nan": "true false false false false 0 false true false number",
    # -0 is a float: these are 0 here (Node prints the same, String(-0) being "0").
    "zero 0": "0 0 0 true",
    "throws": " | ".join("RangeError: " + what + NO_FLOAT_TAIL for what in (
        "7 / 2", "1 / 0", "0 / 0", "2147483647 + 1", "536870912 * 4", "2 ** -1", "Math.sqrt(2)",
        "Math.random()", "1.5", "NaN", "1.5", "1.5", "-(-2147483648)", "PI", "Math.max()",
        "7 % 0", "NaN", "NaN + 1", "99999999999")),
    "caught": "true 7 / 2" + NO_FLOAT_TAIL,
}


def test_integer_only_build_runs_integer_programs_and_refuses_float_images(image_c: str,
                                                                           tmp_path) -> None:
    """The core built natively with MVM_SUPPORT_FLOAT=0 (cortex_m port, linked without -lm: it
    needs no libm) runs --target mcu images: exact integer results as in JS, a catchable
    RangeError for the rest. An image holding a float has FEATURE FLOAT64 and is refused with
    MVM_E_IMAGE_FEATURE; one without has no such bit. The example host runs on this core too."""
    from compiler.opcodes import FEATURE_FLOAT64

    cc = host_cc()
    runner = str(tmp_path / "unit_run_nofloat")
    example = str(tmp_path / "host_example_nofloat")
    no_float = [MCU_PORT, "-DMVM_SUPPORT_FLOAT=0"]
    run_all([
        [cc, *STRICT, "-O2", *no_float, "-DMVM_INCLUDE_BUILD_API=1", *INCLUDES,
         os.path.join(VM_C, "tools", "mvm_unit_run.c"), *core_sources(), "-o", runner],
        [cc, *STRICT, "-O2", *no_float, *INCLUDES, "-I" + image_c,
         os.path.join(EXAMPLE, "host_example.c"), os.path.join(image_c, "program_image.c"),
         *core_sources(), "-o", example],
    ])

    def image_of(name: str, text: str) -> str:
        src = tmp_path / f"{name}.js"
        src.write_text(text)
        image = str(tmp_path / f"{name}.mvm-bc")
        assert mvc_main(["build", str(src), "--target", "mcu", "-o", image]) == 0
        return image

    ints = image_of("ints", NO_FLOAT_PROGRAM)
    with open(ints, "rb") as f:
        features = int.from_bytes(f.read()[10:12], "little")
    assert not features >> FEATURE_FLOAT64 & 1, "the compiler folded a float into the program"
    for call, expect in NO_FLOAT_EXPECT.items():
        out = run([runner, ints, "--restore-only", "--call", *call.split()], timeout=60).stdout
        assert out.strip() == expect, (call, out)

    for name, text in {"const": "export const x = 1.5;\nexport function f() { return 1; }\n",
                       "nan": "export function f(x) { return x === NaN; }\n"}.items():
        image = image_of(name, text)
        with open(image, "rb") as f:
            assert int.from_bytes(f.read()[10:12], "little") >> FEATURE_FLOAT64 & 1, name
        proc = subprocess.run([runner, image, "--restore-only", "--call", "f"], check=False,
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 1 and "restore: IMAGE_FEATURE" in proc.stderr, (name, proc.stderr)

    out = run([example], timeout=120).stdout
    assert "ALL OK" in out, out
    assert "divide(7, 2): caught RangeError: 7 / 2" + NO_FLOAT_TAIL in out, out
    assert "fib(20): 6765" in out and "callHost(2, 3): 50" in out, out


# The int32 range in the integer-only build: int32s past int31 are FLOAT64 boxes, read and
# written without a double. Every line run() prints stays in int32 (intermediate results too),
# so it must be exactly what Node prints. The values kept at build time (KEPT: the host VM's
# top level, snapshotted into the image's heap) and the int32 literals (ROM) leave the image
# without FEATURE FLOAT64, so the integer-only VM restores it.
INT32_PROGRAM = r"""
// Values made at build time (the host VM's top level) and kept in the image's heap.
const KEPT = [0x7fffffff, -0x80000000, 2 ** 30, 0x7fffffff - 1, -(2 ** 30) - 1];
const KEPT_OBJ = { big: 2147483647, small: -2147483648 };

export function run() {
  const out = [];
  const max = 0x7fffffff, min = -0x80000000, b30 = 2 ** 30;
  out.push([max, min, b30, -b30, b30 - 1, -b30 - 1, 0x40000000, 1073741824, 2147483647].join(' '));
  // Arithmetic crossing +-2^30 and staying in int32.
  let x = 1073741823;
  out.push([x + 1, x + x, x * 2, -x - 2, b30 - 1 + b30, max - 1, min + 1, max - b30,
            min / 2, max % 1000, min % 7, 46340 * 46340, -46341 * 46340, 65535 * 32768,
            (b30 - 1) * 2 / 3, 2 ** 30 - 1 + 2 ** 30, 3 ** 19, (-2) ** 31, max / max].join(' '));
  // Bitwise operators with int32 results.
  out.push([max | 0, min | 0, max ^ 1, min ^ -1, 1 << 30, 1 << 31, -1 << 31, 3 << 30, max >> 1,
            min >> 1, min >> 31, max >>> 1, min >>> 1, '0xffff0000' | 0, ~max, ~min, max & min,
            (max + 0) | 1, '0x80000000' | 0, '4294967295' | 0, '4294967297' | 0, '1e10' | 0,
            '2147483648' | 0, '-2147483649' | 0, '0xffff0000' >> 8, '4294967295' >>> 1].join(' '));
  // Comparisons, equality and switch on boxed values.
  const a = 2147483647, b = 2147483646 + 1, c = min, d = -2147483647 - 1;
  out.push([a === b, a == b, a !== b, a === '2147483647', a == '2147483647', c === d, c == d,
            a > c, c < 0, a > b30, a >= b, c <= d, a === max,
            [a, c].includes(b), [a, c].indexOf(d), b30 === 2 ** 30, typeof a, typeof c,
            a === 2147483647.0, -(c + 1) === max].join(' '));
  function kind(v) {
    switch (v) {
      case 2147483647: return 'max';
      case -2147483648: return 'min';
      case 1073741824: return 'b30';
      default: return 'other';
    }
  }
  out.push([kind(a), kind(b), kind(d), kind(b30), kind(2 ** 30 + 1), kind(String(a))].join(' '));
  // As object keys, array indexes, in strings.
  const o = {};
  o[a] = 'A';
  o[c] = 'C';
  o[b30] = 'B';
  const arr = [];
  arr[b30 - b30 + 3] = 'three';
  out.push([o[2147483647], o['2147483647'], o[-2147483648], o[1073741824], o[b], Object.keys(o).join(','),
            'x' + a, a + 'y', String(c), `${b30}`, (c).toString(), a.toString(16), c.toString(2),
            (max).toString(36), arr.length, arr[3], [a, c, b30].join('/'), max.toFixed(2)].join(' '));
  out.push(JSON.stringify({ a, c, list: [b30, -b30, max - 1], nested: { v: min + 5 } }));
  out.push(JSON.stringify(JSON.parse('[2147483647,-2147483648,1073741824]')));
  out.push([parseInt('2147483647'), parseInt('-2147483648'), parseInt('7fffffff', 16),
            parseInt('-80000000', 16), Number('2147483647'), +'-2147483648', '1073741824' * 1,
            Number('0x7fffffff'), '2147483647' - 0, parseInt('1073741824px')].join(' '));
  out.push([Math.max(a, c, 1), Math.min(a, c, 1), Math.abs(-2147483647), Math.abs(c + 1),
            Math.floor(b30), Math.sign(c), Math.max(b30, 5), Math.pow(2, 30), Math.pow(-2, 31),
            Math.sqrt(2147395600), Math.trunc(c)].join(' '));
  // Increment and decrement across the int31 boundary, and a loop that allocates.
  let i = 1073741822;
  const seen = [];
  for (let k = 0; k < 4; k++) seen.push(i++);
  let j = -1073741823;
  for (let k = 0; k < 4; k++) seen.push(j--);
  let m = 2147483645;
  m++; m++; seen.push(m);
  let n = -2147483646;
  n -= 1; n--; seen.push(n);
  out.push(seen.join(' '));
  let sum = 0, keep = [];
  for (let k = 0; k < 3000; k++) {
    const v = 2147483647 - k;               // a box each time
    keep.push({ v, s: 'v' + v, w: -v - 1 });  // garbage and kept values
    if (keep.length > 50) keep.shift();
    sum = (sum + (v % 1000)) | 0;
  }
  out.push([sum, keep[0].v, keep[49].w, keep[10].s, keep.length].join(' '));
  out.push([KEPT.join(' '), KEPT_OBJ.big, KEPT_OBJ.small, KEPT[0] + KEPT[1], KEPT[2] === b30].join(' '));
  // The library on boxed values: Uint8Array stores, indexes and lengths, the Number.isX.
  const u = new Uint8Array(2);
  u[0] = max;
  u[1] = min + 3;
  const small = [1, 2, 3], keyed = { [max]: 'm', 5: 'five' };
  out.push([u[0], u[1], small[max], small[min], 'abc'.charAt(max), max in keyed, min in keyed,
            Number.isInteger(max), Number.isSafeInteger(min), Number.isFinite(min),
            Number.isNaN(max), isNaN(max), isFinite(min), !max, !!min, -(-max), ~~max,
            small.slice(min, max).join(), 'abcdef'.slice(-max), 'abcdef'.substring(max),
            [3, 1, 2].sort((p, q) => (p - q) * 1000000).join(), parseInt(String(min)),
            Number(String(max)) === max, max.valueOf(), typeof Number(max),
            '2147483648' > max, '-2147483649' < min, JSON.stringify(keyed)].join(' '));
  return out.join('\n');
}
"""
# Integer results past int32: (expression, the RangeError's form with the checks on). With
# MVM_INT32_OVERFLOW_CHECKS=0 each is Node's (expression) | 0 instead (every exact result here
# is below 2^53, where JS's | 0 and C's 32-bit wrapping agree).
INT32_PAST = [
    ("max + 1", "2147483647 + 1"), ("min - 1", "-2147483648 - 1"), ("-1 >>> 0", "-1 >>> 0"),
    ("2 ** 31", "2 ** 31"), ("min / -1", "-2147483648 / -1"), ("-min", "-(-2147483648)"),
    ("max * 2", "2147483647 * 2"), ("65536 * 65536", "65536 * 65536"), ("2 ** 32", "2 ** 32"),
    ("min >>> 0", "-2147483648 >>> 0"), ("3 ** 20", "3 ** 20"),
    ("max + max", "2147483647 + 2147483647"), ("'3000000000' * 1", "3000000000 * 1"),
    ("(() => { let v = max; v++; return v; })()", "2147483647 + 1"),
    ("(() => { let v = min; v--; return v; })()", "-2147483648 - 1"),
    ("(() => { let v = 1 << 30; v += v; return v; })()", "1073741824 + 1073741824"),
    ("Math.abs(min)", "Math.abs(-2147483648)"), ("parseInt('4294967296')", "4294967296"),
    ("Math.max(1, '4294967295')", "Math.max(4294967295)"),
]
# Results that are no integer: the RangeError in both configurations.
INT32_NOT_INTEGER = ["7 / 2", "1 / 0", "0 / 0", "2 ** -1", "max / 2"]


def int32_overflow_export(name: str, wrap_in_node: bool) -> str:
    """An export returning one line per INT32_PAST and INT32_NOT_INTEGER case: the value, or the
    error's name and message. For Node (wrap_in_node), the INT32_PAST values are | 0'ed."""
    cases = [f"() => ({e}){' | 0' if wrap_in_node else ''}" for e, _ in INT32_PAST]
    cases += [f"() => {e}" for e in INT32_NOT_INTEGER]
    return (f"export function {name}() {{\n  const max = 0x7fffffff, min = -0x80000000;\n"
            f"  return [{', '.join(f'attempt({c})' for c in cases)}].join('\\n');\n}}\n"
            "function attempt(f) {\n"
            "  try { return String(f()); } catch (e) { return e.name + ': ' + e.message; }\n}\n")


def test_integer_only_build_has_the_full_int32_range(tmp_path) -> None:
    """MVM_SUPPORT_FLOAT=0 has every int32: literals, arithmetic across +-2^30, bitwise
    operators, equality and switch on boxed values, keys, strings, JSON, parseInt, Math, ++/--,
    values surviving a collecting loop and a snapshot; the output is Node's. Results past int32
    throw a catchable RangeError, and with -DMVM_INT32_OVERFLOW_CHECKS=0 wrap into int32 as
    Node's | 0 does; results that are no integer throw in both. The checks-off runner is built
    with GC stress (a collection at every allocation) and UBSan."""
    from compiler.opcodes import FEATURE_FLOAT64

    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    cc = host_cc()
    checked, wrapping = str(tmp_path / "unit_run_int32"), str(tmp_path / "unit_run_int32_wrap")
    # The minimal core of tools/mcu_size.py: wrapping, and no interpreter fast paths.
    minimal = str(tmp_path / "unit_run_int32_minimal")
    common = [*STRICT, MCU_PORT, "-DMVM_SUPPORT_FLOAT=0", "-DMVM_INCLUDE_BUILD_API=1", *INCLUDES,
              os.path.join(VM_C, "tools", "mvm_unit_run.c"), *core_sources()]
    run_all([
        [cc, "-O2", *common, "-o", checked],
        [cc, "-O1", "-DMVM_INT32_OVERFLOW_CHECKS=0", "-DMVM_GC_STRESS=1", "-fsanitize=undefined",
         "-fno-sanitize-recover=undefined", *common, "-o", wrapping],
        [cc, "-O1", "-DMVM_INT32_OVERFLOW_CHECKS=0", "-DMVM_FAST_PATHS=0", "-fsanitize=undefined",
         "-fno-sanitize-recover=undefined", *common, "-o", minimal],
    ])
    src = tmp_path / "int32.js"
    src.write_text(INT32_PROGRAM + int32_overflow_export("overflow", False))
    image = str(tmp_path / "int32.mvm-bc")
    assert mvc_main(["build", str(src), "--target", "mcu", "-o", image]) == 0
    with open(image, "rb") as f:
        assert not int.from_bytes(f.read()[10:12], "little") >> FEATURE_FLOAT64 & 1

    node_src = tmp_path / "int32_node.mjs"
    node_src.write_text(INT32_PROGRAM + int32_overflow_export("overflow", True) +
                        "export function past() {\n  const max = 0x7fffffff, min = -0x80000000;\n"
                        f"  return [{', '.join(e for e, _ in INT32_PAST)}]"
                        ".map((v) => v !== (v | 0)).join(' ');\n}\n")
    node = run(["node", "--input-type=module", "-e",
                f"import * as m from {str(node_src)!r};\n"
                "console.log(m.run());\nconsole.log('--');\nconsole.log(m.overflow());\n"
                "console.log('--');\nconsole.log(m.past());\n"], timeout=60).stdout
    node_run, node_wrapped, node_past = node.rstrip("\n").split("\n--\n")
    assert node_past == " ".join(["true"] * len(INT32_PAST)), node_past  # each leaves int32
    assert len(node_run.split("\n")) == 14

    for runner in (checked, wrapping, minimal):
        out = run([runner, image, "--restore-only", "--call", "run"], timeout=120).stdout
        assert out.rstrip("\n") == node_run, (runner, out)
    not_integer = ["RangeError: " + e.replace("max", "2147483647") + NO_FLOAT_TAIL
                   for e in INT32_NOT_INTEGER]
    out = run([checked, image, "--restore-only", "--call", "overflow"], timeout=60).stdout
    assert out.rstrip("\n").split("\n") == [
        "RangeError: " + form + NO_FLOAT_TAIL for _, form in INT32_PAST] + not_integer, out
    wrapped = node_wrapped.split("\n")[:len(INT32_PAST)]
    for runner in (wrapping, minimal):
        out = run([runner, image, "--restore-only", "--call", "overflow"], timeout=60).stdout
        assert out.rstrip("\n").split("\n") == wrapped + not_integer, (runner, out)
    assert wrapped[:3] == ["-2147483648", "2147483647", "-1"], wrapped


def test_read_only_spaces_read_as_fields_are_word_aligned(tmp_path) -> None:
    """The core's own read-only spaces whose words are read as fields (the engine strings'
    headers, the shared empty heap's capacity) are 4-aligned objects, not byte arrays that
    a linker may place anywhere: with MVM_ALIGNED_FIELDS a Cortex-M0 would fault on them.
    Compiled for the M0 with -Os and a section for each object, as a firmware build does."""
    need("arm-none-eabi-gcc", "arm-none-eabi-objdump")
    obj = str(tmp_path / "heap.o")
    run(["arm-none-eabi-gcc", *STRICT, "-mcpu=cortex-m0", "-mthumb", "-Os", "-fdata-sections",
         MCU_PORT, *INCLUDES, "-c", os.path.join(VM_C, "src", "heap.c"), "-o", obj])
    headers = run(["arm-none-eabi-objdump", "-h", obj]).stdout
    found = dict(re.findall(r"\.rodata\.(mvm_engine_rom|heap_empty_space)\s.*?2\*\*(\d+)",
                            headers))
    assert found.keys() == {"mvm_engine_rom", "heap_empty_space"}, headers
    assert all(int(a) >= 2 for a in found.values()), found


def test_integer_only_core_has_no_double_arithmetic() -> None:
    """Compiled for Cortex-M0 with MVM_SUPPORT_FLOAT=0, no source calls a soft-float routine
    (__aeabi_d*, __aeabi_f*, conversions to or from double) or a <math.h> function."""
    need("arm-none-eabi-gcc", "arm-none-eabi-nm")
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        objs = [os.path.join(tmp, os.path.basename(f) + ".o") for f in core_sources()]
        run_all([["arm-none-eabi-gcc", *STRICT, "-mcpu=cortex-m0", "-mthumb", "-Os", MCU_PORT,
                  "-DMVM_SUPPORT_FLOAT=0", "-DMVM_INCLUDE_BUILD_API=1", *INCLUDES, "-c", src,
                  "-o", obj] for src, obj in zip(core_sources(), objs)])
        undefined = run(["arm-none-eabi-nm", "-u", *objs]).stdout.split()
    floats = sorted({s for s in undefined
                     if s.startswith(("__aeabi_d", "__aeabi_f", "__aeabi_i2d", "__aeabi_ui2d",
                                      "__aeabi_l2d", "__aeabi_ul2d", "__aeabi_l2f"))
                     or s in ("fmod", "pow", "floor", "trunc", "sqrt")})
    assert floats == [], floats
    assert "__aeabi_lmul" in undefined or "__aeabi_idiv" in undefined  # the scan saw symbols


def test_feature_float64_marks_exactly_the_images_holding_a_float(tmp_path) -> None:
    """The snapshot writer sets FEATURE FLOAT64 only when the ROM or the heap holds a FLOAT64
    that is no int32 integer (a constant, or a float made at build time and kept in the heap;
    -0, NaN and Infinity are floats, 0x7fffffff is not). The VM with floats restores every
    image, those with the bit set by older writers included; the integer-only VM restores those
    without the bit (test_integer_only_build_has_the_full_int32_range)."""
    from compiler.disasm import pack_image, unpack_image
    from compiler.opcodes import FEATURE_FLOAT64
    from hostlib.cli import build_image
    from hostlib.vm import VM

    def image(text: str) -> bytes:
        src = tmp_path / "p.js"
        src.write_text(text)
        return build_image(str(src))

    def has_float(img: bytes) -> bool:
        return bool(int.from_bytes(img[10:12], "little") >> FEATURE_FLOAT64 & 1)

    ints = image("export function f(a) { return a * 2 + 1; }\n")
    rom_float = image("export function f(a) { return a * 2.5; }\n")
    heap_float = image("function third(n) { return n / 3; }\nconst k = [third(1)];\n"
                       "export function f(a) { return a + k[0] * 3; }\n")
    assert not has_float(ints) and has_float(rom_float) and has_float(heap_float)
    # FLOAT64s that hold int32s (past int31) are numbers of the integer-only build too: no bit.
    rom_int32 = image("export function f(a) { return [0x7fffffff, -0x80000000, 2147483646, a]"
                      ".join(); }\n")
    heap_int32 = image("const k = [(1 << 30) * 2 - 1, -(1 << 30) * 2, 1 << 31];\n"
                       "export function f(a) { return k.concat(a).join(); }\n")
    assert not has_float(rom_int32) and not has_float(heap_int32)
    # Any other FLOAT64 sets it: just past int32 either side, -0, NaN, Infinity, a fraction.
    for rom_src in ("2147483648", "-2147483649", "4294967296", "-0", "NaN", "Infinity",
                    "0.5", "-1073741824.5"):
        assert has_float(image(f"export function f(a) {{ return [{rom_src}, a]; }}\n")), rom_src
    for heap_src in ("(1 << 30) * 2", "-(1 << 30) * 2 - 1", "0 * -1", "1 / 0", "0 / 0"):
        assert has_float(image(f"const k = [{heap_src}];\n"
                               "export function f(a) { return k.concat(a); }\n")), heap_src
    parts = unpack_image(ints)
    parts.features |= 1 << FEATURE_FLOAT64  # as every image was written before
    old_style = pack_image(parts)
    for img, expect in ((ints, 7), (old_style, 7), (rom_float, 7.5), (heap_float, 4),
                        (rom_int32, "2147483647,-2147483648,2147483646,3"),
                        (heap_int32, "2147483647,-2147483648,-2147483648,3")):
        with VM.restore(img) as vm:
            assert vm.call(vm.export("f"), 3) == expect


def test_ram_benchmark_firmware_runs_on_the_board(tmp_path) -> None:
    """tools/mcu_ram.py's firmware for our VM (benchmarks/board/ram_ours.c), on two benchmark
    programs: each is restored from flash, reports its idle RAM (the VM struct, tables and heap
    as mvm_get_stats counts them, no stack between calls), runs, and reports again, with the
    run's instructions counted by the board's timer."""
    need("arm-none-eabi-gcc", "qemu-system-arm")
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    import mcu_ram
    from hostlib.cli import MCU_DEFAULT_MAX_HEAP, build_image, device_host, retarget_image

    images = []
    for name in ("fib", "closures"):
        image = build_image(os.path.join(ROOT, "benchmarks", "programs", name + ".js"),
                            host=device_host(), max_heap=MCU_DEFAULT_MAX_HEAP)
        images.append((name, retarget_image(image, "mcu")))
    table = tmp_path / "images.c"
    table.write_text(mcu_ram.images_c(images))
    out = mcu_ram.build_and_run(
        str(tmp_path), "ours", [os.path.join(ROOT, "benchmarks", "board", "ram_ours.c"),
                                str(table), *core_sources()],
        [MCU_PORT, *INCLUDES])
    rows = mcu_ram.parse(out)
    assert "done" in out and "FAULT" not in out, out
    for name, _ in images:
        ram, struct, heap_used, _, imports = rows[name]["idle"]
        # A heap of the pad word alone (heap_used 4) is the shared read-only space: no RAM.
        assert ram == struct + (heap_used if heap_used > 4 else 0) and imports == 1, rows[name]
        assert ram <= 400, rows[name]
        after_ram, peak, err, ticks = rows[name]["after"]
        assert err == 0 and peak >= heap_used, rows[name]
    # The board's clock counts the call (board_clock.h, qemu -icount): fib(25) makes 242,785
    # calls, each of a few dozen instructions; closures far fewer.
    fib_instructions = rows["fib"]["after"][3] * mcu_ram.INSTRUCTIONS_PER_TICK
    assert 242_785 * 10 < fib_instructions < 242_785 * 1000, rows["fib"]
    assert rows["closures"]["after"][3] * mcu_ram.INSTRUCTIONS_PER_TICK < fib_instructions, rows
