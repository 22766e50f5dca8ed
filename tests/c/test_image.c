/* Images: snapshot/restore round trips, exports, and validation of damaged images and units
 * (truncation, bit flips, random bytes, structural mutations with a recomputed CRC). */
#include <stdlib.h>
#include "internal.h"
#include "test.h"
#include "test_util.h"

#define I16(x) (uint8_t)((x) & 0xFF), (uint8_t)(((x) >> 8) & 0xFF)

static rom_builder_t rb;
static uint8_t unit[1 << 17];
static size_t unit_len;

// counter program: next() increments global 0; vmExport(7, next); export "next"; global 2 holds
// {a: [1, 2.5, "s"]}; getA() (global 3, export "getA") returns String(global2.a).
static void build_unit(void) {
  rb.len = 0;
  uint32_t s_a = rb_string(&rb, "a");
  uint32_t s_s = rb_string(&rb, "s");
  uint32_t s_next = rb_string(&rb, "next");
  uint32_t s_geta = rb_string(&rb, "getA");
  uint32_t f25 = rb_float(&rb, 2.5);
  uint8_t next[] = {OP_LOAD_GLOBAL, I16(0), OP_INC, OP_DUP, OP_STORE_GLOBAL, I16(0), OP_RETURN};
  uint32_t f_next = rb_function(&rb, 0, 0, 2, RB_NO_OFFSET, rb_ref(s_next), next, sizeof next);
  uint32_t kga[] = {rb_ref(s_a)};
  uint32_t cga = rb_consts(&rb, kga, 1);
  uint8_t geta[] = {OP_LOAD_GLOBAL, I16(2), OP_GET_PROP, I16(0), OP_TO_STRING, OP_RETURN};
  uint32_t f_geta = rb_function(&rb, 0, 0, 1, cga, RB_UNDEFINED, geta, sizeof geta);
  uint32_t k[] = {rb_ref(f_next), rb_ref(f25), rb_ref(s_s), rb_ref(s_a), rb_ref(f_geta)};
  uint32_t consts = rb_consts(&rb, k, 5);
  uint8_t entry[] = {OP_PUSH_I8, 0, OP_STORE_GLOBAL, I16(0),
                     OP_LOAD_CONST, I16(0), OP_STORE_GLOBAL, I16(1),
                     OP_LOAD_CONST, I16(4), OP_STORE_GLOBAL, I16(3),
                     OP_LOAD_BUILTIN, 1, OP_PUSH_UNDEFINED, OP_PUSH_I8, 7, OP_LOAD_GLOBAL, I16(1),
                     OP_CALL, 2, OP_POP,
                     OP_NEW_OBJECT, OP_PUSH_I8, 1, OP_LOAD_CONST, I16(1), OP_LOAD_CONST, I16(2),
                     OP_NEW_ARRAY, I16(3), OP_INIT_PROP, I16(3), OP_STORE_GLOBAL, I16(2),
                     OP_PUSH_UNDEFINED, OP_RETURN};
  uint32_t f_entry = rb_function(&rb, 0, 0, 5, consts, RB_UNDEFINED, entry, sizeof entry);
  uint32_t names = rb_global_names(&rb, 4);
  rb_export_t exports[] = {{s_next, 1}, {s_geta, 3}};
  unit_len = rb_unit(&rb, f_entry, names, 4, exports, 2, unit);
}

static uint8_t* make_image(size_t* len) {
  mvm_vm_t* vm = NULL;
  if (mvm_new_from_unit(unit, unit_len, NULL, NULL, NULL, &vm)) return NULL;
  mvm_value_t exc;
  uint8_t* img = NULL;
  if (mvm_run_main(vm, &exc) == MVM_E_OK) mvm_snapshot(vm, &img, len);
  mvm_free(vm);
  return img;
}

