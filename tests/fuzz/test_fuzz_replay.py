"""Past fuzz findings (tests/fuzz/regressions) replayed through the fuzz harness itself, built
without libFuzzer (tests/fuzz/replay_main.c) under AddressSanitizer and UBSan, for the
microcontroller builds tools/fuzz.sh fuzzes: mcu (ports/cortex_m) and mcu-int
(MVM_SUPPORT_FLOAT=0). A finding of the host profile replays there with its profile bit swapped
(seed_corpus.py --regressions), so that it reaches past the profile check.

The host build's replays are tests/hardening/test_limits_hardening.py (through the Python host)
and every tools/fuzz.sh run; the Python host cannot load MCU images, so these are here. The
builds do not depend on MVM_VARIANT: tools/test.sh's stress and ASan passes skip them.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VM_C = os.path.join(ROOT, "vm_c")
PORTS = {
    # as tools/fuzz.sh builds them: with the instruction budget and heap limit the harness sets
    "mcu": ['-DMVM_PORT_HEADER="ports/cortex_m/mvm_port.h"', "-DMVM_INSTRUCTION_BUDGET=1",
            "-DMVM_CONFIG_HEAP_LIMIT=1"],
    "mcu-int": ['-DMVM_PORT_HEADER="ports/cortex_m/mvm_port.h"', "-DMVM_SUPPORT_FLOAT=0",
                "-DMVM_INSTRUCTION_BUDGET=1", "-DMVM_CONFIG_HEAP_LIMIT=1"],
    # the size-test choices (no object access from C: the harness's other branch), and the
    # simulated Harvard target (the image restored from its flash)
    "mcu-small": ['-DMVM_PORT_HEADER="ports/cortex_m/mvm_port.h"', "-DMVM_UNALIGNED_LE=0",
                  "-DMVM_FAST_PATHS=0", "-DMVM_PACKED_ROM=0", "-DMVM_PACKED_HEAP=0",
                  "-DMVM_FULL_LANGUAGE=0", "-DMVM_DTOA_SNPRINTF=1", "-DMVM_ERROR_MESSAGES=0",
                  "-DMVM_API_OBJECTS=0", "-DMVM_INSTRUCTION_BUDGET=1", "-DMVM_CONFIG_HEAP_LIMIT=1",
                  os.path.join(VM_C, "ports", "host", "mvm_port.c")],
    "harvard": ['-DMVM_PORT_HEADER="harvard_port.h"', "-I" + os.path.join(ROOT, "tests", "mcu",
                                                                           "harvard"),
                "-DMVM_INSTRUCTION_BUDGET=1", "-DMVM_CONFIG_HEAP_LIMIT=1",
                os.path.join(ROOT, "tests", "mcu", "harvard", "harvard_place.c")],
}
ENV = {"ASAN_OPTIONS": "detect_leaks=1:abort_on_error=1:allocator_may_return_null=1",
       "UBSAN_OPTIONS": "halt_on_error=1:print_stacktrace=1"}


if os.environ.get("MVM_VARIANT"):
    pytest.skip("the replay builds its own VM: run once, not per MVM_VARIANT",
                allow_module_level=True)


def sanitizing_cc() -> str:
    for cc in ("clang", "gcc"):
        if shutil.which(cc):
            probe = subprocess.run([cc, "-fsanitize=address,undefined", "-x", "c", "-", "-o",
                                    os.devnull], input="int main(void){return 0;}",
                                   capture_output=True, text=True)
            if probe.returncode == 0:
                return cc
    pytest.skip("no C compiler with AddressSanitizer and UBSan")
    raise AssertionError


@pytest.fixture(scope="module")
def replayers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    cc = sanitizing_cc()
    out = tmp_path_factory.mktemp("replay")
    src = os.path.join(VM_C, "src")
    core = sorted(os.path.join(src, f) for f in os.listdir(src) if f.endswith(".c"))

    def build(profile: str) -> str:
        exe = str(out / f"replay-{profile}")
        cmd = [cc, "-std=c99", "-O1", "-g", "-fno-omit-frame-pointer",
               "-fsanitize=address,undefined", "-fno-sanitize-recover=all", *PORTS[profile],
               "-I" + os.path.join(VM_C, "include"), "-I" + VM_C, "-I" + src,
               os.path.join(ROOT, "tests", "fuzz", "fuzz_restore.c"),
               os.path.join(ROOT, "tests", "fuzz", "replay_main.c"),
               *core, "-lm", "-o", exe]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr[-4000:]
        return exe

    with ThreadPoolExecutor(max_workers=2) as pool:
        exes = dict(zip(PORTS, pool.map(build, PORTS)))
    return exes


def regressions(profile: str, out: str) -> list[str]:
    sys.path.insert(0, os.path.join(ROOT, "tools", "fuzz"))
    try:
        import seed_corpus
    finally:
        sys.path.pop(0)
    paths = []
    for name, data in seed_corpus.regressions_for(profile).items():
        path = os.path.join(out, name)
        with open(path, "wb") as f:
            f.write(data)
        paths.append(path)
    return paths


@pytest.mark.parametrize("profile", list(PORTS))
def test_past_findings_replay_cleanly_in_every_build(profile: str, replayers: dict[str, str],
                                                       tmp_path) -> None:
    paths = regressions(profile, str(tmp_path))
    assert any(p.endswith("-retargeted") for p in paths), "no finding of another profile"
    proc = subprocess.run([replayers[profile], *paths], capture_output=True, text=True,
                          timeout=600, env={**os.environ, **ENV, "FUZZ_RESTORE_LOG": "1"})
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-6000:]
    assert proc.stdout.count("replayed ") == len(paths)
    # Retargeted, a finding gets past the profile check (error 6, MVM_E_IMAGE_PROFILE).
    codes = [line.split(":")[1].split(",")[0].strip() for line in proc.stderr.splitlines()
             if line.startswith("restore")]
    assert len(codes) == len(paths)
    assert sum(c != "6" for c in codes) > len(paths) // 2, codes

