/* value.h: the value encoding. The only file that knows which bits mean what.
 *
 * A value is a 32-bit word whose low bits are a tag (docs/internals.md section 1):
 *
 *   xxxx...xxx1   int31: the upper 31 bits, sign-extended. -2^30 .. 2^30-1.
 *   xxxx...xx00   heap reference (non-zero): the byte offset of an allocation in the heap.
 *   xxxx...x010   ROM reference: v == (offset << 1) | 2, offset 4-aligned, into the ROM.
 *   xxxx...x110   special: (v >> 3) is an index; undefined, null, false, true, hole, and
 *                 from BUILTIN_BASE on, the builtin functions.
 *
 * Why offsets and not pointers: the heap is a relocatable block (the collector moves it, an image
 * stores it verbatim), so an offset stays meaningful across a collection that copies the whole
 * space and across snapshot/restore, with no relocation pass. The cost is one add per
 * dereference. Heap offset 0 is a pad word (it holds the space's capacity: heap_cap), which
 * keeps the all-zero word from ever being a valid value.
 *
 * Numbers: int31 when the value is an integer in range and not -0, otherwise a FLOAT64
 * allocation. Every producer of numbers goes through number_make() (number.c), which applies
 * that rule, so equal numbers have the same representation kind. The integer-only build
 * (MVM_SUPPORT_FLOAT=0) has int32 numbers only: int31s, and FLOAT64s holding the rest of the
 * int32 range (number_make_result throws for anything else, or wraps it into int32).
 *
 * Every allocation, heap or ROM, starts with a header word (size << 5) | type. Multi-byte fields
 * are little-endian and read through rd16/rd32/wr32 below, so the heap image is the same bytes on
 * every host and unaligned ROM (an image used in place) is fine.
 */
#ifndef MVM_VALUE_H
#define MVM_VALUE_H

#include "mvm.h"

// mvm.h included the table with TYPE defined empty: take it over.
#undef TYPE
enum {
#define TYPE(name, value) TC_##name = value,
#include "mvm_tables.h"
#undef TYPE
  TC__END
};

// mvm.h included the table with SPECIAL defined empty: take it over.
#undef SPECIAL
enum {
#define SPECIAL(name, value) SP_##name = value,
#include "mvm_tables.h"
#undef SPECIAL
  SP__END
};

// mvm.h included the table with BUILTIN defined empty: take it over.
#undef BUILTIN
enum {
#define BUILTIN(name, value, global) BI_##name = value,
#include "mvm_tables.h"
#undef BUILTIN
  BI__COUNT
};

// mvm.h included the table with ERROR_KIND defined empty: take it over.
#undef ERROR_KIND
enum {
#define ERROR_KIND(name, value, jsname) EK_##name = value,
#include "mvm_tables.h"
#undef ERROR_KIND
  EK__COUNT
};

// mvm.h included the table with CONST defined empty: take it over.
#undef CONST
enum {
#define CONST(name, value) K_##name = (int)((value) & 0x7FFFFFFF),
#include "mvm_tables.h"
#undef CONST
};

// NO_OFFSET is the one constant that does not fit an enum; the table's value is checked here.
#define NO_OFFSET ((uint32_t)0xFFFFFFFFu)
typedef char mvm_check_no_offset[K_NO_OFFSET == 0x7FFFFFFF ? 1 : -1];

#define MVM_SPECIAL(i) ((mvm_value_t)(((uint32_t)(i) << 3) | 6u))
#define VAL_UNDEFINED MVM_SPECIAL(SP_UNDEFINED)
#define VAL_NULL MVM_SPECIAL(SP_NULL)
#define VAL_FALSE MVM_SPECIAL(SP_FALSE)
#define VAL_TRUE MVM_SPECIAL(SP_TRUE)
#define VAL_HOLE MVM_SPECIAL(SP_HOLE)

#define INT31_MIN (-(int32_t)0x40000000)
#define INT31_MAX ((int32_t)0x3FFFFFFF)

// ---- Tag tests ----

