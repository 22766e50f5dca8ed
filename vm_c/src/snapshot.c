/* snapshot.c: writing images, and restoring them with full validation; CRC-32.
 *
 * Image layout (docs/internals.md section 10):
 *
 *   0   magic "MVM\0"                4   u32 crc32 of bytes [8, image size)
 *   8   u16 format version         10   u16 features
 *   12  u32 image size             16   u32 ROM length
 *   20  the ROM: packed (FEATURE PACKED_ROM, pack_allocs), or as it is (used in place)
 *   then, packed (pack_image): global names, imports, exports, globals, the heap's length and
 *       its allocations. An image has no entry function (it ran at build time).
 *
 * The heap is written as it is after a collection (packed: pack_allocs). The collector places
 * the VM roots ITEMS first, at heap offset 4 (internal.h ROOT_*: error prototypes, the ROM-function property
 * table, the exports table...), so a restored VM finds them there.
 *
 * Restoring treats the image as hostile: header fields, the CRC, the packed words (none may run
 * past the end), the counts, the ROM (load.c rom_validate), then every heap allocation (type,
 * size, and every value it holds: heap references must land on an allocation start and have the
 * type their field needs, ROM references must be in bounds), the globals and the exports are
 * checked before the VM is returned or any import resolved. A bad image yields an error, never
 * a crash.
 */
#include "internal.h"

// Version 7's header began with "MVM\0" too and had its version at 8, so an older image is
// refused as a version mismatch (MVM_E_IMAGE_VERSION), not as a damaged one.
static const uint8_t image_magic[4] = {'M', 'V', 'M', 0};
enum { IMG_CRC = 4, IMG_VERSION = 8, IMG_FEATURES = 10, IMG_SIZE = 12, IMG_ROM_LEN = 16 };
#define IMAGE_HEADER_SIZE 20u
// This build's profile bit (MVM_PROFILE_MCU: PROFILE_MCU, else PROFILE_HOST), and FEATURE
// FLOAT64: the image holds a FLOAT64 (in its ROM or heap) that is no int32 integer (a fraction,
// -0, NaN, Infinity, or past int32). Written only then, so that an integer-only VM
// (MVM_SUPPORT_FLOAT=0), whose numbers are the int32s, can refuse such an image up front; images
// from before had it for any FLOAT64, and a VM with floats accepts it either way
// (IMAGE_FEATURES: what restore takes).
#define IMAGE_PROFILE_BIT (MVM_PROFILE_MCU ? (1u << 2) : (1u << 1))
#define IMAGE_FLOAT64 (1u << 0)
#if MVM_SUPPORT_FLOAT
#define IMAGE_FEATURES (IMAGE_FLOAT64 | IMAGE_PROFILE_BIT)
#else
#define IMAGE_FEATURES IMAGE_PROFILE_BIT
#endif
// FEATURE PACKED_ROM: the ROM is packed like the heap (pack_allocs), and restore expands it into
// memory the VM owns. Without it the ROM is stored as it is and used in place (an MCU image in
// flash: `mvc build --target mcu` unpacks it).
#define IMAGE_PACKED_ROM (1u << 3)
// FEATURE RAW_HEAP: the heap after its length is the heap as it is in RAM (from offset 4),
// not packed (`mvc build --target mcu --raw-heap`, for a core built with MVM_PACKED_HEAP 0).
#define IMAGE_RAW_HEAP (1u << 7)
// (Bit 4, FEATURE ROM_GLOBALS, was version 7's CONSTS of the constant globals at the ROM's start:
// their values are in the code now, LOAD_ROM_GLOBAL's operand.)
// FEATURE ROM_IMPORTS: the ROM starts with the imports' HOSTFNs, import i's at 8 * i
// (internal.h import_cached), and has no other HOSTFN: their place gives their index, and they
// hold their ids, so the packed part has only the imports' count. A restored VM keeps 4 bytes
// an import (ROM_IMPORTS).
#define IMAGE_ROM_IMPORTS (1u << 5)
// FEATURE NO_ROOTS: the heap holds allocations but no VM roots ITEMS, which would have had
// every slot undefined (a heap of the pad word alone has none without the bit): its
// allocation at offset 4 is the program's. 8 bytes less of heap, in flash and in RAM.
#define IMAGE_NO_ROOTS (1u << 6)
// A LINES allocation: header, file, first line, then the byte stream.
#define LINES_STREAM 12u

// ---- CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) ----
// A byte at a time with a 256-entry const table (1 KB of ROM; restore checks every image byte),
// or, with MVM_CRC32_SMALL, four bits at a time with a 16-entry table (64 bytes, ~3x slower).

uint32_t crc32_ieee(const uint8_t* data, size_t len, uint32_t crc) {
#if MVM_CRC32_SMALL
  static const uint32_t nibble[16] = {
      0x00000000u, 0x1DB71064u, 0x3B6E20C8u, 0x26D930ACu, 0x76DC4190u, 0x6B6B51F4u,
      0x4DB26158u, 0x5005713Cu, 0xEDB88320u, 0xF00F9344u, 0xD6D6A3E8u, 0xCB61B38Cu,
      0x9B64C2B0u, 0x86D3D2D4u, 0xA00AE278u, 0xBDBDF21Cu};
  crc = ~crc;
  for (size_t i = 0; i < len; i++) {
    uint8_t b = rd8(data + i);
    crc = (crc >> 4) ^ nibble[(crc ^ b) & 15u];
    crc = (crc >> 4) ^ nibble[(crc ^ (uint32_t)(b >> 4)) & 15u];
  }
#else
  static const uint32_t table[256] = {
      0x00000000u, 0x77073096u, 0xEE0E612Cu, 0x990951BAu, 0x076DC419u, 0x706AF48Fu,
      0xE963A535u, 0x9E6495A3u, 0x0EDB8832u, 0x79DCB8A4u, 0xE0D5E91Eu, 0x97D2D988u,
      0x09B64C2Bu, 0x7EB17CBDu, 0xE7B82D07u, 0x90BF1D91u, 0x1DB71064u, 0x6AB020F2u,
      0xF3B97148u, 0x84BE41DEu, 0x1ADAD47Du, 0x6DDDE4EBu, 0xF4D4B551u, 0x83D385C7u,
      0x136C9856u, 0x646BA8C0u, 0xFD62F97Au, 0x8A65C9ECu, 0x14015C4Fu, 0x63066CD9u,
      0xFA0F3D63u, 0x8D080DF5u, 0x3B6E20C8u, 0x4C69105Eu, 0xD56041E4u, 0xA2677172u,
      0x3C03E4D1u, 0x4B04D447u, 0xD20D85FDu, 0xA50AB56Bu, 0x35B5A8FAu, 0x42B2986Cu,
      0xDBBBC9D6u, 0xACBCF940u, 0x32D86CE3u, 0x45DF5C75u, 0xDCD60DCFu, 0xABD13D59u,
      0x26D930ACu, 0x51DE003Au, 0xC8D75180u, 0xBFD06116u, 0x21B4F4B5u, 0x56B3C423u,
      0xCFBA9599u, 0xB8BDA50Fu, 0x2802B89Eu, 0x5F058808u, 0xC60CD9B2u, 0xB10BE924u,
      0x2F6F7C87u, 0x58684C11u, 0xC1611DABu, 0xB6662D3Du, 0x76DC4190u, 0x01DB7106u,
      0x98D220BCu, 0xEFD5102Au, 0x71B18589u, 0x06B6B51Fu, 0x9FBFE4A5u, 0xE8B8D433u,
      0x7807C9A2u, 0x0F00F934u, 0x9609A88Eu, 0xE10E9818u, 0x7F6A0DBBu, 0x086D3D2Du,
      0x91646C97u, 0xE6635C01u, 0x6B6B51F4u, 0x1C6C6162u, 0x856530D8u, 0xF262004Eu,
      0x6C0695EDu, 0x1B01A57Bu, 0x8208F4C1u, 0xF50FC457u, 0x65B0D9C6u, 0x12B7E950u,
      0x8BBEB8EAu, 0xFCB9887Cu, 0x62DD1DDFu, 0x15DA2D49u, 0x8CD37CF3u, 0xFBD44C65u,
      0x4DB26158u, 0x3AB551CEu, 0xA3BC0074u, 0xD4BB30E2u, 0x4ADFA541u, 0x3DD895D7u,
      0xA4D1C46Du, 0xD3D6F4FBu, 0x4369E96Au, 0x346ED9FCu, 0xAD678846u, 0xDA60B8D0u,
      0x44042D73u, 0x33031DE5u, 0xAA0A4C5Fu, 0xDD0D7CC9u, 0x5005713Cu, 0x270241AAu,
      0xBE0B1010u, 0xC90C2086u, 0x5768B525u, 0x206F85B3u, 0xB966D409u, 0xCE61E49Fu,
      0x5EDEF90Eu, 0x29D9C998u, 0xB0D09822u, 0xC7D7A8B4u, 0x59B33D17u, 0x2EB40D81u,
      0xB7BD5C3Bu, 0xC0BA6CADu, 0xEDB88320u, 0x9ABFB3B6u, 0x03B6E20Cu, 0x74B1D29Au,
      0xEAD54739u, 0x9DD277AFu, 0x04DB2615u, 0x73DC1683u, 0xE3630B12u, 0x94643B84u,
      0x0D6D6A3Eu, 0x7A6A5AA8u, 0xE40ECF0Bu, 0x9309FF9Du, 0x0A00AE27u, 0x7D079EB1u,
      0xF00F9344u, 0x8708A3D2u, 0x1E01F268u, 0x6906C2FEu, 0xF762575Du, 0x806567CBu,
      0x196C3671u, 0x6E6B06E7u, 0xFED41B76u, 0x89D32BE0u, 0x10DA7A5Au, 0x67DD4ACCu,
      0xF9B9DF6Fu, 0x8EBEEFF9u, 0x17B7BE43u, 0x60B08ED5u, 0xD6D6A3E8u, 0xA1D1937Eu,
      0x38D8C2C4u, 0x4FDFF252u, 0xD1BB67F1u, 0xA6BC5767u, 0x3FB506DDu, 0x48B2364Bu,
      0xD80D2BDAu, 0xAF0A1B4Cu, 0x36034AF6u, 0x41047A60u, 0xDF60EFC3u, 0xA867DF55u,
      0x316E8EEFu, 0x4669BE79u, 0xCB61B38Cu, 0xBC66831Au, 0x256FD2A0u, 0x5268E236u,
      0xCC0C7795u, 0xBB0B4703u, 0x220216B9u, 0x5505262Fu, 0xC5BA3BBEu, 0xB2BD0B28u,
      0x2BB45A92u, 0x5CB36A04u, 0xC2D7FFA7u, 0xB5D0CF31u, 0x2CD99E8Bu, 0x5BDEAE1Du,
      0x9B64C2B0u, 0xEC63F226u, 0x756AA39Cu, 0x026D930Au, 0x9C0906A9u, 0xEB0E363Fu,
      0x72076785u, 0x05005713u, 0x95BF4A82u, 0xE2B87A14u, 0x7BB12BAEu, 0x0CB61B38u,
      0x92D28E9Bu, 0xE5D5BE0Du, 0x7CDCEFB7u, 0x0BDBDF21u, 0x86D3D2D4u, 0xF1D4E242u,
      0x68DDB3F8u, 0x1FDA836Eu, 0x81BE16CDu, 0xF6B9265Bu, 0x6FB077E1u, 0x18B74777u,
      0x88085AE6u, 0xFF0F6A70u, 0x66063BCAu, 0x11010B5Cu, 0x8F659EFFu, 0xF862AE69u,
      0x616BFFD3u, 0x166CCF45u, 0xA00AE278u, 0xD70DD2EEu, 0x4E048354u, 0x3903B3C2u,
      0xA7672661u, 0xD06016F7u, 0x4969474Du, 0x3E6E77DBu, 0xAED16A4Au, 0xD9D65ADCu,
      0x40DF0B66u, 0x37D83BF0u, 0xA9BCAE53u, 0xDEBB9EC5u, 0x47B2CF7Fu, 0x30B5FFE9u,
      0xBDBDF21Cu, 0xCABAC28Au, 0x53B39330u, 0x24B4A3A6u, 0xBAD03605u, 0xCDD70693u,
      0x54DE5729u, 0x23D967BFu, 0xB3667A2Eu, 0xC4614AB8u, 0x5D681B02u, 0x2A6F2B94u,
      0xB40BBE37u, 0xC30C8EA1u, 0x5A05DF1Bu, 0x2D02EF8Du};
  crc = ~crc;
  for (size_t i = 0; i < len; i++) crc = (crc >> 8) ^ table[(crc ^ rd8(data + i)) & 0xFFu];
#endif
  return ~crc;
}

