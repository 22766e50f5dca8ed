"""What the cortex_m port leaves out of an idle VM, run as built for a board (MCU port, host C
compiler, AddressSanitizer + UndefinedBehaviorSanitizer):

- the stack limits are the port's constants (MVM_CONFIG_STACK_LIMITS 0): a config asking for
  others is refused with MVM_E_INVALID_ARGUMENT, one asking for the port's own is accepted, and
  the call depth is still bounded by a catchable RangeError; the instruction budget is not
  compiled in (MVM_INSTRUCTION_BUDGET 0), so a config asking for one is refused too, and so is
  one asking a malloc'd VM for another heap limit (MVM_CONFIG_HEAP_LIMIT 0: a VM in a caller's
  buffer has the limit it asks for, as its heap's fixed size);
- a heap of the pad word alone (a program whose data is all in the image's ROM) is the core's
  shared read-only space: it takes no RAM, the first allocation gives the VM a space of its
  own (through a collection, which must not free the shared one), and mvm_free frees only
  what the VM owns (ASan reports a bad free otherwise);
- the heap's capacity is in its pad word: heap_capacity follows the space's growth, and the
  peak heap covers every allocation even though heap_alloc no longer records it."""
from __future__ import annotations

import os
import re
import subprocess

import pytest

from test_mcu import INCLUDES, MCU_PORT, STRICT, core_sources, host_cc

PROGRAM = r"""
export function deep(n) { return n === 0 ? 0 : 1 + deep(n - 1); }
export function deepCaught(n) {
  try { return String(deep(n)); } catch (e) { return e.name + ': ' + e.message; }
}
export function build(n) {
  const a = [];
  for (let i = 0; i < n; i++) a.push({ i: i, s: "x" + i });
  return a.length + a[n - 1].s.length;
}
"""

HOST = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mvm.h"

static uint8_t* image;
static long image_len;

static void stats(const char* when, mvm_vm_t* vm) {
  mvm_stats_t s;
  mvm_get_stats(vm, &s);
  printf("%s ram %u struct %u cap %u used %u peak %u\n", when, (unsigned)s.ram_bytes,
         (unsigned)s.vm_struct_bytes, (unsigned)s.heap_capacity, (unsigned)s.heap_used,
         (unsigned)s.heap_peak);
}

static mvm_err_t restore(uint32_t slots, uint32_t frames, mvm_vm_t** vm) {
  mvm_config_t cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.stack_slots = slots;
  cfg.max_frames = frames;
  return mvm_restore(image, (size_t)image_len, &cfg, NULL, NULL, vm);
}

static void call(mvm_vm_t* vm, const char* name, int32_t arg) {
  mvm_value_t fn, result, a, text_value;
  mvm_err_t err = mvm_new_number(vm, arg, &a);
  if (!err) err = mvm_resolve_export_named(vm, name, strlen(name), &fn);
  if (!err) err = mvm_call(vm, fn, &a, 1, &result);
  if (err) {
    printf("%s(%d): error %d\n", name, (int)arg, (int)err);
    return;
  }
  char text[96];
  size_t len = 0;
  if (mvm_to_string(vm, result, &text_value) ||
      mvm_string_utf8(vm, text_value, text, sizeof text - 1, &len)) {
    len = 0;
  }
  text[len] = 0;
  printf("%s(%d): %s\n", name, (int)arg, text);
}

static mvm_err_t host_nothing(mvm_vm_t* vm, uint16_t id, mvm_value_t* result, mvm_value_t* args,
                              uint8_t argc) {
  (void)vm, (void)id, (void)result, (void)args, (void)argc;
  return MVM_E_OK;
}

static mvm_err_t resolve_any(uint16_t id, void* context, mvm_host_fn_t* out) {
  (void)id, (void)context;
  *out = host_nothing;
  return MVM_E_OK;
}

