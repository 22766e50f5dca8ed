/* object.c: properties of objects, arrays, functions and strings; array storage.
 *
 * Property storage: an OBJECT or CLOSURE points to a PROPS allocation of (key, value) pairs in
 * insertion order. A ROM function cannot point anywhere (the ROM is read-only), so its PROPS
 * lives in the VM's function-properties table (ROOT_FN_PROPS), a PROPS keyed by the ROM
 * function reference. "Holder" below means any of the three.
 *
 * Keys are normalized before use (key_normalize): a canonical array index is an int31, any other
 * key is a string. Lookup compares by identity first (constant strings are shared within a
 * unit), then by content. PROPS grow by doubling into a new allocation; the slots past `count`
 * stay undefined. ITEMS slots past the array length stay undefined; holes are the HOLE special.
 *
 * Every function here that allocates roots its value arguments in temp slots first and reads
 * them back afterwards.
 */
#include "internal.h"

// ---- PROPS ----

// A PROPS is (hdr, count, (key, value) pairs), or with HEADER_ROM_KEYS (hdr, keys, values):
// its keys a ROM CONSTS and its values alone, as a snapshot writes the properties of a closure
// or an array that was built at build time. An OBJECT built then holds them itself (hdr, proto,
// keys, values: HEADER_INLINE_PROPS; no proto word when it is null; the keys' reference in the
// header when it fits), and is its own table (holder_props). Everything below reads these
// layouts (internal.h props_values_at); a key added or removed makes a plain PROPS.
#if VM_HAS_DELETE  // (its one use)
static bool props_has_rom_keys(mvm_vm_t* vm, mvm_value_t props) {
  return props_values_at(value_ptr(vm, props)) != 0;
}
#endif
// The keys of props (a reference): *stride bytes apart from the result.
static const uint8_t* props_keys(mvm_vm_t* vm, mvm_value_t props, uint32_t* stride) {
  const uint8_t* p = value_ptr(vm, props);
  *stride = 8;
  if (!props_values_at(p)) return p + 8;
  *stride = 4;
  return consts_values(value_ptr(vm, props_rom_keys(p)));
}
static uint32_t props_count(mvm_vm_t* vm, mvm_value_t props) {
  return value_is_ref(props) ? props_count_of(value_ptr(vm, props)) : 0;
}
static mvm_value_t props_key(mvm_vm_t* vm, mvm_value_t props, uint32_t i) {
  uint32_t stride;
  const uint8_t* k = props_keys(vm, props, &stride);
  return rd32(k + stride * i);
}
// Offset of the i-th value in the PROPS.
static uint32_t props_value_at(mvm_vm_t* vm, mvm_value_t props, uint32_t i) {
  uint32_t v = props_values_at(value_ptr(vm, props));
  return v ? v + 4 * i : 12 + 8 * i;
}
static mvm_value_t props_value(mvm_vm_t* vm, mvm_value_t props, uint32_t i) {
  return field(vm, props, props_value_at(vm, props, i));
}

int32_t props_find(mvm_vm_t* vm, mvm_value_t props, mvm_value_t key) {
  if (!value_is_ref(props)) return -1;
  const uint8_t* p = value_ptr(vm, props);
  const uint8_t* keys = p + 8;
  uint32_t n = props_count_of(p), stride = 8;
  // By reference first: one loop per layout, so that the plain one keeps its constant stride.
  if (MVM_UNLIKELY(props_values_at(p) != 0)) {
    stride = 4;
    keys = consts_values(value_ptr(vm, props_rom_keys(p)));
    for (uint32_t i = 0; i < n; i++) {
      if (rd32(keys + 4 * i) == key) return (int32_t)i;
    }
  } else {
    for (uint32_t i = 0; i < n; i++) {
      if (rd32(keys + 8 * i) == key) return (int32_t)i;
    }
  }
  if (n == 0) return -1;
  if (value_is_int(key) || !value_is_string(vm, key)) return -1;
  // Two different ROM strings never have the same text (the compiler interns a unit's strings,
  // a snapshot writes a subset of its unit's and the heap's strings, each text once), so
  // a ROM key is compared by content with heap strings only. An image that broke this rule
  // would only miss properties.
  bool rom_key = value_is_rom(key);
  for (uint32_t i = 0; i < n; i++) {
    mvm_value_t k = rd32(keys + stride * i);
    if (value_is_int(k) || (rom_key && value_is_rom(k))) continue;
    if (value_is_string(vm, k) && string_equal(vm, k, key)) return (int32_t)i;
  }
  return -1;
}

// A plain PROPS with the pairs of *props_slot and room for cap of them, in *props_slot. May GC.
static mvm_err_t props_regrow(mvm_vm_t* vm, mvm_value_t* props_slot, uint32_t cap) {
  uint64_t bytes = 8 + (uint64_t)cap * 8;
  uint32_t off = bytes < ALLOC_MAX_SIZE ? heap_alloc_values(vm, (uint32_t)bytes, TC_PROPS) : 0;
  if (off == 0) return MVM_E_OUT_OF_MEMORY;
  uint32_t n = props_count(vm, *props_slot);
  for (uint32_t i = 0; i < n; i++) {
    wr32(heap_ptr(vm, off) + 8 + 8 * i, props_key(vm, *props_slot, i));
    wr32(heap_ptr(vm, off) + 12 + 8 * i, props_value(vm, *props_slot, i));
  }
  wr32(heap_ptr(vm, off) + 4, n);
  *props_slot = value_from_heap_offset(off);
  return MVM_E_OK;
}

mvm_err_t props_put(mvm_vm_t* vm, mvm_value_t* props_slot, mvm_value_t key, mvm_value_t v) {
  int32_t i = props_find(vm, *props_slot, key);
  if (i >= 0) {
    set_field(vm, *props_slot, props_value_at(vm, *props_slot, (uint32_t)i), v);
    return MVM_E_OK;
  }
  // Full: none yet, no room left, or keys in the ROM (they cannot grow).
  uint32_t n = 0;
  bool full = true;
  if (value_is_ref(*props_slot)) {
    const uint8_t* p = value_ptr(vm, *props_slot);
    n = props_count_of(p);
    full = props_values_at(p) != 0 || n == (alloc_size(p) - 8) / 8;
  }
  if (full) {
    TEMP_MARK(vm);
    mvm_value_t* k = temp_push(vm, key);
    mvm_value_t* val = temp_push(vm, v);
    mvm_err_t err = props_regrow(vm, props_slot, n < 2 ? 4 : n * 2);
    key = *k;
    v = *val;
    TEMP_RESET(vm);
    if (err) return err;
  }
  uint8_t* p = heap_ptr(vm, *props_slot);
  wr32(p + 8 + 8 * n, key);
  wr32(p + 12 + 8 * n, v);
  wr32(p + 4, n + 1);
  return MVM_E_OK;
}

#if VM_HAS_DELETE
static void props_remove(mvm_vm_t* vm, mvm_value_t props, uint32_t i) {
  uint8_t* p = heap_ptr(vm, props);
  uint32_t n = rd32(p + 4);
  MVM_MEMMOVE(p + 8 + 8 * i, p + 8 + 8 * (i + 1), 8 * (n - i - 1));
  wr32(p + 8 + 8 * (n - 1), VAL_UNDEFINED);
  wr32(p + 12 + 8 * (n - 1), VAL_UNDEFINED);
  wr32(p + 4, n - 1);
}
#endif