static mvm_value_t call_named(mvm_vm_t* vm, const char* name) {
  mvm_value_t fn, r = 0;
  if (mvm_resolve_export_named(vm, name, strlen(name), &fn) != MVM_E_OK) return 0;
  if (mvm_call(vm, fn, NULL, 0, &r) != MVM_E_OK) return 0;
  return r;
}

TEST(crc32_vector) {
  CHECK_EQ_INT(crc32_ieee((const uint8_t*)"123456789", 9, 0), 0xCBF43926u);
  CHECK_EQ_INT(crc32_ieee(NULL, 0, 0), 0);
}

TEST(round_trip) {
  build_unit();
  mvm_vm_t* vm = NULL;
  CHECK_EQ_INT(mvm_new_from_unit(unit, unit_len, NULL, NULL, NULL, &vm), MVM_E_OK);
  mvm_value_t exc, r, fn;
  CHECK_EQ_INT(mvm_run_main(vm, &exc), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, call_named(vm, "next")), "1");  // exports work before a snapshot too
  CHECK_EQ_INT(mvm_export_count(vm), 3);
  uint8_t* img;
  size_t len;
  CHECK_EQ_INT(mvm_snapshot(vm, &img, &len), MVM_E_OK);
  mvm_free(vm);

  CHECK_EQ_INT(mvm_restore(img, len, NULL, NULL, NULL, &vm), MVM_E_OK);
  CHECK_EQ_INT(mvm_export_count(vm), 3);
  CHECK_EQ_STR(str_of(vm, call_named(vm, "next")), "2");
  CHECK_EQ_INT(mvm_resolve_export(vm, 7, &fn), MVM_E_OK);
  CHECK_EQ_INT(mvm_call(vm, fn, NULL, 0, &r), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, r), "3");
  CHECK_EQ_INT(mvm_resolve_export(vm, 8, &fn), MVM_E_EXPORT_NOT_FOUND);
  CHECK_EQ_INT(mvm_resolve_export_named(vm, "nope", 4, &fn), MVM_E_EXPORT_NOT_FOUND);
  CHECK_EQ_STR(str_of(vm, call_named(vm, "getA")), "1,2.5,s");
  // The image holds what the program can still reach: the entry function ran and is gone.
  CHECK_EQ_INT(mvm_run_main(vm, NULL), MVM_E_INVALID_ARGUMENT);

  // A restored VM snapshots again, and that image restores.
  uint8_t* img2;
  size_t len2;
  CHECK_EQ_INT(mvm_snapshot(vm, &img2, &len2), MVM_E_OK);
  mvm_free(vm);
  CHECK_EQ_INT(mvm_restore(img2, len2, NULL, NULL, NULL, &vm), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, call_named(vm, "next")), "4");
  mvm_free(vm);
  mvm_free_buffer(img2);

  // Without line tables (MVM_SNAPSHOT_STRIP) the image is smaller and works the same.
  uint8_t* img3;
  size_t len3;
  CHECK_EQ_INT(mvm_new_from_unit(unit, unit_len, NULL, NULL, NULL, &vm), MVM_E_OK);
  CHECK_EQ_INT(mvm_run_main(vm, &exc), MVM_E_OK);
  CHECK_EQ_INT(mvm_snapshot_ex(vm, MVM_SNAPSHOT_STRIP, &img3, &len3), MVM_E_OK);
  CHECK(len3 <= len);
  mvm_free(vm);
  CHECK_EQ_INT(mvm_restore(img3, len3, NULL, NULL, NULL, &vm), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, call_named(vm, "next")), "1");
  mvm_free(vm);
  mvm_free_buffer(img3);

  // The original image is unchanged by use: it restores to the same state again.
  CHECK_EQ_INT(mvm_restore(img, len, NULL, NULL, NULL, &vm), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, call_named(vm, "next")), "2");
  mvm_free(vm);
  mvm_free_buffer(img);
}

static void fix_crc(uint8_t* img, size_t len) {
  if (len >= 20) wr32(img + 4, crc32_ieee(img + 8, len - 8, 0));
}

