#!/usr/bin/env bash
# Coverage-guided fuzzing of the image loader and of what restored images can make the VM do
# (tests/fuzz/fuzz_restore.c), with libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer.
#
#   tools/fuzz.sh                    # the long run: until stopped, or 10 million inputs
#   tools/fuzz.sh 60                 # a short pass: 60 seconds (what CI runs)
#   tools/fuzz.sh 3600 -jobs=2 -workers=2   # any further arguments go to libFuzzer
#   FUZZ_RUNS=1000000 tools/fuzz.sh 0       # stop after this many inputs instead
#   FUZZ_PROFILE=mcu tools/fuzz.sh 60       # the microcontroller build (below)
#
# FUZZ_PROFILE picks the VM build and its images: host (default: ports/host, host images),
# mcu (ports/cortex_m compiled natively: the MCU profile, stack on demand, exact heap at restore,
# ROM used in place with the exports read from it; images from
# `mvc build --target mcu`), mcu-int (the same with MVM_SUPPORT_FLOAT=0, the integer-only build),
# mcu-small (the same with the size choices of tools/mcu_size.py, images still validated),
# harvard (the MCU build with MVM_HARVARD, images read from a simulated flash).
# Each profile has its own directory (build/fuzz, build/fuzz-mcu, ...) and binary.
#
# Needs clang with libFuzzer (Debian: apt-get install clang; clang-14 ships it). Everything goes
# under the profile's directory, build/fuzz/ for the host: the harness binary, seeds (rebuilt
# from tests/js and examples each time, so they have the current image format), the growing
# corpus (kept between runs), and any finding in artifacts/ (crash-*, leak-*, timeout-*, oom-*;
# slow-unit-* files are inputs that took over 10 s, kept for information). Exit status: 0 when
# the run ended without a finding, 1 otherwise. Reproduce a finding with
#   build/fuzz/fuzz_restore build/fuzz/artifacts/crash-...   (build/fuzz-mcu/... for mcu)
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_ARG="${1:-0}"
shift || true
PROFILE="${FUZZ_PROFILE:-host}"
CC="${FUZZ_CC:-clang}"
VM="${FUZZ_VM_DIR:-vm_c}"  # another copy of the VM sources (e.g. a release's) to fuzz instead
case "$PROFILE" in
  host) PORT=(-DMVM_PORT_HEADER='"ports/host/mvm_port.h"'); PORT_SRCS=("$VM"/ports/host/*.c)
        OUT_DEFAULT=build/fuzz ;;
  # The MCU builds keep the instruction budget and a per-VM heap limit (the port leaves both
  # out): the harness caps every input with them. Their fields are read with aligned loads, as
  # on the board (MVM_ALIGNED_FIELDS; x86 would read them unaligned), so UBSan checks those.
  mcu) PORT=(-DMVM_PORT_HEADER='"ports/cortex_m/mvm_port.h"' -DMVM_UNALIGNED_LE=0
             -DMVM_INSTRUCTION_BUDGET=1 -DMVM_CONFIG_HEAP_LIMIT=1)
       PORT_SRCS=()
       OUT_DEFAULT=build/fuzz-mcu ;;
  mcu-int) PORT=(-DMVM_PORT_HEADER='"ports/cortex_m/mvm_port.h"' -DMVM_UNALIGNED_LE=0
           -DMVM_SUPPORT_FLOAT=0 -DMVM_INSTRUCTION_BUDGET=1 -DMVM_CONFIG_HEAP_LIMIT=1)
           PORT_SRCS=(); OUT_DEFAULT=build/fuzz-mcu-int ;;
  # The smallest core (tools/mcu_size.py's size-test choices, images still validated): no
  # interpreter fast paths, no packed ROMs or heaps, Microvium's language, snprintf's digits,
  # terse errors, no object access from C (the harness passes and reads strings and numbers).
  mcu-small) PORT=(-DMVM_PORT_HEADER='"ports/cortex_m/mvm_port.h"' -DMVM_UNALIGNED_LE=0
             -DMVM_FAST_PATHS=0 -DMVM_PACKED_ROM=0 -DMVM_PACKED_HEAP=0 -DMVM_FULL_LANGUAGE=0
             -DMVM_DTOA_SNPRINTF=1 -DMVM_ERROR_MESSAGES=0 -DMVM_API_OBJECTS=0
             -DMVM_INSTRUCTION_BUDGET=1 -DMVM_CONFIG_HEAP_LIMIT=1)
             PORT_SRCS=("$VM"/ports/host/mvm_port.c); OUT_DEFAULT=build/fuzz-mcu-small ;;
  # The MCU build as a Harvard target (MVM_HARVARD, tests/mcu/harvard): each image is restored
  # from a simulated flash that only the port's ROM-read macros reach; a plain read faults.
  harvard) PORT=(-DMVM_PORT_HEADER='"harvard_port.h"' -Itests/mcu/harvard
                 -DMVM_INSTRUCTION_BUDGET=1 -DMVM_CONFIG_HEAP_LIMIT=1)
           PORT_SRCS=(tests/mcu/harvard/harvard_place.c); OUT_DEFAULT=build/fuzz-harvard ;;
  *) echo "fuzz.sh: FUZZ_PROFILE=$PROFILE: choose host, mcu, mcu-int, mcu-small or harvard" >&2
     exit 2 ;;
esac
OUT="${FUZZ_OUT:-$OUT_DEFAULT}"  # binary, seeds, corpus and findings
mkdir -p "$OUT/corpus" "$OUT/artifacts"

if ! command -v "$CC" >/dev/null 2>&1; then
  echo "fuzz.sh: $CC not found (apt-get install -y clang)" >&2
  exit 2
fi

echo "== building $OUT/fuzz_restore ($PROFILE profile, $CC, libFuzzer + ASan + UBSan)"
"$CC" -std=c99 -g -O1 -fno-omit-frame-pointer \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  "${PORT[@]}" -I"$VM/include" -I"$VM" -I"$VM/src" \
  -o "$OUT/fuzz_restore" tests/fuzz/fuzz_restore.c "$VM"/src/*.c "${PORT_SRCS[@]}" -lm

echo "== seeds"
rm -rf "$OUT/seeds"
python tools/fuzz/seed_corpus.py "$OUT/seeds" --max-size 16384 --target "$PROFILE"

LIMIT=()
if [ "$SECONDS_ARG" != "0" ]; then
  LIMIT+=("-max_total_time=$SECONDS_ARG")
fi
if [ -n "${FUZZ_RUNS:-}" ]; then
  LIMIT+=("-runs=$FUZZ_RUNS")
elif [ "$SECONDS_ARG" = "0" ]; then
  LIMIT+=("-runs=10000000")
fi

# Every input that once crashed the loader stays here and must keep passing, in every profile:
# one of another profile replays as it is (refused at once) and with its profile bit swapped.
if compgen -G "tests/fuzz/regressions/*" >/dev/null; then
  echo "== past findings (tests/fuzz/regressions)"
  rm -rf "$OUT/regressions"
  python tools/fuzz/seed_corpus.py "$OUT/regressions" --regressions --target "$PROFILE"
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:allocator_may_return_null=1" \
  UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
    "$OUT/fuzz_restore" "$OUT"/regressions/* >/dev/null 2>&1 || {
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
