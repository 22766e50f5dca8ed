#!/usr/bin/env bash
# Installs the project and runs every test suite: C unit tests, the Python suites, then the
# golden programs again under GC stress and under AddressSanitizer + UBSan.
# This is the README's test command and what .ci/run runs.
set -euo pipefail
cd "$(dirname "$0")/.."

python -m pip install -q --disable-pip-version-check -e '.[test]'

echo "== C core: warnings-as-errors build and unit tests"
make -s -C vm_c warnings
make -s -C vm_c test

echo "== Python suites (normal build)"
python -m pytest -q -p no:cacheprovider tests

echo "== Golden programs under GC stress (collect at every allocation, heap moved each time)"
python vm_c/build_ffi.py --variant stress >/dev/null
MVM_VARIANT=stress python -m pytest -q -p no:cacheprovider tests/test_js_golden.py tests/api/test_limits.py

echo "== Golden programs under AddressSanitizer + UndefinedBehaviorSanitizer (+ GC stress)"
python vm_c/build_ffi.py --variant asan >/dev/null
make -s -C vm_c asan
LD_PRELOAD="$(gcc -print-file-name=libasan.so):$(gcc -print-file-name=libubsan.so)" \
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  MVM_VARIANT=asan python -m pytest -q -p no:cacheprovider tests/test_js_golden.py tests/api/test_limits.py