// Offset of the packed part's global count: after the ROM (header: u32 ROM length at 16),
// the global names word, the imports and the exports (LEB128 words).
static size_t skip_leb(const uint8_t* p, size_t at) {
  while (p[at] & 0x80u) at++;
  return at + 1;
}
static uint32_t leb_at(const uint8_t* p, size_t at) {
  uint32_t v = 0;
  for (unsigned s = 0;; s += 7, at++) {
    v |= (uint32_t)(p[at] & 0x7Fu) << s;
    if (!(p[at] & 0x80u)) return v;
  }
}
// Skips the packed ROM (header FEATURE PACKED_ROM; snapshot.c pack_allocs): per allocation a
// type byte (bit 7: a size word follows; bits 5-6: header flags), then the fields by type. The
// size comes from the fields when not given (strings: 4 + length, LINES: 12 + stream, rounded
// up to 4); functions and CONSTS always give it, a function's code being its size less its
// fixed 12 bytes, its words and its padding (the flags).
static size_t skip_packed_rom(const uint8_t* img, size_t at) {
  for (uint32_t a = 0; a < rd32(img + 16);) {
    uint8_t head = img[at++];
    uint32_t t = head & 31u, size = 0;
    if (head & 0x80u) {
      size = 4 * leb_at(img, at);
      at = skip_leb(img, at);
    }
    uint32_t n = 0, implied = 0;
    if (t == TC_STRING8 || t == TC_STRING16) {
      n = leb_at(img, at);
      at = skip_leb(img, at) + (t == TC_STRING16 ? 2 * n : n);
      implied = 4 + (t == TC_STRING16 ? 2 * n : n);
    } else if (t == TC_FLOAT64) {
      at += 8;
      implied = 12;
    } else if (t == TC_FUNCTION) {  // six fields, then the words after them, then the code
      uint32_t f[6];
      for (int i = 0; i < 6; i++) {
        f[i] = leb_at(img, at);
        at = skip_leb(img, at);
      }
      uint32_t words = f[5] - 3;  // the code's offset in words, less the fixed three
      for (uint32_t i = 0; i < words; i++) at = skip_leb(img, at);
      at += size - 12 - 4 * words - ((head >> 5) & 3u);
    } else if (t == TC_LINES) {
      at = skip_leb(img, skip_leb(img, at));
      n = leb_at(img, at);
      at = skip_leb(img, at) + n;
      implied = 12 + n;
    } else {  // CONSTS
      for (uint32_t w = 4; w < size; w += 4) at = skip_leb(img, at);
    }
    implied = (implied + 3) & ~3u;
    a += size ? size : implied < 8 ? 8 : implied;
  }
  return at;
}
static size_t global_count_at(const uint8_t* img) {
  size_t at = skip_packed_rom(img, 20);
  at = skip_leb(img, at);  // global names
  uint32_t n = leb_at(img, at);
  at = skip_leb(img, at);
  for (uint32_t i = 0; i < n; i++) at = skip_leb(img, at);
  n = leb_at(img, at);
  at = skip_leb(img, at);
  for (uint32_t i = 0; i < 2 * n; i++) at = skip_leb(img, at);
  return at;
}

