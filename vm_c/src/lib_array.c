/* lib_array.c: Array (as a function and constructor), Array.isArray/from/of, and the methods of
 * arrays.
 *
 * Methods work on ARRAY values only (`this` must be an array: they are not generic over
 * array-likes). Callbacks (map, filter, sort's comparator...) are JS calls made re-entrantly
 * through vm_call; anything may happen during one (GC, the array growing or shrinking), so
 * after each call every pointer is re-derived from GC-visible slots and the loop re-checks the
 * array's current length, which is also what JS specifies (visited indexes are read live).
 *
 * sort is a stable bottom-up merge sort over a copy (values in a scratch ITEMS), written back
 * when done, as the spec's SortIndexedProperties does: undefined sorts last and holes after it.
 * The default order compares ToString of the elements, converted once.
 */
#include "lib.h"

#if MVM_LIB_ARRAY  // the family is optional (mvm_port_default.h)

static mvm_err_t this_array(mvm_vm_t* vm, mvm_value_t* args) {
  if (value_type(vm, THIS) == TC_ARRAY) return MVM_E_OK;
  return lib_type_error(vm, "Array.prototype method called on a value that is not an array");
}

static void item_set(mvm_vm_t* vm, mvm_value_t arr, uint32_t i, mvm_value_t v) {
  set_field(vm, array_items(vm, arr), 4 + 4 * i, v);
}

// Sets the length (truncating, or extending with holes). May GC.
static mvm_err_t set_length(mvm_vm_t* vm, mvm_value_t arr, uint32_t len) {
  return prop_set(vm, arr, ENGINE_STR(LENGTH), value_from_int((int32_t)len));
}

// A new array of len holes in *slot. May GC.
static mvm_err_t new_holes(mvm_vm_t* vm, uint32_t len, mvm_value_t* slot) {
  mvm_err_t err = array_new(vm, len, slot);
  return err || len == 0 ? err : set_length(vm, *slot, len);
}

static mvm_err_t check_callable(mvm_vm_t* vm, mvm_value_t f) {
  if (value_is_callable(vm, f)) return MVM_E_OK;
  return throw_error(vm, EK_TYPE_ERROR, "", f, " is not a function");
}

// ---- Array, Array.isArray, Array.of, Array.from ----

LIB_FN(array_call) {  // Array(...) and new Array(...)
  LIB_UNUSED;
  mvm_value_t* r;
  mvm_err_t err = lib_reserve(vm, 1, &r);
  if (err) return err;
  if (argc == 1 && value_is_number(vm, args[0])) {
    num_int_t d = number_value(vm, args[0]);
    if (!(d >= 0 && d <= (num_int_t)INT31_MAX && d == (num_int_t)(uint32_t)d)) {
      err = lib_range_error(vm, "Invalid array length");
    } else {
      err = new_holes(vm, (uint32_t)d, &r[0]);
    }
  } else {
    err = array_new(vm, argc, &r[0]);
    for (uint8_t i = 0; !err && i < argc; i++) err = array_push(vm, &r[0], args[i]);
  }
  if (!err) *out = r[0];
  lib_release(vm, r);
  return err;
}

LIB_FN(array_is_array) {
  LIB_UNUSED;
  *out = value_from_bool(value_type(vm, ARG(0)) == TC_ARRAY);
  return MVM_E_OK;
}

LIB_FN(array_of) {  // unlike Array(n), one number argument is an element
  LIB_UNUSED;
  mvm_value_t* r = NULL;
  mvm_err_t err = lib_reserve(vm, 1, &r);
  if (!err) err = array_new(vm, argc, &r[0]);
  for (uint8_t i = 0; !err && i < argc; i++) err = array_push(vm, &r[0], args[i]);
  if (!err) *out = r[0];
  if (r) lib_release(vm, r);
  return err;
}