// ---- Packing (docs/internals.md 10) ----

// Whether packed allocations are read (restore), and read or written (snapshot), at all.
#define VM_UNPACKING (MVM_PACKED_HEAP || MVM_PACKED_ROM)
#define VM_PACKING (VM_UNPACKING || MVM_INCLUDE_BUILD_API)

// The size an allocation of type t has when it has no spare room, from what its packed form
// gives anyway (n: the length of a string, Uint8Array or LINES stream, the count of a PROPS);
// 0 for the types whose size is their capacity (ITEMS, SCOPE, CONTINUATION) or tells their
// length (CONSTS; FUNCTION, with its padding bits), which is always written.
#if VM_PACKING
static uint64_t implied_size(uint32_t t, uint32_t n) {
  uint64_t s;
  switch (t) {
    case TC_STRING8: s = STRING_DATA + (uint64_t)n; break;
    case TC_STRING16: s = STRING_DATA + 2 * (uint64_t)n; break;
    case TC_BYTES: s = 8 + (uint64_t)n; break;
    case TC_LINES: s = LINES_STREAM + (uint64_t)n; break;
    case TC_PROPS: s = 8 + 8 * (uint64_t)n; break;
    case TC_HOSTFN: return 8;
    case TC_FLOAT64:
    case TC_OBJECT: return 12;
    case TC_ARRAY:
    case TC_CLOSURE:
    case TC_PROPERTY:
    case TC_PROMISE:
    case TC_RESOLVER: return 16;
    default: return 0;
  }
  s = (s + 3) & ~(uint64_t)3;
  return s < 8 ? 8 : s;
}
#endif

// ---- Writing ----
#if MVM_INCLUDE_BUILD_API

/* An image holds what a resumed program can still reach, not the whole unit:
 *
 * - ROM: the allocations reachable from the live heap, the live globals and the exports:
 *   reachable functions with their constants, names and line tables (error locations keep
 *   working), the strings and floats those hold, the export names, the names of globals still
 *   in their TDZ. The entry function and the module bodies, which have run, are left out, and
 *   so is anything only they used. Offsets are renumbered; every ROM reference is rewritten.
 * - Globals that no reachable function reads or writes (nor an export) are dead: their values
 *   are dropped (written as undefined), so what only they kept alive (the prelude's console
 *   object, say) is not in the heap either. Finding them is a fixpoint: a collection marks the
 *   ROM that the heap and globals reach; the code of the reachable functions names the live
 *   globals; dead globals are cleared and the collection runs again, until nothing changes.
 * - Heap: the VM roots ITEMS holds only its slots in use (an empty exports table and
 *   unused slots at the end are left out: a restored VM rebuilds them, heap.c
 *   roots_build; none at all when nothing else is in the heap), PROPS carry no spare
 *   capacity, and objects and arrays hold their properties and values inline (gc.c).
 *
 * The VM itself ends in the state a restore of the image gives (its ROM is the image's, and it
 * has no entry function: mvm_run_main refuses), so it can keep running and snapshot again.
 */

static bool bit_test(const uint8_t* bits, uint32_t i) { return (bits[i >> 3] >> (i & 7u)) & 1u; }
static void bit_set(uint8_t* bits, uint32_t i) { bits[i >> 3] = (uint8_t)(bits[i >> 3] | (1u << (i & 7u))); }
// ROM marks: one bit per ROM word, as gc.c sets them.
static bool rom_marked(const uint8_t* marks, uint32_t off) { return bit_test(marks, off >> 2); }
static void rom_mark_value(uint32_t rom_len, uint8_t* marks, mvm_value_t v) {
  if (value_is_rom(v) && value_rom_offset(v) < rom_len) bit_set(marks, value_rom_offset(v) >> 2);
}
// Marks the allocation at ROM offset off; true when it lies before `before` (walked already).
static bool rom_mark_at(uint8_t* marks, uint32_t off, uint32_t before) {
  bit_set(marks, off >> 2);
  return off < before;
}

// Marks the ROM allocations the n values at p name; true when one lies before `before`.
static bool rom_mark_values(uint8_t* marks, const uint8_t* p, uint32_t n, uint32_t before) {
  bool earlier = false;
  for (uint32_t i = 0; i < n; i++) {
    mvm_value_t v = rd32(p + 4 * i);
    if (value_is_image_rom(v) && rom_mark_at(marks, value_rom_offset(v), before)) earlier = true;
  }
  return earlier;
}

// Marks everything the marked ROM allocations refer to (the values their code's LOAD_ROM_GLOBALs
// carry included), and the globals their code names (live) and stores to (stored).
static void rom_closure(const uint8_t* rom, uint32_t rom_len, uint8_t* marks, uint8_t* done,
                        uint8_t* live_globals, uint8_t* stored, uint32_t global_count,
                        bool strip) {
  bool again = true;
  while (again) {
    again = false;
    for (uint32_t at = 0; at < rom_len; at += header_size(rd32(rom + at))) {
      if (!rom_marked(marks, at) || bit_test(done, at >> 2)) continue;
      bit_set(done, at >> 2);
      const uint8_t* p = rom + at;
      switch (header_type(rd32(p))) {
        case TC_FUNCTION: {
          // Its constants and its name (the values before the lines word), then its lines.
          if (rom_mark_values(marks, p + FN_CONSTS, fn_nvalues(p), at)) again = true;
          uint32_t l = fn_lines(p);
          if (l != NO_OFFSET && !strip && rom_mark_at(marks, l, at)) again = true;
          const uint8_t* code = fn_code(p);
          uint32_t len = fn_code_len(p);
          for (uint32_t pc = 0; pc < len; pc += opcode_size(code[pc])) {
            uint8_t op = code[pc];
            if (op == OP_LOAD_GLOBAL || op == OP_STORE_GLOBAL || op == OP_LOAD_GLOBAL_FN) {
              uint32_t g = rd16u(code + pc + 1);
              if (g < global_count) bit_set(live_globals, g);
              if (g < global_count && op == OP_STORE_GLOBAL) bit_set(stored, g);
            } else if (op == OP_LOAD_ROM_GLOBAL || op == OP_LOAD_ROM_GLOBAL_FN) {
              mvm_value_t v = rd16u(code + pc + 1);
              if (value_is_image_rom(v) && rom_mark_at(marks, value_rom_offset(v), at)) {
                again = true;
              }
            }
          }
          break;
        }
        case TC_CONSTS:
          if (rom_mark_values(marks, consts_values(p), consts_count(p), at)) again = true;
          break;
        case TC_LINES: {
          if (rom_mark_values(marks, p + 4, 1, at)) again = true;  // its file
          break;
        }
        default:
          break;
      }
    }
  }
}

static mvm_value_t remap_value(const uint32_t* map, mvm_value_t v) {
  return value_is_image_rom(v) ? value_from_rom_offset(map[value_rom_offset(v) >> 2]) : v;
}
static void remap_values(const uint32_t* map, uint8_t* p, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) wr32(p + 4 * i, remap_value(map, rd32(p + 4 * i)));
}

typedef struct shaken {
  uint8_t* rom;      // rom_buffer_new, as a unit's copy
  uint32_t names;    // ROM offset of the new global names CONSTS, or NO_OFFSET
  rom_intern_t moved;  // the heap's strings and floats, after the rest (rom_intern.c)
} shaken_t;

// The new numbering of the globals: the live ones that code stores to, or that hold a heap
// reference or are in their TDZ, stay globals (0 .. ram - 1, in their order). The other live
// ones are constants: their loads become LOAD_ROM_GLOBAL, whose operand is the value itself
// (GLOBAL_INLINE), when it fits the operand's 16 bits (a ROM reference into the first 32 KB, an
// int31 from 0 to 16383, undefined, null, a boolean, a builtin), else they stay globals too.
// A board keeps them in flash, in the code. Dead ones get no place. A value the code already
// carries that no longer fits once its allocation moved (the imports' HOSTFNs before it grew
// past 32 KB) becomes a global again: the lifted ones, last.
typedef struct renumber {
  uint32_t* to;    // new index of each old one, GLOBAL_DEAD or GLOBAL_INLINE
  uint32_t count;  // old globals
  uint32_t ram;    // the new globals, the lifted ones included
  mvm_value_t* lifted;  // VM_MALLOC'd: their values in the new ROM, globals ram - nlifted ..
  uint32_t nlifted;
  // The imports the same way: those whose host function is live keep their order (0 ..
  // imports - 1), the others are left out (GLOBAL_DEAD).
  uint32_t* import_to;
  uint32_t imports;
} renumber_t;

#define GLOBAL_DEAD NO_OFFSET
#define GLOBAL_INLINE (NO_OFFSET - 1u)

static bool stays_in_ram(const mvm_vm_t* vm, const uint8_t* stored, uint32_t i) {
  mvm_value_t v = vm->globals[i];
  // A string, float or host function moves to the new ROM (rom_intern.c): a constant too.
  return bit_test(stored, i) || (value_is_heap(v) && !rom_intern_moves(vm, v)) || v == VAL_HOLE;
}

// What v is in the new ROM, which map and the plan of the moved heap allocations lay out.
static mvm_value_t new_value(const uint32_t* map, const rom_intern_t* moved, mvm_value_t v) {
  return rom_intern_value(moved, remap_value(map, v));
}

// The values the marked functions' LOAD_ROM_GLOBALs carry that no longer fit once remapped,
// each once (lifted); counted first, then listed.
static mvm_err_t lift_plan(mvm_vm_t* vm, const uint8_t* marks, const uint32_t* map,
                           renumber_t* rn) {
  const uint8_t* rom = vm->rom;
  uint32_t rom_len = vm_rom_len(vm), n = 0;
  for (int pass = 0; pass < 2; pass++) {
    for (uint32_t at = 0; at < rom_len; at += header_size(rd32(rom + at))) {
      if (!rom_marked(marks, at) || header_type(rd32(rom + at)) != TC_FUNCTION) continue;
      const uint8_t* code = fn_code(rom + at);
      for (uint32_t pc = 0, len = fn_code_len(rom + at); pc < len; pc += opcode_size(code[pc])) {
        if (code[pc] != OP_LOAD_ROM_GLOBAL && code[pc] != OP_LOAD_ROM_GLOBAL_FN) continue;
        mvm_value_t v = remap_value(map, rd16u(code + pc + 1));
        if (v <= 0xFFFFu) continue;
        if (pass == 0) {
          n++;
          continue;
        }
        uint32_t j = 0;
        while (j < rn->nlifted && rn->lifted[j] != v) j++;
        if (j == rn->nlifted) rn->lifted[rn->nlifted++] = v;
      }
    }
    if (!n) break;
    if (pass == 0) {
      rn->lifted = (mvm_value_t*)VM_MALLOC(vm, sizeof(mvm_value_t) * (size_t)n);
      if (!rn->lifted) return MVM_E_OUT_OF_MEMORY;
    }
  }
  return MVM_E_OK;
}

static void renumber_plan(const mvm_vm_t* vm, const uint8_t* live, const uint8_t* stored,
                          const uint32_t* map, const rom_intern_t* moved, renumber_t* rn) {
  rn->ram = 0;
  for (uint32_t i = 0; i < rn->count; i++) {
    if (!bit_test(live, i)) {
      rn->to[i] = GLOBAL_DEAD;
    } else if (stays_in_ram(vm, stored, i) || new_value(map, moved, vm->globals[i]) > 0xFFFFu) {
      rn->to[i] = rn->ram++;
    } else {
      rn->to[i] = GLOBAL_INLINE;
    }
  }
  rn->ram += rn->nlifted;
}

