/* fuzz_restore.c: libFuzzer harness for the image loader and everything a restored image can
 * make the VM do.
 *
 * One input is one image. The harness
 *   1. fixes the header's size and CRC fields (so that mutations reach past the checksum: a
 *      mutated image with a stale CRC is refused in the first microsecond and teaches nothing);
 *   2. restores it, with mvm_restore or (chosen by a bit of the CRC) mvm_restore_into a buffer
 *      of its own, under small limits: heap, stack, call depth and an instruction budget;
 *   3. calls every export (the first 8) with three argument lists, and a function it returns once more;
 *      every import id resolves to a stub host function whose behaviour depends on the id
 *      (return a value, build an object, throw, fail, call back into the VM re-entrantly);
 *   4. converts results to strings and keys (the value API), collects garbage, takes a
 *      snapshot of the VM and restores that snapshot: an image the VM writes itself must be
 *      accepted (anything but out-of-memory is a bug and aborts).
 *
 * Built against the microcontroller port (FUZZ_PROFILE=mcu tools/fuzz.sh: ports/cortex_m,
 * MVM_PROFILE_MCU, optionally MVM_SUPPORT_FLOAT=0), it does what a firmware does instead: the
 * port's default limits, mvm_restore or mvm_restore_into a static buffer of a size chosen by
 * the CRC (down to too small), every export resolved by id or name as well as by index (the
 * MCU VM reads them from the image), a collection, stats and value API calls on the idle VM
 * (which then holds no stack) between the calls, integer arguments, and no snapshot (no build
 * API on a device).
 *
 * The image is kept read-only, ending right before an inaccessible page and at whatever
 * alignment its length gives: an MCU image's ROM is used in place, in flash, and a firmware's
 * image array need not be aligned, so a write into it, a read past its end or a misaligned
 * word read of it is a finding.
 *
 * Crashes, sanitizer reports, timeouts (-timeout) and the abort() of an invariant are findings.
 * Build and run: tools/fuzz.sh (docs/security.md). The harness has no global state besides the
 * re-entrancy depth counter, which is back to 0 after every input (and, for the MCU profile,
 * the static restore buffer, which every VM returns in full).
 */
#define _DEFAULT_SOURCE 1  // mmap's MAP_ANONYMOUS under -std=c99
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "mvm.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/asan_interface.h>
#define FUZZ_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define FUZZ_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#endif
#endif
#ifndef FUZZ_POISON
#define FUZZ_POISON(p, n) ((void)(p), (void)(n))
#define FUZZ_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define FUZZ_MCU (MVM_PROFILE_MCU + 0)
#define FUZZ_FLOAT (MVM_SUPPORT_FLOAT + 0)

/* The limits of every VM the harness makes: small, so that a runaway program ends quickly. A
 * device's are its port's defaults (0: 16 KB heap, 256 stack slots, 32 frames). */
#if FUZZ_MCU
#define FUZZ_HEAP 0u
#define FUZZ_STACK_SLOTS 0u
#define FUZZ_MAX_FRAMES 0u
#else
#define FUZZ_HEAP (96u * 1024u)
#define FUZZ_STACK_SLOTS 1024u
#define FUZZ_MAX_FRAMES 64u
#endif
#define FUZZ_BUDGET 10000u
#define FUZZ_MAX_REENTRY 3

/* A number the value API makes: a double, or an int32 in the integer-only build. */
#if FUZZ_FLOAT
#define FUZZ_NUM(d, i) (d)
#else
#define FUZZ_NUM(d, i) (i)
#endif

static const uint8_t magic[4] = {'M', 'V', 'M', 0};
static int reentry;

uint32_t crc32_ieee(const uint8_t* data, size_t len, uint32_t crc);