// Array.from(source, mapFn?): arrays (holes read as undefined), strings (by code point, as the
// string iterator does), Uint8Arrays, and objects with a length (array-likes).
LIB_FN(array_from) {
  LIB_UNUSED;
  mvm_value_t* r;  // [0] result, [1] element, [2] length key / scratch
  mvm_err_t err = lib_reserve(vm, 3, &r);
  if (err) return err;
  mvm_value_t map = ARG(1);
  if (map != VAL_UNDEFINED) err = check_callable(vm, map);
  if (!err) err = array_new(vm, 0, &r[0]);
  mvm_value_t src = ARG(0);
  bool is_string = value_is_string(vm, src);
  uint32_t len = 0;
  if (err) {
  } else if (value_type(vm, src) == TC_ARRAY) {
    len = array_length(vm, src);
  } else if (is_string) {
    len = string_view(vm, src).len;
  } else if (value_type(vm, src) == TC_BYTES) {
    len = bytes_length(vm, src);
  } else if (value_type(vm, src) == TC_OBJECT) {
    err = prop_get(vm, src, ENGINE_STR(LENGTH), &r[2]);
    num_int_t d = err ? 0 : lib_to_integer(vm, r[2]);
    len = d <= 0 ? 0 : d > (num_int_t)INT31_MAX ? (uint32_t)INT31_MAX : (uint32_t)d;
  }
  uint32_t n = 0;
  for (uint32_t i = 0; !err && i < len; i++, n++) {
    if (is_string) {  // one code point: a surrogate pair stays together
      string_view_t sv = string_view(vm, ARG(0));
      uint32_t end = i + 1;
      uint16_t c = view_unit(&sv, i);
      if (c >= 0xD800 && c <= 0xDBFF && end < sv.len && view_unit(&sv, end) >= 0xDC00 &&
          view_unit(&sv, end) <= 0xDFFF) {
        end++;
      }
      err = lib_substring(vm, &args[0], i, end, &r[1]);
      i = end - 1;
    } else {
      err = prop_get(vm, ARG(0), value_from_int((int32_t)i), &r[1]);
    }
    if (!err && map != VAL_UNDEFINED) {
      mvm_value_t argv[2] = {r[1], value_from_int((int32_t)n)};
      err = lib_call_js(vm, ARG(1), VAL_UNDEFINED, argv, 2, &r[1]);
    }
    if (!err) err = array_push(vm, &r[0], r[1]);
  }
  if (!err) *out = r[0];
  lib_release(vm, r);
  return err;
}

// ---- Stack and queue ----

LIB_FN(array_pop) {
  LIB_UNUSED;
  mvm_err_t err = this_array(vm, args);
  if (!err) err = lib_check_writable(vm, THIS);
  if (err) return err;
  uint32_t len = array_length(vm, THIS);
  if (len == 0) return MVM_E_OK;
  mvm_value_t v = array_get(vm, THIS, len - 1);
  err = set_length(vm, THIS, len - 1);
  if (!err) *out = v == VAL_HOLE ? VAL_UNDEFINED : v;
  return err;
}

LIB_FN(array_shift) {
  LIB_UNUSED;
  mvm_err_t err = this_array(vm, args);
  if (!err) err = lib_check_writable(vm, THIS);
  if (err) return err;
  uint32_t len = array_length(vm, THIS);
  if (len == 0) return MVM_E_OK;
  mvm_value_t v = array_get(vm, THIS, 0);
  LIB_CHARGE_VISITS(vm, len);
  uint8_t* items = heap_ptr(vm, array_items(vm, THIS));
  MVM_MEMMOVE(items + 4, items + 8, 4 * (size_t)(len - 1));
  err = set_length(vm, THIS, len - 1);
  if (!err) *out = v == VAL_HOLE ? VAL_UNDEFINED : v;
  return err;
}

// Opens a gap of n slots at index at (moving the tail right). May GC.
static mvm_err_t open_gap(mvm_vm_t* vm, mvm_value_t* arr, uint32_t at, uint32_t n) {
  uint32_t len = array_length(vm, *arr);
  if ((uint64_t)len + n > (uint64_t)INT31_MAX) return lib_range_error(vm, "Invalid array length");
  mvm_err_t err = set_length(vm, *arr, len + n);
  if (err || n == 0) return err;
  LIB_CHARGE_VISITS(vm, len - at);
  uint8_t* items = heap_ptr(vm, array_items(vm, *arr));
  MVM_MEMMOVE(items + 4 + 4 * ((size_t)at + n), items + 4 + 4 * (size_t)at,
              4 * (size_t)(len - at));
  return MVM_E_OK;
}