// Rewrites the global operands of a copied FUNCTION's code for the new numbering and ROM. false
// when a global's number needs more than 16 bits.
static bool renumber_code(const mvm_vm_t* vm, uint8_t* fn, const renumber_t* rn,
                          const uint32_t* map, const rom_intern_t* moved) {
  uint8_t* code = fn + fn_code_at(fn);
  uint32_t len = fn_code_len(fn);
  for (uint32_t pc = 0; pc < len; pc += opcode_size(code[pc])) {
    uint8_t op = code[pc];
    uint32_t operand = rd16u(code + pc + 1);
    bool fn_form = op == OP_LOAD_GLOBAL_FN || op == OP_LOAD_ROM_GLOBAL_FN;
    if (op == OP_LOAD_ROM_GLOBAL || op == OP_LOAD_ROM_GLOBAL_FN) {
      operand = remap_value(map, operand);
      if (operand > 0xFFFFu) {  // lifted (lift_plan listed it)
        uint32_t j = 0;
        while (rn->lifted[j] != operand) j++;
        code[pc] = (uint8_t)(fn_form ? OP_LOAD_GLOBAL_FN : OP_LOAD_GLOBAL);
        operand = rn->ram - rn->nlifted + j;
      }
    } else if (op != OP_LOAD_GLOBAL && op != OP_STORE_GLOBAL && op != OP_LOAD_GLOBAL_FN) {
      continue;
    } else if (rn->to[operand] == GLOBAL_INLINE) {  // live (this code is) and never stored
      code[pc] = (uint8_t)(fn_form ? OP_LOAD_ROM_GLOBAL_FN : OP_LOAD_ROM_GLOBAL);
      operand = new_value(map, moved, vm->globals[operand]);
    } else {
      operand = rn->to[operand];
    }
    if (operand > 0xFFFFu) return false;
    wr16u(code + pc + 1, (uint16_t)operand);
  }
  return true;
}

// The size of the ROM allocation p in the new ROM: a FUNCTION stripped of its line table loses
// the word that names it.
static uint32_t shaken_size(const uint8_t* p, bool strip) {
  uint32_t h = rd32(p);
  bool drop = strip && header_type(h) == TC_FUNCTION && (rd8(p + FN_FLAGS) & FN_FLAG_LINES);
  return header_size(h) - (drop ? 4u : 0u);
}

// Copies the FUNCTION at p to out (shaken_size bytes) without its LINES word when it has one.
static void copy_stripped_function(uint8_t* out, const uint8_t* p) {
  uint32_t lines_at = fn_code_at(p) - 4, size = header_size(rd32(p));
  MVM_MEMCPY(out, p, lines_at);
  MVM_MEMCPY(out + lines_at, p + lines_at + 4, size - lines_at - 4);
  wr32(out, rd32(p) - ((uint32_t)4 << 5));  // size less 4; type and padding bits as they were
  out[FN_FLAGS] = (uint8_t)(rd8(p + FN_FLAGS) & ~FN_FLAG_LINES);
  wr16(out + FN_CODE_WORDS, (uint16_t)(rd16(p + FN_CODE_WORDS) - 1u));
}

// Lays out the marked allocations after the imports' HOSTFNs, then the heap's strings and
// floats, then a names table when globals are in their TDZ; numbers the globals (renumber_plan:
// the layout decides which constants fit in code); copies the allocations with their ROM
// references rewritten. map gets each old allocation's new offset.
static mvm_err_t rom_shake(mvm_vm_t* vm, const uint8_t* marks, const uint8_t* live,
                           const uint8_t* stored, renumber_t* rn, uint32_t* map, bool strip,
                           shaken_t* out) {
  const uint8_t* rom = vm->rom;
  uint32_t rom_len = vm_rom_len(vm);
  // The imports' HOSTFNs come first (FEATURE ROM_IMPORTS), each in its place: a live one's
  // import is live (imports_settle).
  uint32_t n = HOSTFN_BYTES * rn->imports;
  for (uint32_t at = 0; at < rom_len; at += header_size(rd32(rom + at))) {
    if (!rom_marked(marks, at)) continue;
    if (header_type(rd32(rom + at)) == TC_HOSTFN) {
      map[at >> 2] = HOSTFN_BYTES * rn->import_to[rd16(rom + at + 6)];
      continue;
    }
    map[at >> 2] = n;
    n += shaken_size(rom + at, strip);
  }
  uint32_t moved_at = n;
  mvm_err_t err = rom_intern_plan(vm, marks, map, moved_at, rn->import_to, &out->moved);
  if (!err) err = lift_plan(vm, marks, map, rn);
  if (err) return err;
  renumber_plan(vm, live, stored, map, &out->moved, rn);
  uint32_t nholes = 0;
  if (vm_global_names(vm) != NO_OFFSET) {
    for (uint32_t i = 0; i < vm->global_count; i++) {
      if (vm->globals[i] == VAL_HOLE && rn->to[i] < rn->ram) nholes++;
    }
  }
  uint64_t total = (uint64_t)moved_at + out->moved.bytes;
  uint32_t names_at = NO_OFFSET;
  if (nholes) {
    names_at = (uint32_t)total;
    total += CONSTS_VALUES + 4 * (uint64_t)rn->ram;  // nholes > 0: never empty
  }
  uint8_t* out_rom = total < 0x7FFFFFF0u ? rom_buffer_new(vm_arena(vm), (size_t)total, vm->context)
                                          : NULL;
  if (!out_rom) return MVM_E_OUT_OF_MEMORY;  // the caller frees the plan
  out->rom = out_rom;  // the caller frees it on an error too
  MVM_MEMSET(out_rom, 0, (size_t)total + 8);
  for (uint32_t at = 0; at < rom_len; at += header_size(rd32(rom + at))) {
    if (!rom_marked(marks, at) || header_type(rd32(rom + at)) == TC_HOSTFN) continue;
    uint32_t size = header_size(rd32(rom + at));
    uint8_t* p = out_rom + map[at >> 2];
    if (shaken_size(rom + at, strip) != size) copy_stripped_function(p, rom + at);
    else MVM_MEMCPY(p, rom + at, size);
    switch (header_type(rd32(p))) {
      case TC_FUNCTION: {
        // The constants and the name are values; the lines word, last, a ROM offset.
        remap_values(map, p + FN_CONSTS, fn_nvalues(p));
        uint8_t* lines = p + fn_code_at(p) - 4;
        if (rd8(p + FN_FLAGS) & FN_FLAG_LINES) wr32(lines, map[rd32(lines) >> 2]);
        if (!renumber_code(vm, p, rn, map, &out->moved)) return MVM_E_OUT_OF_MEMORY;
        break;
      }
      case TC_CONSTS:
        remap_values(map, p + CONSTS_VALUES, consts_count(p));
        break;
      case TC_LINES:
        remap_values(map, p + 4, 1);  // its file
        break;
      default:
        break;
    }
  }
  rom_intern_copy(vm, &out->moved, map, moved_at, out_rom);
  if (nholes) {
    uint8_t* p = out_rom + names_at;
    wr32(p, header_make(CONSTS_VALUES + 4 * rn->ram, TC_CONSTS));
    for (uint32_t i = 0; i < rn->ram; i++) wr32(p + CONSTS_VALUES + 4 * i, VAL_UNDEFINED);
    for (uint32_t i = 0; i < vm->global_count; i++) {
      if (vm->globals[i] == VAL_HOLE && rn->to[i] < rn->ram) {
        wr32(p + CONSTS_VALUES + 4 * rn->to[i], new_value(map, &out->moved, global_name(vm, i)));
      }
    }
  }
  // The live imports' host functions, in their new numbering (every live HOSTFN, in the old ROM
  // or the heap, is one of these now: map and the plan's heap_map).
  for (uint32_t i = 0; i < vm->nimports; i++) {
    if (rn->import_to[i] == GLOBAL_DEAD) continue;
    uint8_t* p = out_rom + HOSTFN_BYTES * rn->import_to[i];
    wr32(p, header_make(HOSTFN_BYTES, TC_HOSTFN));
    wr16(p + 4, vm_imports_full(vm)[i].id);
    wr16(p + 6, (uint16_t)rn->import_to[i]);
  }
  out->names = names_at;
  return MVM_E_OK;
}

// After find_live's collection (which held the import values weakly, gc.c), each import's
// value is a live host function of its own, or undefined: the import is dead, and a later
// vmImport of its id would make a new value, which nothing could tell from the old one. A live
// host function that is not its import's value (one an older image kept besides) becomes it.
static void import_settle_value(mvm_vm_t* vm, const uint8_t* p, mvm_value_t v) {
  uint16_t index = rd16(p + 6);
  if (header_type(rd32(p)) != TC_HOSTFN || index >= vm->nimports) return;
  mvm_value_t* slot = &vm_imports_full(vm)[index].cached;
  if (*slot == VAL_UNDEFINED) *slot = v;
}

static void imports_settle(mvm_vm_t* vm, const uint8_t* marks) {
  uint32_t rom_len = vm_rom_len(vm);
  for (uint32_t i = 0; i < vm->nimports; i++) {
    mvm_value_t v = vm_imports_full(vm)[i].cached;
    if (value_is_image_rom(v) && !rom_marked(marks, value_rom_offset(v))) {
      vm_imports_full(vm)[i].cached = VAL_UNDEFINED;
    }
  }
  for (uint32_t at = 4; at < vm_heap_used(vm); at += header_size(rd32(vm->heap + at))) {
    import_settle_value(vm, vm->heap + at, value_from_heap_offset(at));
  }
  for (uint32_t at = 0; at < rom_len; at += header_size(rd32(vm->rom + at))) {
    if (rom_marked(marks, at)) import_settle_value(vm, vm->rom + at, value_from_rom_offset(at));
  }
}

// Finds the live ROM and globals (see the top), clearing dead globals. On success marks has the
// live ROM allocations (names of TDZ globals included) and live_globals the live globals.
static mvm_err_t find_live(mvm_vm_t* vm, gc_snapshot_t* snap, uint8_t* done,
                           uint8_t* live_globals, uint8_t* stored, size_t marks_len,
                           size_t globals_len, bool strip) {
  uint32_t rom_len = vm_rom_len(vm);
  for (;;) {
    MVM_MEMSET(snap->rom_marks, 0, marks_len);
    MVM_MEMSET(done, 0, marks_len);
    MVM_MEMSET(live_globals, 0, globals_len);
    MVM_MEMSET(stored, 0, globals_len);
    vm->gc_snapshot = snap;
    bool ok = gc_collect(vm, 0);
    vm->gc_snapshot = NULL;
    if (!ok) return MVM_E_OUT_OF_MEMORY;
    for (uint32_t i = 0; i < vm->unit_export_count; i++) {
      const unit_export_t* e = &vm->unit_exports[i];
      if (e->slot == UNIT_EXPORT_CONSTANT) rom_mark_value(rom_len, snap->rom_marks, e->value);
      else bit_set(live_globals, e->slot);
      uint32_t name = vm->unit_exports[i].name;  // an engine string needs no mark
      if (name < rom_len) bit_set(snap->rom_marks, name >> 2);
    }
    rom_closure(vm->rom, rom_len, snap->rom_marks, done, live_globals, stored,
                vm->global_count, strip);
    bool changed = false;
    for (uint32_t i = 0; i < vm->global_count; i++) {
      if (bit_test(live_globals, i)) continue;
      mvm_value_t v = vm->globals[i];
      if (value_is_ref(v)) changed = true;  // it may have kept heap or ROM alive
      vm->globals[i] = VAL_UNDEFINED;
    }
    if (changed) continue;
    imports_settle(vm, snap->rom_marks);
    // The names of live globals still in their TDZ stay (for their ReferenceError).
    if (vm_global_names(vm) != NO_OFFSET) {
      for (uint32_t i = 0; i < vm->global_count; i++) {
        if (vm->globals[i] == VAL_HOLE && bit_test(live_globals, i)) {
          rom_mark_value(rom_len, snap->rom_marks, global_name(vm, i));
        }
      }
    }
    return MVM_E_OK;
  }
}

