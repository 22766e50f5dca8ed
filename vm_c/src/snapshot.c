/* snapshot.c: writing images, and restoring them with full validation; CRC-32.
 *
 * Image layout (docs/internals.md section 10):
 *
 *   0   magic "MVM\0\r\n\x1a\n"      8
 *   8   u16 format version         10   u16 header size (72)
 *   12  u32 features               16   u32 crc32 of bytes [20, image size)
 *   20  u32 image size             24   u32 entry (ROM offset)
 *   28  u32 global names (ROM offset)
 *   32  5 x {u32 offset, u32 length}: ROM, IMPORTS, EXPORTS, GLOBALS, HEAP
 *
 * The heap is written exactly as it is after a collection. The collector places the VM roots
 * ITEMS first, at heap offset 4 (internal.h ROOT_*: error prototypes, the ROM-function property
 * table, the exports table and cached strings), so a restored VM finds them there.
 *
 * Restoring treats the image as hostile: header fields, the CRC, every section bound, the global
 * count, the ROM (load.c rom_validate), then every heap allocation (type, size, and every value it holds: heap references must
 * land on an allocation start and have the type their field needs, ROM references must be in
 * bounds) are checked before a VM is made. A bad image yields an error, never a crash.
 */
#include "internal.h"

static const uint8_t image_magic[8] = {'M', 'V', 'M', 0, '\r', '\n', 0x1a, '\n'};
#define IMAGE_HEADER_SIZE 72u
// FEATURE FLOAT64 and this build's profile bit (MVM_PROFILE_MCU: PROFILE_MCU, else PROFILE_HOST).
#define IMAGE_PROFILE_BIT (MVM_PROFILE_MCU ? (1u << 2) : (1u << 1))
#define IMAGE_FEATURES ((1u << 0) | IMAGE_PROFILE_BIT)
enum { S_ROM, S_IMPORTS, S_EXPORTS, S_GLOBALS, S_HEAP, S__COUNT };

// ---- CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), four bits at a time ----

uint32_t crc32_ieee(const uint8_t* data, size_t len, uint32_t crc) {
  static const uint32_t nibble[16] = {
      0x00000000u, 0x1DB71064u, 0x3B6E20C8u, 0x26D930ACu, 0x76DC4190u, 0x6B6B51F4u,
      0x4DB26158u, 0x5005713Cu, 0xEDB88320u, 0xF00F9344u, 0xD6D6A3E8u, 0xCB61B38Cu,
      0x9B64C2B0u, 0x86D3D2D4u, 0xA00AE278u, 0xBDBDF21Cu};
  crc = ~crc;
  for (size_t i = 0; i < len; i++) {
    crc = (crc >> 4) ^ nibble[(crc ^ data[i]) & 15u];
    crc = (crc >> 4) ^ nibble[(crc ^ (data[i] >> 4)) & 15u];
  }
  return ~crc;
}

// ---- Writing ----
#if MVM_INCLUDE_BUILD_API

static void reset_run_state(mvm_vm_t* vm) {
  vm->sp = vm->stack;
  vm->nframes = 0;
  vm->nhandlers = 0;
  vm->ntemps = 0;
  vm->exception = VAL_UNDEFINED;
  vm->fatal = MVM_E_OK;
}