/* An image with many imports: restored (or refused), then one import more at run time. */
static int imports(void) {
  mvm_vm_t* vm = NULL;
  mvm_err_t err = mvm_restore(image, (size_t)image_len, NULL, resolve_any, NULL, &vm);
  printf("restore: %d\n", (int)err);
  if (err) return 0;
  mvm_stats_t s;
  mvm_get_stats(vm, &s);
  printf("imports: %u\n", (unsigned)s.imports_count);
  call(vm, "count", 0);
  call(vm, "more", 0);
  call(vm, "count", 0);
  mvm_get_stats(vm, &s);
  printf("imports: %u\n", (unsigned)s.imports_count);
  mvm_free(vm);
  return 0;
}

/* Math.random's state: none until the program draws or the host seeds (MCU: in the roots). */
static int random_mode(void) {
  mvm_vm_t* vm = NULL;
  if (mvm_restore(image, (size_t)image_len, NULL, NULL, NULL, &vm)) return 3;
  stats("fresh", vm);
  printf("seed 0: %d\n", (int)mvm_seed_random(vm, 0));
  stats("zero seeded", vm);
  for (int i = 0; i < 3; i++) call(vm, "draw", i);
  stats("drawn", vm);
  printf("seed 42: %d\n", (int)mvm_seed_random(vm, 42));
  call(vm, "draw", 10);
  call(vm, "draw", 11);
  mvm_vm_t* other = NULL;
  if (mvm_restore(image, (size_t)image_len, NULL, NULL, NULL, &other)) return 3;
  for (int i = 0; i < 3; i++) call(other, "draw", i);
  printf("seed 42: %d\n", (int)mvm_seed_random(other, 42));
  call(other, "draw", 10);
  call(other, "draw", 11);
  call(other, "spread", 4000);
  mvm_free(other);
  mvm_free(vm);
  return 0;
}

/* The globals and imports after the struct (no resolver: VM_TABLES_TRAIL), malloc'd with it or,
 * in a caller's buffer, in its fixed place (a packed ROM goes to the buffer's top). */
static int tables_mode(void) {
  static uint64_t buffer[4096];
  for (int into = 0; into < 2; into++) {
    mvm_vm_t* vm = NULL;
    mvm_err_t err = into ? mvm_restore_into(buffer, sizeof buffer, image, (size_t)image_len, NULL,
                                            NULL, NULL, &vm)
                         : mvm_restore(image, (size_t)image_len, NULL, NULL, NULL, &vm);
    printf("restore %s: %d\n", into ? "into" : "malloc", (int)err);
    if (err) return 3;
    mvm_stats_t s;
    mvm_get_stats(vm, &s);
    printf("struct %u globals %u\n", (unsigned)s.vm_struct_bytes, (unsigned)s.globals_count);
    for (int i = 1; i <= 3; i++) call(vm, "bump", i);
    call(vm, "build", 300);
    mvm_free(vm);
  }
  /* A buffer of 1 MB asked for a 1 MB heap: the heap in use and its peak are 16-bit word counts
   * (VM_HEAP16), so the fixed heap a buffer gives is at most 256 KB - 4. */
  static uint64_t big[1u << 17];
  mvm_config_t cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.max_heap_bytes = sizeof big;
  mvm_vm_t* vm = NULL;
  mvm_err_t err = mvm_restore_into(big, sizeof big, image, (size_t)image_len, &cfg, NULL, NULL, &vm);
  printf("restore into 1 MB: %d\n", (int)err);
  if (err) return 3;
  mvm_stats_t s;
  mvm_get_stats(vm, &s);
  printf("big limit %u cap %u\n", (unsigned)s.heap_limit, (unsigned)s.heap_capacity);
  call(vm, "build", 5000);
  mvm_get_stats(vm, &s);
  printf("big used %u peak %u\n", (unsigned)s.heap_used, (unsigned)s.heap_peak);
  mvm_free(vm);
  return 0;
}