// Replaces vm->roots with a copy of its first n slots (n >= 1).
static mvm_err_t roots_trim(mvm_vm_t* vm, uint32_t n) {
  uint32_t off = heap_alloc(vm, 4 + 4 * n, TC_ITEMS);
  if (!off) return MVM_E_OUT_OF_MEMORY;
  MVM_MEMCPY(vm->heap + off + 4, vm->heap + vm->roots + 4, 4 * (size_t)n);
  vm->roots = value_from_heap_offset(off);
  return MVM_E_OK;
}

// ---- The packed part of an image ----
// Everything after the header is unsigned LEB128 words (7 bits a byte, low first, at most 5
// bytes) and raw bytes. Most words of a ROM or heap are small (lengths, ints, offsets of a small
// heap or ROM), so this takes them to about a third of their size in memory. Restore expands
// them (the heap into the VM's heap space), then validates the result like any ROM and heap.

// Writes v at out + at (out NULL: only counts) and returns the position after it.
static size_t put_uleb(uint8_t* out, size_t at, uint32_t v) {
  do {
    uint8_t b = (uint8_t)(v & 0x7Fu);
    v >>= 7;
    if (out) out[at] = (uint8_t)(b | (v ? 0x80u : 0u));
    at++;
  } while (v);
  return at;
}

static size_t put_raw(uint8_t* out, size_t at, const uint8_t* p, size_t n) {
  if (out && n) MVM_MEMCPY(out + at, p, n);
  return at + n;
}

// Allocations [from, to) of the ROM or the heap. Each starts with one byte: its type, its two
// header flag bits (<< 5), and bit 7 set when its size follows (a LEB128 word, in 4-byte units)
// because it is not the size implied_size gives. Then its fields: strings and Uint8Arrays their
// length and their bytes (no padding), a FLOAT64 its 8 bytes, a FUNCTION its six fields and the
// words after them (constants, name, lines) one word each, then its code (as long as its size
// and padding bits say), a LINES its file and first line then its byte stream without the
// trailing zero padding; the 32-bit words of any other type (values, counts, flags) as LEB128
// words (an ARRAY's length word rotated left by one). The unpacker zero-fills, so padding comes
// back as it was.
static size_t pack_allocs(const uint8_t* base, uint32_t from, uint32_t to, uint8_t* out,
                          size_t at) {
  for (uint32_t a = from; a < to;) {
    const uint8_t* p = base + a;
    uint32_t h = rd32(p), size = header_size(h), t = header_type(h), n = 0;
    if (t == TC_STRING8 || t == TC_STRING16) {
      n = string_bytes(h) >> (t == TC_STRING16);
    } else if (t == TC_BYTES || t == TC_PROPS) {
      n = rd32(p + 4);
    } else if (t == TC_LINES) {
      n = size - LINES_STREAM;
      while (n && p[LINES_STREAM + n - 1] == 0) n--;
    }
    uint8_t head = (uint8_t)(t | (((h >> 5) & 3u) << 5));
    bool explicit_size = implied_size(t, n) != size;
    if (out) out[at] = (uint8_t)(head | (explicit_size ? 0x80u : 0u));
    at++;
    if (explicit_size) at = put_uleb(out, at, size >> 2);
    // An OBJECT with its properties inline: its header's key list and prototype bit (value.h).
    if (t == TC_OBJECT && (h & HEADER_INLINE_PROPS)) at = put_uleb(out, at, h >> 14);
    if (t == TC_STRING8 || t == TC_STRING16 || t == TC_BYTES) {
      uint32_t data = t == TC_BYTES ? 8 : STRING_DATA;
      at = put_uleb(out, at, n);
      at = put_raw(out, at, p + data, t == TC_STRING16 ? 2 * (size_t)n : n);
    } else if (t == TC_FLOAT64) {
      at = put_raw(out, at, p + 4, 8);
    } else if (t == TC_FUNCTION) {
      at = put_uleb(out, at, rd8(p + FN_NPARAMS));
      at = put_uleb(out, at, rd8(p + FN_FLAGS));
      at = put_uleb(out, at, rd8(p + FN_NLOCALS));
      at = put_uleb(out, at, rd8(p + FN_LENGTH));
      at = put_uleb(out, at, rd16(p + FN_MAX_STACK));
      uint32_t code_at = fn_code_at(p);
      at = put_uleb(out, at, code_at / 4);
      for (uint32_t w = FN_CONSTS; w < code_at; w += 4) at = put_uleb(out, at, rd32(p + w));
      at = put_raw(out, at, p + code_at, fn_code_len(p));
    } else if (t == TC_LINES) {
      at = put_uleb(out, at, rd32(p + 4));
      at = put_uleb(out, at, rd32(p + 8));
      at = put_uleb(out, at, n);
      at = put_raw(out, at, p + LINES_STREAM, n);
    } else {
      for (uint32_t w = 4; w < size; w += 4) {
        uint32_t v = rd32(p + w);
        // An array's length word, rotated: ARRAY_NO_PROPS (bit 31) would take 5 bytes.
        if (t == TC_ARRAY && w == 4) v = (v << 1) | (v >> 31);
        at = put_uleb(out, at, v);
      }
    }
    a += size;
  }
  return at;
}

// The packed part (out NULL: only its length): global names, imports, exports, globals, heap.
static size_t pack_image(mvm_vm_t* vm, mvm_value_t exports, uint32_t nprops, uint8_t* out) {
  size_t at = pack_allocs(vm->rom, 0, vm_rom_len(vm), out, 0);
  at = put_uleb(out, at, vm_global_names(vm) + 1u);  // NO_OFFSET + 1 wraps to 0
  at = put_uleb(out, at, vm->nimports);  // their ids are in the ROM (FEATURE ROM_IMPORTS)
  at = put_uleb(out, at, nprops + vm->unit_export_count);
  for (uint32_t i = 0; i < nprops; i++) {
    at = put_uleb(out, at, rd32(value_ptr(vm, exports) + 8 + 8 * i));
    at = put_uleb(out, at, rd32(value_ptr(vm, exports) + 12 + 8 * i));
  }
  for (uint32_t i = 0; i < vm->unit_export_count; i++) {
    mvm_value_t v = unit_export_value(vm, &vm->unit_exports[i]);
    at = put_uleb(out, at, value_from_rom_offset(vm->unit_exports[i].name));
    at = put_uleb(out, at, v == VAL_HOLE ? VAL_UNDEFINED : v);
  }
  at = put_uleb(out, at, vm->global_count);
  for (uint32_t i = 0; i < vm->global_count; i++) at = put_uleb(out, at, vm->globals[i]);
  at = put_uleb(out, at, vm_heap_used(vm));
  return pack_allocs(vm->heap, 4, vm_heap_used(vm), out, at);
}

// Whether allocations [from, to) hold a FLOAT64 that is not an int32 integer, or is -0
// (FEATURE FLOAT64). The int32s past int31 are FLOAT64s too, and the integer-only build has them.
static bool has_float64(const uint8_t* base, uint32_t from, uint32_t to) {
  for (uint32_t a = from; a < to; a += header_size(rd32(base + a))) {
    const uint8_t* p = base + a;
    int32_t i;
    if (header_type(rd32(p)) == TC_FLOAT64 && !float64_to_int32(rd32(p + 4), rd32(p + 8), &i)) {
      return true;
    }
  }
  return false;
}

static mvm_err_t write_image(mvm_vm_t* vm, uint8_t** out_image, size_t* out_len) {
  // The roots are trimmed here: ROOT_EXPORTS may lie past their end (no vmExport table).
  mvm_value_t exports = root_get(vm, ROOT_EXPORTS);
  uint32_t nprops = value_is_ref(exports) ? rd32(value_ptr(vm, exports) + 4) : 0;

  uint64_t total = (uint64_t)IMAGE_HEADER_SIZE + pack_image(vm, exports, nprops, NULL);
  if (total > 0xFFFFFFFFu) return MVM_E_OUT_OF_MEMORY;
  uint8_t* img = (uint8_t*)MVM_MALLOC((size_t)total, vm->context);
  if (!img) return MVM_E_OUT_OF_MEMORY;
  MVM_MEMCPY(img, image_magic, sizeof image_magic);
  wr16u(img + IMG_VERSION, (uint16_t)K_BYTECODE_VERSION);
  bool floats = has_float64(vm->rom, 0, vm_rom_len(vm)) || has_float64(vm->heap, 4, vm_heap_used(vm));
  uint32_t features = IMAGE_PROFILE_BIT | IMAGE_PACKED_ROM | (floats ? IMAGE_FLOAT64 : 0u) |
                      (vm->nimports ? IMAGE_ROM_IMPORTS : 0u) |
                      (!vm->roots && vm_heap_used(vm) > 4 ? IMAGE_NO_ROOTS : 0u);
  wr16u(img + IMG_FEATURES, (uint16_t)features);
  wr32u(img + IMG_SIZE, (uint32_t)total);
  wr32u(img + IMG_ROM_LEN, vm_rom_len(vm));
  pack_image(vm, exports, nprops, img + IMAGE_HEADER_SIZE);
  wr32u(img + IMG_CRC, crc32_ieee(img + IMG_VERSION, (size_t)total - IMG_VERSION, 0));
  *out_image = img;
  *out_len = (size_t)total;
  return MVM_E_OK;
}

mvm_err_t mvm_snapshot(mvm_vm_t* vm, uint8_t** out_image, size_t* out_len) {
  return mvm_snapshot_ex(vm, 0, out_image, out_len);
}

