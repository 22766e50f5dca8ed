"""The core on targets whose image plain C loads cannot read (MVM_HARVARD).

1. A Harvard target simulated natively (tests/mcu/harvard/harvard_port.h): each tests/js
   program's MCU image (as tests/mcu/test_golden_mcu.py makes it: the top level and the
   snapshot on the MCU port) is restored by a runner built with MVM_HARVARD, from an address
   that no plain C read may touch, and its afterResume run; each benchmark program's
   `mvc build --target mcu` image too, and its `run` called. Any read of the image that does
   not go through the port's MVM_READ_ROM_* macros faults (on a real Harvard target it would
   read the wrong memory, or fault the same way). The output must be the `// expect:` lines.
2. The ESP8266 port (vm_c/ports/esp8266), whose flash takes aligned 32-bit loads only: its
   macros, built natively, run the same programs; and the core cross-compiles warning-free for
   the ESP8266 with Debian's xtensa-lx106-elf-gcc.
"""
from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE)))

from run_js import JS_ROOT, discover, parse  # noqa: E402
from test_core_config import PROGRAMS, expected_output  # noqa: E402
from test_golden_mcu import HOST_LIMITS, RUN_ENV, run_on_mcu_port  # noqa: E402
from test_mcu import INCLUDES, MCU_PORT, STRICT, VM_C, core_sources, host_cc  # noqa: E402

SIM = os.path.join(HERE, "harvard")


def build_runner(out: str, port: str, extra: list[str]) -> str:
    subprocess.run([host_cc(), *STRICT, "-O1", port, "-DMVM_INCLUDE_BUILD_API=1", *HOST_LIMITS,
                    *INCLUDES, "-I" + SIM, os.path.join(VM_C, "tools", "mvm_unit_run.c"),
                    *core_sources(), *extra, "-lm", "-o", out], check=True)
    return out


# The runners that restore the images: the simulated Harvard target, and the ESP8266 port's
# macros (natively, the image in ordinary memory).
RESTORE_PORTS = {
    "harvard-sim": ('-DMVM_PORT_HEADER="harvard_port.h"', [os.path.join(SIM, "harvard_place.c")]),
    "esp8266-macros": ('-DMVM_PORT_HEADER="ports/esp8266/mvm_port.h"', []),
}


@pytest.fixture(scope="module")
def full_runner(tmp_path_factory) -> str:
    return build_runner(str(tmp_path_factory.mktemp("harvard") / "runner_full"), MCU_PORT, [])


@pytest.fixture(scope="module", params=sorted(RESTORE_PORTS))
def runners(request, full_runner, tmp_path_factory) -> tuple[str, str]:
    port, extra = RESTORE_PORTS[request.param]
    work = tmp_path_factory.mktemp("harvard")
    return full_runner, build_runner(str(work / f"runner_{request.param}"), port, extra)


def test_a_plain_read_of_the_simulated_flash_faults(full_runner, tmp_path) -> None:
    """The simulation catches what it is for: an image restored through the simulated flash by
    a core built without MVM_HARVARD (plain reads) dies at its first read of the image."""
    full = full_runner
    plain = build_runner(str(tmp_path / "runner_plain"), '-DMVM_PORT_HEADER="plain_port.h"',
                         [os.path.join(SIM, "harvard_place.c")])
    problem = run_on_mcu_port(full, "closures/counter.js", str(tmp_path), lambda image: plain)
    assert problem and "restore of the MCU image failed" in problem


def test_every_golden_program_resumes_from_harvard_flash(runners, tmp_path) -> None:
    full, sim = runners
    tests = [rel for rel in discover() if parse(os.path.join(JS_ROOT, rel)).skip is None]
    assert len(tests) > 300
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda rel: (rel, run_on_mcu_port(
            full, rel, str(tmp_path), lambda image: sim)), tests))
    failures = [f"{rel}: {problem}" for rel, problem in results if problem]
    assert not failures, f"{len(failures)} of {len(tests)} fail:\n" + "\n".join(failures[:40])


def test_the_benchmark_programs_run_from_harvard_flash(runners, tmp_path) -> None:
    """Each benchmark program's `mvc build --target mcu` image (the ROM used in place, as a
    firmware's) restored from the simulated flash and its `run` called: the output must be its
    `// expect:` line."""
    from hostlib.cli import main as mvc

    _, sim = runners
    names = sorted(f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".js"))
    assert len(names) >= 10
    for name in names:
        source = os.path.join(PROGRAMS, name + ".js")
        image = str(tmp_path / (name + ".mvm"))
        assert mvc(["build", "--target", "mcu", source, "-o", image]) == 0
        proc = subprocess.run([sim, image, "--restore-only", "--call", "run"],
                              capture_output=True, text=True, timeout=300, env=RUN_ENV)
        assert proc.returncode == 0, f"{name}: {proc.stderr.strip()}"
        # then what run returned
        assert proc.stdout.splitlines()[:-1] == [expected_output(source)], name


def test_the_esp8266_port_cross_compiles_warning_free(tmp_path) -> None:
    """The single-file core with the ESP8266 port, for the ESP8266 (xtensa-lx106-elf-gcc -Os,
    picolibc's headers), with warnings as errors: as shipped, and with the size-test choices."""
    from test_mcu import need

    need("xtensa-lx106-elf-gcc")
    root = os.path.dirname(os.path.dirname(HERE))
    dist = str(tmp_path / "dist")
    subprocess.run([sys.executable, os.path.join(root, "tools", "amalgamate.py"), "--out", dist],
                   check=True, capture_output=True)
    sys.path.insert(0, os.path.join(root, "tools"))
    from mcu_size import SIZE_TEST

    size_test = [o for o in SIZE_TEST if "PORT_HEADER" not in o]
    for choices in ([], size_test):
        subprocess.run(["xtensa-lx106-elf-gcc", "-c", "-Os", "-mlongcalls", *STRICT,
                        "--specs=/usr/lib/xtensa-lx106-elf/picolibc.specs", "-I" + dist,
                        "-I" + VM_C, '-DMVM_PORT_HEADER="ports/esp8266/mvm_port.h"', *choices,
                        os.path.join(dist, "mvm.c"), "-o", str(tmp_path / "mvm.o")], check=True)
