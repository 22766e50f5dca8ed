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

static uint32_t props_count(mvm_vm_t* vm, mvm_value_t props) {
  return value_is_ref(props) ? rd32(value_ptr(vm, props) + 4) : 0;
}
static uint32_t props_capacity(mvm_vm_t* vm, mvm_value_t props) {
  return value_is_ref(props) ? (alloc_size(value_ptr(vm, props)) - 8) / 8 : 0;
}
static mvm_value_t props_key(mvm_vm_t* vm, mvm_value_t props, uint32_t i) {
  return rd32(value_ptr(vm, props) + 8 + 8 * i);
}
static mvm_value_t props_value(mvm_vm_t* vm, mvm_value_t props, uint32_t i) {
  return rd32(value_ptr(vm, props) + 12 + 8 * i);
}

int32_t props_find(mvm_vm_t* vm, mvm_value_t props, mvm_value_t key) {
  uint32_t n = props_count(vm, props);
  if (n == 0) return -1;
  const uint8_t* p = value_ptr(vm, props) + 8;
  for (uint32_t i = 0; i < n; i++) {
    if (rd32(p + 8 * i) == key) return (int32_t)i;
  }
  if (value_is_int(key) || !value_is_string(vm, key)) return -1;
  for (uint32_t i = 0; i < n; i++) {
    mvm_value_t k = rd32(p + 8 * i);
    if (!value_is_int(k) && value_is_string(vm, k) && string_equal(vm, k, key)) {
      return (int32_t)i;
    }
  }
  return -1;
}

mvm_err_t props_put(mvm_vm_t* vm, mvm_value_t* props_slot, mvm_value_t key, mvm_value_t v) {
  int32_t i = props_find(vm, *props_slot, key);
  if (i >= 0) {
    set_field(vm, *props_slot, 12 + 8 * (uint32_t)i, v);
    return MVM_E_OK;
  }
  uint32_t n = props_count(vm, *props_slot);
  if (n == props_capacity(vm, *props_slot)) {
    TEMP_MARK(vm);
    mvm_value_t* k = temp_push(vm, key);
    mvm_value_t* val = temp_push(vm, v);
    uint32_t cap = n < 2 ? 4 : n * 2;
    uint64_t bytes = 8 + (uint64_t)cap * 8;
    uint32_t off = bytes < ALLOC_MAX_SIZE ? heap_alloc_values(vm, (uint32_t)bytes, TC_PROPS) : 0;
    key = *k;
    v = *val;
    TEMP_RESET(vm);
    if (off == 0) return MVM_E_OUT_OF_MEMORY;
    uint8_t* np = heap_ptr(vm, off);
    if (n) MVM_MEMCPY(np + 8, value_ptr(vm, *props_slot) + 8, 8 * n);
    wr32(np + 4, n);
    *props_slot = value_from_heap_offset(off);
  }
  uint8_t* p = heap_ptr(vm, *props_slot);
  wr32(p + 8 + 8 * n, key);
  wr32(p + 12 + 8 * n, v);
  wr32(p + 4, n + 1);
  return MVM_E_OK;
}

static void props_remove(mvm_vm_t* vm, mvm_value_t props, uint32_t i) {
  uint8_t* p = heap_ptr(vm, props);
  uint32_t n = rd32(p + 4);
  MVM_MEMMOVE(p + 8 + 8 * i, p + 8 + 8 * (i + 1), 8 * (n - i - 1));
  wr32(p + 8 + 8 * (n - 1), VAL_UNDEFINED);
  wr32(p + 12 + 8 * (n - 1), VAL_UNDEFINED);
  wr32(p + 4, n - 1);
}

// ---- Holders (objects, closures, ROM functions) ----

static mvm_value_t holder_props(mvm_vm_t* vm, mvm_value_t h) {
  switch (value_type(vm, h)) {
    case TC_OBJECT: return field(vm, h, 8);
    case TC_CLOSURE: return field(vm, h, 12);
    case TC_FUNCTION: {
      mvm_value_t table = root_get(vm, ROOT_FN_PROPS);
      int32_t i = props_find(vm, table, h);
      return i < 0 ? VAL_UNDEFINED : props_value(vm, table, (uint32_t)i);
    }
    default: return VAL_UNDEFINED;
  }
}

static bool holder_get_own(mvm_vm_t* vm, mvm_value_t h, mvm_value_t key, mvm_value_t* out) {
  mvm_value_t props = holder_props(vm, h);
  int32_t i = props_find(vm, props, key);
  if (i < 0) return false;
  *out = props_value(vm, props, (uint32_t)i);
  return true;
}