static uint32_t rd32(const uint8_t* p) {
  return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
static void wr32(uint8_t* p, uint32_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
  p[2] = (uint8_t)(v >> 16);
  p[3] = (uint8_t)(v >> 24);
}

/* An invariant broke: say which, then abort (libFuzzer saves the input as crash-*). */
static void fail(const char* what, int err) {
  fprintf(stderr, "fuzz_restore: invariant broken: %s (error %d)\n", what, err);
  abort();
}

static void consume_string(mvm_vm_t* vm, mvm_value_t v) {
  char buf[64];
  mvm_value_t s;
  size_t len = 0;
  if (mvm_to_string(vm, v, &s) != MVM_E_OK) return;
  if (mvm_string_utf8(vm, s, buf, sizeof buf, &len) == MVM_E_BUFFER_TOO_SMALL) {
    char* big = (char*)malloc(len + 1);
    if (big) {
      if (mvm_string_utf8(vm, s, big, len, &len) != MVM_E_OK) fail("string_utf8 with room", 0);
      free(big);
    }
  }
}

static mvm_err_t host_print(mvm_vm_t* vm, uint16_t id, mvm_value_t* result, mvm_value_t* args,
                            uint8_t argc) {
  (void)id;
  (void)result;
  for (uint8_t i = 0; i < argc; i++) consume_string(vm, args[i]);
  return MVM_E_OK;
}

/* Behaviour by import id: every id resolves, so every image restores as far as its imports. */
static mvm_err_t host_stub(mvm_vm_t* vm, uint16_t id, mvm_value_t* result, mvm_value_t* args,
                           uint8_t argc) {
  switch (id % 7u) {
    case 0:
      return MVM_E_OK;  // undefined
    case 1:
      if (argc) *result = args[0];
      return MVM_E_OK;
#if MVM_API_OBJECTS
    case 2: {  // { k: args[0], 0: "host" }
      mvm_handle_t obj;
      mvm_handle_init(vm, &obj);
      mvm_err_t err = mvm_new_object(vm, &obj.value);
      mvm_value_t key, str;
      if (!err) err = mvm_new_string(vm, "k", 1, &key);
      if (!err) err = mvm_set(vm, obj.value, key, argc ? args[0] : mvm_null());
      if (!err) err = mvm_new_string(vm, "host", 4, &str);
      if (!err) err = mvm_set(vm, obj.value, 0x1 /* int31 0 */, str);
      *result = obj.value;
      mvm_handle_release(vm, &obj);
      return err;
    }
#else  // a core without the API's objects (the size-test choices): a string, a number
    case 2:
      return mvm_new_string(vm, "host", 4, result);
#endif
    case 3: {  // throws an error of a kind chosen by the id
      mvm_err_t err = mvm_new_error(vm, id % 5, "stub failed", 11, result);
      return err ? err : MVM_E_HOST_THROW;
    }
    case 4:
      return MVM_E_HOST_ERROR;  // becomes a JS Error at the call site
    case 5: {  // calls args[0](args[1..]) back, re-entrantly
      if (!argc || mvm_typeof(vm, args[0]) != MVM_T_FUNCTION || reentry >= FUZZ_MAX_REENTRY) {
        return MVM_E_OK;
      }
      reentry++;
      mvm_err_t err = mvm_call(vm, args[0], args + 1, (uint8_t)(argc - 1), result);
      reentry--;
      return err == MVM_E_UNCAUGHT_EXCEPTION ? MVM_E_HOST_THROW : err;
    }
#if !MVM_API_OBJECTS
    default:
      return mvm_new_number(vm, FUZZ_NUM(1.5, INT32_MIN), result);
#else
    default: {  // a fresh array [1.5, "s"]
      mvm_handle_t arr;
      mvm_handle_init(vm, &arr);
      mvm_err_t err = mvm_new_array(vm, &arr.value);
      mvm_value_t num, str;
      if (!err) err = mvm_new_number(vm, FUZZ_NUM(1.5, INT32_MIN), &num);
      if (!err) err = mvm_set(vm, arr.value, 0x1, num);
      if (!err) err = mvm_new_string(vm, "s", 1, &str);
      if (!err) err = mvm_set(vm, arr.value, 0x3 /* int31 1 */, str);
      *result = arr.value;
      mvm_handle_release(vm, &arr);
      return err;
    }
#endif
  }
}

static mvm_err_t resolve(uint16_t id, void* context, mvm_host_fn_t* out) {
  (void)context;
  *out = id == 0xFF00 ? host_print : host_stub;
  return MVM_E_OK;
}

static void inspect(mvm_vm_t* vm, mvm_value_t v) {
  mvm_handle_t h;
  mvm_handle_init(vm, &h);
  h.value = v;
  consume_string(vm, h.value);
#if MVM_API_OBJECTS
  mvm_type_t t = mvm_typeof(vm, h.value);
  if (t == MVM_T_OBJECT || t == MVM_T_ARRAY) {
    mvm_value_t keys;
    uint32_t n = 0;
    if (mvm_own_keys(vm, h.value, &keys) == MVM_E_OK && mvm_array_length(vm, keys, &n) == MVM_E_OK &&
        n > 0) {
      mvm_value_t k0, v0;
      if (mvm_get(vm, keys, 0x1, &k0) == MVM_E_OK && mvm_get(vm, h.value, k0, &v0) == MVM_E_OK) {
        consume_string(vm, v0);
      }
    }
  }
#endif
  (void)mvm_to_number(vm, h.value);
  (void)mvm_to_bool(vm, h.value);
  mvm_handle_release(vm, &h);
}

/* Calls export i with argument list `which`; calls a returned function once more. */
static void call_export(mvm_vm_t* vm, size_t i, int which) {
  mvm_handle_t args[3];
  uint8_t argc = 0;
  for (int a = 0; a < 3; a++) mvm_handle_init(vm, &args[a]);
  if (which == 1) {
    mvm_new_number(vm, 1, &args[0].value);
    mvm_new_string(vm, "a,b", 3, &args[1].value);
    argc = 2;
  } else if (which == 2) {
#if MVM_API_OBJECTS
    mvm_new_object(vm, &args[0].value);
    mvm_new_array(vm, &args[1].value);
#else
    mvm_new_string(vm, "", 0, &args[0].value);
    mvm_new_number(vm, 0, &args[1].value);
#endif
    args[2].value = mvm_null();
    mvm_new_number(vm, FUZZ_NUM(-0.5, -5), &args[2].value);
    argc = 3;
  } else if (which == 3) {  // what a firmware passes: integers, int31 and past it (boxed)
    mvm_new_number(vm, 7, &args[0].value);
    mvm_new_number(vm, -1073741825, &args[1].value);
    mvm_new_number(vm, INT32_MAX, &args[2].value);
    argc = 3;
  }
  mvm_value_t key, fn, argv[3], result;
  if (mvm_export_at(vm, i, &key, &fn) == MVM_E_OK && mvm_typeof(vm, fn) == MVM_T_FUNCTION) {
    for (int a = 0; a < 3; a++) argv[a] = args[a].value ? args[a].value : mvm_undefined();
    mvm_err_t err = mvm_call(vm, fn, argv, argc, &result);
    if (err == MVM_E_OK || err == MVM_E_UNCAUGHT_EXCEPTION) {
      if (err == MVM_E_OK && mvm_typeof(vm, result) == MVM_T_FUNCTION) {
        err = mvm_call(vm, result, NULL, 0, &result);
        if (err != MVM_E_OK && err != MVM_E_UNCAUGHT_EXCEPTION) result = mvm_undefined();
      }
      inspect(vm, result);
      mvm_value_t file;
      uint32_t line;
      mvm_error_location(vm, &file, &line);
    }
  }
  for (int a = 0; a < 3; a++) mvm_handle_release(vm, &args[a]);
}

#if FUZZ_MCU
/* A firmware's RAM for mvm_restore_into: a static array, used in part (the part past the length
 * passed is poisoned, so that a block carved past it is a finding). */
#define FUZZ_ARENA_MAX (64u * 1024u)
static uint8_t fuzz_arena[FUZZ_ARENA_MAX + 8];
static const size_t fuzz_arena_lens[4] = {FUZZ_ARENA_MAX, 24u * 1024u, 6u * 1024u, 1200u};
#endif

/* into: 0 for mvm_restore, else mvm_restore_into; for a device, bits 0-1 are the static buffer's
 * misalignment and bits 2-3 pick its size (the smaller ones make restores and runs fail for want
 * of memory); the host profile's buffer is a malloc'd one with room. */
static mvm_err_t restore_either(const uint8_t* image, size_t len, const mvm_config_t* cfg,
                                unsigned into, void** arena, size_t* arena_len, mvm_vm_t** vm) {
  if (!into) return mvm_restore(image, len, cfg, resolve, NULL, vm);
#if FUZZ_MCU
  (void)arena;
  size_t skew = into & 3u;
  *arena_len = fuzz_arena_lens[(into >> 2) & 3u] - skew;
  FUZZ_UNPOISON(fuzz_arena, sizeof fuzz_arena);
  FUZZ_POISON(fuzz_arena, skew);
  FUZZ_POISON(fuzz_arena + skew + *arena_len, sizeof fuzz_arena - skew - *arena_len);
  return mvm_restore_into(fuzz_arena + skew, *arena_len, image, len, cfg, resolve, NULL, vm);
#else
  *arena_len = 3 * FUZZ_HEAP + 64u * 1024u + 2 * len;
  *arena = malloc(*arena_len);
  if (!*arena) return MVM_E_OUT_OF_MEMORY;
  return mvm_restore_into(*arena, *arena_len, image, len, cfg, resolve, NULL, vm);
#endif
}

/* Read-only pages holding the image so that it ends where an inaccessible page begins. */
typedef struct {
  uint8_t* map;
  size_t map_len;
  uint8_t* image;
} image_pages_t;

static int image_pages_new(image_pages_t* out, const uint8_t* data, size_t size, uint32_t* crc) {
  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  size_t body = (size + page - 1) / page * page;
  if (body == 0) body = page;
  out->map_len = body + page;
  void* map = mmap(NULL, out->map_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (map == MAP_FAILED) return 0;
  out->map = (uint8_t*)map;
  out->image = out->map + body - size;
  memcpy(out->image, data, size);
  *crc = 0;
  if (size >= 20 && size <= UINT32_MAX && memcmp(out->image, magic, 4) == 0) {
    wr32(out->image + 12, (uint32_t)size);  // image size and CRC-32 (of [8, size)): docs 10
    *crc = crc32_ieee(out->image + 8, size - 8, 0);
    wr32(out->image + 4, *crc);
  }
  if (mprotect(out->map, body, PROT_READ) != 0 ||
      mprotect(out->map + body, page, PROT_NONE) != 0) {
    fail("mprotect", 0);
  }
#ifdef HSIM_BASE
  // The harvard profile (tests/mcu/harvard): the image is restored from the simulated flash,
  // which only the port's ROM-read macros reach (a plain read of it faults).
  if (size > HSIM_SPAN) return 0;
  memcpy(hsim_flash(), out->image, size);
  out->image = (uint8_t*)HSIM_BASE;
#endif
  return 1;
}

#if FUZZ_MCU
/* The export lookups a firmware makes (by id, by name) agree with the list of exports. */
static void check_export_lookup(mvm_vm_t* vm, size_t i) {
  mvm_value_t key, value, found;
  if (mvm_export_at(vm, i, &key, &value) != MVM_E_OK) fail("export_at below the count", 0);
  mvm_type_t t = mvm_typeof(vm, key);
  if (t == MVM_T_NUMBER) {
    int32_t id = (int32_t)mvm_to_number(vm, key);
    if (id < 0 || id > 0xFFFF) fail("export id out of range", (int)id);
    if (mvm_resolve_export(vm, (uint16_t)id, &found) != MVM_E_OK) fail("resolve_export", id);
    if (found != value) {  // only an earlier export of the same id may win
      size_t j;
      for (j = 0; j < i; j++) {
        mvm_value_t k2, v2;
        mvm_export_at(vm, j, &k2, &v2);
        if (k2 == key && v2 == found) break;
      }
      if (j == i) fail("resolve_export gives another value", id);
    }
  } else if (t == MVM_T_STRING) {
    char name[64];
    size_t len = 0;
    mvm_err_t err = mvm_string_utf8(vm, key, name, sizeof name, &len);
    if (err == MVM_E_OK &&
        mvm_resolve_export_named(vm, name, len, &found) != MVM_E_OK) {
      fail("resolve_export_named", 0);
    }
  } else {
    fail("export key neither an id nor a string", (int)t);
  }
#if MVM_API_OBJECTS
  // What a firmware might look at on an export before calling it.
  static const char* const props[3] = {"length", "name", "prototype"};
  for (int p = 0; p < 3; p++) {
    mvm_value_t k, v;
    if (mvm_new_string(vm, props[p], strlen(props[p]), &k) != MVM_E_OK) continue;
    // The allocation may have collected and moved the export: read it again (mvm.h: values
    // do not survive an allocation unless held in a handle).
    if (mvm_export_at(vm, i, &key, &value) != MVM_E_OK) fail("export_at below the count", 0);
    if (mvm_get(vm, value, k, &v) == MVM_E_OK) consume_string(vm, v);
  }
#endif
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  image_pages_t pages;
  uint32_t crc = 0;
  if (!image_pages_new(&pages, data, size, &crc)) return 0;
  const uint8_t* image = pages.image;
  mvm_config_t cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.max_heap_bytes = FUZZ_HEAP;
  cfg.stack_slots = FUZZ_STACK_SLOTS;
  cfg.max_frames = FUZZ_MAX_FRAMES;
  cfg.instruction_budget = FUZZ_BUDGET;

  void* arena = NULL;
  size_t arena_len = 0;
  mvm_vm_t* vm = NULL;
#if FUZZ_MCU
  unsigned into = (crc & 1u) ? (unsigned)(crc >> 1) & 15u : 0u;  // half the inputs, 4 sizes
  if (crc & 1u) into |= 16u;  // never 0 when chosen
#else
  unsigned into = crc & 1u;
#endif
  mvm_err_t err = restore_either(image, size, &cfg, into, &arena, &arena_len, &vm);
  if (getenv("FUZZ_RESTORE_LOG")) {  // to see which seeds a build accepts
    fprintf(stderr, "restore%s: %d, %u exports\n", into ? "_into" : "", err,
            vm ? (unsigned)mvm_export_count(vm) : 0u);
  }
  if (err == MVM_E_OK) {
    if (!vm) fail("restore succeeded without a VM", 0);
    size_t n = mvm_export_count(vm);
    if (n > 8) n = 8;
    mvm_stats_t stats;
    for (size_t i = 0; i < n; i++) {
#if FUZZ_MCU
      check_export_lookup(vm, i);
      for (int which = 0; which < 4; which++) {
        call_export(vm, i, which);
        // Between calls the VM is idle (no stack on demand): a collection then, and stats.
        err = mvm_run_gc(vm);
        if (err != MVM_E_OK && err != MVM_E_OUT_OF_MEMORY) fail("mvm_run_gc between calls", err);
        mvm_get_stats(vm, &stats);
        if (stats.heap_used > stats.heap_limit) fail("heap above its limit", 0);
        if (into && stats.arena_peak > arena_len) fail("arena_peak past the buffer", 0);
      }
#else
      for (int which = 0; which < 3; which++) call_export(vm, i, which);
#endif
    }
    mvm_get_stats(vm, &stats);
    if (stats.heap_used > stats.heap_limit) fail("heap above its limit", 0);
    err = mvm_run_gc(vm);
    if (err != MVM_E_OK && err != MVM_E_OUT_OF_MEMORY) fail("mvm_run_gc", err);
#if MVM_INCLUDE_BUILD_API
    if (err == MVM_E_OK) {
      // The VM's own snapshot of a state it reached must restore.
      uint8_t* snap = NULL;
      size_t snap_len = 0;
      err = mvm_snapshot(vm, &snap, &snap_len);
      if (err != MVM_E_OK && err != MVM_E_OUT_OF_MEMORY) fail("mvm_snapshot", err);
      if (err == MVM_E_OK) {
        mvm_vm_t* again = NULL;
        err = mvm_restore(snap, snap_len, &cfg, resolve, NULL, &again);
        if (err != MVM_E_OK && err != MVM_E_OUT_OF_MEMORY) {
          FILE* f = fopen("fuzz_restore_snapshot.mvm-bc", "wb");  // for triage
          if (f) {
            fwrite(snap, 1, snap_len, f);
            fclose(f);
          }
          fail("restoring the VM's own snapshot (written to fuzz_restore_snapshot.mvm-bc)", err);
        }
        if (again) {
          if (mvm_export_count(again) != mvm_export_count(vm)) fail("export count after restore", 0);
          mvm_free(again);
        }
        mvm_free_buffer(snap);
      }
    }
#endif
    mvm_free(vm);
  } else if (vm) {
    fail("a failed restore handed out a VM", err);
  }
  if (reentry != 0) fail("re-entry depth not back to 0", reentry);
  free(arena);
  munmap(pages.map, pages.map_len);
  return 0;
}
