/* lib.c: the builtins library's dispatch (LIB_LIST -> functions and properties) and the helpers
 * every family file shares: stack-slot roots, calling JS from C, argument conversions,
 * substrings and the string builder. See lib.h for the conventions.
 */
#include "lib.h"

// ---- Tables built from LIB_LIST ----

typedef struct lib_prop {
  uint8_t holder;
  uint8_t len;       // strlen(name)
  uint16_t builtin;
  const char* name;
} lib_prop_t;

typedef struct lib_const {
  uint8_t holder;
  uint8_t len;
  const char* name;
#if MVM_SUPPORT_FLOAT
  double value;
#endif
} lib_const_t;

static const lib_prop_t lib_props[] = {
#define LIB(builtin, holder, name, arity, fn) {LH_##holder, sizeof(name) - 1, BI_##builtin, name},
    LIB_LIST
#undef LIB
#define LIB_ALIAS(holder, name, builtin) {LH_##holder, sizeof(name) - 1, BI_##builtin, name},
    LIB_ALIASES
#undef LIB_ALIAS
};

#if MVM_LIB_MATH || MVM_LIB_NUMBER  // (no empty initializers in C99)
static const lib_const_t lib_consts[] = {
#if MVM_SUPPORT_FLOAT
#define LIB_CONST(holder, name, value) {LH_##holder, sizeof(name) - 1, name, value},
#else  // none is an int32 (Math.PI, Number.MAX_SAFE_INTEGER...): reading one throws
#define LIB_CONST(holder, name, value) {LH_##holder, sizeof(name) - 1, name},
#endif
    LIB_CONSTS
#undef LIB_CONST
};
#endif

typedef mvm_err_t (*lib_fn_t)(LIB_PARAMS);

#if LIB_ANY
// Designated initializers: the table is indexed by builtin number, holes are NULL.
static const lib_fn_t lib_fns[BI__COUNT] = {
#define LIB(builtin, holder, name, arity, fn) [BI_##builtin] = lib_##fn,
    LIB_LIST
#undef LIB
};

static const uint8_t lib_arity[BI__COUNT] = {
#define LIB(builtin, holder, name, arity, fn) [BI_##builtin] = arity,
    LIB_LIST
#undef LIB
};

// A builtin's name is its first entry in lib_props (LIB_LIST before the aliases): no table of
// its own, names are needed only for f.name and f.toString().
static const char* lib_name_of(uint32_t index) {
  if (!lib_fns[index]) return NULL;
  for (size_t i = 0; i < sizeof lib_props / sizeof lib_props[0]; i++) {
    if (lib_props[i].builtin == index) return lib_props[i].name;
  }
  return NULL;
}
#define LIB_FN_OF(i) lib_fns[i]
#define LIB_ARITY_OF(i) lib_arity[i]
#define LIB_NAME_OF(i) lib_name_of(i)
#else  // no family compiled in: no tables (they would be all holes)
#define LIB_FN_OF(i) ((void)(i), (lib_fn_t)0)
#define LIB_ARITY_OF(i) ((void)(i), 0)
#define LIB_NAME_OF(i) ((void)(i), (const char*)0)
#endif


#if !MVM_ALL_FAMILIES
bool lib_builtin_present(uint32_t index) {
  switch (index) {
    case BI_MATH: return MVM_LIB_MATH;
    case BI_JSON: return MVM_LIB_JSON;
    case BI_NUMBER: case BI_STRING: case BI_BOOLEAN: case BI_IS_NAN: case BI_IS_FINITE:
    case BI_PARSE_INT: case BI_PARSE_FLOAT:
      return MVM_LIB_NUMBER;
    case BI_ARRAY: return MVM_LIB_ARRAY;
    case BI_OBJECT: return MVM_LIB_OBJECT;
    case BI_UINT8ARRAY: return MVM_LIB_BYTES;
    case BI_PROMISE: return MVM_ASYNC;
    default: return true;  // the core's (vmImport, Error...), globalThis, methods
  }
}
#endif

bool lib_is_namespace(uint32_t index) {
  return index == BI_MATH || index == BI_JSON || index == BI_GLOBAL_THIS;
}

bool lib_is_constructor(uint32_t index) {
  return index == BI_ARRAY || index == BI_OBJECT || index == BI_UINT8ARRAY;
}

