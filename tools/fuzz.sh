#!/usr/bin/env bash
# Coverage-guided fuzzing of the image loader and of what restored images can make the VM do
# (tests/fuzz/fuzz_restore.c), with libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer.
#
#   tools/fuzz.sh                    # the long run: until stopped, or 10 million inputs
#   tools/fuzz.sh 60                 # a short pass: 60 seconds (what CI runs)
#   tools/fuzz.sh 3600 -jobs=2 -workers=2   # any further arguments go to libFuzzer
#   FUZZ_RUNS=1000000 tools/fuzz.sh 0       # stop after this many inputs instead
#
# Needs clang with libFuzzer (Debian: apt-get install clang; clang-14 ships it). Everything goes
# under build/fuzz/: the harness binary, seeds (rebuilt from tests/js and examples each time, so
# they have the current image format), the growing corpus (kept between runs), and any finding
# in build/fuzz/artifacts/ (crash-*, leak-*, timeout-*, oom-*; slow-unit-* files are inputs that
# took over 10 s, kept for information). Exit status: 0 when the run ended
# without a finding, 1 otherwise. Reproduce a finding with
#   build/fuzz/fuzz_restore build/fuzz/artifacts/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_ARG="${1:-0}"
shift || true
OUT="${FUZZ_OUT:-build/fuzz}"  # binary, seeds, corpus and findings
CC="${FUZZ_CC:-clang}"
VM="${FUZZ_VM_DIR:-vm_c}"  # another copy of the VM sources (e.g. a release's) to fuzz instead
mkdir -p "$OUT/corpus" "$OUT/artifacts"

if ! command -v "$CC" >/dev/null 2>&1; then
  echo "fuzz.sh: $CC not found (apt-get install -y clang)" >&2
  exit 2
fi

echo "== building $OUT/fuzz_restore ($CC, libFuzzer + ASan + UBSan)"
"$CC" -std=c99 -g -O1 -fno-omit-frame-pointer \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -DMVM_PORT_HEADER='"ports/host/mvm_port.h"' -I"$VM/include" -I"$VM" -I"$VM/src" \
  -o "$OUT/fuzz_restore" tests/fuzz/fuzz_restore.c "$VM"/src/*.c "$VM"/ports/host/*.c -lm

echo "== seeds"
rm -rf "$OUT/seeds"
python tools/fuzz/seed_corpus.py "$OUT/seeds" --max-size 16384

LIMIT=()
if [ "$SECONDS_ARG" != "0" ]; then
  LIMIT+=("-max_total_time=$SECONDS_ARG")
fi
if [ -n "${FUZZ_RUNS:-}" ]; then
  LIMIT+=("-runs=$FUZZ_RUNS")
elif [ "$SECONDS_ARG" = "0" ]; then
  LIMIT+=("-runs=10000000")
fi

# Every input that once crashed the loader stays here and must keep passing.
if compgen -G "tests/fuzz/regressions/*" >/dev/null; then
  echo "== past findings (tests/fuzz/regressions)"
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:allocator_may_return_null=1" \
  UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
    "$OUT/fuzz_restore" tests/fuzz/regressions/* >/dev/null 2>&1 || {
      echo "fuzz.sh: a past finding in tests/fuzz/regressions/ fails again" >&2; exit 1; }
fi

echo "== fuzzing (${LIMIT[*]})"
# -timeout: an input running longer than 30 s is a hang (the harness's budgets make almost every
# input a few milliseconds; builtins that loop over large arrays are not charged to the budget,
# so a few take a second or two under ASan on a busy machine). detect_leaks: every VM must be
# freed. The dictionary holds the image magic and value/header words libFuzzer would take long
# to guess.
findings() { ls "$OUT/artifacts" | grep -cE '^(crash|leak|timeout|oom)-' || true; }
before=$(findings)
set +e
# Run from inside $OUT: with -jobs=N libFuzzer writes its fuzz-N.log files to the working
# directory.
ROOT="$PWD"
( cd "$OUT" &&
  ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=1}" \
  UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}" \
    ./fuzz_restore "${LIMIT[@]}" -timeout=30 -max_len=16384 -rss_limit_mb=2048 \
    -dict="$ROOT/tests/fuzz/image.dict" -print_final_stats=1 \
    -artifact_prefix=artifacts/ "$@" corpus seeds )
rc=$?
set -e
after=$(findings)
if [ "$after" -gt "$before" ]; then
  echo "fuzz.sh: FINDING (exit $rc); see $OUT/artifacts/:" >&2
  ls -t "$OUT/artifacts" | grep -E '^(crash|leak|timeout|oom)-' | head -n $((after - before)) >&2
  exit 1
fi
if [ $rc -ne 0 ]; then
  echo "fuzz.sh: libFuzzer stopped with exit $rc (interrupted?) and no finding" >&2
  exit 2
fi
echo "fuzz.sh: no crash, sanitizer report, leak or hang"