// Removes n slots at index at (moving the tail left).
static mvm_err_t close_gap(mvm_vm_t* vm, mvm_value_t arr, uint32_t at, uint32_t n) {
  uint32_t len = array_length(vm, arr);
  if (n == 0) return MVM_E_OK;
  LIB_CHARGE_VISITS(vm, len - at);
  uint8_t* items = heap_ptr(vm, array_items(vm, arr));
  MVM_MEMMOVE(items + 4 + 4 * (size_t)at, items + 4 + 4 * ((size_t)at + n),
              4 * (size_t)(len - at - n));
  return set_length(vm, arr, len - n);
}

LIB_FN(array_unshift) {
  LIB_UNUSED;
  mvm_err_t err = this_array(vm, args);
  if (!err) err = lib_check_writable(vm, THIS);
  if (!err) err = open_gap(vm, &THIS, 0, argc);
  for (uint8_t i = 0; !err && i < argc; i++) item_set(vm, THIS, i, args[i]);
  if (!err) *out = value_from_int((int32_t)array_length(vm, THIS));
  return err;
}

LIB_FN(array_splice) {
  LIB_UNUSED;
  mvm_value_t* r;
  mvm_err_t err = this_array(vm, args);
  if (!err) err = lib_check_writable(vm, THIS);
  if (!err) err = lib_reserve(vm, 1, &r);
  if (err) return err;
  uint32_t len = array_length(vm, THIS);
  uint32_t start = lib_relative(vm, ARG(0), len, 0);
  uint32_t del;
  if (argc == 0) {
    del = 0;
  } else if (argc == 1) {
    del = len - start;
  } else {
    num_int_t d = lib_to_integer(vm, args[1]);
    del = d < 0 ? 0 : d > (num_int_t)(len - start) ? len - start : (uint32_t)d;
  }
  uint32_t add = argc > 2 ? (uint32_t)argc - 2 : 0;
  err = array_new(vm, del, &r[0]);
  if (!err && del) {
    MVM_MEMCPY(heap_ptr(vm, array_items(vm, r[0])) + 4,
               heap_ptr(vm, array_items(vm, THIS)) + 4 + 4 * (size_t)start, 4 * (size_t)del);
    set_field(vm, r[0], 4, del);
  }
  if (!err && add > del) err = open_gap(vm, &THIS, start + del, add - del);
  if (!err && add < del) err = close_gap(vm, THIS, start + add, del - add);
  for (uint32_t i = 0; !err && i < add; i++) item_set(vm, THIS, start + i, args[2 + i]);
  if (!err) *out = r[0];
  lib_release(vm, r);
  return err;
}

// ---- Copies ----

LIB_FN(array_slice) {
  LIB_UNUSED;
  mvm_value_t* r;
  mvm_err_t err = this_array(vm, args);
  if (!err) err = lib_reserve(vm, 1, &r);
  if (err) return err;
  uint32_t len = array_length(vm, THIS);
  uint32_t start = lib_relative(vm, ARG(0), len, 0), end = lib_relative(vm, ARG(1), len, len);
  uint32_t n = end > start ? end - start : 0;
  err = array_new(vm, n, &r[0]);
  if (!err && n) {
    MVM_MEMCPY(heap_ptr(vm, array_items(vm, r[0])) + 4,
               heap_ptr(vm, array_items(vm, THIS)) + 4 + 4 * (size_t)start, 4 * (size_t)n);
    set_field(vm, r[0], 4, n);
  }
  if (!err) *out = r[0];
  lib_release(vm, r);
  return err;
}

// Appends the elements of array src (holes kept) to *dst. May GC.
static mvm_err_t append_all(mvm_vm_t* vm, mvm_value_t* dst, const mvm_value_t* src) {
  uint32_t at = array_length(vm, *dst), n = array_length(vm, *src);
  mvm_err_t err = open_gap(vm, dst, at, n);
  if (!err && n) {
    MVM_MEMCPY(heap_ptr(vm, array_items(vm, *dst)) + 4 + 4 * (size_t)at,
               value_ptr(vm, array_items(vm, *src)) + 4, 4 * (size_t)n);
  }
  return err;
}