const char* lib_name(uint32_t index) { return index < BI__COUNT ? LIB_NAME_OF(index) : NULL; }

mvm_err_t lib_call(mvm_vm_t* vm, uint32_t index, mvm_value_t* args, uint8_t argc, bool construct,
                   mvm_value_t* out) {
  lib_fn_t fn = index < BI__COUNT ? LIB_FN_OF(index) : NULL;
  *out = VAL_UNDEFINED;
#if MVM_LIB_MATH && MVM_LIB_NUMBER && MVM_LIB_STRING && MVM_LIB_ARRAY && MVM_LIB_OBJECT && \
    MVM_LIB_JSON && MVM_LIB_BYTES
  if (!fn) return lib_type_error(vm, "value is not a function");
#else  // most likely a family compiled out (mvm_port_default.h): say so
  if (!fn) return lib_type_error(vm, "builtin not compiled into this VM (MVM_LIB_* option)");
#endif
  if (construct && !lib_is_constructor(index)) {
    return lib_type_error(vm, "value is not a constructor");
  }
  if (index >= BI_MATH_ABS && index <= BI_MATH_TRUNC) {
    // Math converts its arguments with ToNumber, which runs a JS valueOf/toString: done here,
    // in argument order, since the Math functions themselves cannot re-enter. The argument
    // slots belong to this call (stack slots, GC-visible) and take the primitives.
    for (uint8_t i = 0; i < argc; i++) {
      if (!value_is_object(vm, args[i])) continue;
      mvm_value_t prim;
      mvm_err_t err = to_primitive(vm, args[i], &prim);
      if (err) return err;
      args[i] = prim;
    }
  }
  return fn(vm, args, argc, construct, out);
}

// ---- Property lookup ----

// True when key (a normalized key) is the ASCII name of length len.
static bool key_matches(mvm_vm_t* vm, mvm_value_t key, const char* name, uint32_t len) {
  string_view_t sv = string_view(vm, key);
  return sv.len == len && !sv.wide && rd_equal(sv.data, (const uint8_t*)name, len);
}

static mvm_err_t holder_lookup(mvm_vm_t* vm, uint32_t holder, mvm_value_t key, mvm_value_t* out) {
  *out = VAL_UNDEFINED;
  if (value_is_int(key) || !value_is_string(vm, key)) return MVM_E_OK;
  uint32_t len = string_view(vm, key).len;
  for (size_t i = 0; i < sizeof lib_props / sizeof lib_props[0]; i++) {
    const lib_prop_t* p = &lib_props[i];
    if (p->holder == holder && p->len == len && key_matches(vm, key, p->name, len)) {
      *out = value_from_builtin(p->builtin);
      return MVM_E_OK;
    }
  }
#if MVM_LIB_MATH || MVM_LIB_NUMBER
  for (size_t i = 0; i < sizeof lib_consts / sizeof lib_consts[0]; i++) {
    const lib_const_t* c = &lib_consts[i];
    if (c->holder == holder && c->len == len && key_matches(vm, key, c->name, len)) {
#if MVM_SUPPORT_FLOAT
      return number_make(vm, c->value, out);
#else
      return throw_error(vm, EK_RANGE_ERROR, c->name, 0, NUM_NOT_INTEGER);
#endif
    }
  }
#endif
  return MVM_E_OK;
}

static uint32_t holder_of_builtin(uint32_t index) {
  switch (index) {
    case BI_GLOBAL_THIS: return LH_GLOBAL;
    case BI_MATH: return LH_MATH;
    case BI_JSON: return LH_JSON;
    case BI_NUMBER: return LH_NUMBER_CTOR;
    case BI_STRING: return LH_STRING_CTOR;
    case BI_ARRAY: return LH_ARRAY_CTOR;
    case BI_OBJECT: return LH_OBJECT_CTOR;
    default: return LH__NONE;
  }
}

/* globalThis: the builtin globals (read from the BUILTIN table) and the constants the compiler
 * folds, plus the properties the program adds, which live in an ordinary object in the VM roots
 * (ROOT_GLOBAL_THIS, made on the first write) and so survive snapshots. Added properties are
 * found first. They are properties only: a bare name is resolved by the compiler and does not
 * see them (docs/language.md). */
