/* rom_intern.c: at a snapshot, the live heap's strings, floats and host functions move into
 * the new ROM, and the keys of its objects' properties too.
 *
 * Why: strings, FLOAT64s and host functions (HOSTFN: an import's id and index) never change
 * after they are made, so nothing needs them in RAM. A
 * board keeps an MCU image's ROM in flash and copies only the heap to RAM, so every string a
 * program computed at build time ('entry' + i, a JSON key, a formatted label) would otherwise
 * cost RAM on every device for as long as it runs. Moved, it costs flash, once.
 *
 * The ROM keeps its rule that two ROM strings never share a text (object.c props_find compares
 * ROM keys by reference): a heap string with the text of an engine string or of a ROM string the
 * image keeps becomes a reference to that one, and equal heap strings share one copy. Floats are
 * shared the same way (bit for bit, so -0 and each NaN stay what they were). A host function
 * goes to its import's place at the ROM's start (snapshot.c FEATURE ROM_IMPORTS), which
 * rom_shake writes.
 *
 * The keys of the objects' properties go the same way. A PROPS holds (key, value) pairs; the
 * snapshot writes one whose keys are all strings and indexes as its values alone, with a
 * reference to a ROM CONSTS of its keys (HEADER_ROM_KEYS, value.h), one CONSTS for all the
 * objects that have the same keys in the same order (the records of a table). Such an object
 * takes 4 bytes a property in RAM instead of 8; object.c makes it plain again when a key is
 * added or deleted at run time. An OBJECT's own PROPS goes into the OBJECT itself (gc.c
 * snapshot_inline_object: HEADER_INLINE_PROPS), and an image's such OBJECT counts as a table with
 * ROM keys here, whose list later tables share.
 *
 * snapshot.c calls rom_intern_plan once the heap is what the image will hold, lays the moved
 * allocations out after the ROM it keeps (rom_intern_copy), and its last collection turns every
 * reference to a moved allocation into a ROM reference (gc.c forward, through heap_map) instead
 * of copying it.
 */
#include "internal.h"

#if MVM_INCLUDE_BUILD_API

// Host functions too: a HOSTFN is an import's id and index, fixed once made.
static bool is_immutable(uint32_t type) {
  return type == TC_STRING8 || type == TC_STRING16 || type == TC_FLOAT64 || type == TC_HOSTFN;
}

bool rom_intern_moves(const mvm_vm_t* vm, mvm_value_t v) {
  return value_is_heap(v) && is_immutable(header_type(rd32(vm->heap + v)));
}

mvm_value_t rom_intern_value(const rom_intern_t* plan, mvm_value_t v) {
  return value_is_heap(v) ? value_from_rom_offset(plan->heap_map[v >> 2]) : v;
}

// The bytes that tell two immutable allocations apart after their header: a string's code
// units (its padding is zero), a float's 8 bytes, a host function's id and index.
static uint32_t payload_len(uint32_t h) {
  switch (header_type(h)) {
    case TC_FLOAT64: return 8;
    case TC_HOSTFN: return 4;
    default: return string_bytes(h);
  }
}

static bool same_alloc(const uint8_t* a, const uint8_t* b) {
  uint32_t h = rd32(a);
  return h == rd32(b) && MVM_MEMCMP(a + 4, b + 4, payload_len(h)) == 0;
}