static inline bool value_is_int(mvm_value_t v) { return (v & 1u) != 0; }
static inline bool value_is_heap(mvm_value_t v) { return (v & 3u) == 0 && v != 0; }
static inline bool value_is_rom(mvm_value_t v) { return (v & 7u) == 2u; }
static inline bool value_is_ref(mvm_value_t v) { return value_is_heap(v) || value_is_rom(v); }
static inline bool value_is_special(mvm_value_t v) { return (v & 7u) == 6u; }
static inline bool value_is_builtin(mvm_value_t v) {
  return value_is_special(v) && (v >> 3) >= (uint32_t)K_BUILTIN_BASE &&
         (v >> 3) < (uint32_t)K_BUILTIN_BASE + BI__COUNT;
}
static inline bool value_is_nullish(mvm_value_t v) { return v == VAL_UNDEFINED || v == VAL_NULL; }
static inline bool value_is_bool(mvm_value_t v) { return v == VAL_TRUE || v == VAL_FALSE; }

// ---- int31 ----

static inline int32_t value_as_int(mvm_value_t v) {
#if defined(__GNUC__)
  // GCC and Clang define >> of a negative int as an arithmetic shift: one instruction.
  return (int32_t)v >> 1;
#else
  // Sign-extends bit 30 of (v >> 1) without relying on implementation-defined >> of negatives.
  return (int32_t)((v >> 1) ^ 0x40000000u) - (int32_t)0x40000000;
#endif
}
static inline mvm_value_t value_from_int(int32_t i) { return ((uint32_t)i << 1) | 1u; }
static inline bool int31_fits(int64_t i) { return i >= INT31_MIN && i <= INT31_MAX; }

// ---- References ----

static inline uint32_t value_heap_offset(mvm_value_t v) { return v; }
// (offset << 1) | 2 with a 4-aligned offset: the tag bit lands in bit 0 after the shift.
static inline uint32_t value_rom_offset(mvm_value_t v) { return (v >> 1) & ~3u; }
static inline mvm_value_t value_from_heap_offset(uint32_t off) { return off; }
static inline mvm_value_t value_from_rom_offset(uint32_t off) { return (off << 1) | 2u; }

// ---- Specials and builtins ----

static inline mvm_value_t value_from_bool(bool b) { return b ? VAL_TRUE : VAL_FALSE; }
static inline uint32_t value_special_index(mvm_value_t v) { return v >> 3; }
static inline mvm_value_t value_from_builtin(uint32_t b) {
  return MVM_SPECIAL((uint32_t)K_BUILTIN_BASE + b);
}
static inline uint32_t value_builtin_index(mvm_value_t v) {
  return (v >> 3) - (uint32_t)K_BUILTIN_BASE;
}

// ---- Allocation headers ----