// Sets an own property of a holder; key normalized. May GC.
static mvm_err_t holder_put(mvm_vm_t* vm, mvm_value_t holder, mvm_value_t key, mvm_value_t v) {
  TEMP_MARK(vm);
  mvm_value_t* h = temp_push(vm, holder);
  mvm_value_t* ps = temp_push(vm, holder_props(vm, holder));
  mvm_value_t before = *ps;
  mvm_err_t err = props_put(vm, ps, key, v);
  if (!err && *ps != before) {
    switch (value_type(vm, *h)) {
      case TC_OBJECT: set_field(vm, *h, 8, *ps); break;
      case TC_CLOSURE: set_field(vm, *h, 12, *ps); break;
      default: {  // ROM function: record the new PROPS in the table
        mvm_value_t* table = temp_push(vm, root_get(vm, ROOT_FN_PROPS));
        err = props_put(vm, table, *h, *ps);
        if (!err) root_set(vm, ROOT_FN_PROPS, *table);
        break;
      }
    }
  }
  TEMP_RESET(vm);
  return err;
}

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

// ---- Functions ----

uint32_t function_rom(mvm_vm_t* vm, mvm_value_t f) {
  switch (value_type(vm, f)) {
    case TC_FUNCTION: return value_rom_offset(f);
    case TC_CLOSURE: return value_rom_offset(field(vm, f, 4));
    default: return 0;
  }
}

mvm_value_t function_name(mvm_vm_t* vm, mvm_value_t f) {
  uint32_t t = value_type(vm, f);
  if (t != TC_FUNCTION && t != TC_CLOSURE) return VAL_UNDEFINED;
  return rd32(vm->rom + function_rom(vm, f) + FN_NAME);
}

mvm_err_t function_prototype(mvm_vm_t* vm, mvm_value_t f, mvm_value_t* out) {
  mvm_value_t key = root_get(vm, ROOT_STR_PROTOTYPE);
  if (holder_get_own(vm, f, key, out)) return MVM_E_OK;
  TEMP_MARK(vm);
  mvm_value_t* fs = temp_push(vm, f);
  mvm_value_t* obj = temp_push(vm, VAL_UNDEFINED);
  mvm_err_t err = object_new(vm, VAL_NULL, obj);
  if (!err) err = holder_put(vm, *obj, root_get(vm, ROOT_STR_CONSTRUCTOR), *fs);
  if (!err) err = holder_put(vm, *fs, root_get(vm, ROOT_STR_PROTOTYPE), *obj);
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
  uint32_t off = heap_alloc(vm, 12, TC_ARRAY);
  if (off == 0) return TEMP_RESET(vm), MVM_E_OUT_OF_MEMORY;
  wr32(heap_ptr(vm, off) + 4, 0);
  wr32(heap_ptr(vm, off) + 8, *items);
  TEMP_RESET(vm);
  *out = value_from_heap_offset(off);
  return MVM_E_OK;
}

uint32_t array_length(mvm_vm_t* vm, mvm_value_t arr) { return rd32(value_ptr(vm, arr) + 4); }

mvm_value_t array_get(mvm_vm_t* vm, mvm_value_t arr, uint32_t i) {
  return field(vm, field(vm, arr, 8), 4 + 4 * i);
}

static uint32_t array_capacity(mvm_vm_t* vm, mvm_value_t arr) {
  mvm_value_t items = field(vm, arr, 8);
  return value_is_ref(items) ? (alloc_size(value_ptr(vm, items)) - 4) / 4 : 0;
}

// Makes room for new_len items (new slots are holes) and sets the length. May GC or throw.
static mvm_err_t array_resize(mvm_vm_t* vm, mvm_value_t* arr, uint32_t new_len) {
  uint32_t len = array_length(vm, *arr);
  uint32_t cap = array_capacity(vm, *arr);
  if (new_len > cap) {
    uint64_t want = (uint64_t)cap * 2;
    if (want < new_len) want = new_len;
    if (want < 4) want = 4;
    uint64_t bytes = 4 + want * 4;
    if (bytes > vm->heap_limit) {
      bytes = 4 + (uint64_t)new_len * 4;
      if (bytes > vm->heap_limit) {
        return throw_error(vm, EK_RANGE_ERROR, "Invalid array length", 0, NULL);
      }
      want = new_len;
    }
    uint32_t off = heap_alloc_values(vm, (uint32_t)bytes, TC_ITEMS);
    if (off == 0) return MVM_E_OUT_OF_MEMORY;
    mvm_value_t old = field(vm, *arr, 8);
    if (len) MVM_MEMCPY(heap_ptr(vm, off) + 4, value_ptr(vm, old) + 4, 4 * (size_t)len);
    set_field(vm, *arr, 8, value_from_heap_offset(off));
  }
  mvm_value_t items = field(vm, *arr, 8);
  for (uint32_t i = len; i < new_len; i++) set_field(vm, items, 4 + 4 * i, VAL_HOLE);
  for (uint32_t i = new_len; i < len; i++) set_field(vm, items, 4 + 4 * i, VAL_UNDEFINED);
  set_field(vm, *arr, 4, new_len);
  return MVM_E_OK;
}

