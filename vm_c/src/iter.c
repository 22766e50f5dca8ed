/* iter.c: the iteration behind for-of, spread and array patterns.
 *
 * The subset has no Symbol, hence no iterator protocol: the iterable values are the built-in
 * ones, each walked by an index that the compiled code keeps in a local between steps:
 *   - arrays: by element index, reading the length at every step (elements pushed during the
 *     loop are visited, as in JS); holes read as undefined;
 *   - strings: by UTF-16 index, one code point per step (a surrogate pair is one step);
 *   - Uint8Arrays: by element index.
 * Anything else throws TypeError "... is not iterable".
 *
 * The state lives in GC-visible slots (stack or temp roots) because reading a string's code
 * point allocates.
 */
#include "internal.h"

// for-of, destructuring and spread (MVM_FULL_LANGUAGE), and Promise.all and friends (MVM_ASYNC).
#if MVM_FULL_LANGUAGE || MVM_ASYNC

static bool is_high_surrogate(uint16_t u) { return u >= 0xD800 && u <= 0xDBFF; }
static bool is_low_surrogate(uint16_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

static mvm_err_t not_iterable(mvm_vm_t* vm, mvm_value_t v) {
  mvm_value_t what = value_is_nullish(v) ? v : typeof_string(vm, v);
  return throw_error(vm, EK_TYPE_ERROR, "", what, " is not iterable");
}

// The code point of string s at unit index i, as a new string; *next gets the index after it.
static mvm_err_t string_code_point(mvm_vm_t* vm, mvm_value_t s, uint32_t i, uint32_t* next,
                                   mvm_value_t* out) {
  string_view_t sv = string_view(vm, s);
  uint16_t units[2] = {view_unit(&sv, i), 0};
  if (is_high_surrogate(units[0]) && i + 1 < sv.len && is_low_surrogate(view_unit(&sv, i + 1))) {
    units[1] = view_unit(&sv, i + 1);
    *next = i + 2;
    return string_from_units(vm, units, 2, out);
  }
  *next = i + 1;
  return string_unit_at(vm, s, i, out);
}

mvm_err_t iter_next(mvm_vm_t* vm, mvm_value_t* slots) {
  mvm_value_t it = slots[0];
  uint32_t i = value_is_int(slots[1]) ? (uint32_t)value_as_int(slots[1]) : UINT32_MAX;
  uint32_t next = i + 1;
  mvm_value_t v = VAL_UNDEFINED;
  bool done;
  switch (value_type(vm, it)) {
    case TC_ARRAY:
      done = i >= array_length(vm, it);
      if (!done) v = array_get(vm, it, i);
      if (v == VAL_HOLE) v = VAL_UNDEFINED;
      break;
    case TC_STRING8:
    case TC_STRING16: {
      done = i >= string_view(vm, it).len;
      if (!done) {
        mvm_err_t err = string_code_point(vm, it, i, &next, &v);
        if (err) return err;
      }
      break;
    }
    case TC_BYTES: {
      done = i >= bytes_length(vm, it);
      if (!done) {
        mvm_err_t err = bytes_get(vm, it, value_from_int((int32_t)i), &v);
        if (err) return err;
      }
      break;
    }
    default:
      return not_iterable(vm, it);
  }
  slots[0] = v;
  if (!done) slots[1] = value_from_int((int32_t)next);
  slots[2] = value_from_bool(done);
  return MVM_E_OK;
}

// Appends the values of the iterable *it from index `from` on to the array *arr.
static mvm_err_t iter_collect(mvm_vm_t* vm, mvm_value_t* arr, const mvm_value_t* it,
                              mvm_value_t from) {
  TEMP_MARK(vm);
  // Three consecutive temp slots: iter_next's value / index / done.
  mvm_value_t* step = temp_push(vm, *it);
  temp_push(vm, from);
  temp_push(vm, VAL_UNDEFINED);
  mvm_err_t err = MVM_E_OK;
  while (!err) {
    step[0] = *it;
    err = iter_next(vm, step);
    if (err || step[2] == VAL_TRUE) break;
    err = array_push(vm, arr, step[0]);
  }
  TEMP_RESET(vm);
  return err;
}

mvm_err_t iter_rest(mvm_vm_t* vm, mvm_value_t* slots) {
  TEMP_MARK(vm);
  mvm_value_t* arr = temp_push(vm, VAL_UNDEFINED);
  mvm_err_t err = array_new(vm, 0, arr);
  if (!err) err = iter_collect(vm, arr, &slots[0], slots[1]);
  if (!err) slots[0] = *arr;
  TEMP_RESET(vm);
  return err;
}

mvm_err_t iter_append_all(mvm_vm_t* vm, mvm_value_t* slots) {
  if (value_type(vm, slots[0]) != TC_ARRAY) {
    return throw_error(vm, EK_TYPE_ERROR, "spread: not an array", 0, NULL);
  }
  return iter_collect(vm, &slots[0], &slots[1], value_from_int(0));
}

mvm_err_t array_from_slots(mvm_vm_t* vm, const mvm_value_t* src, uint32_t n, mvm_value_t* out) {
  mvm_err_t err = array_new(vm, n, out);
  if (err || n == 0) return err;
  uint8_t* items = heap_ptr(vm, field(vm, *out, 8));
  for (uint32_t i = 0; i < n; i++) wr32(items + 4 + 4 * i, src[i]);
  set_field(vm, *out, 4, n);
  return MVM_E_OK;
}

#endif  // MVM_FULL_LANGUAGE || MVM_ASYNC