mvm_err_t lib_global_set(mvm_vm_t* vm, mvm_value_t key, mvm_value_t v) {
  // Temp roots, not stack slots: mvm_set reaches here outside any call (no stack), and storing
  // into a plain object runs no JS, so nothing can re-enter while they are held.
  TEMP_MARK(vm);
  mvm_value_t* obj = temp_push(vm, root_get(vm, ROOT_GLOBAL_THIS));
  mvm_value_t* k = temp_push(vm, key);
  mvm_value_t* val = temp_push(vm, v);
  mvm_err_t err = MVM_E_OK;
  if (*obj == VAL_UNDEFINED) {
    err = object_new(vm, VAL_NULL, obj);
    if (!err) err = root_store(vm, ROOT_GLOBAL_THIS, obj);
  }
  if (!err) err = prop_set(vm, *obj, *k, *val);
  TEMP_RESET(vm);
  return err;
}

#if VM_HAS_DELETE
mvm_err_t lib_global_delete(mvm_vm_t* vm, mvm_value_t key) {
  mvm_value_t obj = root_get(vm, ROOT_GLOBAL_THIS);
  return obj == VAL_UNDEFINED ? MVM_E_OK : prop_delete(vm, obj, key);
}
#endif

static mvm_err_t global_lookup(mvm_vm_t* vm, mvm_value_t key, mvm_value_t* out) {
  *out = VAL_UNDEFINED;
  mvm_value_t own = root_get(vm, ROOT_GLOBAL_THIS);
  if (own != VAL_UNDEFINED && object_get_own(vm, own, key, out)) return MVM_E_OK;
  if (value_is_int(key) || !value_is_string(vm, key)) return MVM_E_OK;
  uint32_t len = string_view(vm, key).len;
  const uint8_t* index;
  const char* g;
  uint32_t n = builtin_globals(&index, &g);
  for (uint32_t i = 0; i < n; i++, g += strlen(g) + 1) {
    if (strlen(g) == len && key_matches(vm, key, g, len)) {
      *out = value_from_builtin(index[i]);
      return MVM_E_OK;
    }
  }
#if MVM_SUPPORT_FLOAT
  if (key_matches(vm, key, "NaN", 3)) return number_make(vm, 0.0 / 0.0, out);
  if (key_matches(vm, key, "Infinity", 8)) return number_make(vm, 1.0 / 0.0, out);
#else
  if (key_matches(vm, key, "NaN", 3) || key_matches(vm, key, "Infinity", 8)) {
    return throw_error(vm, EK_RANGE_ERROR, "", key, NUM_NOT_INTEGER);
  }
#endif
  return MVM_E_OK;
}

mvm_err_t lib_builtin_prop(mvm_vm_t* vm, uint32_t index, mvm_value_t key, mvm_value_t* out) {
  *out = VAL_UNDEFINED;
  if (index == BI_GLOBAL_THIS) return global_lookup(vm, key, out);
  uint32_t holder = holder_of_builtin(index);
  if (holder != LH__NONE) {
    mvm_err_t err = holder_lookup(vm, holder, key, out);
    if (err || *out != VAL_UNDEFINED || lib_is_namespace(index)) return err;
  }
  if (index < BI__COUNT && LIB_FN_OF(index) && !value_is_int(key) && value_is_string(vm, key) &&
      key_matches(vm, key, "length", 6)) {
    *out = value_from_int(LIB_ARITY_OF(index));
    return MVM_E_OK;
  }
  return holder_lookup(vm, LH_FUNCTION, key, out);  // parseInt.call(...)
}

mvm_err_t lib_value_method(mvm_vm_t* vm, mvm_value_t v, mvm_value_t key, mvm_value_t* out) {
  uint32_t holder;
  if (value_is_number(vm, v)) {
    holder = LH_NUMBER;
  } else if (value_is_bool(v)) {
    holder = LH_BOOLEAN;
  } else {
    switch (value_type(vm, v)) {
      case TC_STRING8: case TC_STRING16: holder = LH_STRING; break;
      case TC_ARRAY: holder = LH_ARRAY; break;
      case TC_OBJECT: holder = LH_OBJECT; break;
      case TC_BYTES: holder = LH_BYTES; break;
      case TC_FUNCTION: case TC_CLOSURE: case TC_HOSTFN: case TC_RESOLVER:
        holder = LH_FUNCTION;
        break;
      default:
        *out = VAL_UNDEFINED;
        return MVM_E_OK;
    }
  }
  return holder_lookup(vm, holder, key, out);
}