// ---- Holders (objects, closures, ROM functions) ----

// Where an array keeps its named (non-index) properties: after its items reference, or after
// its length when it holds its values inline (value.h HEADER_INLINE_ITEMS); 0 when it has no
// word for them (internal.h ARRAY_NO_PROPS).
static uint32_t array_props_at(mvm_vm_t* vm, mvm_value_t arr) {
  const uint8_t* p = value_ptr(vm, arr);
  if (!(rd32(p) & HEADER_INLINE_ITEMS)) return 12;
  return (rd32(p + 4) & ARRAY_NO_PROPS) ? 0 : 8;
}
static mvm_err_t array_own_items(mvm_vm_t* vm, const mvm_value_t* arr);

static mvm_value_t holder_props(mvm_vm_t* vm, mvm_value_t h) {
  switch (value_type(vm, h)) {
    case TC_OBJECT: return (rd32(value_ptr(vm, h)) & HEADER_INLINE_PROPS) ? h : field(vm, h, 8);
    case TC_CLOSURE: return field(vm, h, 12);
    case TC_ARRAY: {
      uint32_t at = array_props_at(vm, h);
      return at ? field(vm, h, at) : VAL_UNDEFINED;
    }
    case TC_FUNCTION: {
      mvm_value_t table = root_get(vm, ROOT_FN_PROPS);
      int32_t i = props_find(vm, table, h);
      return i < 0 ? VAL_UNDEFINED : props_value(vm, table, (uint32_t)i);
    }
    default: return VAL_UNDEFINED;
  }
}

// ---- Property cells ----
// A PROPS value is the property's value itself, except for accessors and hidden
// (non-enumerable) properties, whose PROPS value is a PROPERTY cell: hdr, u32 flags, a, b.
// An accessor's cell holds the getter (a) and the setter (b), either may be undefined; a hidden
// data property's cell holds its value (a). A cell belongs to one property of one holder and
// nothing else refers to it, so updating the property updates the cell in place. Cells exist
// only in the heap; reading them is the only cost plain properties pay (one header load for a
// value that is a heap reference).

// value_is_cell and cell_flags are in internal.h (the interpreter reads cells too).

static mvm_err_t cell_new(mvm_vm_t* vm, uint32_t flags, mvm_value_t a, mvm_value_t b,
                          mvm_value_t* out) {
  TEMP_MARK(vm);
  mvm_value_t* sa = temp_push(vm, a);
  mvm_value_t* sb = temp_push(vm, b);
  uint32_t off = heap_alloc(vm, 16, TC_PROPERTY);
  a = *sa;
  b = *sb;
  TEMP_RESET(vm);
  if (off == 0) return MVM_E_OUT_OF_MEMORY;
  uint8_t* p = heap_ptr(vm, off);
  wr32(p + 4, flags);
  wr32(p + 8, a);
  wr32(p + 12, b);
  *out = value_from_heap_offset(off);
  return MVM_E_OK;
}

// Reads the property whose PROPS value is raw: a getter runs with this = receiver. May re-enter.
static mvm_err_t slot_read(mvm_vm_t* vm, mvm_value_t raw, mvm_value_t receiver,
                           mvm_value_t* out) {
  if (!value_is_cell(vm, raw)) {
    *out = raw;
    return MVM_E_OK;
  }
  mvm_value_t a = field(vm, raw, 8);
  if (!(cell_flags(vm, raw) & PROP_CELL_ACCESSOR)) {
    *out = a;
    return MVM_E_OK;
  }
  *out = VAL_UNDEFINED;
  if (a == VAL_UNDEFINED) return MVM_E_OK;
  return vm_call_function(vm, a, receiver, NULL, 0, out);
}

// Writes v through a cell: a setter runs with this = receiver. May re-enter.
static mvm_err_t cell_write(mvm_vm_t* vm, mvm_value_t cell, mvm_value_t receiver,
                            mvm_value_t key, mvm_value_t v) {
  if (!(cell_flags(vm, cell) & PROP_CELL_ACCESSOR)) {
    set_field(vm, cell, 8, v);
    return MVM_E_OK;
  }
  mvm_value_t setter = field(vm, cell, 12);
  if (setter == VAL_UNDEFINED) {  // modules are strict code: this is an error, not a no-op
    return throw_error(vm, EK_TYPE_ERROR, "Cannot set property ", key, " which has only a getter");
  }
  mvm_value_t ignored;
  return vm_call_function(vm, setter, receiver, &v, 1, &ignored);
}

// The raw PROPS value of an own property (a cell for accessors and hidden properties).
static bool holder_get_raw(mvm_vm_t* vm, mvm_value_t h, mvm_value_t key, mvm_value_t* out) {
  mvm_value_t props = holder_props(vm, h);
  int32_t i = props_find(vm, props, key);
  if (i < 0) return false;
  *out = props_value(vm, props, (uint32_t)i);
  return true;
}

// An own property's value without running code: a hidden property's value, undefined for an
// accessor. No GC.
static bool holder_get_own(mvm_vm_t* vm, mvm_value_t h, mvm_value_t key, mvm_value_t* out) {
  if (!holder_get_raw(vm, h, key, out)) return false;
  if (value_is_cell(vm, *out)) {
    *out = (cell_flags(vm, *out) & PROP_CELL_ACCESSOR) ? VAL_UNDEFINED : field(vm, *out, 8);
  }
  return true;
}

// True when the i-th property of props is enumerable.
static bool props_enumerable(mvm_vm_t* vm, mvm_value_t props, uint32_t i) {
  mvm_value_t v = props_value(vm, props, i);
  return !value_is_cell(vm, v) || !(cell_flags(vm, v) & PROP_CELL_HIDDEN);
}

// Makes *ps the PROPS of holder *h (both GC-visible slots). May GC.
static mvm_err_t holder_set_props(mvm_vm_t* vm, const mvm_value_t* h, const mvm_value_t* ps) {
  switch (value_type(vm, *h)) {
    case TC_OBJECT: {
      // An OBJECT with its properties inline becomes one with a PROPS: its values' room is
      // left to the next collection (gc.c forward copies 12 bytes of it). Such an OBJECT has
      // at least 12 bytes (value.h): room for both. Its header gets its size back in full
      // (no key list's offset).
      uint8_t* o = heap_ptr(vm, *h);
      uint32_t hdr = rd32(o);
      if (hdr & HEADER_INLINE_PROPS) {
        wr32(o + 4, object_proto(vm, *h));
        wr32(o, header_make(header_size(hdr), TC_OBJECT) | (hdr & HEADER_FROZEN));
      }
      wr32(o + 8, *ps);
      return MVM_E_OK;
    }
    case TC_CLOSURE: set_field(vm, *h, 12, *ps); return MVM_E_OK;
    case TC_ARRAY: {
      // An array without a word for them gets an ITEMS, which frees the room. May GC.
      mvm_err_t err = array_props_at(vm, *h) ? MVM_E_OK : array_own_items(vm, h);
      if (!err) set_field(vm, *h, array_props_at(vm, *h), *ps);
      return err;
    }
    default: {  // ROM function: record the new PROPS in the table
      TEMP_MARK(vm);
      mvm_value_t* table = temp_push(vm, root_get(vm, ROOT_FN_PROPS));
      mvm_err_t err = props_put(vm, table, *h, *ps);
      if (!err) err = root_store(vm, ROOT_FN_PROPS, table);
      TEMP_RESET(vm);
      return err;
    }
  }
}