mvm_err_t mvm_snapshot(mvm_vm_t* vm, uint8_t** out_image, size_t* out_len) {
  if (!vm || !out_image || !out_len) return MVM_E_INVALID_ARGUMENT;
  *out_image = NULL;
  *out_len = 0;
  if (vm->depth) return MVM_E_REENTRANT;
  reset_run_state(vm);
  if (!gc_collect(vm, 0)) return MVM_E_OUT_OF_MEMORY;

  mvm_value_t exports = root_get(vm, ROOT_EXPORTS);
  uint32_t nprops = value_is_ref(exports) ? rd32(value_ptr(vm, exports) + 4) : 0;
  uint32_t nexports = nprops + vm->unit_export_count;

  uint32_t off[S__COUNT], len[S__COUNT];
  uint64_t at = IMAGE_HEADER_SIZE;
  len[S_ROM] = vm->rom_len;
  len[S_IMPORTS] = 2 * vm->nimports;
  len[S_EXPORTS] = 8 * nexports;
  len[S_GLOBALS] = 4 * vm->global_count;
  len[S_HEAP] = vm->heap_used;
  for (int s = 0; s < S__COUNT; s++) {
    off[s] = (uint32_t)at;
    at = (at + len[s] + 3) & ~(uint64_t)3;
  }
  if (at > 0xFFFFFFFFu) return MVM_E_OUT_OF_MEMORY;
  uint32_t total = (uint32_t)at;
  uint8_t* img = (uint8_t*)MVM_MALLOC(total, vm->context);
  if (!img) return MVM_E_OUT_OF_MEMORY;
  MVM_MEMSET(img, 0, total);

  MVM_MEMCPY(img, image_magic, 8);
  wr16(img + 8, K_BYTECODE_VERSION);
  wr16(img + 10, IMAGE_HEADER_SIZE);
  wr32(img + 12, IMAGE_FEATURES);
  wr32(img + 20, total);
  wr32(img + 24, vm->entry);
  wr32(img + 28, vm->global_names);
  for (int s = 0; s < S__COUNT; s++) {
    wr32(img + 32 + 8 * s, off[s]);
    wr32(img + 36 + 8 * s, len[s]);
  }
  MVM_MEMCPY(img + off[S_ROM], vm->rom, vm->rom_len);
  for (uint32_t i = 0; i < vm->nimports; i++) {
    wr16(img + off[S_IMPORTS] + 2 * i, vm->imports[i].id);
  }
  uint8_t* e = img + off[S_EXPORTS];
  for (uint32_t i = 0; i < nprops; i++, e += 8) {
    wr32(e, rd32(value_ptr(vm, exports) + 8 + 8 * i));
    wr32(e + 4, rd32(value_ptr(vm, exports) + 12 + 8 * i));
  }
  for (uint32_t i = 0; i < vm->unit_export_count; i++, e += 8) {
    mvm_value_t v = vm->globals[vm->unit_exports[i].slot];
    wr32(e, value_from_rom_offset(vm->unit_exports[i].name));
    wr32(e + 4, v == VAL_HOLE ? VAL_UNDEFINED : v);
  }
  for (uint32_t i = 0; i < vm->global_count; i++) {
    wr32(img + off[S_GLOBALS] + 4 * i, vm->globals[i]);
  }
  MVM_MEMCPY(img + off[S_HEAP], vm->heap, vm->heap_used);
  wr32(img + 16, crc32_ieee(img + 20, total - 20, 0));
  *out_image = img;
  *out_len = total;
  return MVM_E_OK;
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
  const uint8_t* imports;
  uint32_t nimports;
} checker_t;

static bool is_start(const checker_t* c, uint32_t off) {
  return off < c->heap_len && (off & 3u) == 0 && (c->starts[off >> 5] >> ((off >> 2) & 7)) & 1;
}

// Type of the allocation a valid reference points to (TC_INVALID for non-references).
static uint32_t ref_type(const checker_t* c, mvm_value_t v) {
  if (value_is_heap(v)) return header_type(rd32(c->heap + v));
  if (value_is_rom(v)) return header_type(rd32(c->rom + value_rom_offset(v)));
  return TC_INVALID;
}

static bool value_ok(const checker_t* c, mvm_value_t v) {
  if (value_is_heap(v)) return is_start(c, v);
  return rom_value_ok(c->rom, c->rom_len, c->rom_starts, v);
}

