/* lib_object.c: Object (as a function and constructor), Object.keys/values/entries/assign/
 * freeze/isFrozen/fromEntries/create/getPrototypeOf, hasOwnProperty, and the default toString.
 *
 * Frozen objects: Object.freeze sets the FROZEN bit of the allocation header (value.h), which
 * costs no space and survives collection and snapshots because headers are copied verbatim.
 * Every write path checks it (prop_set, prop_delete, the interpreter's array fast path, push
 * and the array methods here); modules are strict code, so a write to a frozen object throws
 * TypeError. A ROM function (a function that captures nothing) cannot be frozen: the ROM is
 * read-only; Object.freeze leaves it as it is.
 */
#include "lib.h"

mvm_err_t lib_check_writable(mvm_vm_t* vm, mvm_value_t v) {
  if (!value_is_frozen(vm, v)) return MVM_E_OK;
  return lib_type_error(vm, "Cannot modify a frozen object");
}

// The rest is the optional family (mvm_port_default.h); lib_check_writable is core.
#if MVM_LIB_OBJECT

// ---- The default toString (Object.prototype.toString and friends) ----

/* Computed here without ToPrimitive, so that a ToPrimitive that looks up toString and valueOf
 * (and finds these builtins) always ends: valueOf returns the object, toString a string. */
LIB_FN(to_string) {
  LIB_UNUSED;
  mvm_value_t v = THIS;
  if (!value_is_object(vm, v) || value_is_builtin(v)) return to_string(vm, v, out);
  uint32_t t = value_type(vm, v);
  if (t == TC_BYTES) return bytes_to_string(vm, v, out);
  if (t == TC_ARRAY) {
    mvm_value_t* r;  // [0] builder, [1] element string
    mvm_err_t err = lib_reserve(vm, 2, &r);
    if (err) return err;
    lib_sb_t sb;
    err = sb_init(vm, &sb, &r[0], 16);
    for (uint32_t i = 0; !err && i < array_length(vm, THIS); i++) {
      if (i) err = sb_unit(vm, &sb, ',');
      mvm_value_t e = array_get(vm, THIS, i);
      if (err || value_is_nullish(e) || e == VAL_HOLE) continue;
      err = to_string(vm, e, &r[1]);
      if (!err) err = sb_string(vm, &sb, &r[1]);
    }
    if (!err) err = sb_finish(vm, &sb, out);
    lib_release(vm, r);
    return err;
  }
  if (t == TC_OBJECT && error_kind_of(vm, v) >= 0) {  // Error.prototype.toString
    mvm_value_t* r;  // [0] name, [1] message, [2] ": "
    mvm_err_t err = lib_reserve(vm, 3, &r);
    if (err) return err;
    err = prop_get(vm, THIS, ENGINE_STR(NAME), &r[0]);
    if (!err && r[0] == VAL_UNDEFINED) err = string_new_ascii(vm, "Error", 5, &r[0]);
    if (!err) err = to_string(vm, r[0], &r[0]);
    if (!err) err = prop_get(vm, THIS, ENGINE_STR(MESSAGE), &r[1]);
    if (!err && r[1] == VAL_UNDEFINED) r[1] = ENGINE_STR(EMPTY);
    if (!err) err = to_string(vm, r[1], &r[1]);
    if (!err) {
      if (string_view(vm, r[1]).len == 0) {
        *out = r[0];
      } else if (string_view(vm, r[0]).len == 0) {
        *out = r[1];
      } else {
        err = string_new_ascii(vm, ": ", 2, &r[2]);
        mvm_value_t* parts[3] = {&r[0], &r[2], &r[1]};
        if (!err) err = string_concat(vm, parts, 3, out);
      }
    }
    lib_release(vm, r);
    return err;
  }
  if (t == TC_OBJECT) {
    *out = ENGINE_STR(OBJECT_OBJECT);
    return MVM_E_OK;
  }
  return to_string(vm, v, out);  // functions: their source placeholder
}

LIB_FN(value_of) {
  LIB_UNUSED;
  *out = THIS;
  return MVM_E_OK;
}

// ---- Object(x), Object.create, Object.getPrototypeOf ----

LIB_FN(object_call) {
  LIB_UNUSED;
  mvm_value_t v = ARG(0);
  if (value_is_nullish(v)) return object_new(vm, VAL_NULL, out);
  if (value_is_object(vm, v)) {
    *out = v;
    return MVM_E_OK;
  }
  return lib_type_error(vm, "Object(primitive): wrapper objects are not supported");
}

LIB_FN(object_create) {
  LIB_UNUSED;
  mvm_value_t proto = ARG(0);
  if (proto != VAL_NULL && value_type(vm, proto) != TC_OBJECT) {
    return lib_type_error(vm, "Object prototype may only be an Object or null");
  }
  if (ARG(1) != VAL_UNDEFINED) {
    return lib_type_error(vm, "Object.create: property descriptors are not supported");
  }
  return object_new(vm, proto, out);
}