// Sets an own property of a holder; key normalized. May GC.
static mvm_err_t holder_put(mvm_vm_t* vm, mvm_value_t holder, mvm_value_t key, mvm_value_t v) {
  TEMP_MARK(vm);
  mvm_value_t* h = temp_push(vm, holder);
  mvm_value_t* ps = temp_push(vm, holder_props(vm, holder));
  // The old table is a root too, so that a collection inside props_put moves it along: a plain
  // copy of its offset could equal the new table's offset after the heap was compacted.
  mvm_value_t* before = temp_push(vm, *ps);
  mvm_err_t err = props_put(vm, ps, key, v);
  if (!err && *ps != *before) err = holder_set_props(vm, h, ps);
  TEMP_RESET(vm);
  return err;
}

#if VM_HAS_DELETE
// Deletes an own property of a holder; key normalized. May GC (a PROPS whose keys are in the
// ROM is made plain first).
static mvm_err_t holder_delete(mvm_vm_t* vm, mvm_value_t holder, mvm_value_t key) {
  mvm_value_t props = holder_props(vm, holder);
  int32_t i = props_find(vm, props, key);
  if (i < 0) return MVM_E_OK;
  if (props_has_rom_keys(vm, props)) {
    TEMP_MARK(vm);
    mvm_value_t* h = temp_push(vm, holder);
    mvm_value_t* ps = temp_push(vm, props);
    mvm_err_t err = props_regrow(vm, ps, props_count(vm, props));
    if (!err) err = holder_set_props(vm, h, ps);
    props = *ps;
    TEMP_RESET(vm);
    if (err) return err;
  }
  props_remove(vm, props, (uint32_t)i);
  return MVM_E_OK;
}
#endif  // VM_HAS_DELETE

bool object_get_own(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key, mvm_value_t* out) {
  return holder_get_own(vm, obj, key, out);
}

mvm_err_t object_new(mvm_vm_t* vm, mvm_value_t proto, mvm_value_t* out) {
  TEMP_MARK(vm);
  mvm_value_t* p = temp_push(vm, proto);
  uint32_t off = heap_alloc(vm, 12, TC_OBJECT);
  proto = *p;
  TEMP_RESET(vm);
  if (off == 0) return MVM_E_OUT_OF_MEMORY;
  wr32(heap_ptr(vm, off) + 4, proto);
  wr32(heap_ptr(vm, off) + 8, VAL_UNDEFINED);
  *out = value_from_heap_offset(off);
  return MVM_E_OK;
}

mvm_err_t object_new_inline(mvm_vm_t* vm, mvm_value_t keys, const mvm_value_t* values,
                             uint32_t n, mvm_value_t* out) {
  uint32_t at = object_inline_layout(NULL, 0, VAL_NULL, keys, n);
  uint32_t off = heap_alloc(vm, at + 4 * n, TC_OBJECT);
  if (off == 0) return MVM_E_OUT_OF_MEMORY;
  uint8_t* p = heap_ptr(vm, off);
  object_inline_layout(p, 0, VAL_NULL, keys, n);
  for (uint32_t i = 0; i < n; i++) wr32(p + at + 4 * i, values[i]);
  *out = value_from_heap_offset(off);
  return MVM_E_OK;
}

// ---- Functions ----

uint32_t function_rom(mvm_vm_t* vm, mvm_value_t f) {
  switch (value_type(vm, f)) {
    case TC_FUNCTION: return value_rom_offset(f);
    case TC_CLOSURE: return value_rom_offset(field(vm, f, 4));
    default: return 0;
  }
}

bool function_is_constructor(mvm_vm_t* vm, mvm_value_t f) {
  uint32_t t = value_type(vm, f);
  if (t != TC_FUNCTION && t != TC_CLOSURE) return false;
  return !(rd8(vm->rom + function_rom(vm, f) + FN_FLAGS) & (FN_FLAG_ARROW | FN_FLAG_METHOD));
}

mvm_value_t function_name(mvm_vm_t* vm, mvm_value_t f) {
  uint32_t t = value_type(vm, f);
  if (t != TC_FUNCTION && t != TC_CLOSURE) return VAL_UNDEFINED;
  return fn_name(vm->rom + function_rom(vm, f));
}

mvm_err_t function_prototype(mvm_vm_t* vm, mvm_value_t f, mvm_value_t* out) {
  mvm_value_t key = ENGINE_STR(PROTOTYPE);
  if (holder_get_own(vm, f, key, out)) return MVM_E_OK;
  TEMP_MARK(vm);
  mvm_value_t* fs = temp_push(vm, f);
  mvm_value_t* obj = temp_push(vm, VAL_UNDEFINED);
  mvm_err_t err = object_new(vm, VAL_NULL, obj);
  // Both are non-enumerable in JS: for-in over an instance must not list `constructor`.
  if (!err) err = prop_define_ex(vm, *obj, ENGINE_STR(CONSTRUCTOR), *fs, DEFINE_HIDDEN);
  if (!err) err = prop_define_ex(vm, *fs, ENGINE_STR(PROTOTYPE), *obj, DEFINE_HIDDEN);
  *out = *obj;
  TEMP_RESET(vm);
  return err;
}

// ---- Arrays ----

mvm_err_t array_new(mvm_vm_t* vm, uint32_t capacity, mvm_value_t* out) {
  TEMP_MARK(vm);
  mvm_value_t* items = temp_push(vm, VAL_UNDEFINED);
  if (capacity) {
    uint64_t bytes = 4 + (uint64_t)capacity * 4;
    uint32_t off = bytes < ALLOC_MAX_SIZE ? heap_alloc_values(vm, (uint32_t)bytes, TC_ITEMS) : 0;
    if (off == 0) return TEMP_RESET(vm), MVM_E_OUT_OF_MEMORY;
    *items = value_from_heap_offset(off);
  }
  uint32_t off = heap_alloc(vm, 16, TC_ARRAY);
  if (off == 0) return TEMP_RESET(vm), MVM_E_OUT_OF_MEMORY;
  wr32(heap_ptr(vm, off) + 4, 0);
  wr32(heap_ptr(vm, off) + 8, *items);
  wr32(heap_ptr(vm, off) + 12, VAL_UNDEFINED);  // named properties
  TEMP_RESET(vm);
  *out = value_from_heap_offset(off);
  return MVM_E_OK;
}

uint32_t array_length(mvm_vm_t* vm, mvm_value_t arr) {
  return rd32(value_ptr(vm, arr) + 4) & ~ARRAY_NO_PROPS;
}

mvm_value_t array_get(mvm_vm_t* vm, mvm_value_t arr, uint32_t i) {
  return field(vm, array_items(vm, arr), 4 + 4 * i);
}