static bool heap_ref_of(const checker_t* c, mvm_value_t v, uint32_t type, bool allow_undefined) {
  if (allow_undefined && v == VAL_UNDEFINED) return true;
  return value_is_heap(v) && is_start(c, v) && ref_type(c, v) == type;
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

// Checks one allocation's fields, given that every allocation start is known.
static bool alloc_ok(const checker_t* c, uint32_t at) {
  const uint8_t* p = c->heap + at;
  uint32_t h = rd32(p), size = header_size(h);
  switch (header_type(h)) {
    case TC_FLOAT64:
      return size >= 12;
    case TC_STRING8:
      return 8 + (uint64_t)rd32(p + 4) <= size;
    case TC_STRING16:
      return 8 + 2 * (uint64_t)rd32(p + 4) <= size;
    case TC_OBJECT: {
      if (size < 12) return false;
      mvm_value_t proto = rd32(p + 4);
      return (proto == VAL_NULL || heap_ref_of(c, proto, TC_OBJECT, false)) &&
             heap_ref_of(c, rd32(p + 8), TC_PROPS, true);
    }
    case TC_PROPS: {
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
      if (size < 12) return false;
      uint32_t length = rd32(p + 4);
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
      return value_is_rom(f) && rom_alloc_ok(c->rom, c->rom_len, value_rom_offset(f), TC_FUNCTION) &&
             heap_ref_of(c, rd32(p + 8), TC_SCOPE, true) &&
             heap_ref_of(c, rd32(p + 12), TC_PROPS, true);
    }
    case TC_SCOPE:
      return heap_ref_of(c, rd32(p + 4), TC_SCOPE, true) && values_ok(c, at + 8, at + size);
    case TC_HOSTFN: {
      uint16_t id = rd16(p + 4), index = rd16(p + 6);
      return index < c->nimports && rd16(c->imports + 2 * index) == id;
    }
    default:
      return false;
  }
}

static bool roots_ok(const checker_t* c) {
  if (c->heap_len < 8 || !is_start(c, 4)) return false;
  const uint8_t* p = c->heap + 4;
  uint32_t h = rd32(p);
  if (header_type(h) != TC_ITEMS || (header_size(h) - 4) / 4 < ROOT__COUNT) return false;
  for (uint32_t k = 0; k < EK__COUNT; k++) {
    if (!heap_ref_of(c, rd32(p + 4 + 4 * (ROOT_ERROR_PROTO + k)), TC_OBJECT, true)) return false;
  }
  if (!heap_ref_of(c, rd32(p + 4 + 4 * ROOT_FN_PROPS), TC_PROPS, true)) return false;
  for (uint32_t i = ROOT_STR_FIRST; i < ROOT__COUNT; i++) {
    if (!string_ok(c, rd32(p + 4 + 4 * i))) return false;
  }
  return true;
}

// Walks the heap allocation by allocation, then checks every allocation's contents.
static mvm_err_t heap_check(checker_t* c, mvm_arena_t* arena, void* context) {
  if (c->heap_len < 4 || (c->heap_len & 3u) || rd32(c->heap) != 0) return MVM_E_INVALID_IMAGE;
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
    if (size < 8 || (size & 3u) || size > c->heap_len - at || t < TC_FLOAT64 || t > TC_HOSTFN) {
      err = MVM_E_INVALID_IMAGE;
      break;
    }
    c->starts[at >> 5] = (uint8_t)(c->starts[at >> 5] | (1u << ((at >> 2) & 7)));
    at += size;
  }
  for (uint32_t at = 4; !err && at < c->heap_len; at += header_size(rd32(c->heap + at))) {
    if (!alloc_ok(c, at)) err = MVM_E_INVALID_IMAGE;
  }
  if (!err && !roots_ok(c)) err = MVM_E_INVALID_IMAGE;
  return err;
}

// ---- Restoring ----