LIB_FN(array_concat) {
  LIB_UNUSED;
  mvm_value_t* r;
  mvm_err_t err = this_array(vm, args);
  if (!err) err = lib_reserve(vm, 1, &r);
  if (err) return err;
  err = array_new(vm, array_length(vm, THIS), &r[0]);
  if (!err) err = append_all(vm, &r[0], &THIS);
  for (uint8_t i = 0; !err && i < argc; i++) {
    if (value_type(vm, args[i]) == TC_ARRAY) err = append_all(vm, &r[0], &args[i]);
    else err = array_push(vm, &r[0], args[i]);
  }
  if (!err) *out = r[0];
  lib_release(vm, r);
  return err;
}

LIB_FN(array_join) {
  LIB_UNUSED;
  mvm_err_t err = this_array(vm, args);
  if (err) return err;
  if (ARG(0) == VAL_UNDEFINED) return to_string(vm, THIS, out);  // "," joins (cycle-safe)
  mvm_value_t* r;  // [0] separator, [1] builder, [2] element string
  err = lib_reserve(vm, 3, &r);
  if (err) return err;
  err = to_string(vm, ARG(0), &r[0]);
  lib_sb_t sb;
  if (!err) err = sb_init(vm, &sb, &r[1], 16);
  for (uint32_t i = 0; !err && i < array_length(vm, THIS); i++) {
    if (i) err = sb_string(vm, &sb, &r[0]);
    mvm_value_t e = array_get(vm, THIS, i);
    if (err || value_is_nullish(e) || e == VAL_HOLE) continue;
    err = to_string(vm, e, &r[2]);
    if (!err) err = sb_string(vm, &sb, &r[2]);
  }
  if (!err) err = sb_finish(vm, &sb, out);
  lib_release(vm, r);
  return err;
}

// ---- Searching ----

// SameValueZero: strict equality, except that NaN equals NaN.
static bool same_value_zero(mvm_vm_t* vm, mvm_value_t a, mvm_value_t b) {
  if (strict_equals(vm, a, b)) return true;
  if (!value_is_number(vm, a) || !value_is_number(vm, b)) return false;
#if MVM_SUPPORT_FLOAT
  double x = number_value(vm, a), y = number_value(vm, b);
  return x != x && y != y;
#else
  return false;  // numbers are int32s: none is NaN (strict_equals compared the boxes' values)
#endif
}

LIB_FN(array_index_of) {
  LIB_UNUSED;
  mvm_err_t err = this_array(vm, args);
  if (err) return err;
  uint32_t len = array_length(vm, THIS);
  int32_t found = -1;
  uint32_t from = lib_relative(vm, ARG(1), len, 0), i = from;
  for (; i < len; i++) {
    mvm_value_t e = array_get(vm, THIS, i);
    if (e != VAL_HOLE && strict_equals(vm, e, ARG(0))) {
      found = (int32_t)i;
      break;
    }
  }
  LIB_CHARGE_VISITS(vm, i - from);
  *out = value_from_int(found);
  return MVM_E_OK;
}

LIB_FN(array_last_index_of) {
  LIB_UNUSED;
  mvm_err_t err = this_array(vm, args);
  if (err) return err;
  uint32_t len = array_length(vm, THIS);
  int64_t from = (int64_t)len - 1;
  if (argc > 1) {
    num_int_t d = lib_to_integer(vm, args[1]);
    if (d < 0) d += len;
    from = d < (num_int_t)from ? (int64_t)(d < -1 ? -1 : d) : from;
  }
  int32_t found = -1;
  for (int64_t i = from; i >= 0; i--) {
    mvm_value_t e = array_get(vm, THIS, (uint32_t)i);
    if (e != VAL_HOLE && strict_equals(vm, e, ARG(0))) {
      found = (int32_t)i;
      break;
    }
  }
  LIB_CHARGE_VISITS(vm, from - found);
  *out = value_from_int(found);
  return MVM_E_OK;
}