mvm_err_t lib_namespace_string(mvm_vm_t* vm, uint32_t index, mvm_value_t* out) {
  const char* s = index == BI_MATH ? "[object Math]"
                  : index == BI_JSON ? "[object JSON]"
                                     : "[object global]";
  return string_new_ascii(vm, s, strlen(s), out);
}

#if LIB_ANY_BUT_MATH  // helpers of the optional families (lib.h)

// ---- Stack roots and calls ----

mvm_err_t lib_reserve(mvm_vm_t* vm, uint32_t n, mvm_value_t** out) {
  *out = NULL;
  if (!VM_HAS_RUN(vm) || (size_t)(VM_RUN(vm).stack + vm_stack_slots(vm) - VM_RUN(vm).sp) < (size_t)n + 8) {
    return throw_error(vm, EK_RANGE_ERROR, "Maximum call stack size exceeded", 0, NULL);
  }
  *out = VM_RUN(vm).sp;
  for (uint32_t i = 0; i < n; i++) VM_RUN(vm).sp[i] = VAL_UNDEFINED;
  VM_RUN(vm).sp += n;
  return MVM_E_OK;
}

mvm_err_t lib_call_js(mvm_vm_t* vm, mvm_value_t fn, mvm_value_t this_value,
                      const mvm_value_t* argv, uint8_t argc, mvm_value_t* out) {
  // Each nested call runs an interpreter on the C stack: bounded (VM_RUN(vm).depth also counts host
  // re-entries through mvm_call, and makes them nested calls, as they are).
  if (VM_RUN(vm).depth >= MVM_MAX_NATIVE_DEPTH ||
      (size_t)(VM_RUN(vm).stack + vm_stack_slots(vm) - VM_RUN(vm).sp) < (size_t)argc + 2) {
    return throw_error(vm, EK_RANGE_ERROR, "Maximum call stack size exceeded", 0, NULL);
  }
  mvm_value_t* base = VM_RUN(vm).sp;
  base[0] = fn;
  base[1] = this_value;
  for (uint8_t i = 0; i < argc; i++) base[2 + i] = argv[i];
  VM_RUN(vm).sp = base + 2 + argc;
  VM_RUN(vm).depth++;
  mvm_err_t err = vm_call(vm, argc, false, out);  // pops what was pushed, also on error
  VM_RUN(vm).depth--;
  return err;
}

#endif  // LIB_ANY_BUT_MATH

mvm_err_t (lib_type_error)(mvm_vm_t* vm, const char* message) {
  (void)message;  // unused without MVM_ERROR_MESSAGES
  return throw_error(vm, EK_TYPE_ERROR, message, 0, NULL);
}

mvm_err_t (lib_range_error)(mvm_vm_t* vm, const char* message) {
  (void)message;  // unused without MVM_ERROR_MESSAGES
  return throw_error(vm, EK_RANGE_ERROR, message, 0, NULL);
}

#if LIB_ANY

// ---- Conversions ----

#if MVM_SUPPORT_FLOAT
bool lib_is_negative_zero(double d) { return d == 0 && 1 / d < 0; }
#endif

#endif  // LIB_ANY

// In every build: Uint8Array stores (lib_bytes.c) are part of the core.
int32_t lib_to_int32(mvm_vm_t* vm, mvm_value_t v) {
  num_t n = to_number(vm, v);
#if !MVM_SUPPORT_FLOAT
  // to_number has no value for "66.5" or "1e21", but their ToInt32 is known: 66's (the
  // truncated integer's), and the low 32 bits of 1e21's double (number_parse_int32).
  if (n == NUM_INEXACT && value_is_string(vm, v)) {
    string_view_t sv = string_view(vm, v);
    return number_parse_int32(sv.data, sv.len, sv.wide);
  }
#endif
  return number_to_int32(n);
}

#if LIB_ANY_BUT_MATH

#if MVM_SUPPORT_FLOAT
num_int_t lib_to_integer(mvm_vm_t* vm, mvm_value_t v) {
  if (value_is_int(v)) return (double)value_as_int(v);
  double d = to_number(vm, v);
  if (d != d) return 0;
  d = MVM_TRUNC(d);
  return d == 0 ? 0 : d;  // no -0
}
#else
num_int_t lib_to_integer(mvm_vm_t* vm, mvm_value_t v) {
  if (value_is_int(v)) return value_as_int(v);
  num_t n;
  if (value_is_string(vm, v)) {  // "1.5" is 1 here: the parser cuts what to_number could not
    string_view_t sv = string_view(vm, v);
    n = number_parse_integer(sv.data, sv.len, sv.wide);
  } else {
    n = to_number(vm, v);
  }
  return n == NUM_NAN || n == NUM_INEXACT ? 0 : n;
}
#endif