static uint32_t array_capacity(mvm_vm_t* vm, mvm_value_t arr) {
  const uint8_t* p = heap_ptr(vm, arr);
  if (rd32(p) & HEADER_INLINE_ITEMS) {
    return (alloc_size(p) - ((rd32(p + 4) & ARRAY_NO_PROPS) ? 8 : 12)) / 4;
  }
  mvm_value_t items = rd32(p + 8);
  return value_is_ref(items) ? (alloc_size(value_ptr(vm, items)) - 4) / 4 : 0;
}

// Makes items (a heap offset) the ITEMS of arr. An array holding its values inline takes the
// usual layout (its size is at least 16: a snapshot writes only non-empty arrays so, and only
// those of two or more values without a word for their named properties); the room of its
// values is the next collection's to drop (gc.c forward).
static void array_set_items(mvm_vm_t* vm, mvm_value_t arr, uint32_t items) {
  uint8_t* p = heap_ptr(vm, arr);
  uint32_t h = rd32(p);
  if (h & HEADER_INLINE_ITEMS) {
    uint32_t len = rd32(p + 4);
    // The named properties move to their usual place (undefined: none).
    wr32(p + 12, (len & ARRAY_NO_PROPS) ? VAL_UNDEFINED : rd32(p + 8));
    wr32(p + 4, len & ~ARRAY_NO_PROPS);
    wr32(p, h & ~HEADER_INLINE_ITEMS);
  }
  wr32(p + 8, value_from_heap_offset(items));
}

// Moves the values of the array *arr into a new ITEMS with room for cap (>= its length, >= 1;
// one holding them inline takes the usual layout: see above). May GC.
static mvm_err_t array_move_items(mvm_vm_t* vm, const mvm_value_t* arr, uint32_t cap) {
  uint32_t len = array_length(vm, *arr);
  uint32_t off = heap_alloc_values(vm, 4 + 4 * cap, TC_ITEMS);
  if (off == 0) return MVM_E_OUT_OF_MEMORY;
  MVM_MEMCPY(heap_ptr(vm, off) + 4, value_ptr(vm, array_items(vm, *arr)) + 4, 4 * (size_t)len);
  array_set_items(vm, *arr, off);
  return MVM_E_OK;
}

// Gives the array *arr an ITEMS of its values, its own word for named properties. May GC.
static mvm_err_t array_own_items(mvm_vm_t* vm, const mvm_value_t* arr) {
  uint32_t len = array_length(vm, *arr);
  return array_move_items(vm, arr, len ? len : 1);
}

// Makes room for new_len items (new slots are holes) and sets the length. May GC or throw.
static mvm_err_t array_resize(mvm_vm_t* vm, mvm_value_t* arr, uint32_t new_len) {
  uint32_t len = array_length(vm, *arr);
  uint32_t cap = array_capacity(vm, *arr);
  if (new_len > cap) {
    uint64_t want = (uint64_t)cap * 2;
    if (want < new_len) want = new_len;
    if (want < 4) want = 4;
    uint32_t limit = vm_heap_limit(vm);
    if (4 + want * 4 > limit) {
      if (4 + (uint64_t)new_len * 4 > limit) {
        return throw_error(vm, EK_RANGE_ERROR, "Invalid array length", 0, NULL);
      }
      want = new_len;
    }
    mvm_err_t err = array_move_items(vm, arr, (uint32_t)want);
    if (err) return err;
  }
  mvm_value_t items = array_items(vm, *arr);
  for (uint32_t i = len; i < new_len; i++) set_field(vm, items, 4 + 4 * i, VAL_HOLE);
  for (uint32_t i = new_len; i < len; i++) set_field(vm, items, 4 + 4 * i, VAL_UNDEFINED);
  set_field(vm, *arr, 4, new_len | (field(vm, *arr, 4) & ARRAY_NO_PROPS));
  return MVM_E_OK;
}

static mvm_err_t array_set(mvm_vm_t* vm, mvm_value_t arr, uint32_t i, mvm_value_t v) {
  if (i < array_length(vm, arr)) {
    set_field(vm, array_items(vm, arr), 4 + 4 * i, v);
    return MVM_E_OK;
  }
  TEMP_MARK(vm);
  mvm_value_t* a = temp_push(vm, arr);
  mvm_value_t* val = temp_push(vm, v);
  mvm_err_t err = array_resize(vm, a, i + 1);
  if (!err) set_field(vm, array_items(vm, *a), 4 + 4 * i, *val);
  TEMP_RESET(vm);
  return err;
}

mvm_err_t array_push(mvm_vm_t* vm, mvm_value_t* arr_slot, mvm_value_t v) {
  uint32_t len = array_length(vm, *arr_slot);
  if (len >= (uint32_t)INT31_MAX) {
    return throw_error(vm, EK_RANGE_ERROR, "Invalid array length", 0, NULL);
  }
  return array_set(vm, *arr_slot, len, v);
}

// ---- Keys ----

mvm_err_t key_normalize(mvm_vm_t* vm, mvm_value_t key, mvm_value_t* out) {
  if (value_is_int(key) && value_as_int(key) >= 0) {
    *out = key;
    return MVM_E_OK;
  }
  if (!value_is_string(vm, key)) {
    mvm_err_t err = to_string(vm, key, &key);
    if (err) return err;
  }
  int32_t index;
  *out = string_array_index(vm, key, &index) ? value_from_int(index) : key;
  return MVM_E_OK;
}

static num_int_t key_index(mvm_vm_t* vm, mvm_value_t k);  // (Own keys, below)

// True when a normalized string key is a JS array index (canonical, <= 2^32 - 2) too large
// for an int31 index. Arrays here hold at most 2^30 - 1 elements, so writing one cannot be
// done as JS does (the element and the new length); it throws RangeError rather than being
// stored as a named property that JS would not have.
static bool big_array_index(mvm_vm_t* vm, mvm_value_t key) {
#if MVM_SUPPORT_FLOAT
  return !value_is_int(key) && key_index(vm, key) >= 1073741824.0;
#else
  return !value_is_int(key) && key_index(vm, key) >= 1073741824;
#endif
}

static bool key_is(mvm_vm_t* vm, mvm_value_t key, mvm_value_t name) {
  return key == name || (!value_is_int(key) && string_equal(vm, key, name));
}

// ---- Get / set / delete / has ----

static mvm_err_t throw_nullish(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key,
                               const char* verb) {
#if !MVM_ERROR_MESSAGES
  (void)obj;
  (void)verb;
  return throw_error(vm, EK_TYPE_ERROR, "", key, NULL);
#else
  // "Cannot read properties of undefined (reading 'k')"
  const char* what = obj == VAL_NULL ? "null" : "undefined";
  char prefix[64];
  size_t n = 0;
  const char* parts[4] = {"Cannot ", verb, " properties of ", what};
  for (int i = 0; i < 4; i++) {
    size_t len = strlen(parts[i]);
    MVM_MEMCPY(prefix + n, parts[i], len);
    n += len;
  }
  const char* tail = verb[0] == 'r' ? " (reading '" : " (setting '";
  MVM_MEMCPY(prefix + n, tail, strlen(tail) + 1);
  return throw_error(vm, EK_TYPE_ERROR, prefix, key, "')");
#endif
}

