#!/usr/bin/env bash
# Installs the project and runs every test suite: C unit tests, the Python suites (with the
# hardening tests: faults, soak, limits, compiler pipeline, secrets; every test's output scanned
# for secrets), the JavaScript suites on the core without fast paths, the whole suite again
# under GC stress and under AddressSanitizer + UBSan,
# then libFuzzer passes over the image loader: 60 seconds of the host build, 30 of the
# microcontroller build (docs/security.md).
# This is the README's test command and what .ci/run runs.
set -euo pipefail
cd "$(dirname "$0")/.."

python -m pip install -q --disable-pip-version-check -e '.[test]'

# Every pytest pass runs on all cores (pytest-xdist), one test module per worker at a time, so a
# module's fixtures (cores it cross-compiles, servers it starts) are made once.
PARALLEL=(-n auto --dist loadfile)

# Cross toolchain and emulator for the microcontroller tests (tests/mcu): installed only when
# missing, so a machine that has them (or has no apt-get) is left alone; tests/mcu skips with a
# message when they are absent.
# The ESP8266's compiler and C library (tests/mcu/test_harvard.py cross-compiles its port).
mcu_tools_missing() {
  ! command -v arm-none-eabi-gcc >/dev/null 2>&1 || ! command -v qemu-system-arm >/dev/null 2>&1 ||
    ! arm-none-eabi-gcc -print-file-name=rdimon.specs | grep -q / ||
    ! command -v xtensa-lx106-elf-gcc >/dev/null 2>&1 ||
    [ ! -f /usr/lib/xtensa-lx106-elf/picolibc.specs ]
}
if mcu_tools_missing && command -v apt-get >/dev/null 2>&1; then
  echo "== Installing gcc-arm-none-eabi, libnewlib-arm-none-eabi, qemu-system-arm, gcc-xtensa-lx106"
  SUDO=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm \
    gcc-xtensa-lx106 picolibc-xtensa-lx106-elf >/dev/null
fi

echo "== C core: warnings-as-errors build and unit tests"
make -s -C vm_c warnings
make -s -C vm_c test

echo "== Microcontroller profile: single-file distribution (dist/) and Cortex-M0 code size"
# tests/mcu (in the Python suites below) compiles dist/ warning-free, runs the C example host
# and the qemu firmware; this step leaves dist/ as a CI artifact and prints the size table
# (`tools/mcu_size.py --write` makes the whole report, benchmarks/results/mcu_size.md).
python tools/amalgamate.py --out dist
if command -v arm-none-eabi-gcc >/dev/null 2>&1; then python tools/mcu_size.py --quick; fi

echo "== Python suites (normal build), every test's output scanned for secrets"
# secret_scan (tests/hardening/secret_scan.py) fails a test whose output, logs or files show a
# secret (docs/security.md); tests/hardening has the fault, soak, limit and fuzz-pipeline tests.
PYTHONPATH="tests/hardening${PYTHONPATH:+:$PYTHONPATH}" \
  python -m pytest -q -p no:cacheprovider "${PARALLEL[@]}" -p secret_scan tests

# The JavaScript suites (golden programs against Node, differential) on the core without the
# interpreter's inline fast paths (MVM_FAST_PATHS=0, the smallest microcontroller build).
echo "== The JavaScript suites on the interpreter without fast paths (MVM_FAST_PATHS=0)"
python vm_c/build_ffi.py --variant small >/dev/null
MVM_VARIANT=small python -m pytest -q -p no:cacheprovider "${PARALLEL[@]}" \
  tests/test_js_golden.py tests/test_golden_vs_node.py tests/differential

# The whole suite again on two builds of the core (tests/mcu excepted: it cross-compiles its own).
echo "== The test suite under GC stress (collect at every allocation, heap moved each time)"
# (Past 64 KB of heap, at one allocation in each 4 KB: MVM_GC_STRESS in mvm_port_default.h.)
python vm_c/build_ffi.py --variant stress >/dev/null
MVM_VARIANT=stress python -m pytest -q -p no:cacheprovider "${PARALLEL[@]}" --ignore=tests/mcu tests

echo "== The test suite under AddressSanitizer + UndefinedBehaviorSanitizer"
python vm_c/build_ffi.py --variant asan >/dev/null
make -s -C vm_c asan
LD_PRELOAD="$(gcc -print-file-name=libasan.so):$(gcc -print-file-name=libubsan.so)" \
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  MVM_VARIANT=asan python -m pytest -q -p no:cacheprovider "${PARALLEL[@]}" --ignore=tests/mcu tests

echo "== Image loader fuzzing: a short libFuzzer pass (ASan + UBSan); the long run is tools/fuzz.sh"
if ! command -v clang >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get install -y -qq clang >/dev/null || (apt-get update -qq && apt-get install -y -qq clang >/dev/null) || true
fi
if command -v clang >/dev/null 2>&1; then
  # Past findings (tests/fuzz/regressions/) are replayed first; any new finding fails the run.
  bash tools/fuzz.sh 60
  # The microcontroller build (ports/cortex_m: ROM and exports used in place, stack on demand,
  # restore into a static buffer), on --target mcu images: paths the host build has not.
  FUZZ_PROFILE=mcu bash tools/fuzz.sh 30
else
  echo "(clang not installed: fuzzing skipped)"
fi