LIB_FN(array_includes) {
  LIB_UNUSED;
  mvm_err_t err = this_array(vm, args);
  if (err) return err;
  uint32_t len = array_length(vm, THIS);
  bool found = false;
  uint32_t from = lib_relative(vm, ARG(1), len, 0), i = from;
  for (; i < len && !found; i++) {
    mvm_value_t e = array_get(vm, THIS, i);
    found = same_value_zero(vm, e == VAL_HOLE ? VAL_UNDEFINED : e, ARG(0));
  }
  LIB_CHARGE_VISITS(vm, i - from);
  *out = value_from_bool(found);
  return MVM_E_OK;
}

LIB_FN(array_at) {
  LIB_UNUSED;
  mvm_err_t err = this_array(vm, args);
  if (err) return err;
  uint32_t len = array_length(vm, THIS);
  num_int_t d = lib_to_integer(vm, ARG(0));
  if (d < 0) d += len;
  if (d >= 0 && d < (num_int_t)len) {
    mvm_value_t e = array_get(vm, THIS, (uint32_t)d);
    *out = e == VAL_HOLE ? VAL_UNDEFINED : e;
  }
  return MVM_E_OK;
}

// ---- In place ----

LIB_FN(array_reverse) {
  LIB_UNUSED;
  mvm_err_t err = this_array(vm, args);
  if (!err) err = lib_check_writable(vm, THIS);
  if (err) return err;
  uint32_t len = array_length(vm, THIS);
  LIB_CHARGE_VISITS(vm, len);
  for (uint32_t i = 0, j = len ? len - 1 : 0; i < j; i++, j--) {
    mvm_value_t a = array_get(vm, THIS, i), b = array_get(vm, THIS, j);
    item_set(vm, THIS, i, b);
    item_set(vm, THIS, j, a);
  }
  *out = THIS;
  return MVM_E_OK;
}

LIB_FN(array_fill) {
  LIB_UNUSED;
  mvm_err_t err = this_array(vm, args);
  if (!err) err = lib_check_writable(vm, THIS);
  if (err) return err;
  uint32_t len = array_length(vm, THIS);
  uint32_t start = lib_relative(vm, ARG(1), len, 0), end = lib_relative(vm, ARG(2), len, len);
  if (end > start) LIB_CHARGE_VISITS(vm, end - start);
  for (uint32_t i = start; i < end; i++) item_set(vm, THIS, i, ARG(0));
  *out = THIS;
  return MVM_E_OK;
}

// ---- Iteration with callbacks ----

enum { IT_FOR_EACH, IT_MAP, IT_FILTER, IT_SOME, IT_EVERY, IT_FIND, IT_FIND_INDEX, IT_FIND_LAST,
       IT_FIND_LAST_INDEX };

// The shared loop of forEach, map, filter, some, every and the find family.
static mvm_err_t iterate(mvm_vm_t* vm, mvm_value_t* args, uint8_t argc, int kind,
                         mvm_value_t* out) {
  mvm_value_t* r;  // [0] result array, [1] element, [2] callback result
  mvm_err_t err = this_array(vm, args);
  if (!err) err = check_callable(vm, ARG(0));
  if (!err) err = lib_reserve(vm, 3, &r);
  if (err) return err;
  uint32_t len = array_length(vm, THIS);
  bool find = kind >= IT_FIND, backwards = kind == IT_FIND_LAST || kind == IT_FIND_LAST_INDEX;
  if (kind == IT_MAP) err = new_holes(vm, len, &r[0]);
  if (kind == IT_FILTER) err = array_new(vm, 0, &r[0]);
  *out = kind == IT_SOME ? VAL_FALSE : kind == IT_EVERY ? VAL_TRUE
         : kind == IT_FIND_INDEX || kind == IT_FIND_LAST_INDEX ? value_from_int(-1)
                                                                : VAL_UNDEFINED;
  for (uint32_t k = 0; !err && k < len; k++) {
    uint32_t i = backwards ? len - 1 - k : k;
    mvm_value_t e = i < array_length(vm, THIS) ? array_get(vm, THIS, i) : VAL_HOLE;
    if (e == VAL_HOLE) {
      if (!find) continue;  // the find family visits holes (as undefined); the others skip
      e = VAL_UNDEFINED;
    }
    r[1] = e;
    mvm_value_t argv[3] = {e, value_from_int((int32_t)i), THIS};
    err = lib_call_js(vm, ARG(0), ARG(1), argv, 3, &r[2]);
    if (err) break;
    bool truthy = to_boolean(vm, r[2]);
    if (kind == IT_MAP) {
      if (i < array_length(vm, r[0])) item_set(vm, r[0], i, r[2]);
    } else if (kind == IT_FILTER) {
      if (truthy) err = array_push(vm, &r[0], r[1]);
    } else if (kind == IT_SOME && truthy) {
      *out = VAL_TRUE;
      break;
    } else if (kind == IT_EVERY && !truthy) {
      *out = VAL_FALSE;
      break;
    } else if (find && truthy) {
      *out = kind == IT_FIND || kind == IT_FIND_LAST ? r[1] : value_from_int((int32_t)i);
      break;
    }
  }
  if (!err && (kind == IT_MAP || kind == IT_FILTER)) *out = r[0];
  lib_release(vm, r);
  return err;
}

