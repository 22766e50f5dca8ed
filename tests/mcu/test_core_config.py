"""A core for one image: `mvc build --target mcu --core-config FILE.h` (hostlib/core_config.py).

The header turns off the core's optional parts the image cannot reach. These tests check what
it finds in small programs, then build each benchmark program's core with its header and run
the program on it (natively and on the emulated board): the same output as Node's, from a core
much smaller than the port as shipped. An image that needs more than a core has is refused.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from hostlib.cli import MCU_DEFAULT_MAX_HEAP, build_image, device_host, retarget_image
from hostlib.cli import main as mvc_main
from hostlib.core_config import FAMILIES, core_needs

from test_mcu import EXAMPLE, ROOT, STRICT, host_cc, link_firmware, need, run, run_on_board

PROGRAMS = os.path.join(ROOT, "benchmarks", "programs")


def needs_of(tmp_path, source: str, raw_heap: bool = False):
    path = tmp_path / "p.js"
    path.write_text(source)
    image = build_image(str(path), host=device_host(), max_heap=MCU_DEFAULT_MAX_HEAP, strip=True)
    return core_needs(retarget_image(image, "mcu", raw_heap=raw_heap))


def on(needs) -> set[str]:
    """The options the header sets to 1, but for the instructions (always selected)."""
    return {option for option, value, _ in needs.options()
            if value and not option.startswith(("MVM_OP_USED_", "MVM_OPS_SELECTED"))}


RUN = "export function run() { %s }"


def test_a_program_using_no_optional_part_gets_the_smallest_core(tmp_path) -> None:
    needs = needs_of(tmp_path, RUN % "let s = 0; for (let i = 0; i < 4; i++) s = s + i; "
                                      "const o = {a: [1, 2]}; o.a.push(s); return o.a.length;")
    assert on(needs) == set()
    options = dict((o, v) for o, v, _ in needs.options())
    assert options["MVM_LIB"] == 0 and options["MVM_ASYNC"] == 0
    assert options["MVM_FULL_LANGUAGE"] == 0 and options["MVM_PACKED_HEAP"] == 0


@pytest.mark.parametrize("body, expected, why", [
    ("return Math.floor(2.5);", {"MVM_LIB_MATH"}, "uses Math"),
    ("return JSON.stringify({a: 1});", {"MVM_LIB_JSON"}, "uses JSON"),
    ("return parseInt('7');", {"MVM_LIB_NUMBER"}, "uses parseInt"),
    ("return String(1);", {"MVM_LIB_NUMBER"}, "uses String"),
    ("return Object.keys({a: 1}).length;", {"MVM_LIB_OBJECT"}, "uses Object"),
    ("return Array.isArray([]);", {"MVM_LIB_ARRAY"}, "uses Array"),
    ("return new Uint8Array(2).length;", {"MVM_LIB_BYTES"}, "uses Uint8Array"),
    # Methods of values, by name: a name several families answer keeps them all.
    ("return 'abc'.toUpperCase();", {"MVM_LIB_STRING"}, "'toUpperCase'"),
    ("return [3, 1].map(x => x);", {"MVM_LIB_ARRAY"}, "'map'"),
    ("return 'abc'.slice(1);", {"MVM_LIB_STRING", "MVM_LIB_ARRAY", "MVM_LIB_BYTES"}, "'slice'"),
    ("return (1.5).toFixed(1);", {"MVM_LIB_NUMBER"}, "'toFixed'"),
    # toString is one of the core's own strings: the image refers to it, and both families that
    # answer it stay.
    ("return (5).toString();", {"MVM_LIB_NUMBER", "MVM_LIB_OBJECT"}, "'toString'"),
    ("return ({}).hasOwnProperty('a');", {"MVM_LIB_OBJECT"}, "'hasOwnProperty'"),
    # A name that is only data still counts (it could be a key at run time).
    ("const names = ['filter']; return names.length;", {"MVM_LIB_ARRAY"}, "'filter'"),
    ("return 1 == 1;", {"MVM_FULL_LANGUAGE"}, "`==`"),
    ("let n = 0; for (const x of [1, 2]) n = n + x; return n;", {"MVM_FULL_LANGUAGE"},
     "for-of"),
    ("return new Promise(r => r(1));", {"MVM_ASYNC"}, "uses Promise"),
])
def test_what_the_code_reaches_is_kept_and_said_why(tmp_path, body, expected, why) -> None:
    needs = needs_of(tmp_path, RUN % body)
    assert on(needs) == expected
    comments = " ".join(c for o, _, c in needs.options() if o in expected)
    assert why in comments


def test_async_functions_and_values_stored_at_build_time_are_found(tmp_path) -> None:
    assert on(needs_of(tmp_path, "async function f() { return 1; }\n" + RUN % "return f();")) \
        == {"MVM_ASYNC"}
    # A builtin the top level stored: a constant global (its value in the code) and the heap.
    assert on(needs_of(tmp_path, "const floor = Math.floor;\n" + RUN % "return floor(1.5);")) \
        == {"MVM_LIB_MATH"}
    needs = needs_of(tmp_path, "const t = [JSON];\n" + RUN % "return t.length;", raw_heap=True)
    assert on(needs) == {"MVM_LIB_JSON"}
    # globalThis reaches every global by name: every family stays.
    assert on(needs_of(tmp_path, RUN % "return typeof globalThis;")) == \
        {f"MVM_LIB_{f}" for f in FAMILIES}


def test_a_heap_left_at_build_time_needs_the_unpacker_unless_stored_raw(tmp_path) -> None:
    source = "const t = [{a: 1}, {a: 2}];\n" + RUN % "return t[1].a;"
    assert on(needs_of(tmp_path, source)) == {"MVM_PACKED_HEAP"}
    assert on(needs_of(tmp_path, source, raw_heap=True)) == set()


def test_line_tables_turn_the_error_location_lookup_on(tmp_path) -> None:
    path = tmp_path / "p.js"
    path.write_text(RUN % "return 1;")
    for strip, expected in ((True, set()), (False, {"MVM_ERROR_LOCATION"})):
        image = build_image(str(path), host=device_host(), max_heap=MCU_DEFAULT_MAX_HEAP,
                            strip=strip)
        assert on(core_needs(retarget_image(image, "mcu"))) == expected


def test_the_option_writes_a_port_header_and_is_for_mcu_images(tmp_path, capsys) -> None:
    src = tmp_path / "app.js"
    src.write_text(RUN % "return Math.abs(-2);")
    out = tmp_path / "app_core.h"
    assert mvc_main(["build", "--target", "mcu", "--core-config", str(out), str(src),
                     "-o", str(tmp_path / "app.mvm-bc")]) == 0
    text = out.read_text()
    assert "#define MVM_LIB_MATH 1" in text and "#define MVM_LIB_JSON 0" in text
    assert "#include MVM_CORE_BASE_PORT" in text and "#ifndef APP_CORE_H" in text
    assert mvc_main(["build", "--core-config", str(out), str(src)]) == 1
    assert "--core-config is for --target mcu" in capsys.readouterr().err
    assert mvc_main(["build", "--target", "mcu", "--core-config", str(tmp_path / "x.c"),
                     str(src)]) == 1
    assert "must end in .h" in capsys.readouterr().err


# ---- Each benchmark program on a core built for it ----

def expected_output(path: str) -> str:
    with open(path, encoding="utf-8") as f:
        m = re.search(r"^// expect: (.*)$", f.read(), re.M)
    assert m, path
    return m.group(1)


def build_program(name: str, out: str, extra: tuple[str, ...] = ()) -> tuple[str, str]:
    """The program's image as C (NAME_image.c/.h) and its core header (NAME_core.h) in out."""
    src = os.path.join(PROGRAMS, name + ".js")
    assert mvc_main(["build", "--target", "mcu", "--emit-c", "--core-config",
                     os.path.join(out, name + "_core.h"), *extra, src,
                     "-o", os.path.join(out, name + "_image.c")]) == 0
    return os.path.join(out, name + "_image.c"), os.path.join(out, name + "_core.h")


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = str(tmp_path_factory.mktemp("dist"))
    run([sys.executable, os.path.join(ROOT, "tools", "amalgamate.py"), "--out", out])
    return out


