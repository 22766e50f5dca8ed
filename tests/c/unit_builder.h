/* unit_builder.h: hand-assembles small bytecode units for the C tests (no compiler needed).
 *
 * Build bottom-up: strings and constants first, then the functions that use them, then the
 * unit. Offsets returned are ROM offsets; rb_ref() turns one into a ROM reference value. */
#ifndef MVM_UNIT_BUILDER_H
#define MVM_UNIT_BUILDER_H
#include <stdint.h>
#include <string.h>
#include "mvm.h"
#include "mvm_opcodes_enum.h"

typedef struct rom_builder {
  uint8_t rom[1 << 16];
  uint32_t len;
} rom_builder_t;

static inline void rb_u8(uint8_t* p, uint8_t v) { p[0] = v; }
static inline void rb_u16(uint8_t* p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static inline void rb_u32(uint8_t* p, uint32_t v) {
  p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}
static inline uint32_t rb_ref(uint32_t off) { return (off << 1) | 2u; }
static inline uint32_t rb_int(int32_t i) { return ((uint32_t)i << 1) | 1u; }
#define RB_UNDEFINED 6u
#define RB_NULL 14u
#define RB_NO_OFFSET 0xFFFFFFFFu

static inline uint32_t rb_alloc(rom_builder_t* b, uint32_t size, uint32_t type) {
  uint32_t off = b->len;
  size = (size + 3u) & ~3u;
  if (size < 8) size = 8;
  memset(b->rom + off, 0, size);
  rb_u32(b->rom + off, (size << 5) | type);
  b->len += size;
  return off;
}

// A STRING8 of s, which must not be empty: the header, the bytes, the padding counted in header
// bits 5-6 (value.h string_bytes).
static inline uint32_t rb_string(rom_builder_t* b, const char* s) {
  uint32_t n = (uint32_t)strlen(s);
  uint32_t off = rb_alloc(b, 4 + n, 2 /* STRING8 */);
  uint32_t size = b->len - off;
  rb_u32(b->rom + off, ((size | (size - 4 - n)) << 5) | 2u);
  memcpy(b->rom + off + 4, s, n);
  return off;
}

static inline uint32_t rb_float(rom_builder_t* b, double d) {
  uint32_t off = rb_alloc(b, 12, 1 /* FLOAT64 */);
  uint64_t bits;
  memcpy(&bits, &d, 8);
  rb_u32(b->rom + off + 4, (uint32_t)bits);
  rb_u32(b->rom + off + 8, (uint32_t)(bits >> 32));
  return off;
}

// A CONSTS's values fill it (no count word), so none is empty: no values give RB_NO_OFFSET.
static inline uint32_t rb_consts(rom_builder_t* b, const uint32_t* values, uint32_t n) {
  if (n == 0) return RB_NO_OFFSET;
  uint32_t off = rb_alloc(b, 4 + 4 * n, 12 /* CONSTS */);
  for (uint32_t i = 0; i < n; i++) rb_u32(b->rom + off + 4 + 4 * i, values[i]);
  return off;
}

// A FUNCTION (docs/internals.md 3) whose constants are those of the CONSTS at consts (copied:
// a function holds its own), or none for RB_NO_OFFSET; name RB_UNDEFINED for none.
static inline uint32_t rb_function(rom_builder_t* b, uint8_t nparams, uint8_t nlocals,
                            uint16_t max_stack, uint32_t consts, uint32_t name,
                            const uint8_t* code, uint32_t code_len) {
  uint32_t nconsts = 0;
  if (consts != RB_NO_OFFSET) {
    const uint8_t* c = b->rom + consts;
    nconsts = (((uint32_t)c[0] | (uint32_t)c[1] << 8 | (uint32_t)c[2] << 16 |
                (uint32_t)c[3] << 24) >> 7 << 2) / 4 - 1;
  }
  uint32_t named = name != RB_UNDEFINED;
  uint32_t code_at = 12 + 4 * (nconsts + named);
  uint32_t off = rb_alloc(b, code_at + code_len, 11 /* FUNCTION */);
  uint8_t* p = b->rom + off;
  uint32_t size = b->len - off;
  rb_u32(p, ((size | (size - code_at - code_len)) << 5) | 11);  // padding in header bits 5-6
  rb_u8(p + 4, nparams);
  rb_u8(p + 5, (uint8_t)(named ? 16 : 0));  // FN_FLAG_NAMED
  rb_u8(p + 6, nlocals);
  rb_u8(p + 7, 0);  // length
  rb_u16(p + 8, max_stack);
  rb_u16(p + 10, (uint16_t)(code_at / 4));
  if (nconsts) memcpy(p + 12, b->rom + consts + 4, 4 * nconsts);
  if (named) rb_u32(p + 12 + 4 * nconsts, name);
  memcpy(p + code_at, code, code_len);
  return off;
}

typedef struct rb_export {
  uint32_t name;  // ROM offset of a string
  uint16_t slot;
} rb_export_t;

// Writes the unit into out (at least 64 + len + 8 * nexports bytes); returns its length.
static inline size_t rb_unit(rom_builder_t* b, uint32_t entry, uint32_t names, uint16_t global_count,
                      const rb_export_t* exports, uint16_t nexports, uint8_t* out) {
  memcpy(out, "MVMUNIT", 8);
  rb_u16(out + 8, 2);  // UNIT_VERSION
  rb_u16(out + 10, global_count);
  rb_u32(out + 12, b->len);
  rb_u32(out + 16, entry);
  rb_u32(out + 20, names);
  rb_u16(out + 24, nexports);
  rb_u16(out + 26, 0);
  for (uint16_t i = 0; i < nexports; i++) {
    rb_u32(out + 28 + 8 * i, exports[i].name);
    rb_u16(out + 32 + 8 * i, exports[i].slot);
    rb_u16(out + 34 + 8 * i, 0);
  }
  size_t at = 28 + 8 * (size_t)nexports;
  memcpy(out + at, b->rom, b->len);
  return at + b->len;
}

// Global names CONSTS for n globals named g0, g1, ...
static inline uint32_t rb_global_names(rom_builder_t* b, uint16_t n) {
  uint32_t names[64];
  char buf[8];
  for (uint16_t i = 0; i < n && i < 64; i++) {
    buf[0] = 'g';
    buf[1] = (char)('0' + i / 10);
    buf[2] = (char)('0' + i % 10);
    buf[3] = 0;
    names[i] = rb_ref(rb_string(b, buf));
  }
  return rb_consts(b, names, n);
}
#endif