TEST(header_errors) {
  build_unit();
  size_t len;
  uint8_t* img = make_image(&len);
  CHECK(img != NULL);
  uint8_t* copy = (uint8_t*)malloc(len + 8);
  mvm_vm_t* vm;
  memcpy(copy, img, len);
  copy[8] = 99;  // version
  CHECK_EQ_INT(mvm_restore(copy, len, NULL, NULL, NULL, &vm), MVM_E_IMAGE_VERSION);
  CHECK(vm == NULL);
  memcpy(copy, img, len);
  copy[10] = 1;  // FLOAT64 without PROFILE_HOST
  CHECK_EQ_INT(mvm_restore(copy, len, NULL, NULL, NULL, &vm), MVM_E_IMAGE_PROFILE);
  memcpy(copy, img, len);
  copy[11] = 1;  // an unknown feature
  CHECK_EQ_INT(mvm_restore(copy, len, NULL, NULL, NULL, &vm), MVM_E_IMAGE_PROFILE);
  memcpy(copy, img, len);
  copy[0] = 'X';
  CHECK_EQ_INT(mvm_restore(copy, len, NULL, NULL, NULL, &vm), MVM_E_INVALID_IMAGE);
  memcpy(copy, img, len);
  copy[len - 1] ^= 0x40;
  CHECK_EQ_INT(mvm_restore(copy, len, NULL, NULL, NULL, &vm), MVM_E_IMAGE_CRC);
  CHECK_EQ_INT(mvm_restore(img, len - 4, NULL, NULL, NULL, &vm), MVM_E_IMAGE_TRUNCATED);
  memcpy(copy, img, len);
  memset(copy + len, 0, 8);
  CHECK_EQ_INT(mvm_restore(copy, len + 8, NULL, NULL, NULL, &vm), MVM_E_INVALID_IMAGE);
  // Bounds, alignment and counts, with a valid CRC.
  memcpy(copy, img, len);
  wr32(copy + 16, 0x7FFFFFF0u);  // ROM length
  fix_crc(copy, len);
  CHECK_EQ_INT(mvm_restore(copy, len, NULL, NULL, NULL, &vm), MVM_E_INVALID_IMAGE);
  memcpy(copy, img, len);
  wr32(copy + 16, rd32(copy + 16) + 2);  // ROM length not a multiple of 4
  fix_crc(copy, len);
  CHECK_EQ_INT(mvm_restore(copy, len, NULL, NULL, NULL, &vm), MVM_E_INVALID_IMAGE);
  memcpy(copy, img, len);
  size_t gc_at = global_count_at(copy);
  // Two globals stay in RAM: the counter (stored to) and the object; the two exported
  // functions are constants, in the code (LOAD_ROM_GLOBAL).
  CHECK_EQ_INT(copy[gc_at], 2);
  copy[gc_at] = 0;  // no globals (the packed part is misread from there on), though the code
                    // reads global 0
  fix_crc(copy, len);
  CHECK_EQ_INT(mvm_restore(copy, len, NULL, NULL, NULL, &vm), MVM_E_INVALID_IMAGE);
  memcpy(copy, img, len);
  copy[gc_at] = 0xFF;  // a word past the end of the image
  memset(copy + gc_at + 1, 0xFF, len - gc_at - 1);
  fix_crc(copy, len);
  CHECK_EQ_INT(mvm_restore(copy, len, NULL, NULL, NULL, &vm), MVM_E_INVALID_IMAGE);
  memcpy(copy, img, len);
  copy[len - 1] = 0x80;  // the heap's last word runs past the end
  fix_crc(copy, len);
  CHECK_EQ_INT(mvm_restore(copy, len, NULL, NULL, NULL, &vm), MVM_E_INVALID_IMAGE);
  // At an odd address: read byte by byte, or refused by a core that reads fields with aligned
  // loads (the asan build, as the board's core).
  memmove(copy + 1, img, len);
  mvm_err_t err = mvm_restore(copy + 1, len, NULL, NULL, NULL, &vm);
#if MVM_ALIGNED_FIELDS && !MVM_UNALIGNED_LE
  CHECK_EQ_INT(err, MVM_E_INVALID_ARGUMENT);
  CHECK(vm == NULL);
#else
  CHECK_EQ_INT(err, MVM_E_OK);
  CHECK_EQ_INT(value_as_int(call_named(vm, "next")), 1);
  mvm_free(vm);
#endif
  CHECK_EQ_INT(mvm_restore(NULL, 0, NULL, NULL, NULL, &vm), MVM_E_INVALID_ARGUMENT);
  free(copy);
  mvm_free_buffer(img);
}