LIB_FN(array_for_each) {
  LIB_UNUSED;
  return iterate(vm, args, argc, IT_FOR_EACH, out);
}
LIB_FN(array_map) {
  LIB_UNUSED;
  return iterate(vm, args, argc, IT_MAP, out);
}
LIB_FN(array_filter) {
  LIB_UNUSED;
  return iterate(vm, args, argc, IT_FILTER, out);
}
LIB_FN(array_some) {
  LIB_UNUSED;
  return iterate(vm, args, argc, IT_SOME, out);
}
LIB_FN(array_every) {
  LIB_UNUSED;
  return iterate(vm, args, argc, IT_EVERY, out);
}
LIB_FN(array_find) {
  LIB_UNUSED;
  return iterate(vm, args, argc, IT_FIND, out);
}
LIB_FN(array_find_index) {
  LIB_UNUSED;
  return iterate(vm, args, argc, IT_FIND_INDEX, out);
}
LIB_FN(array_find_last) {
  LIB_UNUSED;
  return iterate(vm, args, argc, IT_FIND_LAST, out);
}
LIB_FN(array_find_last_index) {
  LIB_UNUSED;
  return iterate(vm, args, argc, IT_FIND_LAST_INDEX, out);
}

static mvm_err_t reduce(mvm_vm_t* vm, mvm_value_t* args, uint8_t argc, bool right,
                        mvm_value_t* out) {
  mvm_value_t* r;  // [0] accumulator
  mvm_err_t err = this_array(vm, args);
  if (!err) err = check_callable(vm, ARG(0));
  if (!err) err = lib_reserve(vm, 1, &r);
  if (err) return err;
  uint32_t len = array_length(vm, THIS);
  uint32_t k = 0;
  if (argc >= 2) {
    r[0] = args[1];
  } else {
    for (; k < len; k++) {  // the first present element starts the accumulation
      mvm_value_t e = array_get(vm, THIS, right ? len - 1 - k : k);
      if (e != VAL_HOLE) {
        r[0] = e;
        break;
      }
    }
    if (k == len) {
      lib_release(vm, r);
      return lib_type_error(vm, "Reduce of empty array with no initial value");
    }
    k++;
  }
  for (; !err && k < len; k++) {
    uint32_t i = right ? len - 1 - k : k;
    mvm_value_t e = i < array_length(vm, THIS) ? array_get(vm, THIS, i) : VAL_HOLE;
    if (e == VAL_HOLE) continue;
    mvm_value_t argv[4] = {r[0], e, value_from_int((int32_t)i), THIS};
    err = lib_call_js(vm, ARG(0), VAL_UNDEFINED, argv, 4, &r[0]);
  }
  if (!err) *out = r[0];
  lib_release(vm, r);
  return err;
}

LIB_FN(array_reduce) {
  LIB_UNUSED;
  return reduce(vm, args, argc, false, out);
}

LIB_FN(array_reduce_right) {
  LIB_UNUSED;
  return reduce(vm, args, argc, true, out);
}

// ---- flat / flatMap ----