// A property of a ROM function or closure: own properties, then the intrinsic prototype,
// name and length, then the static parent of a class that extends another (its hidden
// `__proto__`). key normalized. May GC, may re-enter.
static mvm_err_t function_get(mvm_vm_t* vm, mvm_value_t f, mvm_value_t key, mvm_value_t* out) {
  mvm_value_t raw, receiver = f;  // an inherited static getter sees the class it was read on
  for (int depth = 0; depth < 64; depth++) {  // a bound on `__proto__` cycles made by hand
    uint32_t t = value_type(vm, f);
    if (t != TC_FUNCTION && t != TC_CLOSURE) return prop_get(vm, f, key, out);
    if (holder_get_raw(vm, f, key, &raw)) return slot_read(vm, raw, receiver, out);
    if (key_is(vm, key, ENGINE_STR(PROTOTYPE))) {
      return function_is_constructor(vm, f) ? function_prototype(vm, f, out) : MVM_E_OK;
    }
    if (key_is(vm, key, ENGINE_STR(NAME))) {
      mvm_value_t name = function_name(vm, f);
      *out = value_is_string(vm, name) ? name : ENGINE_STR(EMPTY);
      return MVM_E_OK;
    }
    if (key_is(vm, key, ENGINE_STR(LENGTH))) {
      *out = value_from_int(rd8(vm->rom + function_rom(vm, f) + FN_LENGTH));
      return MVM_E_OK;
    }
    mvm_value_t parent;
    if (!holder_get_own(vm, f, ENGINE_STR(PROTO), &parent) ||
        !value_is_object(vm, parent)) {
      return lib_value_method(vm, f, key, out);  // call, apply
    }
    f = parent;
  }
  return MVM_E_OK;
}

mvm_err_t prop_get(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key, mvm_value_t* out) {
  if (value_is_nullish(obj) || obj == VAL_HOLE) return throw_nullish(vm, obj, key, "read");
  if (!(value_is_int(key) && value_as_int(key) >= 0)) {
    TEMP_MARK(vm);
    mvm_value_t* o = temp_push(vm, obj);
    mvm_err_t err = key_normalize(vm, key, &key);
    obj = *o;
    TEMP_RESET(vm);
    if (err) return err;
  }
  *out = VAL_UNDEFINED;
  if (value_is_builtin(obj)) return builtin_get_prop(vm, value_builtin_index(obj), key, out);
  switch (value_type(vm, obj)) {
    case TC_OBJECT: {
      mvm_value_t raw;
      for (mvm_value_t o = obj; value_type(vm, o) == TC_OBJECT; o = object_proto(vm, o)) {
        if (holder_get_raw(vm, o, key, &raw)) return slot_read(vm, raw, obj, out);
      }
      if (key_is(vm, key, ENGINE_STR(PROTO))) {
        *out = object_proto(vm, obj);
        return MVM_E_OK;
      }
      return lib_value_method(vm, obj, key, out);  // hasOwnProperty...
    }
    case TC_ARRAY:
      if (value_is_int(key)) {
        uint32_t i = (uint32_t)value_as_int(key);
        if (i < array_length(vm, obj)) {
          mvm_value_t v = array_get(vm, obj, i);
          *out = v == VAL_HOLE ? VAL_UNDEFINED : v;
        }
      } else if (key_is(vm, key, ENGINE_STR(LENGTH))) {
#if MVM_SUPPORT_FLOAT
        return number_make(vm, (double)array_length(vm, obj), out);
#else
        return number_make(vm, (num_t)array_length(vm, obj), out);
#endif
      } else {
        mvm_value_t raw;  // a named property (a.label, a[-1]) before the methods it shadows
        if (holder_get_raw(vm, obj, key, &raw)) return slot_read(vm, raw, obj, out);
        if (key_is(vm, key, ENGINE_STR(PUSH))) {
          *out = value_from_builtin(BI_ARRAY_PUSH);
          return MVM_E_OK;
        }
        return lib_value_method(vm, obj, key, out);  // map, slice...
      }
      return MVM_E_OK;
    case TC_STRING8:
    case TC_STRING16: {
      uint32_t len = string_view(vm, obj).len;
      if (value_is_int(key)) {
        uint32_t i = (uint32_t)value_as_int(key);
        if (i < len) return string_unit_at(vm, obj, i, out);
      } else if (key_is(vm, key, ENGINE_STR(LENGTH))) {
        *out = value_from_int((int32_t)len);
      } else {
        return lib_value_method(vm, obj, key, out);  // slice, indexOf...
      }
      return MVM_E_OK;
    }
    case TC_FUNCTION:
    case TC_CLOSURE:
      return function_get(vm, obj, key, out);
    case TC_BYTES:
      return bytes_get(vm, obj, key, out);
    case TC_PROMISE:
      *out = promise_method(vm, key);
      return MVM_E_OK;
    default:
      return lib_value_method(vm, obj, key, out);  // numbers, booleans: toFixed...
  }
}

// [[Set]] on an object or function; key normalized. An own data property is overwritten in
// place; an own cell is written through; otherwise a setter up the prototype chain runs, and
// failing that the property is added. May GC, may re-enter.
static mvm_err_t holder_set(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key, mvm_value_t v) {
  mvm_value_t props = holder_props(vm, obj);
  int32_t i = props_find(vm, props, key);
  if (i >= 0) {
    mvm_value_t raw = props_value(vm, props, (uint32_t)i);
    if (value_is_cell(vm, raw)) return cell_write(vm, raw, obj, key, v);
    set_field(vm, props, props_value_at(vm, props, (uint32_t)i), v);
    return MVM_E_OK;
  }
  if (value_type(vm, obj) == TC_OBJECT) {
    mvm_value_t raw;
    for (mvm_value_t o = object_proto(vm, obj); value_type(vm, o) == TC_OBJECT; o = object_proto(vm, o)) {
      if (!holder_get_raw(vm, o, key, &raw)) continue;
      if (value_is_cell(vm, raw) && (cell_flags(vm, raw) & PROP_CELL_ACCESSOR)) {
        return cell_write(vm, raw, obj, key, v);
      }
      break;  // an inherited data property is shadowed by a new own one
    }
    if (key_is(vm, key, ENGINE_STR(PROTO))) {  // obj.__proto__ = p
      return value_type(vm, v) == TC_OBJECT || v == VAL_NULL ? object_set_proto(vm, obj, v)
                                                              : MVM_E_OK;
    }
  }
  return holder_put(vm, obj, key, v);
}

#if MVM_FULL_LANGUAGE
mvm_err_t prop_get_super(mvm_vm_t* vm, mvm_value_t home, mvm_value_t key, mvm_value_t receiver,
                         mvm_value_t* out) {
  if (value_type(vm, home) != TC_OBJECT) return prop_get(vm, home, key, out);  // static side
  TEMP_MARK(vm);
  mvm_value_t* slots = temp_push(vm, home);
  temp_push(vm, receiver);
  mvm_err_t err = key_normalize(vm, key, &key);
  home = slots[0];
  receiver = slots[1];
  TEMP_RESET(vm);
  if (err) return err;
  mvm_value_t raw;
  for (mvm_value_t o = home; value_type(vm, o) == TC_OBJECT; o = object_proto(vm, o)) {
    if (holder_get_raw(vm, o, key, &raw)) return slot_read(vm, raw, receiver, out);
  }
  return lib_value_method(vm, home, key, out);
}
#endif  // MVM_FULL_LANGUAGE