static mvm_err_t array_set(mvm_vm_t* vm, mvm_value_t arr, uint32_t i, mvm_value_t v) {
  if (i < array_length(vm, arr)) {
    set_field(vm, field(vm, arr, 8), 4 + 4 * i, v);
    return MVM_E_OK;
  }
  TEMP_MARK(vm);
  mvm_value_t* a = temp_push(vm, arr);
  mvm_value_t* val = temp_push(vm, v);
  mvm_err_t err = array_resize(vm, a, i + 1);
  if (!err) set_field(vm, field(vm, *a, 8), 4 + 4 * i, *val);
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

static bool key_is(mvm_vm_t* vm, mvm_value_t key, uint32_t root_str) {
  return !value_is_int(key) && string_equal(vm, key, root_get(vm, root_str));
}

// ---- Get / set / delete / has ----

static mvm_err_t throw_nullish(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key,
                               const char* verb) {
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
      for (mvm_value_t o = obj; value_type(vm, o) == TC_OBJECT; o = field(vm, o, 4)) {
        if (holder_get_own(vm, o, key, out)) return MVM_E_OK;
      }
      return MVM_E_OK;
    }
    case TC_ARRAY:
      if (value_is_int(key)) {
        uint32_t i = (uint32_t)value_as_int(key);
        if (i < array_length(vm, obj)) {
          mvm_value_t v = array_get(vm, obj, i);
          *out = v == VAL_HOLE ? VAL_UNDEFINED : v;
        }
      } else if (key_is(vm, key, ROOT_STR_LENGTH)) {
        return number_make(vm, (double)array_length(vm, obj), out);
      } else if (key_is(vm, key, ROOT_STR_PUSH)) {
        *out = value_from_builtin(BI_ARRAY_PUSH);
      }
      return MVM_E_OK;
    case TC_STRING8:
    case TC_STRING16: {
      uint32_t len = string_view(vm, obj).len;
      if (value_is_int(key)) {
        uint32_t i = (uint32_t)value_as_int(key);
        if (i < len) return string_unit_at(vm, obj, i, out);
      } else if (key_is(vm, key, ROOT_STR_LENGTH)) {
        *out = value_from_int((int32_t)len);
      }
      return MVM_E_OK;
    }
    case TC_FUNCTION:
    case TC_CLOSURE:
      if (holder_get_own(vm, obj, key, out)) return MVM_E_OK;
      if (key_is(vm, key, ROOT_STR_PROTOTYPE)) return function_prototype(vm, obj, out);
      if (key_is(vm, key, ROOT_STR_NAME)) {
        mvm_value_t name = function_name(vm, obj);
        *out = value_is_string(vm, name) ? name : root_get(vm, ROOT_STR_EMPTY);
      } else if (key_is(vm, key, ROOT_STR_LENGTH)) {
        *out = value_from_int(vm->rom[function_rom(vm, obj) + FN_NPARAMS]);
      }
      return MVM_E_OK;
    default:
      return MVM_E_OK;
  }
}

mvm_err_t prop_set(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key, mvm_value_t v) {
  if (value_is_nullish(obj) || obj == VAL_HOLE) return throw_nullish(vm, obj, key, "set");
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
      return holder_put(vm, obj, key, v);
    case TC_ARRAY:
      if (value_is_int(key)) return array_set(vm, obj, (uint32_t)value_as_int(key), v);
      if (key_is(vm, key, ROOT_STR_LENGTH)) {
        double d = to_number(vm, v);
        if (!(d >= 0 && d <= (double)INT31_MAX && d == (double)(uint32_t)d)) {
          return throw_error(vm, EK_RANGE_ERROR, "Invalid array length", 0, NULL);
        }
        TEMP_MARK(vm);
        mvm_value_t* a = temp_push(vm, obj);
        mvm_err_t err = array_resize(vm, a, (uint32_t)d);
        TEMP_RESET(vm);
        return err;
      }
      return MVM_E_OK;  // arrays carry no named properties in this subset
    default:
      return MVM_E_OK;  // primitives, host and builtin functions: silently ignored
  }
}

mvm_err_t prop_define(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key, mvm_value_t v) {
  return prop_set(vm, obj, key, v);
}