// Appends the elements of *src to *dst, flattening nested arrays depth levels. May GC.
static mvm_err_t flatten(mvm_vm_t* vm, mvm_value_t* dst, mvm_value_t* src, num_int_t depth) {
  mvm_value_t* r;
  mvm_err_t err = lib_reserve(vm, 1, &r);
  if (err) return err;
  for (uint32_t i = 0; !err && i < array_length(vm, *src); i++) {
    r[0] = array_get(vm, *src, i);
    if (r[0] == VAL_HOLE) continue;
    if (depth >= 1 && value_type(vm, r[0]) == TC_ARRAY) {
      err = flatten(vm, dst, &r[0], depth - 1);
    } else {
      err = array_push(vm, dst, r[0]);
    }
  }
  lib_release(vm, r);
  return err;
}

LIB_FN(array_flat) {
  LIB_UNUSED;
  mvm_value_t* r;
  mvm_err_t err = this_array(vm, args);
  if (!err) err = lib_reserve(vm, 1, &r);
  if (err) return err;
  num_int_t depth = ARG(0) == VAL_UNDEFINED ? 1 : lib_to_integer(vm, ARG(0));
  if (depth > 64) depth = 64;  // bounds the C recursion; deeper nesting stays nested
  err = array_new(vm, 0, &r[0]);
  if (!err) err = flatten(vm, &r[0], &THIS, depth);
  if (!err) *out = r[0];
  lib_release(vm, r);
  return err;
}

LIB_FN(array_flat_map) {
  LIB_UNUSED;
  mvm_value_t* r;  // [0] result, [1] mapped
  mvm_err_t err = this_array(vm, args);
  if (!err) err = check_callable(vm, ARG(0));
  if (!err) err = lib_reserve(vm, 2, &r);
  if (err) return err;
  err = array_new(vm, 0, &r[0]);
  for (uint32_t i = 0; !err && i < array_length(vm, THIS); i++) {
    mvm_value_t e = array_get(vm, THIS, i);
    if (e == VAL_HOLE) continue;
    mvm_value_t argv[3] = {e, value_from_int((int32_t)i), THIS};
    err = lib_call_js(vm, ARG(0), ARG(1), argv, 3, &r[1]);
    if (!err) {
      err = value_type(vm, r[1]) == TC_ARRAY ? flatten(vm, &r[0], &r[1], 0)
                                             : array_push(vm, &r[0], r[1]);
    }
  }
  if (!err) *out = r[0];
  lib_release(vm, r);
  return err;
}

// ---- sort ----

// Slots used by sort: [0] values, [1] merge target, [2] keys, [3] key target, [4] scratch.
enum { S_VALS, S_AUX, S_KEYS, S_KEYS_AUX, S_SCRATCH, S__COUNT };

static mvm_value_t slot_item(mvm_vm_t* vm, mvm_value_t items, uint32_t i) {
  return field(vm, items, 4 + 4 * i);
}

// True when b must come before a (strictly): the comparator returned > 0, or b's key is
// smaller. Ties keep the order, which makes the merge sort stable.
static mvm_err_t sort_before(mvm_vm_t* vm, mvm_value_t* args, mvm_value_t* r, bool keyed,
                             uint32_t ia, uint32_t ib, bool* out) {
  if (keyed) {
    *out = string_compare(vm, slot_item(vm, r[S_KEYS], ib), slot_item(vm, r[S_KEYS], ia)) < 0;
    return MVM_E_OK;
  }
  mvm_value_t argv[2] = {slot_item(vm, r[S_VALS], ia), slot_item(vm, r[S_VALS], ib)};
  mvm_err_t err = lib_call_js(vm, args[0], VAL_UNDEFINED, argv, 2, &r[S_SCRATCH]);
  if (err) return err;
  num_int_t d = to_number(vm, r[S_SCRATCH]);
  *out = d > 0;
  return MVM_E_OK;
}