#if MVM_ERROR_MESSAGES
// What prop_set says of a value that cannot take a property.
static const char* no_props_suffix(mvm_vm_t* vm, mvm_value_t v) {
  uint32_t t = value_type(vm, v);
  if (value_is_int(v) || t == TC_FLOAT64) return "' on a number";
  if (value_is_bool(v)) return "' on a boolean";
  if (t == TC_STRING8 || t == TC_STRING16) return "' on a string";
  return "' on a host function or promise";
}
#endif

mvm_err_t prop_set(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key, mvm_value_t v) {
  if (value_is_nullish(obj) || obj == VAL_HOLE) return throw_nullish(vm, obj, key, "set");
  if (MVM_UNLIKELY(value_is_frozen(vm, obj))) {  // Object.freeze: modules are strict code
    return throw_error(vm, EK_TYPE_ERROR, "Cannot assign to read only property '", key,
                       "' of a frozen object");
  }
  if (!(value_is_int(key) && value_as_int(key) >= 0)) {
    TEMP_MARK(vm);
    mvm_value_t* o = temp_push(vm, obj);
    mvm_value_t* val = temp_push(vm, v);
    mvm_err_t err = key_normalize(vm, key, &key);
    obj = *o;
    v = *val;
    TEMP_RESET(vm);
    if (err) return err;
  }
  switch (value_type(vm, obj)) {
    case TC_OBJECT:
    case TC_CLOSURE:
    case TC_FUNCTION:
      return holder_set(vm, obj, key, v);
    case TC_ARRAY:
      if (value_is_int(key)) return array_set(vm, obj, (uint32_t)value_as_int(key), v);
      if (key_is(vm, key, ENGINE_STR(LENGTH))) {
#if MVM_SUPPORT_FLOAT
        double d = to_number(vm, v);
        if (!(d >= 0 && d <= (double)INT31_MAX && d == (double)(uint32_t)d)) {
#else
        num_t d = to_number(vm, v);  // NaN and non-integers lie outside 0 .. INT31_MAX
        if (!(d >= 0 && d <= INT31_MAX)) {
#endif
          return throw_error(vm, EK_RANGE_ERROR, "Invalid array length", 0, NULL);
        }
        TEMP_MARK(vm);
        mvm_value_t* a = temp_push(vm, obj);
        mvm_err_t err = array_resize(vm, a, (uint32_t)d);
        TEMP_RESET(vm);
        return err;
      }
      if (big_array_index(vm, key)) {  // JS would store it and grow length past 2^30
        return throw_error(vm, EK_RANGE_ERROR, "Invalid array length", 0, NULL);
      }
      return holder_set(vm, obj, key, v);  // a named property: not an index, no length change
    case TC_BYTES:
      return bytes_set(vm, obj, key, v);
    default:
      if (obj == value_from_builtin(BI_GLOBAL_THIS)) return lib_global_set(vm, key, v);
      // Other builtin values (Math, parseInt...) have no storage: refuse, loudly.
      if (value_is_builtin(obj)) {
        return throw_error(vm, EK_TYPE_ERROR, "Cannot assign to property '", key,
                           "' of a builtin (builtins are read-only)");
      }
      // Strict code (modules are) may not create a property on a primitive. Host functions and
      // promises have nowhere to keep one: refuse as loudly rather than lose the value.
      return throw_error(vm, EK_TYPE_ERROR, "Cannot create property '", key,
                         no_props_suffix(vm, obj));
  }
}

mvm_err_t prop_define(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key, mvm_value_t v) {
  return prop_define_ex(vm, obj, key, v, 0);
}

mvm_err_t prop_define_ex(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key, mvm_value_t v,
                         uint32_t flags) {
  uint32_t t = value_type(vm, obj);
  if (t != TC_OBJECT && t != TC_CLOSURE && t != TC_FUNCTION) return prop_set(vm, obj, key, v);
  TEMP_MARK(vm);
  mvm_value_t* o = temp_push(vm, obj);
  mvm_value_t* val = temp_push(vm, v);
  mvm_value_t* k = temp_push(vm, key);
  mvm_err_t err = key_normalize(vm, *k, k);
  if (!err && (flags & (DEFINE_GETTER | DEFINE_SETTER))) {
    // A getter and a setter of one key share a cell: complete the existing pair if any.
    mvm_value_t raw;
    uint32_t field_at = (flags & DEFINE_GETTER) ? 8 : 12;
    if (holder_get_raw(vm, *o, *k, &raw) && value_is_cell(vm, raw) &&
        (cell_flags(vm, raw) & PROP_CELL_ACCESSOR)) {
      set_field(vm, raw, field_at, *val);
      TEMP_RESET(vm);
      return MVM_E_OK;
    }
    uint32_t cf = PROP_CELL_ACCESSOR | ((flags & DEFINE_HIDDEN) ? PROP_CELL_HIDDEN : 0);
    err = cell_new(vm, cf, field_at == 8 ? *val : VAL_UNDEFINED,
                   field_at == 12 ? *val : VAL_UNDEFINED, val);
  } else if (!err && (flags & DEFINE_HIDDEN)) {
    err = cell_new(vm, PROP_CELL_HIDDEN, *val, VAL_UNDEFINED, val);
  }
  if (!err) err = holder_put(vm, *o, *k, *val);
  TEMP_RESET(vm);
  return err;
}

mvm_err_t object_set_proto(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t proto) {
  switch (value_type(vm, obj)) {
    case TC_OBJECT: {
      // Lookups walk chains without a bound, so a chain must end (the loader checks images).
      for (mvm_value_t p = proto; value_type(vm, p) == TC_OBJECT; p = object_proto(vm, p)) {
        if (p == obj) return throw_error(vm, EK_TYPE_ERROR, "Cyclic __proto__ value", 0, NULL);
      }
      // The snapshot format allows an OBJECT or null here; a function as a prototype is not
      // supported, and such a request leaves the prototype null.
      if (value_type(vm, proto) != TC_OBJECT) proto = VAL_NULL;
      if (object_proto(vm, obj) == proto) return MVM_E_OK;
      // An object whose properties are inline with no prototype word gets a PROPS first.
      if (!object_has_proto_word(heap_ptr(vm, obj))) {
        TEMP_MARK(vm);
        mvm_value_t* slots = temp_push(vm, obj);
        temp_push(vm, proto);
        mvm_value_t* ps = temp_push(vm, obj);  // the object is its own table
        mvm_err_t err = props_regrow(vm, ps, props_count_of(heap_ptr(vm, obj)));
        if (!err) err = holder_set_props(vm, &slots[0], ps);
        obj = slots[0];
        proto = slots[1];
        TEMP_RESET(vm);
        if (err) return err;
      }
      set_field(vm, obj, 4, proto);
      return MVM_E_OK;
    }
    case TC_FUNCTION:
    case TC_CLOSURE:  // class B extends A: B's static parent, read by function_get
      return prop_define_ex(vm, obj, ENGINE_STR(PROTO), proto, DEFINE_HIDDEN);
    default:
      return MVM_E_OK;
  }
}

#if VM_HAS_DELETE
mvm_err_t prop_delete(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key) {
  if (value_is_nullish(obj) || obj == VAL_HOLE) {
    return throw_error(vm, EK_TYPE_ERROR, "Cannot convert undefined or null to object", 0, NULL);
  }
  if (MVM_UNLIKELY(value_is_frozen(vm, obj))) {
    return throw_error(vm, EK_TYPE_ERROR, "Cannot delete property '", key, "' of a frozen object");
  }
  TEMP_MARK(vm);
  mvm_value_t* o = temp_push(vm, obj);
  mvm_err_t err = key_normalize(vm, key, &key);
  obj = *o;
  TEMP_RESET(vm);
  if (err) return err;
  switch (value_type(vm, obj)) {
    case TC_OBJECT:
    case TC_CLOSURE:
    case TC_FUNCTION:
      return holder_delete(vm, obj, key);
    case TC_ARRAY:
      if (value_is_int(key)) {
        if ((uint32_t)value_as_int(key) < array_length(vm, obj)) {
          set_field(vm, array_items(vm, obj), 4 + 4 * (uint32_t)value_as_int(key), VAL_HOLE);
        }
        return MVM_E_OK;
      }
      return holder_delete(vm, obj, key);
    default:
      if (obj == value_from_builtin(BI_GLOBAL_THIS)) return lib_global_delete(vm, key);
      return MVM_E_OK;
  }
}
#endif  // VM_HAS_DELETE

#if MVM_FULL_LANGUAGE
mvm_err_t prop_has(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key, bool* out) {
  if (!value_is_object(vm, obj)) {
    return throw_error(vm, EK_TYPE_ERROR, "Cannot use 'in' operator to search for '", key,
                       "' in a non-object");
  }
  TEMP_MARK(vm);
  mvm_value_t* o = temp_push(vm, obj);
  mvm_err_t err = key_normalize(vm, key, &key);
  obj = *o;
  TEMP_RESET(vm);
  if (err) return err;
  mvm_value_t v;
  *out = false;
  if (value_is_builtin(obj)) {
    err = builtin_get_prop(vm, value_builtin_index(obj), key, &v);
    *out = !err && v != VAL_UNDEFINED;
    return err;
  }
  switch (value_type(vm, obj)) {
    case TC_OBJECT:
      for (mvm_value_t o2 = obj; value_type(vm, o2) == TC_OBJECT; o2 = object_proto(vm, o2)) {
        if (holder_get_own(vm, o2, key, &v)) {
          *out = true;
          return MVM_E_OK;
        }
      }
      break;  // the library's methods are inherited properties too ('hasOwnProperty' in o)
    case TC_ARRAY:
      if (value_is_int(key)) {
        uint32_t i = (uint32_t)value_as_int(key);
        *out = i < array_length(vm, obj) && array_get(vm, obj, i) != VAL_HOLE;
        return MVM_E_OK;
      }
      if (key_is(vm, key, ENGINE_STR(LENGTH)) || key_is(vm, key, ENGINE_STR(PUSH)) ||
          holder_get_own(vm, obj, key, &v)) {
        *out = true;
        return MVM_E_OK;
      }
      break;
    case TC_FUNCTION:
    case TC_CLOSURE:
      *out = holder_get_own(vm, obj, key, &v) || key_is(vm, key, ENGINE_STR(NAME)) ||
             key_is(vm, key, ENGINE_STR(LENGTH)) ||
             (key_is(vm, key, ENGINE_STR(PROTOTYPE)) && function_is_constructor(vm, obj));
      if (*out) return MVM_E_OK;
      break;
    case TC_BYTES:
      *out = value_is_int(key) ? (uint32_t)value_as_int(key) < bytes_length(vm, obj)
                               : key_is(vm, key, ENGINE_STR(LENGTH));
      return MVM_E_OK;
    default:
      return MVM_E_OK;
  }
  if (value_is_int(key)) return MVM_E_OK;
  err = lib_value_method(vm, obj, key, &v);
  *out = !err && v != VAL_UNDEFINED;
  return err;
}
#endif  // MVM_FULL_LANGUAGE

// ---- instanceof ----

#if MVM_FULL_LANGUAGE
mvm_err_t instance_of(mvm_vm_t* vm, mvm_value_t v, mvm_value_t ctor, bool* out) {
  *out = false;
  if (!value_is_callable(vm, ctor)) {
    return throw_error(vm, EK_TYPE_ERROR, "Right-hand side of 'instanceof' is not callable", 0,
                       NULL);
  }
  if (ctor == value_from_builtin(BI_PROMISE)) {
    *out = value_type(vm, v) == TC_PROMISE;
    return MVM_E_OK;
  }
  if (value_is_builtin(ctor)) {  // the library's constructors know their instances by type
    uint32_t b = value_builtin_index(ctor), t = value_type(vm, v);
    if (b == BI_ARRAY || b == BI_UINT8ARRAY || b == BI_OBJECT) {
      *out = b == BI_ARRAY ? t == TC_ARRAY : b == BI_UINT8ARRAY ? t == TC_BYTES
                                                               : value_is_object(vm, v);
      return MVM_E_OK;
    }
  }
  if (value_type(vm, v) != TC_OBJECT) return MVM_E_OK;
  mvm_value_t target;
  if (value_is_builtin(ctor)) {
    uint32_t b = value_builtin_index(ctor);
    if (b < BI_ERROR || b > BI_SYNTAX_ERROR) return MVM_E_OK;
    TEMP_MARK(vm);
    mvm_value_t* vs = temp_push(vm, v);
    mvm_err_t err = error_prototype(vm, b - BI_ERROR, &target);
    v = *vs;
    TEMP_RESET(vm);
    if (err) return err;
  } else if (value_type(vm, ctor) == TC_HOSTFN) {
    return MVM_E_OK;
  } else {
    TEMP_MARK(vm);
    mvm_value_t* vs = temp_push(vm, v);
    mvm_err_t err = function_prototype(vm, ctor, &target);
    v = *vs;
    TEMP_RESET(vm);
    if (err) return err;
  }
  for (mvm_value_t p = object_proto(vm, v); value_type(vm, p) == TC_OBJECT; p = object_proto(vm, p)) {
    if (p == target) {
      *out = true;
      break;
    }
  }
  return MVM_E_OK;
}
#endif  // MVM_FULL_LANGUAGE

// ---- Own keys ----

// The array index a normalized key stands for, or -1. Keys are ints up to 2^30 - 1; JS
// indexes go on to 2^32 - 2, and those larger ones are canonical digit strings.
static num_int_t key_index(mvm_vm_t* vm, mvm_value_t k) {
  if (value_is_int(k)) return value_as_int(k);
  string_view_t sv = string_view(vm, k);
  if (sv.len != 10) return -1;  // past int31 (1073741824) and at most 4294967294: 10 digits
  num_int_t d = 0;
  for (uint32_t i = 0; i < sv.len; i++) {
    uint16_t u = view_unit(&sv, i);
    if (u < '0' || u > '9' || (i == 0 && u == '0')) return -1;
    d = d * 10 + (u - '0');
  }
#if MVM_SUPPORT_FLOAT
  return d <= 4294967294.0 ? d : -1;
#else
  return d <= 4294967294 ? d : -1;
#endif
}

// Appends holder *h's own keys (normalized: ints and strings) to the array *result, in JS
// order: array indexes ascending, then the other string keys in insertion order. hidden:
// include the non-enumerable ones. h and result are GC-visible slots. May GC.
static mvm_err_t holder_keys(mvm_vm_t* vm, const mvm_value_t* h, bool hidden,
                             mvm_value_t* result) {
  uint32_t first = array_length(vm, *result);
  mvm_err_t err = MVM_E_OK;
  // Two passes over the PROPS: indexes (insertion-sorted into place), then the others.
  for (int pass = 0; pass < 2 && !err; pass++) {
    for (uint32_t i = 0; !err; i++) {
      mvm_value_t props = holder_props(vm, *h);
      if (i >= props_count(vm, props)) break;
      mvm_value_t k = props_key(vm, props, i);
      num_int_t index = key_index(vm, k);
      if ((index >= 0) != (pass == 0)) continue;
      if (!hidden && !props_enumerable(vm, props, i)) continue;
      err = array_push(vm, result, k);
      if (err || pass == 1) continue;
      mvm_value_t items = field(vm, *result, 8);
      uint32_t j = array_length(vm, *result) - 1;
      while (j > first && key_index(vm, field(vm, items, 4 + 4 * (j - 1))) > index) {
        set_field(vm, items, 4 + 4 * j, field(vm, items, 4 + 4 * (j - 1)));
        j--;
      }
      set_field(vm, items, 4 + 4 * j, k);
    }
  }
  return err;
}

// Replaces the int keys of the array *result by their canonical strings. May GC.
static mvm_err_t keys_to_strings(mvm_vm_t* vm, mvm_value_t* result) {
  for (uint32_t i = 0; i < array_length(vm, *result); i++) {
    mvm_value_t k = array_get(vm, *result, i);
    if (!value_is_int(k)) continue;
    mvm_value_t s;
    mvm_err_t err = to_string(vm, k, &s);
    if (err) return err;
    set_field(vm, field(vm, *result, 8), 4 + 4 * i, s);
  }
  return MVM_E_OK;
}

// The indexes of an array's elements (not holes) or of a string's code units, as ints.
static mvm_err_t index_keys(mvm_vm_t* vm, const mvm_value_t* o, mvm_value_t* result) {
  bool is_array = value_type(vm, *o) == TC_ARRAY;
  uint32_t n = is_array ? array_length(vm, *o) : string_view(vm, *o).len;
  mvm_err_t err = array_new(vm, n, result);
  for (uint32_t i = 0; !err && i < n; i++) {
    if (is_array && (i >= array_length(vm, *o) || array_get(vm, *o, i) == VAL_HOLE)) continue;
    err = array_push(vm, result, value_from_int((int32_t)i));
  }
  return err;
}

mvm_err_t own_keys(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t* out_array) {
  TEMP_MARK(vm);
  mvm_value_t* o = temp_push(vm, obj);
  mvm_value_t* result = temp_push(vm, VAL_UNDEFINED);
  uint32_t type = value_type(vm, obj);
  mvm_err_t err;
  if (type == TC_ARRAY) {  // the element indexes, then the named properties
    err = index_keys(vm, o, result);
    if (!err) err = holder_keys(vm, o, false, result);
  } else if (type == TC_OBJECT || type == TC_CLOSURE || type == TC_FUNCTION) {
    err = array_new(vm, props_count(vm, holder_props(vm, obj)), result);
    if (!err) err = holder_keys(vm, o, false, result);
  } else {
    err = array_new(vm, 0, result);
  }
  if (!err) err = keys_to_strings(vm, result);
  *out_array = *result;
  TEMP_RESET(vm);
  return err;
}

#if MVM_FULL_LANGUAGE
// True when the array arr holds key (keys normalized: ints compare by identity).
static bool keys_contain(mvm_vm_t* vm, mvm_value_t arr, mvm_value_t key) {
  uint32_t n = array_length(vm, arr);
  for (uint32_t i = 0; i < n; i++) {
    mvm_value_t k = array_get(vm, arr, i);
    if (k == key || (!value_is_int(k) && !value_is_int(key) && string_equal(vm, k, key))) {
      return true;
    }
  }
  return false;
}
#endif

#if MVM_FULL_LANGUAGE
mvm_err_t for_in_keys(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t* out_array) {
  TEMP_MARK(vm);
  mvm_value_t* o = temp_push(vm, obj);
  mvm_value_t* result = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* seen = temp_push(vm, VAL_UNDEFINED);   // every key met, hidden ones too
  mvm_value_t* level = temp_push(vm, VAL_UNDEFINED);  // one prototype's keys
  uint32_t type = value_type(vm, obj);
  mvm_err_t err;
  if (type == TC_ARRAY || type == TC_STRING8 || type == TC_STRING16) {
    err = index_keys(vm, o, result);
    if (!err && type == TC_ARRAY) err = holder_keys(vm, o, false, result);
  } else if (type == TC_OBJECT) {
    // Own keys, then each prototype's keys that no object nearer the start already has
    // (a non-enumerable property shadows too).
    err = array_new(vm, 0, result);
    if (!err) err = array_new(vm, 0, seen);
    for (bool first = true; !err && value_type(vm, *o) == TC_OBJECT; first = false) {
      err = array_new(vm, 0, level);
      if (!err) err = holder_keys(vm, o, true, level);
      for (uint32_t i = 0; !err && i < array_length(vm, *level); i++) {
        mvm_value_t k = array_get(vm, *level, i);
        if (!first && keys_contain(vm, *seen, k)) continue;
        mvm_value_t props = holder_props(vm, *o);
        int32_t at = props_find(vm, props, k);
        bool enumerable = at >= 0 && props_enumerable(vm, props, (uint32_t)at);
        err = array_push(vm, seen, k);
        if (!err && enumerable) err = array_push(vm, result, array_get(vm, *level, i));
      }
      *o = object_proto(vm, *o);
    }
  } else if (type == TC_CLOSURE || type == TC_FUNCTION) {
    err = array_new(vm, 0, result);
    if (!err) err = holder_keys(vm, o, false, result);
  } else {
    err = array_new(vm, 0, result);  // primitives, null and undefined: nothing to visit
  }
  if (!err) err = keys_to_strings(vm, result);
  *out_array = *result;
  TEMP_RESET(vm);
  return err;
}
#endif  // MVM_FULL_LANGUAGE

#if MVM_FULL_LANGUAGE
mvm_err_t object_spread(mvm_vm_t* vm, mvm_value_t* slots) {
  if (value_is_nullish(slots[1])) return MVM_E_OK;  // {...null} copies nothing
  TEMP_MARK(vm);
  mvm_value_t* keys = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* v = temp_push(vm, VAL_UNDEFINED);
  uint32_t type = value_type(vm, slots[1]);
  mvm_err_t err;
  if (type == TC_STRING8 || type == TC_STRING16) {
    err = index_keys(vm, &slots[1], keys);
  } else {
    err = own_keys(vm, slots[1], keys);
  }
  for (uint32_t i = 0; !err && i < array_length(vm, *keys); i++) {
    err = prop_get(vm, slots[1], array_get(vm, *keys, i), v);
    if (!err) err = prop_define_ex(vm, slots[0], array_get(vm, *keys, i), *v, 0);
  }
  TEMP_RESET(vm);
  return err;
}
#endif  // MVM_FULL_LANGUAGE