mvm_err_t mvm_snapshot_ex(mvm_vm_t* vm, uint32_t flags, uint8_t** out_image, size_t* out_len) {
  if (!vm || !out_image || !out_len) return MVM_E_INVALID_ARGUMENT;
  bool strip = (flags & MVM_SNAPSHOT_STRIP) != 0;
  *out_image = NULL;
  *out_len = 0;
  if (vm_depth(vm)) return MVM_E_REENTRANT;
  // The collections below rewrite export values (ROM shaking): they must be in the heap.
  mvm_err_t xerr = image_exports_to_heap(vm);
  if (xerr) return xerr;
  vm_run_reset(vm);  // and the error location: ROM offsets of the old ROM
  // The table is full entries while the snapshot rewrites their values (gc.c holds them weakly
  // in find_live; the new ROM lists the live ones, FEATURE ROM_IMPORTS).
  mvm_err_t ierr = imports_make_full(vm, 0);
  if (ierr) return ierr;
  // Room for the full roots afterwards (roots_full), checked before anything changes:
  // what follows only ever drops data.
  if (!gc_collect(vm, roots_bytes())) return MVM_E_OUT_OF_MEMORY;

  // An empty exports table is left out of the roots (roots_build makes it again).
  mvm_value_t exports = root_get(vm, ROOT_EXPORTS);
  if (value_is_ref(exports) && rd32(value_ptr(vm, exports) + 4) == 0) {
    root_set(vm, ROOT_EXPORTS, VAL_UNDEFINED);
  }

  renumber_t rn = {NULL, (uint32_t)vm->global_count, 0, NULL, 0, NULL, 0};
  size_t marks_len = vm_rom_len(vm) / 32 + 1, globals_len = rn.count / 8 + 1;
  uint8_t* marks = (uint8_t*)VM_MALLOC(vm, marks_len);
  uint8_t* done = (uint8_t*)VM_MALLOC(vm, marks_len);
  uint8_t* live_globals = (uint8_t*)VM_MALLOC(vm, globals_len);
  uint8_t* stored = (uint8_t*)VM_MALLOC(vm, globals_len);
  uint32_t* map = (uint32_t*)VM_MALLOC(vm, sizeof(uint32_t) * ((size_t)vm_rom_len(vm) / 4 + 1));
  rn.to = (uint32_t*)VM_MALLOC(vm, sizeof(uint32_t) * ((size_t)rn.count + 1));
  rn.import_to = (uint32_t*)VM_MALLOC(vm, sizeof(uint32_t) * ((size_t)vm->nimports + 1));
  mvm_value_t* new_globals = NULL;
  mvm_err_t err = marks && done && live_globals && stored && map && rn.to && rn.import_to
                      ? MVM_E_OK
                      : MVM_E_OUT_OF_MEMORY;
  gc_snapshot_t snap;
  MVM_MEMSET(&snap, 0, sizeof snap);
  snap.rom_len = vm_rom_len(vm);
  snap.rom_marks = marks;
  if (!err) err = find_live(vm, &snap, done, live_globals, stored, marks_len, globals_len, strip);
  if (!err) {
#if VM_RANDOM_IN_ROOTS
    root_set(vm, ROOT_RANDOM, VAL_UNDEFINED);  // images carry no random state (lib_math.c)
#endif
    uint32_t n = ROOT__COUNT;
    while (n > 1 && root_get(vm, n - 1) == VAL_UNDEFINED) n--;
    // Roots with every slot undefined are left out (FEATURE NO_ROOTS, or a heap of the pad
    // word alone): restore and roots_full make them when a slot is first stored.
    if (n == 1 && root_get(vm, 0) == VAL_UNDEFINED) {
      vm->roots = 0;
    } else {
      err = roots_trim(vm, n);
    }
  }
  if (!err) {
    for (uint32_t i = 0; i < vm->nimports; i++) {
      rn.import_to[i] =
          vm_imports_full(vm)[i].cached == VAL_UNDEFINED ? GLOBAL_DEAD : rn.imports++;
    }
  }
  // From here to the last collection nothing allocates in the heap: the moved strings' plan
  // is by heap offset.
  shaken_t shaken = {NULL, NO_OFFSET, {NULL, 0}};
  if (!err) err = rom_shake(vm, marks, live_globals, stored, &rn, map, strip, &shaken);
  if (!err) err = tables_alloc(vm, rn.ram, rn.imports, true, &new_globals);
  if (!err) {
    // The last collection rewrites every ROM reference for the new ROM, turns references to
    // the moved strings and floats into ROM references, and trims PROPS and ITEMS (gc.c);
    // the VM then runs on the new ROM (nothing can refer to what was left out).
    snap.rom_marks = NULL;
    snap.rom_map = map;
    snap.heap_map = shaken.moved.heap_map;
    snap.trim = true;
    vm->gc_snapshot = &snap;
    bool ok = gc_collect(vm, 0);
    vm->gc_snapshot = NULL;
    if (!ok) err = MVM_E_OUT_OF_MEMORY;
  }
  if (!err) {
    for (uint32_t i = 0; i < vm->unit_export_count; i++) {
      uint32_t name = vm->unit_exports[i].name;
      if (name < (uint32_t)K_ENGINE_ROM_BASE) vm->unit_exports[i].name = map[name >> 2];
      unit_export_t* e = &vm->unit_exports[i];
      if (e->slot != UNIT_EXPORT_CONSTANT && rn.to[e->slot] == GLOBAL_INLINE) {
        e->value = vm->globals[e->slot];  // the collection above gave it its new ROM value
        e->slot = UNIT_EXPORT_CONSTANT;
      } else if (e->slot == UNIT_EXPORT_CONSTANT) {
        e->value = remap_value(map, e->value);
      } else {
        e->slot = (uint16_t)rn.to[e->slot];  // live: exported
      }
    }
    // The globals in their new numbering (the collection above moved their values), then the
    // live imports, in order (it moved their values to the new ROM).
    for (uint32_t i = 0; i < vm->global_count; i++) {
      if (rn.to[i] < rn.ram) new_globals[rn.to[i]] = vm->globals[i];
    }
    for (uint32_t j = 0; j < rn.nlifted; j++) new_globals[rn.ram - rn.nlifted + j] = rn.lifted[j];
    import_entry_t* live = (import_entry_t*)tables_imports(new_globals, rn.ram);
    for (uint32_t i = 0; i < vm->nimports; i++) {
      if (rn.import_to[i] != GLOBAL_DEAD) live[rn.import_to[i]] = vm_imports_full(vm)[i];
    }
    if (vm->globals) VM_FREE(vm, vm->globals);
    vm->globals = new_globals;
    new_globals = NULL;
    vm->global_count = (vm_count_t)rn.ram;
    vm->nimports = (vm_count_t)rn.imports;
    if (vm->flags & ROM_OWNED) rom_buffer_free(vm_arena(vm), vm->rom, vm->context);
    vm->flags = (vm->flags & VM_IN_ARENA) | ROM_OWNED;
    vm->rom = shaken.rom;
    rom_buffer_set_names(shaken.rom, shaken.names);
    vm->entry = NO_OFFSET;
    shaken.rom = NULL;
    err = write_image(vm, out_image, out_len);
  }
  if (shaken.rom) rom_buffer_free(vm_arena(vm), shaken.rom, vm->context);
  if (shaken.moved.heap_map) VM_FREE(vm, shaken.moved.heap_map);
  if (marks) VM_FREE(vm, marks);
  if (done) VM_FREE(vm, done);
  if (live_globals) VM_FREE(vm, live_globals);
  if (stored) VM_FREE(vm, stored);
  if (rn.to) VM_FREE(vm, rn.to);
  if (rn.import_to) VM_FREE(vm, rn.import_to);
  if (rn.lifted) VM_FREE(vm, rn.lifted);
  if (new_globals) VM_FREE(vm, new_globals);
  if (map) VM_FREE(vm, map);
  mvm_err_t rerr = roots_full(vm);  // the VM stays usable, image or not
  if (!err && rerr) {
    MVM_FREE(*out_image, vm->context);
    *out_image = NULL;
    *out_len = 0;
    err = rerr;
  }
  return err;
}
#endif  // MVM_INCLUDE_BUILD_API

// ---- Validation ----

typedef struct checker {
  const uint8_t* rom;
  uint32_t rom_len;
  const uint8_t* heap;
  uint32_t heap_len;
  uint8_t* starts;  // bitmap: one bit per heap word, set where an allocation begins
  uint8_t* rom_starts;  // the same for the ROM
  bool no_roots;       // FEATURE NO_ROOTS: no roots ITEMS at offset 4
  const mvm_vm_t* vm;  // its import table (import_id), once made
  uint32_t nimports;
  uint32_t nobjects;  // OBJECT allocations in the heap (heap_check's first walk counts them)
} checker_t;

// The image's roots ITEMS may hold fewer than ROOT__COUNT slots (the missing ones are
// undefined); its exports table is not used (restore rebuilds it).
static uint32_t roots_slots(const checker_t* c) {
  if (c->heap_len == 4 || c->no_roots) return 0;  // no roots (mvm_snapshot)
  uint32_t n = (header_size(rd32(c->heap + 4)) - 4) / 4;
  return n < ROOT__COUNT ? n : ROOT__COUNT;
}

#if MVM_VERIFY_IMAGES  // the heap's checks (a build that trusts its images has none)
static bool is_start(const checker_t* c, uint32_t off) {
  return off < c->heap_len && (off & 3u) == 0 && (c->starts[off >> 5] >> ((off >> 2) & 7)) & 1;
}

// Type of the allocation a valid reference points to (TC_INVALID for non-references).
static uint32_t ref_type(const checker_t* c, mvm_value_t v) {
  if (value_is_heap(v)) return header_type(rd32(c->heap + v));
  if (value_is_rom(v)) return header_type(rd32(rom_at(c->rom, value_rom_offset(v))));
  return TC_INVALID;
}

// The VM roots ITEMS (heap offset 4) is referred to by the VM alone: a value in the image that
// pointed at it would let the program overwrite the roots (an array sharing it as its items).
// Without roots (FEATURE NO_ROOTS) the allocation there is the program's.
#define ROOTS_REF 4u
static bool names_roots(const checker_t* c, mvm_value_t v) {
  return v == ROOTS_REF && !c->no_roots;
}

static bool value_ok(const checker_t* c, mvm_value_t v) {
  if (value_is_heap(v)) return is_start(c, v) && !names_roots(c, v);
  return rom_value_ok(c->rom, c->rom_len, c->rom_starts, v);
}

static bool heap_ref_of(const checker_t* c, mvm_value_t v, uint32_t type, bool allow_undefined) {
  if (allow_undefined && v == VAL_UNDEFINED) return true;
  return value_is_heap(v) && is_start(c, v) && !names_roots(c, v) && ref_type(c, v) == type;
}

static bool string_ok(const checker_t* c, mvm_value_t v) {
  if (!value_ok(c, v)) return false;
  uint32_t t = ref_type(c, v);
  return t == TC_STRING8 || t == TC_STRING16;
}

static bool values_ok(const checker_t* c, uint32_t from, uint32_t to) {
  for (uint32_t p = from; p < to; p += 4) {
    if (!value_ok(c, rd32(c->heap + p))) return false;
  }
  return true;
}

// The ROM key list of a table whose values are [from, to) (object.c, value.h HEADER_ROM_KEYS
// and HEADER_INLINE_PROPS): a ROM CONSTS at an allocation start, of indexes and strings, one
// per value.
static bool rom_keys_ok(const checker_t* c, mvm_value_t keys, uint32_t from, uint32_t to) {
  uint32_t off = value_rom_offset(keys);
  if (!value_is_image_rom(keys) ||
      !rom_start_of(c->rom, c->rom_len, c->rom_starts, off, TC_CONSTS)) {
    return false;
  }
  const uint8_t* k = c->rom + off;
  uint32_t n = consts_count(k);
  if (to - from != 4 * (uint64_t)n) return false;
  for (uint32_t i = 0; i < n; i++) {
    mvm_value_t key = rd32(consts_values(k) + 4 * i);
    if (!(value_is_int(key) && value_as_int(key) >= 0) && !string_ok(c, key)) return false;
  }
  return values_ok(c, from, to);
}