TEST(truncations_and_bit_flips) {
  build_unit();
  size_t len;
  uint8_t* img = make_image(&len);
  uint8_t* copy = (uint8_t*)malloc(len);
  mvm_vm_t* vm;
  int bad = 0;
  for (size_t n = 0; n < len; n++) {
    memcpy(copy, img, n);
    if (mvm_restore(copy, n, NULL, NULL, NULL, &vm) == MVM_E_OK) {
      bad++;
      mvm_free(vm);
    }
  }
  CHECK_EQ_INT(bad, 0);
  size_t step = MVM_GC_STRESS ? 7 : 1;
  for (size_t i = 0; i < len; i += step) {
    memcpy(copy, img, len);
    copy[i] ^= (uint8_t)(1u << (i % 8));
    if (mvm_restore(copy, len, NULL, NULL, NULL, &vm) == MVM_E_OK) {
      bad++;
      mvm_free(vm);
    }
  }
  CHECK_EQ_INT(bad, 0);
  free(copy);
  mvm_free_buffer(img);
}

static uint32_t rng_state = 12345;
static uint32_t rng(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 17;
  rng_state ^= rng_state << 5;
  return rng_state;
}

TEST(random_bytes) {
  uint8_t buf[512];
  mvm_vm_t* vm;
  int bad = 0;
  for (int iter = 0; iter < 2000; iter++) {
    size_t n = rng() % sizeof buf;
    for (size_t i = 0; i < n; i++) buf[i] = (uint8_t)rng();
    if (iter % 2 && n >= 8) memcpy(buf, "MVM\0", 4);  // get past the magic
    if (mvm_restore(buf, n, NULL, NULL, NULL, &vm) == MVM_E_OK) {
      bad++;
      mvm_free(vm);
    }
    if (iter % 2 && n >= 8) memcpy(buf, "MVMUNIT", 8);
    if (mvm_new_from_unit(buf, n, NULL, NULL, NULL, &vm) == MVM_E_OK) mvm_free(vm);
  }
  CHECK_EQ_INT(bad, 0);
}

// Mutations that keep the CRC valid reach the structural checks: they must either be rejected
// or give a VM whose heap is sound enough to collect and snapshot.
TEST(structural_mutations) {
  build_unit();
  size_t len;
  uint8_t* img = make_image(&len);
  uint8_t* copy = (uint8_t*)malloc(len);
  int accepted = 0, rejected = 0;
  int iters = MVM_GC_STRESS ? 400 : 5000;
  for (int iter = 0; iter < iters; iter++) {
    memcpy(copy, img, len);
    int nmut = 1 + (int)(rng() % 3);
    for (int m = 0; m < nmut; m++) {
      size_t at = 16 + rng() % (len - 16);
      if (rng() % 2) copy[at] ^= (uint8_t)(1u << (rng() % 8));
      else copy[at] = (uint8_t)rng();
    }
    fix_crc(copy, len);
    mvm_vm_t* vm = NULL;
    if (mvm_restore(copy, len, NULL, NULL, NULL, &vm) == MVM_E_OK) {
      accepted++;
      mvm_run_gc(vm);
      uint8_t* again;
      size_t again_len;
      if (mvm_snapshot(vm, &again, &again_len) == MVM_E_OK) mvm_free_buffer(again);
      mvm_free(vm);
    } else {
      rejected++;
    }
  }
  CHECK(rejected > 0);
  CHECK(accepted + rejected == iters);
  free(copy);
  mvm_free_buffer(img);
}