LIB_FN(object_get_prototype_of) {
  LIB_UNUSED;
  mvm_value_t v = ARG(0);
  if (value_is_nullish(v)) return lib_type_error(vm, "Cannot convert undefined or null to object");
  *out = value_type(vm, v) == TC_OBJECT ? object_proto(vm, v) : VAL_NULL;
  return MVM_E_OK;
}

// ---- Keys ----

// Own enumerable string keys of v (in JS order) into *slot: objects and functions through
// own_keys, plus the indexes of arrays, strings and Uint8Arrays. TypeError for null/undefined.
static mvm_err_t keys_of(mvm_vm_t* vm, mvm_value_t* v, mvm_value_t* slot) {
  if (value_is_nullish(*v) || *v == VAL_HOLE) {
    return lib_type_error(vm, "Cannot convert undefined or null to object");
  }
  uint32_t t = value_type(vm, *v);
  if (t == TC_STRING8 || t == TC_STRING16 || t == TC_BYTES) {
    uint32_t n = t == TC_BYTES ? bytes_length(vm, *v) : string_view(vm, *v).len;
    mvm_err_t err = array_new(vm, n, slot);
    for (uint32_t i = 0; !err && i < n; i++) {
      mvm_value_t k;
      err = to_string(vm, value_from_int((int32_t)i), &k);
      if (!err) err = array_push(vm, slot, k);
    }
    return err;
  }
  if (*v == value_from_builtin(BI_GLOBAL_THIS) && root_get(vm, ROOT_GLOBAL_THIS) != VAL_UNDEFINED) {
    return own_keys(vm, root_get(vm, ROOT_GLOBAL_THIS), slot);  // the properties the program added
  }
  if (!value_is_object(vm, *v) || value_is_builtin(*v)) return array_new(vm, 0, slot);
  return own_keys(vm, *v, slot);
}

LIB_FN(object_keys) {
  LIB_UNUSED;
  mvm_value_t* r;
  mvm_err_t err = lib_reserve(vm, 1, &r);
  if (err) return err;
  r[0] = VAL_UNDEFINED;
  err = keys_of(vm, argc ? &args[0] : &r[0], &r[0]);
  if (!err) *out = r[0];
  lib_release(vm, r);
  return err;
}

// Object.values (entries false) and Object.entries (entries true).
static mvm_err_t values_or_entries(mvm_vm_t* vm, mvm_value_t* args, uint8_t argc, bool entries,
                                   mvm_value_t* out) {
  mvm_value_t* r;  // [0] keys, [1] result, [2] value, [3] pair
  mvm_err_t err = lib_reserve(vm, 4, &r);
  if (err) return err;
  err = keys_of(vm, argc ? &args[0] : &r[0], &r[0]);
  if (!err) err = array_new(vm, array_length(vm, r[0]), &r[1]);
  for (uint32_t i = 0; !err && i < array_length(vm, r[0]); i++) {
    err = prop_get(vm, args[0], array_get(vm, r[0], i), &r[2]);
    if (!err && entries) {
      err = array_new(vm, 2, &r[3]);
      if (!err) err = array_push(vm, &r[3], array_get(vm, r[0], i));
      if (!err) err = array_push(vm, &r[3], r[2]);
      if (!err) r[2] = r[3];
    }
    if (!err) err = array_push(vm, &r[1], r[2]);
  }
  if (!err) *out = r[1];
  lib_release(vm, r);
  return err;
}

LIB_FN(object_values) {
  LIB_UNUSED;
  return values_or_entries(vm, args, argc, false, out);
}

LIB_FN(object_entries) {
  LIB_UNUSED;
  return values_or_entries(vm, args, argc, true, out);
}

LIB_FN(object_assign) {
  LIB_UNUSED;
  mvm_value_t target = ARG(0);
  if (value_is_nullish(target)) return lib_type_error(vm, "Cannot convert undefined or null to object");
  if (!value_is_object(vm, target)) {
    return lib_type_error(vm, "Object.assign: wrapper objects are not supported");
  }
  mvm_value_t* r;  // [0] keys, [1] value
  mvm_err_t err = lib_reserve(vm, 2, &r);
  if (err) return err;
  for (uint8_t s = 1; !err && s < argc; s++) {
    if (value_is_nullish(args[s])) continue;
    err = keys_of(vm, &args[s], &r[0]);
    for (uint32_t i = 0; !err && i < array_length(vm, r[0]); i++) {
      err = prop_get(vm, args[s], array_get(vm, r[0], i), &r[1]);
      if (!err) err = prop_set(vm, args[0], array_get(vm, r[0], i), r[1]);
    }
  }
  if (!err) *out = args[0];
  lib_release(vm, r);
  return err;
}