// Checks one allocation's fields, given that every allocation start is known.
static bool alloc_ok(const checker_t* c, uint32_t at) {
  const uint8_t* p = c->heap + at;
  uint32_t h = rd32(p), size = header_size(h);
  switch (header_type(h)) {
    case TC_FLOAT64: {
#if MVM_SUPPORT_FLOAT
      return size >= 12;
#else
      int32_t i;  // an int32 past int31; any other FLOAT64 is a float this build cannot hold
      return size >= 12 && float64_to_int32(rd32(p + 4), rd32(p + 8), &i);
#endif
    }
    case TC_STRING8:
      return true;  // size >= 8: at least one unit (string_bytes)
    case TC_STRING16:
      return (string_bytes(rd32(p)) & 1u) == 0;
    case TC_OBJECT: {
      if (size < 12) return false;
      // Inline properties: (proto,) ROM keys or none, values (internal.h props_values_at).
      uint32_t v = (h & HEADER_INLINE_PROPS) ? props_values_at(p) : 0;
      mvm_value_t proto = rd32(p + 4);
      if (object_has_proto_word(p) && proto != VAL_NULL &&
          !heap_ref_of(c, proto, TC_OBJECT, false)) {
        return false;
      }
      if (!v) return heap_ref_of(c, rd32(p + 8), TC_PROPS, true);
      // The prototype bit belongs to the keys in the header (unpack_allocs bounds the size).
      if (!object_hdr_keys(h) && (h & OBJECT_HDR_PROTO)) return false;
      // 4 bytes short of the limit, room for the word form should its list move (gc.c).
      if (object_hdr_keys(h) && size > OBJECT_INLINE_MAX - 4) return false;
      return rom_keys_ok(c, props_rom_keys(p), at + v, at + size);
    }
    case TC_PROPS: {
      if (rd32(p) & HEADER_ROM_KEYS) return rom_keys_ok(c, rd32(p + 4), at + 8, at + size);
      uint32_t count = rd32(p + 4);
      if ((uint64_t)8 + 8 * (uint64_t)count > size) return false;
      for (uint32_t i = 0; i < count; i++) {
        mvm_value_t k = rd32(p + 8 + 8 * i);
        bool key_ok = (value_is_int(k) && value_as_int(k) >= 0) || string_ok(c, k) ||
                      (value_is_rom(k) && value_ok(c, k) && ref_type(c, k) == TC_FUNCTION);
        if (!key_ok || !value_ok(c, rd32(p + 12 + 8 * i))) return false;
      }
      return true;
    }
    case TC_ARRAY: {
      uint32_t length = rd32(p + 4);
      if (h & HEADER_INLINE_ITEMS) {  // length, (named properties,) values (at least one)
        if (length & ARRAY_NO_PROPS) {  // (internal.h): size >= 16, room for the usual layout
          length &= ~ARRAY_NO_PROPS;
          return size >= 16 && length <= (size - 8) / 4 && values_ok(c, at + 8, at + size);
        }
        return size >= 16 && length <= (size - 12) / 4 &&
               heap_ref_of(c, rd32(p + 8), TC_PROPS, true) && values_ok(c, at + 12, at + size);
      }
      if (size < 16 || !heap_ref_of(c, rd32(p + 12), TC_PROPS, true)) return false;
      mvm_value_t items = rd32(p + 8);
      if (length > (uint32_t)INT31_MAX) return false;
      if (items == VAL_UNDEFINED) return length == 0;
      if (!heap_ref_of(c, items, TC_ITEMS, false)) return false;
      return (header_size(rd32(c->heap + items)) - 4) / 4 >= length;
    }
    case TC_ITEMS:
      return values_ok(c, at + 4, at + size);
    case TC_CLOSURE: {
      if (size < 16) return false;
      mvm_value_t f = rd32(p + 4);
      // At an allocation start: only those FUNCTIONs had their code verified.
      return value_is_rom(f) && rom_alloc_ok(c->rom, c->rom_len, value_rom_offset(f), TC_FUNCTION) &&
             rom_value_ok(c->rom, c->rom_len, c->rom_starts, f) &&
             heap_ref_of(c, rd32(p + 8), TC_SCOPE, true) &&
             heap_ref_of(c, rd32(p + 12), TC_PROPS, true);
    }
    case TC_SCOPE:
      return heap_ref_of(c, rd32(p + 4), TC_SCOPE, true) && values_ok(c, at + 8, at + size);
    case TC_BYTES:  // Uint8Array: the bytes fit
      return 8 + (uint64_t)rd32(p + 4) <= size;
    case TC_HOSTFN: {
      uint16_t id = rd16(p + 4), index = rd16(p + 6);
      return index < c->nimports && import_id(c->vm, index) == id;
    }
    case TC_PROPERTY:  // u32 flags, getter or value, setter (any values)
      return size >= 16 && rd32(p + 4) <= 3 && values_ok(c, at + 8, at + 16);
    case TC_PROMISE: {  // u32 state, value, reactions (an ARRAY while pending)
      if (size < 16) return false;  // before reading the fields (found by tests/fuzz)
      mvm_value_t reactions = rd32(p + 12);
      return rd32(p + 4) <= 2 && value_ok(c, rd32(p + 8)) &&
             heap_ref_of(c, reactions, TC_ARRAY, true);
    }
    case TC_RESOLVER:  // u32 flags, promise, twin resolver
      return size >= 16 && rd32(p + 4) <= 3 && heap_ref_of(c, rd32(p + 8), TC_PROMISE, false) &&
             heap_ref_of(c, rd32(p + 12), TC_RESOLVER, true);
    case TC_CONTINUATION:  // values; async.c checks the frame layout when it resumes one
      return size >= 28 && values_ok(c, at + 4, at + size);
    default:
      return false;
  }
}

static bool roots_ok(const checker_t* c) {
  if (c->heap_len == 4 || c->no_roots) return true;
  if (c->heap_len < 8 || !is_start(c, 4)) return false;
  const uint8_t* p = c->heap + 4;
  if (header_type(rd32(p)) != TC_ITEMS) return false;
  uint32_t n = roots_slots(c);
#define ROOT_SLOT(i) ((i) < n ? rd32(p + 4 + 4 * (i)) : VAL_UNDEFINED)
  for (uint32_t k = 0; k < EK__COUNT; k++) {
    if (!heap_ref_of(c, ROOT_SLOT(ROOT_ERROR_PROTO + k), TC_OBJECT, true)) return false;
  }
  if (!heap_ref_of(c, ROOT_SLOT(ROOT_FN_PROPS), TC_PROPS, true)) return false;
  if (ROOT_SLOT(ROOT_FN_PROPS) != VAL_UNDEFINED) {
    // ROM function -> its PROPS: object.c reads each value as a PROPS (found by tests/fuzz).
    const uint8_t* t = c->heap + ROOT_SLOT(ROOT_FN_PROPS);
    for (uint32_t i = 0; i < rd32(t + 4); i++) {
      mvm_value_t k = rd32(t + 8 + 8 * i), v = rd32(t + 12 + 8 * i);
      if (!value_is_rom(k) || ref_type(c, k) != TC_FUNCTION ||
          !heap_ref_of(c, v, TC_PROPS, false)) {
        return false;
      }
    }
  }
  if (!heap_ref_of(c, ROOT_SLOT(ROOT_JOBS), TC_ARRAY, true)) return false;
  if (!heap_ref_of(c, ROOT_SLOT(ROOT_GLOBAL_THIS), TC_OBJECT, true)) return false;
#undef ROOT_SLOT
  return true;
}

// Every prototype chain ends in null: property lookups walk chains without a bound (the
// VM refuses a cyclic `__proto__`, so only a damaged image could make one; found by CI's
// fuzz pass). Chains already seen to end are marked in `done`, so the check is linear.
static bool protos_acyclic(const checker_t* c, uint8_t* done) {
#define DONE(o) ((done[(o) >> 5] >> (((o) >> 2) & 7)) & 1u)
  // An OBJECT's prototype (internal.h object_proto: null without a prototype word).
#define PROTO(o) (object_has_proto_word(c->heap + (o)) ? rd32(c->heap + (o) + 4) : VAL_NULL)
  for (uint32_t at = 4; at < c->heap_len; at += header_size(rd32(c->heap + at))) {
    if (header_type(rd32(c->heap + at)) != TC_OBJECT) continue;
    uint32_t steps = 0;
    for (mvm_value_t o = at; o != VAL_NULL && !DONE(o); o = PROTO(o)) {
      if (++steps > c->nobjects) return false;
    }
    for (mvm_value_t o = at; o != VAL_NULL && !DONE(o); o = PROTO(o)) {
      done[o >> 5] = (uint8_t)(done[o >> 5] | (1u << ((o >> 2) & 7)));
    }
  }
#undef DONE
#undef PROTO
  return true;
}

// Walks the heap allocation by allocation, then checks every allocation's contents.
static mvm_err_t heap_check(checker_t* c, mvm_arena_t* arena, void* context) {
  // The pad word (heap offset 0) is not in the image: restore writes the capacity there.
  if (c->heap_len < 4 || (c->heap_len & 3u)) return MVM_E_INVALID_IMAGE;
  size_t bitmap_len = c->heap_len / 32 + 1;
  c->starts = (uint8_t*)mem_alloc(arena, bitmap_len, context);
  if (!c->starts) return MVM_E_OUT_OF_MEMORY;
  MVM_MEMSET(c->starts, 0, bitmap_len);
  mvm_err_t err = MVM_E_OK;
  for (uint32_t at = 4; at < c->heap_len;) {
    if (c->heap_len - at < 8) {
      err = MVM_E_INVALID_IMAGE;
      break;
    }
    uint32_t h = rd32(c->heap + at), size = header_size(h), t = header_type(h);
    if (size < 8 || (size & 3u) || size > c->heap_len - at || t < TC_FLOAT64 ||
        (t > TC_HOSTFN && t != TC_BYTES && t != TC_PROPERTY && t != TC_PROMISE &&
         t != TC_RESOLVER && t != TC_CONTINUATION)) {
      err = MVM_E_INVALID_IMAGE;
      break;
    }
    c->starts[at >> 5] = (uint8_t)(c->starts[at >> 5] | (1u << ((at >> 2) & 7)));
    if (t == TC_OBJECT) c->nobjects++;
    at += size;
  }
  for (uint32_t at = 4; !err && at < c->heap_len; at += header_size(rd32(c->heap + at))) {
    if (!alloc_ok(c, at)) err = MVM_E_INVALID_IMAGE;
  }
  if (!err && !roots_ok(c)) err = MVM_E_INVALID_IMAGE;
  if (!err) {
    uint8_t* done = (uint8_t*)mem_alloc(arena, bitmap_len, context);
    if (!done) return MVM_E_OUT_OF_MEMORY;
    MVM_MEMSET(done, 0, bitmap_len);
    if (!protos_acyclic(c, done)) err = MVM_E_INVALID_IMAGE;
    mem_free(arena, done, context);
  }
  return err;
}
#endif  // MVM_VERIFY_IMAGES

// ---- Restoring ----

// Reads the packed part of an image. A word that runs past the end or past 32 bits sets bad.
typedef struct reader {
  const uint8_t* p;
  size_t len, at;
  bool bad;
} reader_t;

static uint32_t get_uleb(reader_t* r) {
  uint32_t v = 0;
  for (unsigned shift = 0;; shift += 7) {
    if (r->at >= r->len) break;
    uint8_t b = rd8(r->p + r->at++);
    if (shift == 28 && b > 0x0Fu) break;  // more than 32 bits
    v |= (uint32_t)(b & 0x7Fu) << shift;
    if (!(b & 0x80u)) return v;
    if (shift == 28) break;
  }
  r->bad = true;
  return 0;
}

// A word of an image part that restore read whole with get_uleb (so it ends within 5 bytes).
static uint32_t uleb_checked(const uint8_t** p) {
  uint32_t v = 0;
  for (unsigned shift = 0; shift < 32; shift += 7) {
    uint8_t b = rd8((*p)++);
    v |= (uint32_t)(b & 0x7Fu) << shift;
    if (!(b & 0x80u)) break;
  }
  return v;
}

// Exports read from the image: restore checked every key and value (and that none is a heap
// reference, which the collector would move and this read-only list cannot follow).
// The image's export count word, then its (key, value) pairs. They follow its ROM (used in
// place, after the image's header) and, packed, the names word, the import count and, without
// FEATURE ROM_IMPORTS, the import ids; or NULL.
static const uint8_t* image_exports(const mvm_vm_t* vm) {
  if (!(vm->flags & EXPORTS_IN_IMAGE)) return NULL;
  const uint8_t* p = vm->rom + vm_rom_len(vm);
  (void)uleb_checked(&p);
  uint32_t n = uleb_checked(&p);
  if (!(rd16(vm->rom - IMAGE_HEADER_SIZE + IMG_FEATURES) & IMAGE_ROM_IMPORTS)) {
    while (n--) (void)uleb_checked(&p);
  }
  return p;
}

uint32_t vm_global_names(const mvm_vm_t* vm) {
  if (vm->flags & ROM_OWNED) return rd32(vm->rom - 8);
  const uint8_t* p = vm->rom + vm_rom_len(vm);
  return uleb_checked(&p) - 1u;  // 0 is NO_OFFSET
}

uint32_t image_export_count(const mvm_vm_t* vm) {
  const uint8_t* p = image_exports(vm);
  return p ? uleb_checked(&p) : 0;
}

void image_export_at(const mvm_vm_t* vm, uint32_t i, mvm_value_t* key, mvm_value_t* value) {
  // Words: the count, then 2 per pair; one decoding loop keeps the code small.
  const uint8_t* p = image_exports(vm);
  uint32_t w = 0;
  for (uint32_t j = 0; j <= 2 * i + 2; j++) {
    w = uleb_checked(&p);
    if (j == 2 * i + 1) *key = w;
  }
  *value = w;
}