TEST(unit_validation) {
  build_unit();
  mvm_vm_t* vm;
  int bad = 0;
  for (size_t n = 0; n < unit_len; n++) {
    if (mvm_new_from_unit(unit, n, NULL, NULL, NULL, &vm) == MVM_E_OK) {
      bad++;
      mvm_free(vm);
    }
  }
  CHECK_EQ_INT(bad, 0);
  uint8_t copy[sizeof unit];
  memcpy(copy, unit, unit_len);
  wr32(copy + 16, 2);  // entry not aligned
  CHECK_EQ_INT(mvm_new_from_unit(copy, unit_len, NULL, NULL, NULL, &vm), MVM_E_INVALID_UNIT);
  memcpy(copy, unit, unit_len);
  wr16(copy + 10, 5);  // global count disagrees with the names table
  CHECK_EQ_INT(mvm_new_from_unit(copy, unit_len, NULL, NULL, NULL, &vm), MVM_E_INVALID_UNIT);
  memcpy(copy, unit, unit_len);
  wr16(copy + 8, 1);  // the unit version before FUNCTIONs held their constants
  CHECK_EQ_INT(mvm_new_from_unit(copy, unit_len, NULL, NULL, NULL, &vm), MVM_E_INVALID_UNIT);
  memcpy(copy, unit, unit_len);
  wr16(copy + 32, 9);  // export slot out of range
  CHECK_EQ_INT(mvm_new_from_unit(copy, unit_len, NULL, NULL, NULL, &vm), MVM_E_INVALID_UNIT);
  // Header bit flips: rejected or loaded, never a crash (no CRC in units).
  for (size_t i = 0; i < 40; i++) {
    memcpy(copy, unit, unit_len);
    copy[i] ^= (uint8_t)(1u << (i % 8));
    if (mvm_new_from_unit(copy, unit_len, NULL, NULL, NULL, &vm) == MVM_E_OK) mvm_free(vm);
  }
}

// A FUNCTION has no code length field: its header's bits 5-6 count the padding after the code
// (docs/internals.md 3). Padding bits that cut the code short, or a FUNCTION with no room for
// code whatever its bits say, are refused.
TEST(function_padding_bits) {
  uint8_t code[] = {OP_PUSH_UNDEFINED, OP_RETURN};
  mvm_vm_t* vm;
  rb.len = 0;
  uint32_t f = rb_function(&rb, 0, 0, 1, RB_NO_OFFSET, RB_UNDEFINED, code, sizeof code);
  CHECK_EQ_INT(rd32(rb.rom + f), ((16u | 2u) << 5) | TC_FUNCTION);  // 12 + 2 bytes, 2 of padding
  size_t len = rb_unit(&rb, f, RB_NO_OFFSET, 0, NULL, 0, unit);
  CHECK_EQ_INT(mvm_new_from_unit(unit, len, NULL, NULL, NULL, &vm), MVM_E_OK);
  mvm_free(vm);
  wr32(unit + 28 + f, ((16u | 3u) << 5) | TC_FUNCTION);  // 1 byte of code: falls off its end
  CHECK_EQ_INT(mvm_new_from_unit(unit, len, NULL, NULL, NULL, &vm), MVM_E_INVALID_UNIT);
  // FUNCTIONs (not the entry, so only the ROM walk sees them) with no room for code, padding
  // bits 0 to 3: 12 bytes (its fixed part alone, and less than the 16 any FUNCTION has), and 20
  // bytes whose constant and name words leave none.
  for (uint32_t pad = 0; pad < 8; pad++) {
    rb.len = 0;
    f = rb_function(&rb, 0, 0, 1, RB_NO_OFFSET, RB_UNDEFINED, code, sizeof code);
    uint32_t size = pad < 4 ? 12 : 20;
    uint32_t empty = rb_alloc(&rb, size, TC_FUNCTION);
    wr32(rb.rom + empty, ((size | (pad & 3u)) << 5) | TC_FUNCTION);
    if (size == 20) {
      rb.rom[empty + FN_FLAGS] = FN_FLAG_NAMED;
      wr16(rb.rom + empty + FN_CODE_WORDS, 5);  // a constant and the name: code at 20
      wr32(rb.rom + empty + FN_CONSTS, rb_int(1));
      wr32(rb.rom + empty + FN_CONSTS + 4, rb_ref(rb_string(&rb, "f")));
    }
    len = rb_unit(&rb, f, RB_NO_OFFSET, 0, NULL, 0, unit);
    CHECK_EQ_INT(mvm_new_from_unit(unit, len, NULL, NULL, NULL, &vm), MVM_E_INVALID_UNIT);
  }
}