static mvm_err_t check_header(const uint8_t* image, size_t image_len, uint32_t* off,
                              uint32_t* len) {
  if (image_len < 8) return MVM_E_IMAGE_TRUNCATED;
  if (MVM_MEMCMP(image, image_magic, 8) != 0) return MVM_E_INVALID_IMAGE;
  if (image_len < IMAGE_HEADER_SIZE) return MVM_E_IMAGE_TRUNCATED;
  if (rd16(image + 8) != K_BYTECODE_VERSION) return MVM_E_IMAGE_VERSION;
  uint32_t features = rd32(image + 12);
  if ((features & ~(uint32_t)IMAGE_FEATURES) || !(features & IMAGE_PROFILE_BIT)) {
    return MVM_E_IMAGE_PROFILE;
  }
  uint32_t header_len = rd16(image + 10);
  uint32_t size = rd32(image + 20);
  if (size > image_len) return MVM_E_IMAGE_TRUNCATED;
  if (size != image_len) return MVM_E_INVALID_IMAGE;
  if (header_len < IMAGE_HEADER_SIZE || header_len > size || (header_len & 3u)) {
    return MVM_E_INVALID_IMAGE;
  }
  if (crc32_ieee(image + 20, size - 20, 0) != rd32(image + 16)) return MVM_E_IMAGE_CRC;
  for (int s = 0; s < S__COUNT; s++) {
    off[s] = rd32(image + 32 + 8 * s);
    len[s] = rd32(image + 36 + 8 * s);
    if ((off[s] & 3u) || off[s] < header_len || (uint64_t)off[s] + len[s] > size) {
      return MVM_E_INVALID_IMAGE;
    }
  }
  if ((len[S_IMPORTS] & 1u) || (len[S_EXPORTS] & 7u) || (len[S_GLOBALS] & 3u) ||
      (len[S_HEAP] & 3u) || len[S_GLOBALS] / 4 > 65535 || len[S_ROM] >= 0x7FFFFFFF) {
    return MVM_E_INVALID_IMAGE;
  }
  return MVM_E_OK;
}