mvm_err_t image_exports_to_heap(mvm_vm_t* vm) {
  if (!(vm->flags & EXPORTS_IN_IMAGE)) return MVM_E_OK;
  mvm_err_t err = roots_full(vm);  // first: the table below must not move before it is a root
  if (err) return err;
  uint32_t n = image_export_count(vm), cap = n < 4 ? 4 : n;
  uint64_t bytes = 8 + 8 * (uint64_t)cap;
  // No heap reference among the values: a collection inside heap_alloc moves none of them.
  uint32_t off = bytes < ALLOC_MAX_SIZE ? heap_alloc_values(vm, (uint32_t)bytes, TC_PROPS) : 0;
  if (off == 0) return MVM_E_OUT_OF_MEMORY;
  uint8_t* t = vm->heap + off;
  wr32(t + 4, n);
  for (uint32_t i = 0; i < n; i++) {
    mvm_value_t k, v;
    image_export_at(vm, i, &k, &v);
    wr32(t + 8 + 8 * i, k);
    wr32(t + 12 + 8 * i, v);
  }
  root_set(vm, ROOT_EXPORTS, value_from_heap_offset(off));
  vm->flags &= ~EXPORTS_IN_IMAGE;
  return MVM_E_OK;
}

// Skips n words, at least one byte each (so n is bounded by the bytes left before any loop).
static void skip_uleb(reader_t* r, uint64_t n) {
  if (n > r->len - r->at) r->bad = true;
  for (uint64_t i = 0; i < n && !r->bad; i++) (void)get_uleb(r);
}

static bool get_raw(reader_t* r, uint8_t* to, size_t n) {
  if (r->bad || n > r->len - r->at) return false;
  if (n) rd_bytes(to, r->p + r->at, n);
  r->at += n;
  return true;
}

#if VM_UNPACKING
// Expands pack_allocs's output into base[from, to): the allocations' sizes must tile it
// exactly; padding and the parts a string, float, function or line table leaves out become
// zero. Only the layout is checked here (what the reader needs to stay in bounds);
// rom_validate and heap_check check the contents.
static bool unpack_allocs(reader_t* r, uint8_t* base, uint32_t from, uint32_t to) {
  for (uint32_t a = from; a < to;) {
    if (r->at >= r->len) return false;
    uint8_t head = rd8(r->p + r->at++);
    uint32_t t = head & 31u, flags = (head >> 5) & 3u;
    uint64_t size = (head & 0x80u) ? 4 * (uint64_t)get_uleb(r) : 0;
    // What decides an implied size is read first: then the allocation's bounds are known
    // before anything is written.
    uint32_t f[6] = {0};  // FUNCTION: nparams, flags, nlocals, length, max_stack, code words;
                          // LINES: file, first line, stream length
    uint32_t n = 0;
    uint64_t need = 8;  // what the fields read so far take, header included
    if (t == TC_STRING8 || t == TC_STRING16 || t == TC_BYTES) {
      n = get_uleb(r);
      need = (t == TC_BYTES ? 8 : STRING_DATA) + (t == TC_STRING16 ? 2 * (uint64_t)n : n);
    } else if (t == TC_FLOAT64) {
      need = 12;
    } else if (MVM_PACKED_ROM && t == TC_FUNCTION) {  // (only a ROM has functions)
      for (int i = 0; i < 6; i++) f[i] = get_uleb(r);
      if (f[0] > 0xFFu || f[1] > FN_FLAGS_ALL || f[2] > 0xFFu || f[3] > 0xFFu ||
          f[4] > 0xFFFFu || f[5] > 0xFFFFu) {
        return false;
      }
      // The words (room for the name and lines words among them), then the byte of code the
      // padding bits leave at least (load.c fn_size_ok).
      if (f[5] < 3u + ((f[1] >> 4) & 1u) + ((f[1] >> 5) & 1u)) return false;
      n = f[5] - 3u;
      need = FN_CONSTS + 4 * (uint64_t)n + flags + 1;
    } else if (MVM_PACKED_ROM && t == TC_LINES) {
      for (int i = 0; i < 3; i++) f[i] = get_uleb(r);
      n = f[2];
      need = LINES_STREAM + (uint64_t)n;
    } else if (t == TC_PROPS) {
      n = get_uleb(r);
    }
    uint32_t high = 0;  // an inline OBJECT's header bits 14-31 (pack_allocs)
    if (t == TC_OBJECT && (flags & 2u)) {
      high = get_uleb(r);
      if (high >> 18 || (size && size > OBJECT_INLINE_MAX)) return false;
    }
    if (!size) size = implied_size(t, n);
    if (r->bad || size < 8 || size < need || size > to - a) return false;
    // A string's length is its size less the padding its flags count: they must agree.
    if ((t == TC_STRING8 || t == TC_STRING16) && size - need != flags) return false;
    uint8_t* p = base + a;
    MVM_MEMSET(p, 0, (size_t)size);
    wr32(p, header_make((uint32_t)size | flags, t) | high << 14);
    if (t == TC_BYTES) {
      wr32(p + 4, n);
      if (!get_raw(r, p + 8, (size_t)(need - 8))) return false;
    } else if (t == TC_STRING8 || t == TC_STRING16) {
      if (!get_raw(r, p + STRING_DATA, (size_t)(need - STRING_DATA))) return false;
    } else if (t == TC_FLOAT64) {
      if (!get_raw(r, p + 4, 8)) return false;
    } else if (MVM_PACKED_ROM && t == TC_FUNCTION) {
      p[FN_NPARAMS] = (uint8_t)f[0];
      p[FN_FLAGS] = (uint8_t)f[1];
      p[FN_NLOCALS] = (uint8_t)f[2];
      p[FN_LENGTH] = (uint8_t)f[3];
      wr16(p + FN_MAX_STACK, (uint16_t)f[4]);
      wr16(p + FN_CODE_WORDS, (uint16_t)f[5]);
      for (uint32_t i = 0; i < n; i++) wr32(p + FN_CONSTS + 4 * i, get_uleb(r));
      if (!get_raw(r, p + fn_code_at(p), fn_code_len(p))) return false;
    } else if (MVM_PACKED_ROM && t == TC_LINES) {
      wr32(p + 4, f[0]);
      wr32(p + 8, f[1]);
      if (!get_raw(r, p + LINES_STREAM, n)) return false;
    } else {
      uint32_t w = 4;
      if (t == TC_PROPS) {
        wr32(p + 4, n);
        w = 8;
      }
      for (; w < size; w += 4) {
        uint32_t v = get_uleb(r);
        wr32(p + w, t == TC_ARRAY && w == 4 ? (v >> 1) | (v << 31) : v);  // see pack_allocs
      }
      if (r->bad) return false;
    }
    a += (uint32_t)size;
  }
  return true;
}
#endif

// The fixed header; *rom_len is the ROM's length (the packed part follows it).
static mvm_err_t check_header(const uint8_t* image, size_t image_len, uint32_t* rom_len,
                              uint32_t* layout) {
  if (image_len < IMG_FEATURES) return MVM_E_IMAGE_TRUNCATED;  // the magic and the version
  if (!rd_equal(image, image_magic, sizeof image_magic)) return MVM_E_INVALID_IMAGE;
  if (rd16(image + IMG_VERSION) != K_BYTECODE_VERSION) return MVM_E_IMAGE_VERSION;
  if (image_len < IMAGE_HEADER_SIZE) return MVM_E_IMAGE_TRUNCATED;
  uint32_t features = rd16(image + IMG_FEATURES);
  // The layout features, which any build reads.
  *layout = features & (IMAGE_PACKED_ROM | IMAGE_ROM_IMPORTS |
                        IMAGE_NO_ROOTS | IMAGE_RAW_HEAP);
  features &= ~*layout;
#if !MVM_SUPPORT_FLOAT
  bool floats = (features & IMAGE_FLOAT64) != 0;
  features &= ~(uint32_t)IMAGE_FLOAT64;
#endif
  if ((features & ~(uint32_t)IMAGE_FEATURES) || !(features & IMAGE_PROFILE_BIT)) {
    return MVM_E_IMAGE_PROFILE;
  }
  uint32_t size = rd32(image + IMG_SIZE);
  if (size > image_len) return MVM_E_IMAGE_TRUNCATED;
  if (size != image_len) return MVM_E_INVALID_IMAGE;
  if (crc32_ieee(image + IMG_VERSION, size - IMG_VERSION, 0) != rd32(image + IMG_CRC)) {
    return MVM_E_IMAGE_CRC;
  }
  if (!MVM_PACKED_ROM && (*layout & IMAGE_PACKED_ROM)) return MVM_E_IMAGE_FEATURE;
#if !MVM_SUPPORT_FLOAT
  // After the CRC, so that a damaged image is reported as damaged. (The ROM and heap checks
  // refuse a FLOAT64 in an image that does not have the bit.)
  if (floats) return MVM_E_IMAGE_FEATURE;
#endif
  *rom_len = rd32(image + IMG_ROM_LEN);
  // Whole allocations, so a multiple of 4 (and an unpacked ROM, used in place, stays 4-aligned).
  // A packed ROM takes at least a byte for every 8 of the ROM (its words and headers do), so
  // one that claims more is refused before memory is allocated for it.
  size_t rest = size - IMAGE_HEADER_SIZE;
  if ((*rom_len & 3u) || *rom_len >= (uint32_t)K_ENGINE_ROM_BASE ||
      ((*layout & IMAGE_PACKED_ROM) ? *rom_len / 8 > rest : *rom_len > rest)) {
    return MVM_E_INVALID_IMAGE;
  }
  return MVM_E_OK;
}