int main(int argc, char** argv) {
  FILE* f = argc > 1 ? fopen(argv[1], "rb") : NULL;
  if (!f) return 2;
  fseek(f, 0, SEEK_END);
  image_len = ftell(f);
  fseek(f, 0, SEEK_SET);
  image = (uint8_t*)malloc((size_t)image_len);
  if (fread(image, 1, (size_t)image_len, f) != (size_t)image_len) return 2;
  fclose(f);
  if (argc > 2) {
    int rc = strcmp(argv[2], "random") == 0   ? random_mode()
             : strcmp(argv[2], "tables") == 0 ? tables_mode()
                                              : imports();
    free(image);
    return rc;
  }

  mvm_vm_t* vm = NULL;
  printf("other slots: %d\n", (int)restore(MVM_DEFAULT_STACK_SLOTS + 1, 0, &vm));
  printf("other frames: %d\n", (int)restore(0, MVM_DEFAULT_MAX_FRAMES - 1, &vm));
  printf("port's own: %d\n", (int)restore(MVM_DEFAULT_STACK_SLOTS, MVM_DEFAULT_MAX_FRAMES, &vm));
  mvm_free(vm);
  mvm_config_t budget;
  mvm_stats_t budget_stats;
  memset(&budget, 0, sizeof budget);
  budget.instruction_budget = 1000;
  printf("budget: %d\n", (int)mvm_restore(image, (size_t)image_len, &budget, NULL, NULL, &vm));
  mvm_config_t heap;
  memset(&heap, 0, sizeof heap);
  heap.max_heap_bytes = MVM_DEFAULT_MAX_HEAP / 2;
  printf("other heap limit: %d\n", (int)mvm_restore(image, (size_t)image_len, &heap, NULL, NULL, &vm));
  /* In a caller's buffer the limit is the heap's fixed size, chosen at restore. */
  static uint64_t buffer[8192];
  mvm_err_t err = mvm_restore_into(buffer, sizeof buffer, image, (size_t)image_len, &heap, NULL,
                                   NULL, &vm);
  printf("heap limit in a buffer: %d\n", (int)err);
  if (!err) {
    mvm_stats_t s;
    mvm_get_stats(vm, &s);
    printf("buffer limit %u cap %u\n", (unsigned)s.heap_limit, (unsigned)s.heap_capacity);
    call(vm, "build", 2000);
    mvm_free(vm);
  }
  heap.max_heap_bytes = MVM_DEFAULT_MAX_HEAP;
  printf("port's heap limit: %d\n", (int)mvm_restore(image, (size_t)image_len, &heap, NULL, NULL, &vm));
  mvm_get_stats(vm, &budget_stats);
  printf("malloc limit %u\n", (unsigned)budget_stats.heap_limit);
  mvm_free(vm);

  /* A collection first thing: the shared space is replaced, not freed. */
  if (restore(0, 0, &vm)) return 3;
  stats("idle", vm);
  printf("gc: %d\n", (int)mvm_run_gc(vm));
  stats("after gc", vm);
  mvm_free(vm);

  if (restore(0, 0, &vm)) return 3;
  call(vm, "deep", 20);
  call(vm, "deepCaught", 100000);
  stats("after deep", vm);
  call(vm, "build", 100);
  stats("after build", vm);
  printf("gc: %d\n", (int)mvm_run_gc(vm));
  stats("after build gc", vm);
  mvm_free(vm);
  free(image);
  puts("done");
  return 0;
}
"""


def numbers(line: str) -> dict[str, int]:
    words = line.split()
    return {words[i]: int(words[i + 1]) for i in range(len(words) - 1) if words[i + 1].isdigit()}


def build_host(work, *defines: str) -> str:
    """HOST built with the cortex_m port, ASan and UBSan."""
    (work / "host.c").write_text(HOST)
    exe = str(work / "host")
    subprocess.run([host_cc(), *STRICT, "-O1", "-g", "-fsanitize=address,undefined",
                    "-fno-sanitize-recover=all", MCU_PORT, *defines, *INCLUDES,
                    str(work / "host.c"), *core_sources(), "-lm", "-o", exe], check=True)
    return exe


@pytest.fixture(scope="module")
def host(tmp_path_factory) -> str:
    return build_host(tmp_path_factory.mktemp("idle_struct"))


@pytest.fixture(scope="module")
def host_trusting(tmp_path_factory) -> str:
    """The same trusting its images past their header and CRC-32 (MVM_VERIFY_IMAGES 0)."""
    return build_host(tmp_path_factory.mktemp("idle_struct_trust"), "-DMVM_VERIFY_IMAGES=0")


@pytest.fixture(scope="module")
def host_runtime_imports(tmp_path_factory) -> str:
    """The same with the resolver kept for vmImport at run time (off in the port)."""
    return build_host(tmp_path_factory.mktemp("idle_struct_rt"), "-DMVM_RUNTIME_IMPORTS=1")


def run_host(host: str, tmp_path, source: str, *mode: str, build_heap: int = 0,
             packed_rom: bool = False) -> list[str]:
    from compiler.disasm import pack_image, unpack_image
    from compiler.opcodes import FEATURE_PACKED_ROM
    from hostlib.cli import MCU_DEFAULT_MAX_HEAP, build_image, device_host, retarget_image

    src = tmp_path / "program.js"
    src.write_text(source)
    image = retarget_image(build_image(str(src), host=device_host(),
                                       max_heap=build_heap or MCU_DEFAULT_MAX_HEAP), "mcu")
    if packed_rom:  # restore expands the ROM into memory of its own
        parts = unpack_image(image)
        parts.features |= 1 << FEATURE_PACKED_ROM
        image = pack_image(parts)
    (tmp_path / "program.mvm-bc").write_bytes(image)
    env = {**os.environ, "ASAN_OPTIONS": "detect_leaks=1:abort_on_error=1",
           "UBSAN_OPTIONS": "halt_on_error=1:print_stacktrace=1"}
    proc = subprocess.run([host, str(tmp_path / "program.mvm-bc"), *mode], capture_output=True,
                          text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout.splitlines()


def test_fixed_stack_limits_and_the_shared_empty_heap(host: str, tmp_path) -> None:
    out = run_host(host, tmp_path, PROGRAM)
    lines = {line.split(":")[0] if ":" in line else line.split(" ram ")[0]: line for line in out}
    # MVM_E_INVALID_ARGUMENT; the port's own values, spelled out, are accepted.
    tables = open(os.path.join(INCLUDES[0][2:], "mvm_tables.h"), encoding="utf-8").read()
    invalid = int(re.search(r"ERR\(INVALID_ARGUMENT,\s*(\d+)", tables).group(1))
    assert lines["other slots"] == f"other slots: {invalid}", out
    assert lines["other frames"] == f"other frames: {invalid}", out
    assert lines["port's own"] == "port's own: 0", out
    # No instruction budget in the port (MVM_INSTRUCTION_BUDGET 0): asking for one is refused.
    assert lines["budget"] == f"budget: {invalid}", out
    # No heap-limit field (MVM_CONFIG_HEAP_LIMIT 0): a malloc'd VM has the port's limit only; a
    # VM in a caller's buffer has the one asked for, as its heap's fixed size, and runs out of
    # memory there (build(2000) needs more than 8 KB), the VM staying usable.
    assert lines["other heap limit"] == f"other heap limit: {invalid}", out
    assert lines["heap limit in a buffer"] == "heap limit in a buffer: 0", out
    limit = 16 * 1024 // 2
    assert f"buffer limit {limit} cap {limit}" in out, out
    assert "build(2000): error 1" in out, out
    assert lines["port's heap limit"] == "port's heap limit: 0", out
    assert "malloc limit 16384" in out, out

    idle = numbers(lines["idle"])
    # The image's heap is the pad word alone: no space of its own, so RAM is struct+tables.
    assert idle["used"] == 4 and idle["cap"] == 4 and idle["ram"] == idle["struct"], out
    assert lines["gc"] == "gc: 0", out
    # A collection with nothing live leaves the VM on the shared space (it held none anyway).
    assert numbers(lines["after gc"]) == idle, out

    assert "deep(20): 20" in out, out
    assert "deepCaught(100000): RangeError: Maximum call stack size exceeded" in out, out
    built = numbers(lines["after build"])
    assert "build(100): 103" in out, "\n".join(out)
    assert built["cap"] >= built["used"] > 4 and built["peak"] > 100 * 16, out
    assert built["ram"] == built["struct"] + built["cap"], out
    assert built["peak"] >= built["used"], out
    after = numbers(lines["after build gc"])
    # build's array died with the call: the space shrank back (its pad word says so), the peak
    # stays.
    assert after["used"] < built["peak"] and after["cap"] < built["cap"], out
    assert after["ram"] == after["struct"] + after["cap"], out
    assert after["peak"] >= built["peak"], out
    assert out[-1] == "done", out


TABLES = """
let counter = 0;
const names = [];
export function bump(n) { counter += n; names.push('n' + counter); return counter * 10 + names.length; }
export function build(n) {
  const a = [];
  for (let i = 0; i < n; i++) a.push({ i: i, s: "x" + i });
  return a.length + a[n - 1].s.length;
}
"""


def test_tables_follow_the_struct_malloced_or_in_a_buffer(host: str, tmp_path) -> None:
    """Without a resolver the globals (and imports) are allocated with the struct, after it: in
    a caller's buffer in the struct's fixed place, where restore makes room for them before
    anything else is allocated, a packed ROM going to the buffer's top. Both ways, with the ROM
    used in place or expanded, the VM holds the same and runs the same (ASan and UBSan watch)."""
    for packed in (False, True):
        out = run_host(host, tmp_path, TABLES, "tables", packed_rom=packed)
        big = out[-4:]
        out = out[:-4]
        half = len(out) // 2
        assert out[0] == "restore malloc: 0" and out[half] == "restore into: 0", out
        assert out[1] == out[half + 1] and out[1].endswith("globals 2"), out
        # 36 bytes of struct on a 32-bit board; here 64-bit pointers, so only: more than the
        # two globals.
        assert int(out[1].split()[1]) > 2 * 4, out
        assert out[2:half] == out[half + 2:] == [
            "bump(1): 11", "bump(2): 32", "bump(3): 63", "build(300): 304"], out
        # A 1 MB buffer gives the largest heap 16-bit word counts hold, and it is used: 5,000
        # objects of a literal and their strings need more than 64 KB.
        assert big[:2] == ["restore into 1 MB: 0", "big limit 262140 cap 262140"], big
        assert big[2] == "build(5000): 5005", big
        used, peak = numbers(big[3])["used"], numbers(big[3])["peak"]
        assert 65536 < peak <= 262140 and used <= peak, big


def test_a_build_trusting_its_images_runs_them_and_still_refuses_a_damaged_one(
        host: str, host_trusting: str, tmp_path) -> None:
    """MVM_VERIFY_IMAGES 0 leaves out the checks of each allocation, value and function, not
    those of the header: the same image runs the same (a buffer and malloc, ROM in place and
    packed), and one with a flipped byte is still refused, by its CRC-32."""
    for packed in (False, True):
        assert run_host(host_trusting, tmp_path, TABLES, "tables", packed_rom=packed) == \
            run_host(host, tmp_path, TABLES, "tables", packed_rom=packed)
    image = bytearray((tmp_path / "program.mvm-bc").read_bytes())
    image[len(image) // 2] ^= 0x10
    (tmp_path / "damaged.mvm-bc").write_bytes(bytes(image))
    proc = subprocess.run([host_trusting, str(tmp_path / "damaged.mvm-bc"), "tables"],
                          capture_output=True, text=True, timeout=120)
    tables = open(os.path.join(INCLUDES[0][2:], "mvm_tables.h"), encoding="utf-8").read()
    crc = int(re.search(r"ERR\(IMAGE_CRC,\s*(\d+)", tables).group(1))
    assert proc.stdout.splitlines() == [f"restore malloc: {crc}"], proc.stdout + proc.stderr


IMPORTS = """
const keep = [];
for (let i = 0; i < %d; i++) keep.push(vmImport(i));
export function count() { return keep.length; }
export function more() {
  const known = typeof vmImport(5);  // in the image's table
  try { return known + ' ' + typeof vmImport(60000); } catch (e) { return known + ' ' + e.message; }
}
"""


def test_import_count_shares_a_word_with_the_flags(host_runtime_imports: str, tmp_path) -> None:
    """The MCU profile keeps the import count in 11 bits (the flags have the other 5 of its
    16): an image with 2,047 imports restores and runs, one with 2,048 is refused with
    MVM_E_OUT_OF_MEMORY (1), and a new import at run time past 2,047 fails the call the same
    way, the VM staying usable. (Built with a larger heap: at build time each import's host
    function is a heap object until the snapshot moves it to the ROM.)"""
    host = host_runtime_imports
    out = run_host(host, tmp_path, IMPORTS % 2047, "imports", build_heap=1 << 20)
    assert out == ["restore: 0", "imports: 2047", "count(0): 2047", "more(0): error 1",
                   "count(0): 2047", "imports: 2047"], out
    out = run_host(host, tmp_path, IMPORTS % 2046, "imports", build_heap=1 << 20)
    assert out == ["restore: 0", "imports: 2046", "count(0): 2046", "more(0): function function",
                   "count(0): 2046", "imports: 2047"], out
    assert run_host(host, tmp_path, IMPORTS % 2048, "imports", build_heap=1 << 20) == ["restore: 1"]


def test_imports_resolved_at_restore_only(host: str, tmp_path) -> None:
    """The port keeps no resolver (MVM_RUNTIME_IMPORTS 0): an id the image's table has is
    found at run time, a new one throws a catchable Error, and the table stays as it was."""
    out = run_host(host, tmp_path, IMPORTS % 10, "imports")
    assert out == ["restore: 0", "imports: 10", "count(0): 10",
                   "more(0): function vmImport: import ID not in the image (resolved at restore"
                   " only)",
                   "count(0): 10", "imports: 10"], out


RANDOM = """
export function draw(i) { return String(Math.random()); }
export function spread(n) {
  // n draws into 10 buckets: each near n / 10, all in [0, 1), no two in a row equal
  const b = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  let last = -1, repeats = 0, bad = 0;
  for (let i = 0; i < n; i++) {
    const r = Math.random();
    if (!(r >= 0 && r < 1)) bad++;
    if (r === last) repeats++;
    last = r;
    b[Math.floor(r * 10)]++;
  }
  return bad + ' ' + repeats + ' ' + Math.min(...b) + ' ' + Math.max(...b);
}
"""


def test_random_state_only_once_the_program_draws(host: str, tmp_path) -> None:
    """The MCU profile keeps Math.random's state in a roots slot, not in the VM struct: a VM
    that never draws (or is seeded with 0) holds none, the first draw makes it (heap RAM),
    a seed restarts the sequence, and two VMs seeded alike draw alike."""
    out = run_host(host, tmp_path, RANDOM, "random")
    lines = {line.split(":")[0] if ":" in line else line.split(" ram ")[0]: line for line in out}
    fresh, seeded, drawn = (numbers(lines[k]) for k in ("fresh", "zero seeded", "drawn"))
    assert fresh["ram"] == fresh["struct"] and fresh["used"] == 4, out
    assert seeded == fresh and lines["seed 0"] == "seed 0: 0", out
    assert drawn["used"] > 4 and drawn["ram"] == drawn["struct"] + drawn["cap"], out
    draws = [line.split(": ")[1] for line in out if line.startswith("draw(")]
    assert len(draws) == 10, out
    first, after_seed = draws[0:3], draws[3:5]
    assert first == draws[5:8], out  # a fresh VM starts from the fixed seed 0
    assert after_seed == draws[8:10] and after_seed[0] not in first, out
    assert all(0 <= float(d) < 1 for d in draws) and len(set(first + after_seed)) == 5, out
    bad, repeats, low, high = map(int, next(l for l in out if l.startswith("spread")).split(": ")[1].split())
    assert bad == 0 and repeats == 0 and 300 < low <= high < 500, out