// An object literal's key list (NEW_OBJECT_KEYS) is a CONSTS a function's constants may name,
// and the one such constant no other instruction may use: as a value it would reach the program.
// The instruction's count must be the list's, the list must hold strings only.
TEST(key_list_constants) {
  rb.len = 0;
  uint32_t a = rb_string(&rb, "a"), b = rb_string(&rb, "b");
  uint32_t names[] = {rb_ref(a), rb_ref(b)};
  uint32_t list = rb_consts(&rb, names, 2);
  uint32_t k[] = {rb_ref(list), rb_ref(a)};
  uint32_t consts = rb_consts(&rb, k, 2);
  size_t base = rb.len;
  struct {
    uint8_t code[12];
    uint32_t len;
    int consts;  // 0: [list, "a"], 1: [a CONSTS of numbers]
    mvm_err_t want;
  } cases[] = {
      // throw {a: 1, b: 2}.a
      {{OP_PUSH_I8, 1, OP_PUSH_I8, 2, OP_NEW_OBJECT_KEYS, 2, I16(0), OP_GET_PROP, I16(1), OP_THROW},
       12, 0, MVM_E_OK},
      {{OP_PUSH_I8, 1, OP_PUSH_I8, 2, OP_NEW_OBJECT_KEYS, 1, I16(0), OP_GET_PROP, I16(1), OP_THROW},
       12, 0, MVM_E_INVALID_UNIT},  // one value for two keys
      {{OP_PUSH_I8, 1, OP_PUSH_I8, 2, OP_NEW_OBJECT_KEYS, 2, I16(1), OP_GET_PROP, I16(1), OP_THROW},
       12, 0, MVM_E_INVALID_UNIT},  // a string, no list
      {{OP_PUSH_I8, 1, OP_PUSH_I8, 2, OP_NEW_OBJECT_KEYS, 2, I16(0), OP_RETURN}, 8, 1,
       MVM_E_INVALID_UNIT},  // a CONSTS of numbers
      {{OP_LOAD_CONST, I16(0), OP_RETURN}, 4, 0, MVM_E_INVALID_UNIT},  // the list as a value
      {{OP_PUSH_UNDEFINED, OP_GET_PROP, I16(0), OP_RETURN}, 5, 0, MVM_E_INVALID_UNIT},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    rb.len = base;
    uint32_t fn_consts = consts;
    if (cases[i].consts) {  // a function's constants naming a CONSTS of numbers: no key list
      uint32_t numbers[] = {rb_int(1), rb_int(2)};
      uint32_t k_bad[] = {rb_ref(rb_consts(&rb, numbers, 2))};
      fn_consts = rb_consts(&rb, k_bad, 1);
    }
    uint32_t f = rb_function(&rb, 0, 0, 3, fn_consts, RB_UNDEFINED, cases[i].code, cases[i].len);
    size_t len = rb_unit(&rb, f, RB_NO_OFFSET, 0, NULL, 0, unit);
    mvm_vm_t* vm = NULL;
    CHECK_EQ_INT(mvm_new_from_unit(unit, len, NULL, NULL, NULL, &vm), cases[i].want);
    if (vm) {
      mvm_value_t thrown = 0;
      CHECK_EQ_INT(mvm_run_main(vm, &thrown), MVM_E_UNCAUGHT_EXCEPTION);
      CHECK_EQ_STR(str_of(vm, thrown), "1");
      mvm_free(vm);
    }
  }
}

int main(void) {
  RUN(crc32_vector);
  RUN(round_trip);
  RUN(header_errors);
  RUN(truncations_and_bit_flips);
  RUN(random_bytes);
  RUN(structural_mutations);
  RUN(unit_validation);
  RUN(function_padding_bits);
  RUN(key_list_constants);
  return test_summary("test_image");
}