// One bottom-up merge pass of runs of width from the values (and keys) into the targets.
static mvm_err_t merge_pass(mvm_vm_t* vm, mvm_value_t* args, mvm_value_t* r, bool keyed,
                            uint32_t n, uint32_t width) {
  LIB_CHARGE_VISITS(vm, n);
  for (uint32_t lo = 0; lo < n; lo += 2 * width) {
    uint32_t mid = lo + width < n ? lo + width : n;
    uint32_t hi = mid + width < n ? mid + width : n;
    uint32_t i = lo, j = mid, k = lo;
    bool sorted = true;  // runs already in order need no merging: one comparison
    if (mid < hi) {
      mvm_err_t err = sort_before(vm, args, r, keyed, mid - 1, mid, &sorted);
      if (err) return err;
      sorted = !sorted;
    }
    while (k < hi) {
      bool right = false;
      if (i >= mid) {
        right = true;
      } else if (j < hi && !sorted) {
        mvm_err_t err = sort_before(vm, args, r, keyed, i, j, &right);
        if (err) return err;
      }
      uint32_t from = right ? j++ : i++;
      set_field(vm, r[S_AUX], 4 + 4 * k, slot_item(vm, r[S_VALS], from));
      if (keyed) set_field(vm, r[S_KEYS_AUX], 4 + 4 * k, slot_item(vm, r[S_KEYS], from));
      k++;
    }
  }
  mvm_value_t t = r[S_VALS];
  r[S_VALS] = r[S_AUX];
  r[S_AUX] = t;
  t = r[S_KEYS];
  r[S_KEYS] = r[S_KEYS_AUX];
  r[S_KEYS_AUX] = t;
  return MVM_E_OK;
}

static mvm_err_t new_items(mvm_vm_t* vm, uint32_t n, mvm_value_t* slot) {
  uint64_t bytes = 4 + 4 * (uint64_t)(n ? n : 1);
  if (bytes >= ALLOC_MAX_SIZE) return MVM_E_OUT_OF_MEMORY;
  uint32_t off = heap_alloc_values(vm, (uint32_t)bytes, TC_ITEMS);
  if (off == 0) return MVM_E_OUT_OF_MEMORY;
  *slot = value_from_heap_offset(off);
  return MVM_E_OK;
}

LIB_FN(array_sort) {
  LIB_UNUSED;
  mvm_value_t* r;
  mvm_err_t err = this_array(vm, args);
  if (!err) err = lib_check_writable(vm, THIS);
  if (err) return err;
  bool keyed = ARG(0) == VAL_UNDEFINED;
  if (!keyed && !value_is_callable(vm, ARG(0))) {
    return lib_type_error(vm, "The comparison function must be either a function or undefined");
  }
  err = lib_reserve(vm, S__COUNT, &r);
  if (err) return err;
  uint32_t len = array_length(vm, THIS);
  uint32_t n = 0, undefs = 0;
  for (uint32_t i = 0; i < len; i++) {
    mvm_value_t e = array_get(vm, THIS, i);
    if (e == VAL_UNDEFINED) undefs++;
    else if (e != VAL_HOLE) n++;
  }
  err = new_items(vm, n, &r[S_VALS]);
  if (!err) err = new_items(vm, n, &r[S_AUX]);
  if (!err && keyed) err = new_items(vm, n, &r[S_KEYS]);
  if (!err && keyed) err = new_items(vm, n, &r[S_KEYS_AUX]);
  for (uint32_t i = 0, k = 0; !err && i < len; i++) {
    mvm_value_t e = array_get(vm, THIS, i);
    if (e != VAL_UNDEFINED && e != VAL_HOLE) set_field(vm, r[S_VALS], 4 + 4 * k++, e);
  }
  for (uint32_t k = 0; !err && keyed && k < n; k++) {  // default order: ToString once each
    err = to_string(vm, slot_item(vm, r[S_VALS], k), &r[S_SCRATCH]);
    if (!err) set_field(vm, r[S_KEYS], 4 + 4 * k, r[S_SCRATCH]);
  }
  for (uint32_t width = 1; !err && width < n; width *= 2) {
    err = merge_pass(vm, args, r, keyed, n, width);
  }
  // Write back: sorted values, then undefined, then holes (the comparator may have resized the
  // array meanwhile; it gets its original length back).
  if (!err && array_length(vm, THIS) != len) err = set_length(vm, THIS, len);
  for (uint32_t i = 0; !err && i < len; i++) {
    item_set(vm, THIS, i,
             i < n ? slot_item(vm, r[S_VALS], i) : i < n + undefs ? VAL_UNDEFINED : VAL_HOLE);
  }
  if (!err) *out = THIS;
  lib_release(vm, r);
  return err;
}

#endif  // MVM_LIB_ARRAY