// mvm_restore and mvm_restore_into: arena NULL allocates with MVM_MALLOC.
static mvm_err_t restore(const uint8_t* image, size_t image_len, const mvm_config_t* cfg,
                         mvm_resolve_import_t resolve, void* context, mvm_arena_t* arena,
                         mvm_vm_t** out_vm) {
  uint32_t off[S__COUNT], len[S__COUNT];
  mvm_err_t err = check_header(image, image_len, off, len);
  if (err) return err;

  checker_t c;
  c.rom = image + off[S_ROM];
  c.rom_len = len[S_ROM];
  c.heap = image + off[S_HEAP];
  c.heap_len = len[S_HEAP];
  c.imports = image + off[S_IMPORTS];
  c.nimports = len[S_IMPORTS] / 2;
  c.starts = NULL;
  err = rom_validate(c.rom, c.rom_len, arena, context, &c.rom_starts);
  if (err) return err;
  uint32_t entry = rd32(image + 24), names = rd32(image + 28);
  uint32_t global_count = len[S_GLOBALS] / 4;
  if (!rom_alloc_ok(c.rom, c.rom_len, entry, TC_FUNCTION) ||
      !rom_names_ok(c.rom, c.rom_len, names, global_count)) {
    err = MVM_E_INVALID_IMAGE;
  }
  if (!err) err = heap_check(&c, arena, context);
  const uint8_t* globals = image + off[S_GLOBALS];
  for (uint32_t i = 0; !err && i < global_count; i++) {
    if (!value_ok(&c, rd32(globals + 4 * i))) err = MVM_E_INVALID_IMAGE;
  }
  const uint8_t* exports = image + off[S_EXPORTS];
  uint32_t nexports = len[S_EXPORTS] / 8;
  for (uint32_t i = 0; !err && i < nexports; i++) {
    mvm_value_t k = rd32(exports + 8 * i);
    bool key_ok = (value_is_int(k) && value_as_int(k) >= 0 && value_as_int(k) <= 65535) ||
                  (value_is_rom(k) && string_ok(&c, k));
    if (!key_ok || !value_ok(&c, rd32(exports + 8 * i + 4))) err = MVM_E_INVALID_IMAGE;
  }
  if (c.starts) mem_free(arena, c.starts, context);
  mem_free(arena, c.rom_starts, context);
  if (err) return err;

  mvm_vm_t* vm = vm_struct_new(arena, resolve, context);
  if (!vm) return MVM_E_OUT_OF_MEMORY;
  vm->rom = c.rom;
  vm->rom_len = c.rom_len;
  vm->entry = entry;
  vm->global_names = names;
  vm->global_count = global_count;
  vm->globals = (mvm_value_t*)VM_MALLOC(vm, sizeof(mvm_value_t) * (global_count + 1));
  if (c.nimports) {
    vm->imports = (import_entry_t*)VM_MALLOC(vm, sizeof(import_entry_t) * c.nimports);
  }
  if (!vm->globals || (c.nimports && !vm->imports)) err = MVM_E_OUT_OF_MEMORY;
  if (!err) err = vm_alloc_runtime(vm, cfg);
  if (!err && c.heap_len > vm->heap_limit) err = MVM_E_OUT_OF_MEMORY;
  if (!err) {
    for (uint32_t i = 0; i < global_count; i++) vm->globals[i] = rd32(globals + 4 * i);
    vm->imports_cap = c.nimports;
    for (uint32_t i = 0; !err && i < c.nimports; i++) {
      import_entry_t* e = &vm->imports[i];
      e->id = rd16(c.imports + 2 * i);
      e->fn = NULL;
      e->cached = VAL_UNDEFINED;
      if (!resolve || resolve(e->id, context, &e->fn) != MVM_E_OK || !e->fn) {
        err = MVM_E_UNRESOLVED_IMPORT;
      }
      vm->nimports = i + 1;
    }
  }
  // The heap is copied into a space with room to grow (offsets stay valid in any larger block),
  // followed by a fresh exports table built from the EXPORTS section, the source of truth for
  // exports. That table is bump-allocated by hand: a collection now would move the heap under
  // the image's export values, which are offsets into the heap as written.
  uint32_t cap_exports = nexports < 4 ? 4 : nexports;
  uint64_t exports_bytes = 8 + 8 * (uint64_t)cap_exports;
  uint64_t needed = (uint64_t)c.heap_len + exports_bytes;
  if (!err && needed > vm->heap_limit) err = MVM_E_OUT_OF_MEMORY;
  if (!err) {
    uint64_t cap = needed * 2;
    if (cap < MVM_INITIAL_HEAP) cap = MVM_INITIAL_HEAP;
    if (cap > vm->heap_limit) cap = vm->heap_limit;
    VM_FREE(vm, vm->heap);
    vm->heap = (uint8_t*)VM_MALLOC(vm, (size_t)cap);
    if (!vm->heap) err = MVM_E_OUT_OF_MEMORY;
    else vm->heap_cap = (uint32_t)cap;
  }
  if (!err) {
    MVM_MEMCPY(vm->heap, c.heap, c.heap_len);
    uint8_t* t = vm->heap + c.heap_len;
    wr32(t, header_make((uint32_t)exports_bytes, TC_PROPS));
    wr32(t + 4, nexports);
    for (uint32_t i = 0; i < cap_exports; i++) {
      wr32(t + 8 + 8 * i, i < nexports ? rd32(exports + 8 * i) : VAL_UNDEFINED);
      wr32(t + 12 + 8 * i, i < nexports ? rd32(exports + 8 * i + 4) : VAL_UNDEFINED);
    }
    vm->heap_used = (uint32_t)needed;
    vm->heap_peak = vm->heap_used;
    vm->roots = value_from_heap_offset(4);
    root_set(vm, ROOT_EXPORTS, value_from_heap_offset(c.heap_len));
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