uint32_t lib_relative(mvm_vm_t* vm, mvm_value_t v, uint32_t len, uint32_t dflt) {
  if (v == VAL_UNDEFINED) return dflt;
  num_int_t d = lib_to_integer(vm, v);
  if (d < 0) d += (num_int_t)len;
  if (d < 0) return 0;
  if (d > (num_int_t)len) return len;
  return (uint32_t)d;
}

// ---- Strings ----

mvm_err_t lib_substring(mvm_vm_t* vm, const mvm_value_t* s, uint32_t start, uint32_t end,
                        mvm_value_t* out) {
  string_view_t sv = string_view(vm, *s);
  if (end > sv.len) end = sv.len;
  if (start >= end) {
    *out = ENGINE_STR(EMPTY);
    return MVM_E_OK;
  }
  if (start == 0 && end == sv.len) {
    *out = *s;
    return MVM_E_OK;
  }
  bool wide = false;
  if (sv.wide) {
    for (uint32_t i = start; i < end && !wide; i++) wide = view_unit(&sv, i) > 255;
  }
  uint32_t n = end - start;
  uint8_t* p;
  mvm_value_t result;
  mvm_err_t err = string_alloc(vm, n, wide, &p, &result);
  if (err || !p) return err;
  sv = string_view(vm, *s);  // the allocation may have moved it
  if (wide) {
    rd_bytes(p, sv.data + 2 * start, 2 * (size_t)n);
  } else if (!sv.wide) {
    rd_bytes(p, sv.data + start, n);
  } else {
    for (uint32_t i = 0; i < n; i++) p[i] = (uint8_t)view_unit(&sv, start + i);
  }
  *out = result;
  return MVM_E_OK;
}

int32_t lib_string_find(mvm_vm_t* vm, mvm_value_t hay, mvm_value_t needle, uint32_t from) {
  string_view_t h = string_view(vm, hay), n = string_view(vm, needle);
  if (n.len > h.len || from > h.len - n.len) return -1;
  if (n.len == 0) return (int32_t)from;
  uint16_t first = view_unit(&n, 0);
  for (uint32_t i = from; i + n.len <= h.len; i++) {
    if (view_unit(&h, i) != first) continue;
    uint32_t k = 1;
    while (k < n.len && view_unit(&h, i + k) == view_unit(&n, k)) k++;
    if (k == n.len) {
      LIB_CHARGE_VISITS(vm, i - from);
      return (int32_t)i;
    }
  }
  LIB_CHARGE_VISITS(vm, h.len - from);
  return -1;
}

// ---- String builder ----

// The buffer is a string of cap units (cap >= 16), of which the first sb->len are in use.
static mvm_err_t sb_alloc(mvm_vm_t* vm, uint32_t cap, bool wide, mvm_value_t* out) {
  uint64_t bytes = STRING_DATA + ((uint64_t)cap << wide);
  if (cap > 0x3FFFFFFF || bytes >= ALLOC_MAX_SIZE || bytes > vm_heap_limit(vm)) {
    return MVM_E_OUT_OF_MEMORY;
  }
  uint8_t* data;
  return string_alloc(vm, cap, wide, &data, out);
}

mvm_err_t sb_init(mvm_vm_t* vm, lib_sb_t* sb, mvm_value_t* slot, uint32_t cap) {
  sb->slot = slot;
  sb->len = 0;
  sb->cap = cap < 16 ? 16 : cap;
  sb->wide = false;
  return sb_alloc(vm, sb->cap, false, slot);
}