static inline uint32_t header_make(uint32_t size, uint32_t type) { return (size << 5) | type; }
static inline uint32_t header_type(uint32_t h) { return h & 31u; }
// Sizes are multiples of 4, so the low two bits of the size field are free for flags: bit 5 of
// the header is FROZEN (Object.freeze, lib_object.c), on OBJECT, ARRAY, CLOSURE and BYTES; on a
// FUNCTION (ROM only, never frozen) bits 5-6 count the padding after its code (fn_code_len).
// Collection and snapshots copy headers verbatim, so the flags stay with their allocation.
#define HEADER_FROZEN (1u << 5)
// The same bit on a PROPS (never frozen itself) says its keys are in the ROM: hdr, keys (a ROM
// CONSTS, count from its size), one value per key. Snapshots write the properties of the objects
// a program built at build time so (rom_intern.c), which halves what their properties take in
// RAM; the first key added or deleted at run time makes a plain PROPS of it again (object.c).
#define HEADER_ROM_KEYS (1u << 5)
// Bit 6 of an OBJECT that a snapshot wrote with its properties inline: hdr, proto, keys (a ROM
// CONSTS, as above), one value per key; 8 bytes less than an OBJECT and its PROPS with ROM keys
// for every object a program built at build time (gc.c). The first key added or deleted at run
// time gives it a plain PROPS at offset 8 and clears the bit (object.c); its values' room stays
// dead in the allocation until the next collection copies the OBJECT's first 12 bytes only.
#define HEADER_INLINE_PROPS (1u << 6)
// Such an OBJECT may keep its key list in its header instead (hdr, proto or not, values: 4 bytes
// less again): header bits 15-31 hold the list's ROM offset / 4 + 1 (0: the word form above),
// bit 14 says whether a prototype word follows the header. Its size has bits 7-13 only (at most
// OBJECT_INLINE_MAX bytes, 124 values), so header_size masks them for any inline OBJECT: a
// snapshot writes bigger ones with a PROPS. At least 12 bytes either way, room for the usual
// layout when a key is added or removed (object.c holder_set_props).
#define OBJECT_HDR_PROTO (1u << 14)
#define OBJECT_HDR_KEYS_SHIFT 15
#define OBJECT_INLINE_MAX 0x1FCu
#define OBJECT_KEYS_MAX 124u  // values of an inline OBJECT: (OBJECT_INLINE_MAX - 12) / 4
static inline uint32_t object_hdr_keys(uint32_t h) { return h >> OBJECT_HDR_KEYS_SHIFT; }
static inline uint32_t object_hdr_keys_offset(uint32_t h) {
  return (object_hdr_keys(h) - 1u) << 2;
}
// Whether a key list at this ROM offset can be named by a header (128K words of ROM).
static inline bool object_hdr_keys_fit(uint32_t rom_off) {
  return (rom_off >> 2) + 1u < (1u << (32 - OBJECT_HDR_KEYS_SHIFT));
}
// The same bit on an ARRAY that a snapshot wrote with its values inline: hdr, length, props, then
// the values (capacity from the size), 8 bytes less than an ARRAY and its ITEMS. Growing it past
// that capacity gives it an ITEMS and the usual layout (object.c array_resize); its values' room
// stays dead in the allocation until the next collection copies the ARRAY's first 16 bytes only.
#define HEADER_INLINE_ITEMS (1u << 6)
// The size of an allocation known to be no OBJECT with its properties inline (a ROM one, a
// SCOPE, a string, one just allocated...): the interpreter's hot paths skip header_size's mask.
static inline uint32_t header_size_other(uint32_t h) { return (h >> 5) & ~3u; }
static inline uint32_t header_size(uint32_t h) {
  uint32_t size = header_size_other(h);
  if ((h & (31u | HEADER_INLINE_PROPS)) == (TC_OBJECT | HEADER_INLINE_PROPS)) {
    size &= OBJECT_INLINE_MAX;  // the key list's offset above
  }
  return size;
}
#define ALLOC_MAX_SIZE ((uint32_t)1 << 27)

// Strings (STRING8, STRING16): the header, then the code units, then 0..3 zero bytes whose
// count is in header bits 5-6 (free: sizes are multiples of 4 and strings are never frozen).
// So a string has no length field: 4 bytes less for each one in every image and heap. Every
// heap and image string has at least one unit, so the count always fits; the one empty string
// is the engine's (ENGINE_STR(EMPTY), a bare header).
#define STRING_DATA 4u
static inline uint32_t string_bytes(uint32_t h) {
  return header_size_other(h) - STRING_DATA - ((h >> 5) & 3u);
}

// ---- Little-endian field access (heap and ROM) ----
// rd32/rd16/wr32/wr16 read and write the fields of allocations (heap, ROM, tables): their
// addresses are multiples of the field's size, since allocations, the heap and the ROM are
// 4-aligned, the image too (restore checks it under MVM_ALIGNED_FIELDS). rd16u/rd32u/wr16u/
// wr32u are for anything else (bytecode operands, a snapshot's header).
// Three ways, chosen in the port header:
// - MVM_UNALIGNED_LE (x86, AArch64): one load or store for both kinds;
// - MVM_ALIGNED_FIELDS (little-endian targets that fault on unaligned words, Cortex-M0): one
//   load or store for a field, byte by byte for the rest; a word field read byte by byte
//   costs ten Thumb instructions where a load costs one;
// - otherwise byte by byte, so any host and any alignment works.