def program_names() -> list[str]:
    return sorted(os.path.splitext(f)[0] for f in os.listdir(PROGRAMS) if f.endswith(".js"))


def test_each_benchmark_program_runs_on_the_core_built_for_it(dist, tmp_path) -> None:
    cc = host_cc()
    for name in program_names():
        image_c, _ = build_program(name, str(tmp_path))
        exe = str(tmp_path / name)
        # Microvium's heap limit, as the board measurements use (object_array needs 33 KB).
        run([cc, *STRICT, "-O1", f"-DMVM_PORT_HEADER=\"{name}_core.h\"", f"-DIMAGE={name}_image",
             "-DMVM_DEFAULT_MAX_HEAP=65536u",
             f"-DIMAGE_H=\"{name}_image.h\"", "-I" + dist, "-I" + str(tmp_path),
             os.path.join(EXAMPLE, "run_program.c"), image_c, os.path.join(dist, "mvm.c"),
             "-o", exe, "-lm"])
        proc = subprocess.run([exe], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, f"{name}: {proc.stdout}{proc.stderr}"
        assert proc.stdout.splitlines()[0] == expected_output(os.path.join(PROGRAMS, name + ".js"))


def test_a_core_refuses_an_image_that_needs_more(dist, tmp_path) -> None:
    """json_rt's image on fib's core (no JSON family): restore says MVM_E_IMAGE_FEATURE."""
    cc = host_cc()
    build_program("fib", str(tmp_path))
    image_c, _ = build_program("json_rt", str(tmp_path))
    exe = str(tmp_path / "mismatch")
    run([cc, *STRICT, "-O1", "-DMVM_PORT_HEADER=\"fib_core.h\"", "-DIMAGE=json_rt_image",
         "-DIMAGE_H=\"json_rt_image.h\"", "-I" + dist, "-I" + str(tmp_path),
         os.path.join(EXAMPLE, "run_program.c"), image_c, os.path.join(dist, "mvm.c"),
         "-o", exe, "-lm"])
    proc = subprocess.run([exe], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and proc.stdout.strip() == "error 20"  # MVM_E_IMAGE_FEATURE


def cortex_m0_text(dist: str, port_header: str, include: str) -> int:
    obj = os.path.join(include, os.path.basename(port_header) + ".o")
    run(["arm-none-eabi-gcc", "-c", "-mcpu=cortex-m0", "-mthumb", "-Os", "-fno-section-anchors",
         "-nostdlib", *STRICT, f"-DMVM_PORT_HEADER=\"{port_header}\"", "-I" + dist,
         "-I" + include, os.path.join(dist, "mvm.c"), "-o", obj])
    out = run(["arm-none-eabi-size", obj]).stdout.splitlines()[-1].split()
    return int(out[0])


def test_the_board_runs_a_program_on_its_core_under_half_the_shipped_size(dist, tmp_path) \
        -> None:
    need("arm-none-eabi-gcc", "qemu-system-arm")
    image_c, header = build_program("closures", str(tmp_path))
    shipped = cortex_m0_text(dist, "mvm_port_example.h", str(tmp_path))
    own = cortex_m0_text(dist, "closures_core.h", str(tmp_path))
    print(f"closures' core: {own} bytes of Cortex-M0 .text, the port as shipped {shipped}")
    assert own < 0.5 * shipped
    elf = link_firmware(
        [os.path.join(EXAMPLE, "run_program.c"), image_c, os.path.join(dist, "mvm.c")],
        str(tmp_path), defines=("-DIMAGE=closures_image", "-DIMAGE_H=\"closures_image.h\""),
        port="-DMVM_PORT_HEADER=\"closures_core.h\"", core_includes=("-I" + dist,),
        includes=("-I" + str(tmp_path),))
    out = run_on_board(elf)
    assert out.splitlines()[0] == expected_output(os.path.join(PROGRAMS, "closures.js"))


# ---- Every golden program on the core its image asks for ----

def test_every_golden_program_resumes_on_the_core_its_image_asks_for(tmp_path) -> None:
    """The whole tests/js suite as tests/mcu/test_golden_mcu.py runs it (the top level and the
    snapshot on the MCU port with everything), but each image restored, and afterResume run,
    by a runner built with its image's --core-config header: whatever the analysis leaves out,
    a program that needed it fails here (refused at restore, a method missing). The runners
    are many and built unoptimised: one per distinct choice of the other options, with the
    instructions of all the images that share it (each benchmark program above gets exactly
    its own)."""
    from concurrent.futures import ThreadPoolExecutor

    from compiler.opcodes import Op
    from hostlib.core_config import core_needs
    from run_js import JS_ROOT, discover, parse
    from test_golden_mcu import HOST_LIMITS, run_on_mcu_port
    from test_mcu import INCLUDES, MCU_PORT, VM_C, core_sources

    cc = host_cc()
    sources = [os.path.join(VM_C, "tools", "mvm_unit_run.c"), *core_sources()]
    common = [*STRICT, "-DMVM_INCLUDE_BUILD_API=1", *HOST_LIMITS, *INCLUDES, "-I" + str(tmp_path)]
    full = str(tmp_path / "runner_full")
    run([cc, "-O1", MCU_PORT, *common, *sources, "-lm", "-o", full])
    tests = [rel for rel in discover() if parse(os.path.join(JS_ROOT, rel)).skip is None]
    assert len(tests) > 300

    def choice(needs) -> tuple:
        return tuple((o, v) for o, v, _ in needs.options()
                     if not o.startswith(("MVM_OP_USED_", "MVM_OPS_SELECTED")))

    # First every program on the full runner, to learn what each image asks for.
    ops: dict[tuple, set[Op]] = {}

    def record(image: bytes) -> str:
        needs = core_needs(image)
        ops.setdefault(choice(needs), set()).update(needs.ops)
        return full

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(lambda rel: run_on_mcu_port(full, rel, str(tmp_path), record), tests))

    def build(item: tuple[int, tuple]) -> tuple[tuple, str]:
        n, key = item
        header = tmp_path / f"core_{n}.h"
        lines = [f"#define {o} {v}" for o, v in key
                 if o not in ("MVM_PACKED_ROM", "MVM_PACKED_HEAP")]  # (set below)
        lines += ["#define MVM_OPS_SELECTED 1"]
        lines += [f"#define MVM_OP_USED_{op.name} {int(op in ops[key])}" for op in Op]
        lines += ['#include "ports/cortex_m/mvm_port.h"', ""]
        header.write_text("\n".join(lines))
        exe = str(tmp_path / f"runner_{n}")
        # The runner has the build API, which writes packed images: both unpackers stay.
        run([cc, "-O0", f'-DMVM_PORT_HEADER="{header.name}"', "-DMVM_PACKED_ROM=1",
             "-DMVM_PACKED_HEAP=1", *common, *sources, "-lm", "-o", exe])
        return key, exe

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        runners = dict(pool.map(build, enumerate(ops)))
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda rel: (rel, run_on_mcu_port(
            full, rel, str(tmp_path), lambda image: runners[choice(core_needs(image))])), tests))
    failures = [f"{rel}: {problem}" for rel, problem in results if problem]
    print(f"{len(tests)} programs, {len(runners)} distinct cores")
    assert len(runners) > 10  # the suite's images ask for many different cores
    assert not failures, f"{len(failures)} of {len(tests)} fail on their own core:\n" + \
        "\n".join(failures)