mvm_err_t prop_delete(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key) {
  if (value_is_nullish(obj) || obj == VAL_HOLE) {
    return throw_error(vm, EK_TYPE_ERROR, "Cannot convert undefined or null to object", 0, NULL);
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
    case TC_FUNCTION: {
      mvm_value_t props = holder_props(vm, obj);
      int32_t i = props_find(vm, props, key);
      if (i >= 0) props_remove(vm, props, (uint32_t)i);
      return MVM_E_OK;
    }
    case TC_ARRAY:
      if (value_is_int(key) && (uint32_t)value_as_int(key) < array_length(vm, obj)) {
        set_field(vm, field(vm, obj, 8), 4 + 4 * (uint32_t)value_as_int(key), VAL_HOLE);
      }
      return MVM_E_OK;
    default:
      return MVM_E_OK;
  }
}

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
      for (mvm_value_t o2 = obj; value_type(vm, o2) == TC_OBJECT; o2 = field(vm, o2, 4)) {
        if (holder_get_own(vm, o2, key, &v)) {
          *out = true;
          break;
        }
      }
      return MVM_E_OK;
    case TC_ARRAY:
      if (value_is_int(key)) {
        uint32_t i = (uint32_t)value_as_int(key);
        *out = i < array_length(vm, obj) && array_get(vm, obj, i) != VAL_HOLE;
      } else {
        *out = key_is(vm, key, ROOT_STR_LENGTH);
      }
      return MVM_E_OK;
    case TC_FUNCTION:
    case TC_CLOSURE:
      *out = holder_get_own(vm, obj, key, &v) || key_is(vm, key, ROOT_STR_PROTOTYPE) ||
             key_is(vm, key, ROOT_STR_NAME);
      return MVM_E_OK;
    default:
      return MVM_E_OK;
  }
}

// ---- instanceof ----

mvm_err_t instance_of(mvm_vm_t* vm, mvm_value_t v, mvm_value_t ctor, bool* out) {
  *out = false;
  if (!value_is_callable(vm, ctor)) {
    return throw_error(vm, EK_TYPE_ERROR, "Right-hand side of 'instanceof' is not callable", 0,
                       NULL);
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
  for (mvm_value_t p = field(vm, v, 4); value_type(vm, p) == TC_OBJECT; p = field(vm, p, 4)) {
    if (p == target) {
      *out = true;
      break;
    }
  }
  return MVM_E_OK;
}

// ---- Own keys ----

mvm_err_t own_keys(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t* out_array) {
  TEMP_MARK(vm);
  mvm_value_t* o = temp_push(vm, obj);
  mvm_value_t* result = temp_push(vm, VAL_UNDEFINED);
  uint32_t type = value_type(vm, obj);
  mvm_err_t err;
  if (type == TC_ARRAY) {
    err = array_new(vm, array_length(vm, obj), result);
    for (uint32_t i = 0; !err && i < array_length(vm, *o); i++) {
      if (array_get(vm, *o, i) == VAL_HOLE) continue;
      err = array_push(vm, result, value_from_int((int32_t)i));
    }
  } else if (type == TC_OBJECT || type == TC_CLOSURE || type == TC_FUNCTION) {
    uint32_t n = props_count(vm, holder_props(vm, obj));
    err = array_new(vm, n, result);
    // Integer keys first, ascending (insertion sort on the result), then strings in order.
    for (uint32_t i = 0; !err && i < n; i++) {
      mvm_value_t props = holder_props(vm, *o);
      if (i >= props_count(vm, props)) break;
      mvm_value_t k = props_key(vm, props, i);
      if (!value_is_int(k)) continue;
      err = array_push(vm, result, k);
      if (err) break;
      mvm_value_t items = field(vm, *result, 8);
      uint32_t j = array_length(vm, *result) - 1;
      while (j > 0 && value_as_int(field(vm, items, 4 + 4 * (j - 1))) > value_as_int(k)) {
        set_field(vm, items, 4 + 4 * j, field(vm, items, 4 + 4 * (j - 1)));
        j--;
      }
      set_field(vm, items, 4 + 4 * j, k);
    }
    for (uint32_t i = 0; !err && i < n; i++) {
      mvm_value_t props = holder_props(vm, *o);
      if (i >= props_count(vm, props)) break;
      mvm_value_t k = props_key(vm, props, i);
      if (value_is_int(k)) continue;
      err = array_push(vm, result, k);
    }
  } else {
    err = array_new(vm, 0, result);
  }
  // Integer keys become their canonical strings.
  for (uint32_t i = 0; !err && i < array_length(vm, *result); i++) {
    mvm_value_t k = array_get(vm, *result, i);
    if (!value_is_int(k)) continue;
    mvm_value_t s;
    err = to_string(vm, k, &s);
    if (!err) set_field(vm, field(vm, *result, 8), 4 + 4 * i, s);
  }
  *out_array = *result;
  TEMP_RESET(vm);
  return err;
}