// FNV-1a over the header and the payload.
static uint32_t alloc_hash(const uint8_t* p) {
  uint32_t h = 2166136261u, n = 4 + payload_len(rd32(p));
  for (uint32_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
  return h;
}

// A table entry is where an allocation lives now: a heap offset, or a reference into the old
// image ROM (value_from_rom_offset). 0, never a valid value, is an empty slot.
typedef struct intern_table {
  uint32_t* slots;
  uint32_t mask;
} intern_table_t;

static const uint8_t* entry_ptr(const mvm_vm_t* vm, uint32_t e) {
  return value_is_heap(e) ? vm->heap + e : vm->rom + value_rom_offset(e);
}

// The entry already holding p's text, or 0 after adding e (whose allocation is p) for it.
static uint32_t table_find_or_add(const mvm_vm_t* vm, intern_table_t* t, uint32_t e,
                                  const uint8_t* p) {
  for (uint32_t i = alloc_hash(p) & t->mask;; i = (i + 1) & t->mask) {
    uint32_t s = t->slots[i];
    if (s == 0) {
      t->slots[i] = e;
      return 0;
    }
    if (same_alloc(entry_ptr(vm, s), p)) return s;
  }
}

// Heap allocations [4, heap_used), in order.
#define EACH_HEAP_ALLOC(vm, at) \
  for (uint32_t at = 4; at < vm_heap_used((vm)); at += header_size(rd32((vm)->heap + at)))
#define EACH_ROM_ALLOC(vm, at) \
  for (uint32_t at = 0, rom_end_ = vm_rom_len((vm)); at < rom_end_;                       \
       at += header_size(rd32((vm)->rom + at)))

// ---- Key lists ----

// Property tables are PROPS and OBJECTs with their properties inline (internal.h
// props_values_at); the latter always have ROM keys.
static bool has_rom_keys(const mvm_vm_t* vm, uint32_t at) {
  return props_values_at(vm->heap + at) != 0;
}
// The old ROM offset of the key list of a table with ROM keys.
static uint32_t rom_keys_at(const mvm_vm_t* vm, uint32_t at) {
  return value_rom_offset(props_rom_keys(vm->heap + at));
}
static bool is_table(const mvm_vm_t* vm, uint32_t at) {
  uint32_t h = rd32(vm->heap + at);
  return header_type(h) == TC_PROPS || (header_type(h) == TC_OBJECT && (h & HEADER_INLINE_PROPS));
}
static uint32_t props_count_at(const mvm_vm_t* vm, uint32_t at) {
  return props_count_of(vm->heap + at);
}

// Key i of the table at heap offset at, as the new ROM will have it; 0 when it cannot be in a
// ROM CONSTS (a ROM function, the key of the function-properties table).
static mvm_value_t new_key(const mvm_vm_t* vm, const uint32_t* rom_map, const uint32_t* heap_map,
                           uint32_t at, uint32_t i) {
  mvm_value_t k = has_rom_keys(vm, at)
                      ? rd32(consts_values(vm->rom + rom_keys_at(vm, at)) + 4 * i)
                      : rd32(vm->heap + at + 8 + 8 * i);  // a plain PROPS
  if (value_is_int(k)) return k;
  if (value_is_heap(k)) {  // a string: moved by now
    return heap_map[k >> 2] == NO_OFFSET ? 0 : value_from_rom_offset(heap_map[k >> 2]);
  }
  if (!value_is_rom(k)) return 0;
  if (!value_is_image_rom(k)) return k;  // an engine string
  uint32_t t = header_type(rd32(vm->rom + value_rom_offset(k)));
  if (t != TC_STRING8 && t != TC_STRING16) return 0;
  return value_from_rom_offset(rom_map[value_rom_offset(k) >> 2]);
}

// Whether the table at at has, or can have, its keys in the ROM: not empty, every key a string
// or an index, and not the exports table (api.c reads its pairs).
static bool keys_movable(const mvm_vm_t* vm, const uint32_t* rom_map, const uint32_t* heap_map,
                         uint32_t at, mvm_value_t exports) {
  if (!is_table(vm, at)) return false;
  if (has_rom_keys(vm, at)) return true;
  uint32_t n = props_count_at(vm, at);
  if (n == 0 || at == exports) return false;
  for (uint32_t i = 0; i < n; i++) {
    if (new_key(vm, rom_map, heap_map, at, i) == 0) return false;
  }
  return true;
}

// The new ROM offset of the key list of the PROPS at at (planned, or an image's, moved).
static uint32_t list_offset(const mvm_vm_t* vm, const uint32_t* rom_map, const uint32_t* heap_map,
                            uint32_t at) {
  return has_rom_keys(vm, at) ? rom_map[rom_keys_at(vm, at) >> 2] : heap_map[at >> 2];
}

static uint32_t keys_hash(const mvm_vm_t* vm, const uint32_t* rom_map, const uint32_t* heap_map,
                          uint32_t at) {
  uint32_t h = 2166136261u, n = props_count_at(vm, at);
  for (uint32_t i = 0; i < n; i++) h = (h ^ new_key(vm, rom_map, heap_map, at, i)) * 16777619u;
  return h ^ n;
}

static bool same_keys(const mvm_vm_t* vm, const uint32_t* rom_map, const uint32_t* heap_map,
                      uint32_t a, uint32_t b) {
  uint32_t n = props_count_at(vm, a);
  if (n != props_count_at(vm, b)) return false;
  for (uint32_t i = 0; i < n; i++) {
    if (new_key(vm, rom_map, heap_map, a, i) != new_key(vm, rom_map, heap_map, b, i)) return false;
  }
  return true;
}

// Plans a CONSTS for the keys of each movable PROPS, one per distinct key list, from *end on.
static mvm_err_t plan_key_lists(mvm_vm_t* vm, const uint32_t* rom_map, uint32_t* heap_map,
                                uint32_t nprops, uint64_t* end) {
  uint32_t cap = 16;
  while (cap < 2 * (uint64_t)nprops) cap *= 2;
  uint32_t* slots = (uint32_t*)VM_MALLOC(vm, sizeof(uint32_t) * (size_t)cap);
  if (!slots) return MVM_E_OUT_OF_MEMORY;
  MVM_MEMSET(slots, 0, sizeof(uint32_t) * (size_t)cap);
  mvm_value_t exports = root_get(vm, ROOT_EXPORTS);
  // The lists the ROM has first (PROPS with ROM keys), so that a plain PROPS with the same keys
  // shares one of those rather than a new copy.
  for (int pass = 0; pass < 2; pass++) EACH_HEAP_ALLOC(vm, at) {
    if (!keys_movable(vm, rom_map, heap_map, at, exports)) continue;
    if (has_rom_keys(vm, at) != (pass == 0)) continue;
    for (uint32_t i = keys_hash(vm, rom_map, heap_map, at) & (cap - 1);; i = (i + 1) & (cap - 1)) {
      if (slots[i] == 0) {
        slots[i] = at;
        if (!has_rom_keys(vm, at)) {  // a new key list: its CONSTS goes next
          heap_map[at >> 2] = (uint32_t)*end;
          *end += CONSTS_VALUES + 4 * (uint64_t)props_count_at(vm, at);
        }
        break;
      }
      if (same_keys(vm, rom_map, heap_map, slots[i], at)) {
        // The same keys as a list the ROM keeps or one planned: that one. (A PROPS with ROM keys
        // keeps its own list: the collection moves its reference.)
        if (!has_rom_keys(vm, at)) heap_map[at >> 2] = list_offset(vm, rom_map, heap_map, slots[i]);
        break;
      }
    }
  }
  VM_FREE(vm, slots);
  return MVM_E_OK;
}

// ---- The plan ----

mvm_err_t rom_intern_plan(mvm_vm_t* vm, const uint8_t* rom_marks, const uint32_t* rom_map,
                          uint32_t base, const uint32_t* import_to, rom_intern_t* out) {
  out->heap_map = NULL;
  out->bytes = 0;
  uint32_t n = 0, nprops = 0;
  EACH_HEAP_ALLOC(vm, at) {
    uint32_t t = header_type(rd32(vm->heap + at));
    n += is_immutable(t);
    nprops += is_table(vm, at);
  }
  if (n == 0 && nprops == 0) return MVM_E_OK;
  EACH_ROM_ALLOC(vm, at) {
    if ((rom_marks[at >> 5] >> ((at >> 2) & 7)) & 1) n += is_immutable(header_type(rd32(vm->rom + at)));
  }
  uint32_t cap = 16;
  while (cap < 2 * (uint64_t)n) cap *= 2;  // n < 2^28: the heap and ROM are under 2^31 bytes
  size_t map_len = sizeof(uint32_t) * ((size_t)vm_heap_used(vm) / 4 + 1);
  intern_table_t t = {(uint32_t*)VM_MALLOC(vm, sizeof(uint32_t) * (size_t)cap), cap - 1};
  uint32_t* heap_map = (uint32_t*)VM_MALLOC(vm, map_len);
  if (!t.slots || !heap_map) {
    if (t.slots) VM_FREE(vm, t.slots);
    if (heap_map) VM_FREE(vm, heap_map);
    return MVM_E_OUT_OF_MEMORY;
  }
  MVM_MEMSET(t.slots, 0, sizeof(uint32_t) * (size_t)cap);
  MVM_MEMSET(heap_map, 0xFF, map_len);  // NO_OFFSET: stays in the heap
  // The image's own ROM strings and floats first: a heap copy of one becomes a reference to it.
  EACH_ROM_ALLOC(vm, at) {
    const uint8_t* p = vm->rom + at;
    if ((rom_marks[at >> 5] >> ((at >> 2) & 7)) & 1 && is_immutable(header_type(rd32(p)))) {
      (void)table_find_or_add(vm, &t, value_from_rom_offset(at), p);
    }
  }
  uint64_t end = base;
  EACH_HEAP_ALLOC(vm, at) {
    const uint8_t* p = vm->heap + at;
    uint32_t h = rd32(p);
    if (!is_immutable(header_type(h))) continue;
    if (header_type(h) == TC_HOSTFN) {  // its import's place (snapshot.c FEATURE ROM_IMPORTS)
      heap_map[at >> 2] = HOSTFN_BYTES * import_to[rd16(p + 6)];
      continue;
    }
    bool string = header_type(h) == TC_STRING8 || header_type(h) == TC_STRING16;
    uint32_t engine = string ? engine_string_find(p) : NO_OFFSET;
    if (engine != NO_OFFSET) {
      heap_map[at >> 2] = engine;
      continue;
    }
    uint32_t e = table_find_or_add(vm, &t, value_from_heap_offset(at), p);
    if (e == 0) {
      heap_map[at >> 2] = (uint32_t)end;
      end += header_size(h);
    } else {
      heap_map[at >> 2] = value_is_heap(e) ? heap_map[e >> 2] : rom_map[value_rom_offset(e) >> 2];
    }
  }
  VM_FREE(vm, t.slots);
  mvm_err_t err = nprops ? plan_key_lists(vm, rom_map, heap_map, nprops, &end) : MVM_E_OK;
  if (err || end >= 0x7FFFFFF0u) {
    VM_FREE(vm, heap_map);
    return err ? err : MVM_E_OUT_OF_MEMORY;
  }
  out->heap_map = heap_map;
  out->bytes = (uint32_t)end - base;
  return MVM_E_OK;
}

void rom_intern_copy(const mvm_vm_t* vm, const rom_intern_t* plan, const uint32_t* rom_map,
                     uint32_t base, uint8_t* new_rom) {
  if (!plan->heap_map) return;
  EACH_HEAP_ALLOC(vm, at) {
    uint32_t to = plan->heap_map[at >> 2];
    // Moved (not an engine string or the image's ROM: those lie outside [base, base + bytes));
    // equal heap strings share a place, and each writes the same bytes there.
    if (to < base || to - base >= plan->bytes) continue;
    const uint8_t* p = vm->heap + at;
    if (header_type(rd32(p)) != TC_PROPS) {
      MVM_MEMCPY(new_rom + to, p, header_size(rd32(p)));
      continue;
    }
    uint32_t n = props_count_at(vm, at);
    wr32(new_rom + to, header_make(CONSTS_VALUES + 4 * n, TC_CONSTS));
    for (uint32_t i = 0; i < n; i++) {
      wr32(new_rom + to + CONSTS_VALUES + 4 * i, new_key(vm, rom_map, plan->heap_map, at, i));
    }
  }
}

#endif  // MVM_INCLUDE_BUILD_API