// Makes room for n more units, switching to STRING16 when wide. May GC.
static mvm_err_t sb_room(mvm_vm_t* vm, lib_sb_t* sb, uint32_t n, bool wide) {
  bool widen = wide && !sb->wide;
  if ((uint64_t)sb->len + n <= sb->cap && !widen) return MVM_E_OK;
  uint64_t cap = sb->cap;
  while (cap < (uint64_t)sb->len + n) cap *= 2;
  if (cap > 0x3FFFFFFF) return MVM_E_OUT_OF_MEMORY;
  bool to_wide = sb->wide || wide;
  mvm_value_t fresh;
  mvm_err_t err = sb_alloc(vm, (uint32_t)cap, to_wide, &fresh);
  if (err) return err;
  uint8_t* dst = heap_ptr(vm, fresh) + STRING_DATA;
  const uint8_t* src = heap_ptr(vm, *sb->slot) + STRING_DATA;
  if (sb->wide == to_wide) {
    MVM_MEMCPY(dst, src, (size_t)sb->len * (to_wide ? 2 : 1));
  } else {
    for (uint32_t i = 0; i < sb->len; i++) wr16(dst + 2 * i, src[i]);
  }
  *sb->slot = fresh;
  sb->cap = (uint32_t)cap;
  sb->wide = to_wide;
  return MVM_E_OK;
}

mvm_err_t sb_unit(mvm_vm_t* vm, lib_sb_t* sb, uint16_t u) {
  mvm_err_t err = sb_room(vm, sb, 1, u > 255);
  if (err) return err;
  uint8_t* data = heap_ptr(vm, *sb->slot) + STRING_DATA;
  if (sb->wide) wr16(data + 2 * sb->len, u);
  else data[sb->len] = (uint8_t)u;
  sb->len++;
  return MVM_E_OK;
}

mvm_err_t sb_ascii(mvm_vm_t* vm, lib_sb_t* sb, const char* s, size_t n) {
  if (n > 0x3FFFFFFF) return MVM_E_OUT_OF_MEMORY;
  mvm_err_t err = sb_room(vm, sb, (uint32_t)n, false);
  if (err) return err;
  uint8_t* data = heap_ptr(vm, *sb->slot) + STRING_DATA;
  if (sb->wide) {
    for (size_t i = 0; i < n; i++) wr16(data + 2 * (sb->len + i), (uint8_t)s[i]);
  } else {
    MVM_MEMCPY(data + sb->len, s, n);
  }
  sb->len += (uint32_t)n;
  return MVM_E_OK;
}

mvm_err_t sb_range(mvm_vm_t* vm, lib_sb_t* sb, const mvm_value_t* s, uint32_t start,
                   uint32_t end) {
  string_view_t sv = string_view(vm, *s);
  if (end > sv.len) end = sv.len;
  if (start >= end) return MVM_E_OK;
  bool wide = false;
  if (sv.wide && !sb->wide) {
    for (uint32_t i = start; i < end && !wide; i++) wide = view_unit(&sv, i) > 255;
  }
  mvm_err_t err = sb_room(vm, sb, end - start, wide);
  if (err) return err;
  sv = string_view(vm, *s);
  uint8_t* data = heap_ptr(vm, *sb->slot) + STRING_DATA;
  if (sb->wide == sv.wide) {
    size_t w = sb->wide ? 2 : 1;
    rd_bytes(data + w * sb->len, sv.data + w * start, w * (end - start));
  } else if (sb->wide) {
    for (uint32_t i = start; i < end; i++) {
      wr16(data + 2 * (sb->len + i - start), rd8(sv.data + i));
    }
  } else {
    for (uint32_t i = start; i < end; i++) data[sb->len + i - start] = (uint8_t)view_unit(&sv, i);
  }
  sb->len += end - start;
  return MVM_E_OK;
}

mvm_err_t sb_string(mvm_vm_t* vm, lib_sb_t* sb, const mvm_value_t* s) {
  return sb_range(vm, sb, s, 0, string_view(vm, *s).len);
}

#if MVM_SUPPORT_FLOAT
mvm_err_t sb_number(mvm_vm_t* vm, lib_sb_t* sb, double d) {
#else
mvm_err_t sb_number(mvm_vm_t* vm, lib_sb_t* sb, num_t d) {
#endif
  char buf[32];
  size_t n = number_format(d, buf);
  return sb_ascii(vm, sb, buf, n);
}

mvm_err_t sb_finish(mvm_vm_t* vm, lib_sb_t* sb, mvm_value_t* out) {
  if (sb->len == 0) {
    *out = ENGINE_STR(EMPTY);
    return MVM_E_OK;
  }
  return lib_substring(vm, sb->slot, 0, sb->len, out);
}

#endif  // LIB_ANY_BUT_MATH