// mvm_restore and mvm_restore_into: arena NULL allocates with MVM_MALLOC.
static mvm_err_t restore(const uint8_t* image, size_t image_len, const mvm_config_t* cfg,
                         mvm_resolve_import_t resolve, void* context, mvm_arena_t* arena,
                         mvm_vm_t** out_vm) {
  uint32_t rom_len = 0, layout = 0;
#if MVM_ALIGNED_FIELDS && !MVM_UNALIGNED_LE
  if ((uintptr_t)image & 3u) return MVM_E_INVALID_ARGUMENT;  // its ROM's fields are read aligned
#endif
  mvm_err_t err = check_header(image, image_len, &rom_len, &layout);
  if (err) return err;
  bool packed_rom = MVM_PACKED_ROM && (layout & IMAGE_PACKED_ROM) != 0;
  bool rom_imports = (layout & IMAGE_ROM_IMPORTS) != 0;

  // A packed ROM is expanded into memory the VM will own (8 zero bytes after it, as a unit's
  // ROM copy has); an unpacked one is used in place.
  reader_t r = {image + IMAGE_HEADER_SIZE, image_len - IMAGE_HEADER_SIZE, 0, false};
  uint8_t* rom_buf = NULL;
#if MVM_PACKED_ROM
  if (packed_rom) {
    rom_buf = rom_buffer_new(arena, rom_len, context);
    if (!rom_buf) return MVM_E_OUT_OF_MEMORY;
    if (!unpack_allocs(&r, rom_buf, 0, rom_len)) r.bad = true;
  } else
#endif
  {
    r.at = rom_len;
  }
  // The packed part's counts first, so that nothing more is allocated for an image that lies
  // about them; each item takes at least one byte.
  uint32_t names = get_uleb(&r) - 1u;  // 0 is NO_OFFSET
  uint32_t nimports = get_uleb(&r);  // their ids are in the ROM (FEATURE ROM_IMPORTS)
  uint32_t nexports = get_uleb(&r);
  size_t exports_at = r.at;
  skip_uleb(&r, 2 * (uint64_t)nexports);
  uint32_t global_count = get_uleb(&r);
  size_t globals_at = r.at;
  skip_uleb(&r, global_count);
  uint32_t heap_len = get_uleb(&r);
  size_t heap_at = r.at;
  mvm_err_t early = MVM_E_OK;
  if (r.bad || nimports > 65535 || global_count > 65535 || heap_len < 4 || (heap_len & 3u) ||
      rom_imports != (nimports != 0)) {
    early = MVM_E_INVALID_IMAGE;
  } else if (nimports > VM_IMPORTS_MAX) {  // valid, but more than this build's table holds
    early = MVM_E_OUT_OF_MEMORY;
  } else if (!MVM_PACKED_HEAP && !(layout & IMAGE_RAW_HEAP) && heap_len > 4) {
    early = MVM_E_IMAGE_FEATURE;  // a packed heap with something in it
  }
  // The globals and the import table: their own allocation, or after the VM struct, which
  // in an arena has its fixed place: room is made there now, before anything else takes it.
  size_t tables = globals_bytes(global_count) + imports_bytes(nimports, false);
#if VM_TABLES_TRAIL
  if (!early && arena && !arena_reserve_vm(arena, tables)) early = MVM_E_OUT_OF_MEMORY;
#endif
  if (early) {
    if (rom_buf) rom_buffer_free(arena, rom_buf, context);
    return early;
  }

  checker_t c;
  c.rom = rom_buf ? rom_buf : image + IMAGE_HEADER_SIZE;
  c.rom_len = rom_len;
  c.heap = NULL;
  c.heap_len = heap_len;
  c.starts = NULL;
  c.no_roots = (layout & IMAGE_NO_ROOTS) != 0;
  c.vm = NULL;
  c.nimports = nimports;
  c.nobjects = 0;
  c.rom_starts = NULL;
#if MVM_VERIFY_IMAGES
  err = rom_validate(c.rom, c.rom_len, true, arena, context, &c.rom_starts);
  if (err) {
    if (rom_buf) rom_buffer_free(arena, rom_buf, context);
    return err;
  }
  if (!rom_names_ok(c.rom, c.rom_len, names, global_count)) err = MVM_E_INVALID_IMAGE;
#endif
  // The imports' HOSTFNs: import i's in place i, so that its id and vmImport's value are there
  // (checked by any build: import_id reads them before anything runs).
  if (!err && rom_imports) {
    uint32_t at = 0;
    for (uint32_t i = 0; !err && i < nimports; i++, at += HOSTFN_BYTES) {
      if (!rom_alloc_ok(c.rom, c.rom_len, at, TC_HOSTFN) || rd16(c.rom + at + 6) != i) {
        err = MVM_E_INVALID_IMAGE;
      }
    }
  }
#if MVM_VERIFY_IMAGES
  if (!err) err = rom_verify_code(c.rom, c.rom_len, c.rom_starts, global_count, arena, context);
#endif
  if (err) {
    mem_free(arena, c.rom_starts, context);
    if (rom_buf) rom_buffer_free(arena, rom_buf, context);
    return err;
  }

  // The VM is made before the heap is checked: the heap is expanded into the VM's own heap space
  // and checked there (no second copy). Nothing runs and no import is resolved before every
  // check passed; a bad image frees the VM and yields the error.
  mvm_vm_t* vm = vm_struct_new(arena, tables, resolve, context);
  if (!vm) {
    mem_free(arena, c.rom_starts, context);
    if (rom_buf) rom_buffer_free(arena, rom_buf, context);
    return MVM_E_OUT_OF_MEMORY;
  }
  // mvm_free frees an owned ROM from here on.
  vm->flags |= (rom_buf ? ROM_OWNED : 0u) |
                (rom_imports ? ROM_IMPORTS : 0u);
  vm->rom = c.rom;
#if MVM_INCLUDE_BUILD_API
  vm->entry = NO_OFFSET;  // images have no entry function (it ran at build time)
#endif
  if (rom_buf) rom_buffer_set_names(rom_buf, names);  // else the image has it after the ROM
  vm->global_count = (vm_count_t)global_count;
#if !VM_TABLES_TRAIL
  err = tables_alloc(vm, global_count, nimports, false, &vm->globals);
#endif
  if (!err) err = vm_alloc_runtime(vm, cfg);
  if (!err) {
    for (uint32_t i = 0; i < nimports; i++) vm_imports_fns(vm)[i] = NULL;
    vm->nimports = (vm_count_t)nimports;
    c.vm = vm;
    r.at = globals_at;
    for (uint32_t i = 0; i < global_count; i++) vm_globals(vm)[i] = get_uleb(&r);
  }
  // The heap goes into a space with room to grow (offsets stay valid in any larger block),
  // followed by a fresh exports table built from the exports, the source of truth for exports.
  // That table is bump-allocated by hand: a collection now would move the heap under the
  // image's export values, which are offsets into the heap as written.
  // An image whose ROM is used in place must outlive the VM (it is in flash, for the MCU
  // profile): when no export value is a heap reference, the exports are read from the image
  // (image_export_at) and the heap holds no table for them until vmExport adds one.
  bool exports_in_image = false;
  if (!err && !packed_rom) {
    exports_in_image = true;
    r.at = exports_at;
    for (uint32_t i = 0; i < nexports; i++) {
      (void)get_uleb(&r);
      if (value_is_heap(get_uleb(&r))) exports_in_image = false;
    }
  }
  uint32_t cap_exports = nexports < 4 ? 4 : nexports;
  uint64_t exports_bytes = exports_in_image ? 0 : 8 + 8 * (uint64_t)cap_exports;
  // With the exports in the image, the image's roots (at heap offset 4) are used as they are;
  // else full roots follow the exports table (roots_build).
  uint64_t needed = (uint64_t)heap_len + exports_bytes + (exports_in_image ? 0 : roots_bytes());
  uint32_t limit = heap_limit_of(cfg ? cfg->max_heap_bytes : 0);
  if (!err && arena) {
    // In a caller's buffer the heap has a fixed size: the largest that leaves room for the
    // collector's second space and (MVM_STACK_ON_DEMAND) the stack of a call, with block headers.
    size_t call_bytes = MVM_STACK_ON_DEMAND ? vm_stack_bytes(vm) + 64 : 0;
    size_t room = arena_available(arena) + heap_cap(vm);  // the first space is replaced below
    size_t space = room > call_bytes + 64 ? ((room - call_bytes - 64) / 2) & ~(size_t)7 : 0;
    if (space < limit) limit = (uint32_t)space;
  }
#if MVM_CONFIG_HEAP_LIMIT
  vm->heap_limit = limit;
#endif
  if (!err && needed > limit) err = MVM_E_OUT_OF_MEMORY;
  if (!err) {
#if MVM_HEAP_EXACT_AT_RESTORE  // an idle VM holds no spare heap; the first allocation grows it
    uint64_t cap = arena ? limit : needed;
#else
    uint64_t cap = arena ? limit : needed * 2;
    if (cap < MVM_INITIAL_HEAP) cap = MVM_INITIAL_HEAP;
#endif
    if (cap > limit) cap = limit;
    heap_release(vm);
    // Nothing is written to a space of the pad alone (heap_len 4, no exports table or roots).
    if (cap == 4 && needed == 4) heap_use_empty_space(vm);
    else vm->heap = (uint8_t*)VM_MALLOC(vm, (size_t)cap);
    if (!vm->heap) err = MVM_E_OUT_OF_MEMORY;
    else if (heap_is_own(vm)) wr32(vm->heap, (uint32_t)cap);
  }
  if (!err) {
    r.at = heap_at;  // the heap must end the image exactly
    bool ok = (layout & IMAGE_RAW_HEAP) ? get_raw(&r, vm->heap + 4, heap_len - 4)
#if VM_UNPACKING
                                        : unpack_allocs(&r, vm->heap, 4, heap_len);
#else
                                        : heap_len == 4;
#endif
    if (!ok || r.at != r.len) err = MVM_E_INVALID_IMAGE;
  }
  c.heap = vm->heap;
#if MVM_VERIFY_IMAGES
  if (!err) err = heap_check(&c, arena, context);
#endif
#if MVM_VERIFY_IMAGES
  // No host function but the imports' (rom_intern.c puts each in its place): each is its
  // import's value, so that vmImport(id) at run time gives the very function the program got
  // at build time. (A call checks its HOSTFN's import in any build: vm.c call_native.)
  for (uint32_t at = 0; !err && at < c.rom_len; at += header_size(rd32(c.rom + at))) {
    if (header_type(rd32(c.rom + at)) == TC_HOSTFN && at >= HOSTFN_BYTES * nimports) {
      err = MVM_E_INVALID_IMAGE;
    }
  }
  for (uint32_t i = 0; !err && i < global_count; i++) {
    if (!value_ok(&c, vm_globals(vm)[i])) err = MVM_E_INVALID_IMAGE;
  }
#endif
  if (!err) {
    // Checked either way; written only as a heap table.
    uint8_t* t = vm->heap + heap_len;
    if (!exports_in_image) {
      wr32(t, header_make((uint32_t)exports_bytes, TC_PROPS));
      wr32(t + 4, nexports);
    }
    r.at = exports_at;
    for (uint32_t i = 0; i < cap_exports; i++) {
      mvm_value_t k = i < nexports ? get_uleb(&r) : VAL_UNDEFINED;
      mvm_value_t v = i < nexports ? get_uleb(&r) : VAL_UNDEFINED;
#if MVM_VERIFY_IMAGES
      bool key_ok = (value_is_int(k) && value_as_int(k) >= 0 && value_as_int(k) <= 65535) ||
                    (value_is_rom(k) && string_ok(&c, k));
      if (i < nexports && (!key_ok || !value_ok(&c, v))) err = MVM_E_INVALID_IMAGE;
#endif
      if (exports_in_image) continue;
      wr32(t + 8 + 8 * i, k);
      wr32(t + 12 + 8 * i, v);
    }
    if (r.bad) err = MVM_E_INVALID_IMAGE;
  }
  if (c.starts) mem_free(arena, c.starts, context);
  mem_free(arena, c.rom_starts, context);
  for (uint32_t i = 0; !err && i < nimports; i++) {
    mvm_host_fn_t* fn = rom_imports ? &vm_imports_fns(vm)[i] : &vm_imports_full(vm)[i].fn;
    if (!resolve || resolve(import_id(vm, i), context, fn) != MVM_E_OK || !*fn) {
      err = MVM_E_UNRESOLVED_IMPORT;
    }
  }
  if (!err) {
    vm_set_heap_used(vm, (uint32_t)(heap_len + exports_bytes));  // the peak so far (vm_heap_peak)
    if (exports_in_image) {
      vm->roots = heap_len > 4 && !c.no_roots ? value_from_heap_offset(4) : 0;
      root_set(vm, ROOT_EXPORTS, VAL_UNDEFINED);  // the image's table is not used
      vm->flags |= EXPORTS_IN_IMAGE;  // image_exports
    } else {
      // Full roots after the table (the image's at offset 4 becomes garbage).
      roots_build(vm, vm->heap + 8, roots_slots(&c));
      root_set(vm, ROOT_EXPORTS, value_from_heap_offset(heap_len));
    }
  }
  if (err) {
    mvm_free(vm);
    return err;
  }
  *out_vm = vm;
  return MVM_E_OK;
}

mvm_err_t mvm_restore(const uint8_t* image, size_t image_len, const mvm_config_t* cfg,
                      mvm_resolve_import_t resolve, void* context, mvm_vm_t** out_vm) {
  if (!out_vm) return MVM_E_INVALID_ARGUMENT;
  *out_vm = NULL;
  if (!image) return MVM_E_INVALID_ARGUMENT;
  return restore(image, image_len, cfg, resolve, context, NULL, out_vm);
}

mvm_err_t mvm_restore_into(void* buffer, size_t buffer_len, const uint8_t* image,
                           size_t image_len, const mvm_config_t* cfg,
                           mvm_resolve_import_t resolve, void* context, mvm_vm_t** out_vm) {
  if (!out_vm) return MVM_E_INVALID_ARGUMENT;
  *out_vm = NULL;
  if (!image || !buffer) return MVM_E_INVALID_ARGUMENT;
  mvm_arena_t* arena = arena_init(buffer, buffer_len);
  if (!arena) return MVM_E_OUT_OF_MEMORY;
  return restore(image, image_len, cfg, resolve, context, arena, out_vm);
}