LIB_FN(object_from_entries) {
  LIB_UNUSED;
  mvm_value_t src = ARG(0);
  if (value_type(vm, src) != TC_ARRAY) {
    return lib_type_error(vm, "Object.fromEntries: the argument must be an array of pairs");
  }
  mvm_value_t* r;  // [0] result, [1] entry
  mvm_err_t err = lib_reserve(vm, 2, &r);
  if (err) return err;
  err = object_new(vm, VAL_NULL, &r[0]);
  for (uint32_t i = 0; !err && i < array_length(vm, args[0]); i++) {
    r[1] = array_get(vm, args[0], i);
    if (!value_is_object(vm, r[1])) {
      err = lib_type_error(vm, "Iterator value is not an entry object");
      break;
    }
    mvm_value_t k = VAL_UNDEFINED, v = VAL_UNDEFINED;
    if (value_type(vm, r[1]) == TC_ARRAY) {
      uint32_t n = array_length(vm, r[1]);
      if (n > 0) k = array_get(vm, r[1], 0);
      if (n > 1) v = array_get(vm, r[1], 1);
      if (k == VAL_HOLE) k = VAL_UNDEFINED;
      if (v == VAL_HOLE) v = VAL_UNDEFINED;
    }
    err = prop_set(vm, r[0], k, v);
  }
  if (!err) *out = r[0];
  lib_release(vm, r);
  return err;
}

// ---- freeze ----

LIB_FN(object_freeze) {
  LIB_UNUSED;
  mvm_value_t v = ARG(0);
  *out = v;
  uint32_t t = value_type(vm, v);
  if (t == TC_BYTES && bytes_length(vm, v) > 0) {
    return lib_type_error(vm, "Cannot freeze array buffer views with elements");
  }
  if (value_is_heap(v) && (t == TC_OBJECT || t == TC_ARRAY || t == TC_CLOSURE || t == TC_BYTES)) {
    uint8_t* p = heap_ptr(vm, v);
    wr32(p, rd32(p) | HEADER_FROZEN);
  }
  return MVM_E_OK;
}

LIB_FN(object_is_frozen) {
  LIB_UNUSED;
  mvm_value_t v = ARG(0);
  *out = value_from_bool(!value_is_object(vm, v) || value_is_frozen(vm, v));
  return MVM_E_OK;
}

// ---- hasOwnProperty ----

LIB_FN(object_has_own_property) {
  LIB_UNUSED;
  mvm_value_t* r;
  mvm_err_t err = lib_reserve(vm, 1, &r);
  if (err) return err;
  err = key_normalize(vm, ARG(0), &r[0]);
  bool has = false;
  if (!err) {
    mvm_value_t o = THIS, k = r[0], v;
    switch (value_type(vm, o)) {
      case TC_OBJECT: case TC_CLOSURE: case TC_FUNCTION:
        has = object_get_own(vm, o, k, &v);
        break;
      case TC_ARRAY:
        has = value_is_int(k) ? (uint32_t)value_as_int(k) < array_length(vm, o) &&
                                    array_get(vm, o, (uint32_t)value_as_int(k)) != VAL_HOLE
                              : string_equal(vm, k, ENGINE_STR(LENGTH)) ||
                                    object_get_own(vm, o, k, &v);  // a.label, a[-1]
        break;
      case TC_BYTES: case TC_STRING8: case TC_STRING16: {
        uint32_t n = value_type(vm, o) == TC_BYTES ? bytes_length(vm, o) : string_view(vm, o).len;
        has = value_is_int(k) ? (uint32_t)value_as_int(k) < n
                              : string_equal(vm, k, ENGINE_STR(LENGTH));
        break;
      }
      default:
        if (value_is_nullish(o)) err = lib_type_error(vm, "Cannot convert undefined or null to object");
        break;
    }
  }
  *out = value_from_bool(has);
  lib_release(vm, r);
  return err;
}

// f.call(thisArg, ...args): THIS is the function. The call nests like any library callback.
LIB_FN(function_call) {
  LIB_UNUSED;
  if (!value_is_callable(vm, THIS)) return lib_type_error(vm, "value is not a function");
  return lib_call_js(vm, THIS, ARG(0), args + 1, argc ? (uint8_t)(argc - 1) : 0, out);
}

// f.apply(thisArg, array): the array's elements (holes read as undefined) become the
// arguments; undefined or null means none. Arguments live in stack slots, so at most 255.
LIB_FN(function_apply) {
  LIB_UNUSED;
  if (!value_is_callable(vm, THIS)) return lib_type_error(vm, "value is not a function");
  mvm_value_t list = ARG(1);
  if (value_is_nullish(list)) return lib_call_js(vm, THIS, ARG(0), args, 0, out);
  if (value_type(vm, list) != TC_ARRAY) {
    return lib_type_error(vm, "CreateListFromArrayLike called on non-array");
  }
  uint32_t n = array_length(vm, list);
  if (n > 255) return lib_range_error(vm, "too many arguments (at most 255)");
  mvm_value_t* slots;
  mvm_err_t err = lib_reserve(vm, n, &slots);
  if (err) return err;
  list = ARG(1);  // (reserving does not allocate, but re-read stack slots by habit)
  for (uint32_t i = 0; i < n; i++) {
    mvm_value_t v = array_get(vm, list, i);
    slots[i] = v == VAL_HOLE ? VAL_UNDEFINED : v;
  }
  err = lib_call_js(vm, THIS, ARG(0), slots, (uint8_t)n, out);
  lib_release(vm, slots);
  return err;
}

#endif  // MVM_LIB_OBJECT