// rd8 reads a byte of an allocation (a string's units, code, a line table): a plain read but
// on a Harvard port (MVM_HARVARD), where every read of an allocation, in the heap or the ROM
// (one code reads both), goes through the port's ROM-read macros, which tell the spaces apart.
#if MVM_HARVARD
#define rd8(p) ((uint8_t)MVM_READ_ROM_U8(p))
#else
#define rd8(p) (*(const uint8_t*)(p))
#endif
// Copies n bytes of an allocation, in the heap or the ROM, to RAM.
static inline void rd_bytes(uint8_t* to, const uint8_t* from, size_t n) {
#if MVM_HARVARD
  for (size_t i = 0; i < n; i++) to[i] = rd8(from + i);
#else
  MVM_MEMCPY(to, from, n);
#endif
}
// Whether n bytes at a and at b are the same; either may be in the ROM.
static inline bool rd_equal(const uint8_t* a, const uint8_t* b, size_t n) {
#if MVM_HARVARD
  for (size_t i = 0; i < n; i++) {
    if (rd8(a + i) != rd8(b + i)) return false;
  }
  return true;
#else
  return MVM_MEMCMP(a, b, n) == 0;
#endif
}
#if !MVM_UNALIGNED_LE  // (always so with MVM_HARVARD: mvm_port_default.h)
#if MVM_HARVARD
static inline uint32_t rd32u(const uint8_t* p) { return (uint32_t)MVM_READ_ROM_U32(p); }
static inline uint16_t rd16u(const uint8_t* p) { return (uint16_t)MVM_READ_ROM_U16(p); }
#else
static inline uint32_t rd32u(const uint8_t* p) {
  return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
static inline uint16_t rd16u(const uint8_t* p) { return (uint16_t)(p[0] | (p[1] << 8)); }
#endif
static inline void wr32u(uint8_t* p, uint32_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
  p[2] = (uint8_t)(v >> 16);
  p[3] = (uint8_t)(v >> 24);
}
static inline void wr16u(uint8_t* p, uint16_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
}
#endif

#if MVM_UNALIGNED_LE
static inline uint32_t rd32(const uint8_t* p) {
  uint32_t v;
  __builtin_memcpy(&v, p, 4);
  return v;
}
static inline uint16_t rd16(const uint8_t* p) {
  uint16_t v;
  __builtin_memcpy(&v, p, 2);
  return v;
}
static inline void wr32(uint8_t* p, uint32_t v) { __builtin_memcpy(p, &v, 4); }
static inline void wr16(uint8_t* p, uint16_t v) { __builtin_memcpy(p, &v, 2); }
#define rd32u rd32
#define rd16u rd16
#define wr32u wr32
#define wr16u wr16
#if MVM_SUPPORT_FLOAT
static inline double rd_f64(const uint8_t* p) {
  double d;
  __builtin_memcpy(&d, p, 8);
  return d;
}
static inline void wr_f64(uint8_t* p, double d) { __builtin_memcpy(p, &d, 8); }
#endif
#else
#if MVM_ALIGNED_FIELDS
// may_alias: the same bytes are also read and written byte by byte and as 16-bit units.
typedef uint32_t field32_t __attribute__((may_alias));
typedef uint16_t field16_t __attribute__((may_alias));
static inline uint32_t rd32(const uint8_t* p) { return *(const field32_t*)(const void*)p; }
static inline uint16_t rd16(const uint8_t* p) { return *(const field16_t*)(const void*)p; }
static inline void wr32(uint8_t* p, uint32_t v) { *(field32_t*)(void*)p = v; }
static inline void wr16(uint8_t* p, uint16_t v) { *(field16_t*)(void*)p = v; }
#else
#define rd32 rd32u
#define rd16 rd16u
#define wr32 wr32u
#define wr16 wr16u
#endif
#if MVM_SUPPORT_FLOAT
// A FLOAT64's value is at offset 4 of its allocation: two word fields.
static inline double rd_f64(const uint8_t* p) {
  uint64_t bits = (uint64_t)rd32(p) | ((uint64_t)rd32(p + 4) << 32);
  double d;
  MVM_MEMCPY(&d, &bits, sizeof d);
  return d;
}
static inline void wr_f64(uint8_t* p, double d) {
  uint64_t bits;
  MVM_MEMCPY(&bits, &d, sizeof bits);
  wr32(p, (uint32_t)bits);
  wr32(p + 4, (uint32_t)(bits >> 32));
}
#endif
#endif

#endif
