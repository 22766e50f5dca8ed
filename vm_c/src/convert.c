/* convert.c: JS abstract operations on values: ToBoolean, ToString, ToPrimitive, ToNumber,
 * typeof, equality, and the general (slow) path of binary operators.
 *
 * The subset has no user-visible Object.prototype, so ToPrimitive of an object is its
 * ToString: "[object Object]", "Name: message" for error objects, comma-joined elements for
 * arrays, "function NAME() { [bytecode] }" for functions. ToNumber of an object follows from
 * that and is computed without building the string (so it cannot GC).
 */
#include "internal.h"

bool value_is_callable(mvm_vm_t* vm, mvm_value_t v) {
  if (value_is_builtin(v)) return !lib_is_namespace(value_builtin_index(v));  // not Math
  uint32_t t = value_type(vm, v);
  return t == TC_FUNCTION || t == TC_CLOSURE || t == TC_HOSTFN || t == TC_RESOLVER;
}

bool value_is_object(mvm_vm_t* vm, mvm_value_t v) {
  if (value_is_builtin(v)) return true;
  uint32_t t = value_type(vm, v);
  return t == TC_OBJECT || t == TC_ARRAY || t == TC_FUNCTION || t == TC_CLOSURE ||
         t == TC_HOSTFN || t == TC_BYTES || t == TC_PROMISE || t == TC_RESOLVER;
}

mvm_type_t value_kind(mvm_vm_t* vm, mvm_value_t v) {
  if (value_is_int(v)) return MVM_T_NUMBER;
  if (value_is_special(v)) {
    switch (value_special_index(v)) {
      case SP_NULL: return MVM_T_NULL;
      case SP_TRUE: case SP_FALSE: return MVM_T_BOOLEAN;
      case SP_UNDEFINED: case SP_HOLE: return MVM_T_UNDEFINED;
      default:
        if (!value_is_builtin(v)) return MVM_T_UNDEFINED;
        return lib_is_namespace(value_builtin_index(v)) ? MVM_T_OBJECT : MVM_T_FUNCTION;
    }
  }
  switch (value_type(vm, v)) {
    case TC_FLOAT64: return MVM_T_NUMBER;
    case TC_STRING8: case TC_STRING16: return MVM_T_STRING;
    case TC_OBJECT: case TC_BYTES: case TC_PROMISE: return MVM_T_OBJECT;
    case TC_ARRAY: return MVM_T_ARRAY;
    case TC_FUNCTION: case TC_CLOSURE: case TC_HOSTFN: case TC_RESOLVER: return MVM_T_FUNCTION;
    default: return MVM_T_UNDEFINED;
  }
}

mvm_value_t typeof_string(mvm_vm_t* vm, mvm_value_t v) {
  switch (value_kind(vm, v)) {
    case MVM_T_UNDEFINED: return ENGINE_STR(UNDEFINED);
    case MVM_T_BOOLEAN: return ENGINE_STR(BOOLEAN);
    case MVM_T_NUMBER: return ENGINE_STR(NUMBER);
    case MVM_T_STRING: return ENGINE_STR(STRING);
    case MVM_T_FUNCTION: return ENGINE_STR(FUNCTION);
    default: return ENGINE_STR(OBJECT);
  }
}

bool to_boolean(mvm_vm_t* vm, mvm_value_t v) {
  if (value_is_int(v)) return v != value_from_int(0);
  if (value_is_special(v)) return v == VAL_TRUE || value_is_builtin(v);
  switch (value_type(vm, v)) {
#if MVM_SUPPORT_FLOAT
    case TC_FLOAT64: {
      double d = number_value(vm, v);
      return d == d && d != 0;
    }
#else
    case TC_FLOAT64: {  // an int32 past int31, never 0 (NaN only in a damaged image)
      num_t n = number_value(vm, v);
      return n != 0 && n != NUM_NAN;
    }
#endif
    case TC_STRING8: case TC_STRING16: return string_view(vm, v).len != 0;
    default: return true;
  }
}

// ---- ToString ----

typedef struct join_chain {
  const mvm_value_t* arr;  // GC-visible slot of an array being joined
  const struct join_chain* up;
} join_chain_t;

static mvm_err_t to_string_in(mvm_vm_t* vm, mvm_value_t v, const join_chain_t* chain, int depth,
                              mvm_value_t* out);

// ---- ToPrimitive through user methods ----

// Calls obj.<key>() if that is a JS function (own or inherited): *called says whether it
// was. Builtin methods are skipped: the intrinsic conversions below are what they do.
static mvm_err_t call_user_method(mvm_vm_t* vm, mvm_value_t* obj, mvm_value_t key,
                                  bool* called, mvm_value_t* out) {
  *called = false;
  mvm_value_t f;
  mvm_err_t err = prop_get(vm, *obj, key, &f);
  uint32_t t = value_type(vm, f);
  if (err || (t != TC_FUNCTION && t != TC_CLOSURE)) return err;
  *called = true;
  return vm_call_function(vm, f, *obj, NULL, 0, out);
}

// OrdinaryToPrimitive for an OBJECT with a user-defined valueOf or toString: tries them in
// the hint's order (string: toString first) and takes the first primitive result.
// *converted is false when the object defines neither (the caller converts intrinsically).
// May GC, may re-enter: a getter for valueOf runs JS even when neither is a method. So *obj
// is updated to where the object is afterwards, for the caller's intrinsic conversion (found by
// the MCU fuzzer: a stale offset read as another allocation).
static mvm_err_t user_to_primitive(mvm_vm_t* vm, mvm_value_t* obj, bool hint_string,
                                   bool* converted, mvm_value_t* out) {
  TEMP_MARK(vm);
  mvm_value_t* o = temp_push(vm, *obj);
  mvm_value_t* r = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t order[2] = {ENGINE_STR(VALUE_OF), ENGINE_STR(TO_STRING)};
  if (hint_string) {
    order[0] = ENGINE_STR(TO_STRING);
    order[1] = ENGINE_STR(VALUE_OF);
  }
  mvm_err_t err = MVM_E_OK;
  bool any = false;
  *converted = false;
  for (int i = 0; i < 2 && !err && !*converted; i++) {
    bool called;
    err = call_user_method(vm, o, order[i], &called, r);
    any = any || called;
    if (!err && called && !value_is_object(vm, *r)) {
      *converted = true;
      *out = *r;
    }
  }
  *obj = *o;
  TEMP_RESET(vm);
  if (!err && any && !*converted) {
    return throw_error(vm, EK_TYPE_ERROR, "Cannot convert object to primitive value", 0, NULL);
  }
  return err;
}

static mvm_err_t join_array(mvm_vm_t* vm, mvm_value_t arr, const join_chain_t* chain, int depth,
                            mvm_value_t* out) {
  for (const join_chain_t* c = chain; c; c = c->up) {
    if (*c->arr == arr) {  // a cycle joins as empty, as in JS
      *out = ENGINE_STR(EMPTY);
      return MVM_E_OK;
    }
  }
  // Each level holds 2 temp roots and the innermost needs the reserve for building strings.
  if (depth >= MVM_MAX_JOIN_DEPTH || VM_RUN(vm).ntemps + 2 + MVM_TEMP_ROOTS_RESERVE > MVM_TEMP_ROOTS) {
    *out = ENGINE_STR(EMPTY);
    return MVM_E_OK;
  }
  TEMP_MARK(vm);
  mvm_value_t* arr_slot = temp_push(vm, arr);
  join_chain_t link = {arr_slot, chain};
  uint32_t len = array_length(vm, arr);
  // Element strings go into a scratch ITEMS, so that the result is allocated once.
  mvm_value_t* strs = temp_push(vm, VAL_UNDEFINED);
  uint64_t bytes = 4 + (uint64_t)len * 4;
  if (bytes >= ALLOC_MAX_SIZE) return TEMP_RESET(vm), MVM_E_OUT_OF_MEMORY;
  uint32_t off = heap_alloc_values(vm, (uint32_t)bytes, TC_ITEMS);
  if (off == 0) return TEMP_RESET(vm), MVM_E_OUT_OF_MEMORY;
  *strs = value_from_heap_offset(off);
  uint64_t total = len ? len - 1 : 0;
  bool wide = false;
  for (uint32_t i = 0; i < len && i < array_length(vm, *arr_slot); i++) {
    mvm_value_t e = array_get(vm, *arr_slot, i);
    mvm_value_t s;
    if (value_is_nullish(e) || e == VAL_HOLE) {
      s = ENGINE_STR(EMPTY);
    } else {
      mvm_err_t err = to_string_in(vm, e, &link, depth + 1, &s);
      if (err) return TEMP_RESET(vm), err;
    }
    set_field(vm, *strs, 4 + 4 * i, s);
    string_view_t sv = string_view(vm, s);
    total += sv.len;
    wide = wide || sv.wide;
  }
  if (total > 0x3FFFFFFF) return TEMP_RESET(vm), MVM_E_OUT_OF_MEMORY;
  uint16_t comma = ',';
  uint8_t* data;
  mvm_value_t result;
  mvm_err_t err = string_alloc(vm, (uint32_t)total, wide, &data, &result);
  if (err) return TEMP_RESET(vm), err;
  uint32_t at = 0;
  for (uint32_t i = 0; i < len; i++) {
    if (i > 0) {
      if (wide) wr16(data + 2 * at, comma);
      else data[at] = (uint8_t)comma;
      at++;
    }
    mvm_value_t s = field(vm, *strs, 4 + 4 * i);
    if (!value_is_string(vm, s)) continue;  // the array shrank while its elements were converted
    string_view_t sv = string_view(vm, s);
    for (uint32_t k = 0; k < sv.len && at < total; k++, at++) {
      if (wide) wr16(data + 2 * at, view_unit(&sv, k));
      else data[at] = rd8(sv.data + k);
    }
  }
  *out = result;
  TEMP_RESET(vm);
  return MVM_E_OK;
}

static mvm_err_t error_to_string(mvm_vm_t* vm, mvm_value_t obj, const join_chain_t* chain,
                                 int depth, mvm_value_t* out) {
  TEMP_MARK(vm);
  mvm_value_t* o = temp_push(vm, obj);
  mvm_value_t* name = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* msg = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* sep = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t v;
  mvm_err_t err = prop_get(vm, *o, ENGINE_STR(NAME), &v);
  if (!err) {
    if (v == VAL_UNDEFINED) v = ENGINE_STR(EMPTY);
    err = to_string_in(vm, v, chain, depth + 1, name);
  }
  if (!err) err = prop_get(vm, *o, ENGINE_STR(MESSAGE), &v);
  if (!err) {
    if (v == VAL_UNDEFINED) v = ENGINE_STR(EMPTY);
    err = to_string_in(vm, v, chain, depth + 1, msg);
  }
  if (err) return TEMP_RESET(vm), err;
  if (string_view(vm, *msg).len == 0) {
    *out = *name;
  } else if (string_view(vm, *name).len == 0) {
    *out = *msg;
  } else {
    err = string_new_ascii(vm, ": ", 2, sep);
    mvm_value_t* parts[3] = {name, sep, msg};
    if (!err) err = string_concat(vm, parts, 3, out);
  }
  TEMP_RESET(vm);
  return err;
}

static mvm_err_t function_to_string(mvm_vm_t* vm, mvm_value_t f, mvm_value_t* out) {
  TEMP_MARK(vm);
  mvm_value_t* name = temp_push(vm, function_name(vm, f));
  mvm_err_t err = MVM_E_OK;
  if (value_is_builtin(f)) {
    const char* bname = builtin_name(value_builtin_index(f));
    err = string_new_ascii(vm, bname, strlen(bname), name);
  } else if (!value_is_string(vm, *name)) {
    *name = ENGINE_STR(EMPTY);
  }
  mvm_value_t* head = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* tail = temp_push(vm, VAL_UNDEFINED);
  const char* body = value_type(vm, f) == TC_HOSTFN ? "() { [host code] }"
                     : value_is_builtin(f)          ? "() { [native code] }"
                                                    : "() { [bytecode] }";
  if (!err) err = string_new_ascii(vm, "function ", 9, head);
  if (!err) err = string_new_ascii(vm, body, strlen(body), tail);
  mvm_value_t* parts[3] = {head, name, tail};
  if (!err) err = string_concat(vm, parts, 3, out);
  TEMP_RESET(vm);
  return err;
}

static mvm_err_t to_string_in(mvm_vm_t* vm, mvm_value_t v, const join_chain_t* chain, int depth,
                              mvm_value_t* out) {
  if (value_is_int(v)) {
    char buf[24];
#if MVM_SUPPORT_FLOAT
    size_t n = number_format((double)value_as_int(v), buf);
#else
    size_t n = number_format(value_as_int(v), buf);
#endif
    return string_new_ascii(vm, buf, n, out);
  }
  if (value_is_special(v)) {
    if (value_is_builtin(v)) {
      uint32_t b = value_builtin_index(v);
      return lib_is_namespace(b) ? lib_namespace_string(vm, b, out) : function_to_string(vm, v, out);
    }
    switch (value_special_index(v)) {
      case SP_NULL: *out = ENGINE_STR(NULL); break;
      case SP_TRUE: *out = ENGINE_STR(TRUE); break;
      case SP_FALSE: *out = ENGINE_STR(FALSE); break;
      default: *out = ENGINE_STR(UNDEFINED); break;
    }
    return MVM_E_OK;
  }
  switch (value_type(vm, v)) {
    case TC_STRING8:
    case TC_STRING16:
      *out = v;
      return MVM_E_OK;
    case TC_FLOAT64: {
      char buf[32];
      size_t n = number_format(number_value(vm, v), buf);
      return string_new_ascii(vm, buf, n, out);
    }
    case TC_ARRAY:
      return join_array(vm, v, chain, depth, out);
    case TC_BYTES:
      return bytes_to_string(vm, v, out);
    case TC_OBJECT: {
      bool converted;
      mvm_err_t err = user_to_primitive(vm, &v, true, &converted, out);
      if (err || converted) return err ? err : to_string_in(vm, *out, chain, depth + 1, out);
      if (error_kind_of(vm, v) >= 0) {
        // An error whose name or message is an error again (itself, say) recurses; in JS that
        // overflows the stack. Here each level holds 4 temp roots: stop while the reserve
        // is intact (an overflowing temp-root stack would unroot live values).
        if (depth >= MVM_MAX_JOIN_DEPTH ||
            VM_RUN(vm).ntemps + 4 + MVM_TEMP_ROOTS_RESERVE > MVM_TEMP_ROOTS) {
          return throw_error(vm, EK_RANGE_ERROR, "Maximum call stack size exceeded", 0, NULL);
        }
        return error_to_string(vm, v, chain, depth, out);
      }
      *out = ENGINE_STR(OBJECT_OBJECT);
      return MVM_E_OK;
    }
    case TC_FUNCTION:
    case TC_CLOSURE:
    case TC_HOSTFN:
    case TC_RESOLVER:
      return function_to_string(vm, v, out);
    case TC_PROMISE:
      return string_new_ascii(vm, "[object Promise]", 16, out);
    default:
      *out = ENGINE_STR(UNDEFINED);
      return MVM_E_OK;
  }
}

mvm_err_t to_string(mvm_vm_t* vm, mvm_value_t v, mvm_value_t* out) {
  return to_string_in(vm, v, NULL, 0, out);
}

mvm_err_t to_primitive(mvm_vm_t* vm, mvm_value_t v, mvm_value_t* out) {
  if (!value_is_object(vm, v)) {
    *out = v;
    return MVM_E_OK;
  }
  if (value_type(vm, v) == TC_OBJECT) {  // the default hint: valueOf first
    bool converted;
    mvm_err_t err = user_to_primitive(vm, &v, false, &converted, out);
    if (err || converted) return err;
  }
  return to_string(vm, v, out);
}

mvm_err_t to_numeric(mvm_vm_t* vm, mvm_value_t v, num_t* out) {
  if (value_type(vm, v) == TC_OBJECT) {
    mvm_value_t p;
    mvm_err_t err = to_primitive(vm, v, &p);
    if (err) return err;
    v = p;
  }
  *out = to_number(vm, v);
  return MVM_E_OK;
}

// ---- ToNumber ----

static num_t to_number_in(mvm_vm_t* vm, mvm_value_t v, int depth) {
  if (value_is_int(v)) return (num_t)value_as_int(v);
  if (value_is_special(v)) {
    switch (value_special_index(v)) {
      case SP_NULL: case SP_FALSE: return 0;
      case SP_TRUE: return 1;
      default: return NUM_NAN;
    }
  }
  switch (value_type(vm, v)) {
    case TC_FLOAT64:
      return number_value(vm, v);
    case TC_STRING8:
    case TC_STRING16: {
      string_view_t sv = string_view(vm, v);
      return number_parse(sv.data, sv.len, sv.wide);
    }
    case TC_ARRAY: {
      // ToNumber(ToString(arr)): "" is 0, one element converts itself, a comma is NaN.
      uint32_t len = array_length(vm, v);
      if (len == 0) return 0;
      if (len > 1 || depth >= MVM_MAX_JOIN_DEPTH) return NUM_NAN;
      mvm_value_t e = array_get(vm, v, 0);
      if (value_is_nullish(e) || e == VAL_HOLE) return 0;
      if (value_is_bool(e)) return NUM_NAN;  // "true" / "false"
      return to_number_in(vm, e, depth + 1);
    }
    case TC_BYTES: {  // as for arrays: "" is 0, "7" is 7, "1,2" is NaN
      const uint8_t* p = value_ptr(vm, v);
      uint32_t len = rd32(p + 4);
      return len == 0 ? 0 : len == 1 ? (num_t)p[8] : NUM_NAN;
    }
    default:  // "[object Object]", "Name: message", "function ...": never numeric
      return NUM_NAN;
  }
}

num_t to_number(mvm_vm_t* vm, mvm_value_t v) { return to_number_in(vm, v, 0); }

// ---- Equality ----

bool strict_equals(mvm_vm_t* vm, mvm_value_t a, mvm_value_t b) {
  if (a == b) {
    if (value_type(vm, a) == TC_FLOAT64) {
#if MVM_SUPPORT_FLOAT
      double d = number_value(vm, a);
      return d == d;
#else
      return number_value(vm, a) != NUM_NAN;
#endif
    }
    return true;
  }
  if (value_is_int(a) && value_is_int(b)) return false;
  bool an = value_is_number(vm, a), bn = value_is_number(vm, b);
#if MVM_SUPPORT_FLOAT
  if (an || bn) return an && bn && number_value(vm, a) == number_value(vm, b);
#else
  // Two boxes of one int32 are equal (the int32s past int31 are FLOAT64 allocations, one each
  // time one is made); a damaged image's NaN or non-integer equals nothing.
  if (an || bn) {
    num_t x = an ? number_value(vm, a) : NUM_NAN, y = bn ? number_value(vm, b) : NUM_NAN;
    return x == y && x != NUM_NAN && x != NUM_INEXACT;
  }
#endif
  if (value_is_string(vm, a) && value_is_string(vm, b)) return string_equal(vm, a, b);
  return false;
}

#if MVM_FULL_LANGUAGE
mvm_err_t loose_equals(mvm_vm_t* vm, mvm_value_t a, mvm_value_t b, bool* out) {
  for (int round = 0; round < 4; round++) {
    if (a == VAL_HOLE) a = VAL_UNDEFINED;
    if (b == VAL_HOLE) b = VAL_UNDEFINED;
    mvm_type_t ta = value_kind(vm, a), tb = value_kind(vm, b);
    bool a_obj = ta >= MVM_T_OBJECT, b_obj = tb >= MVM_T_OBJECT;
    if (ta == tb || (a_obj && b_obj)) {
      *out = strict_equals(vm, a, b);
      return MVM_E_OK;
    }
    if (value_is_nullish(a) || value_is_nullish(b)) {
      *out = value_is_nullish(a) && value_is_nullish(b);
      return MVM_E_OK;
    }
    if ((ta == MVM_T_NUMBER && tb == MVM_T_STRING) || (ta == MVM_T_STRING && tb == MVM_T_NUMBER) ||
        ta == MVM_T_BOOLEAN || tb == MVM_T_BOOLEAN) {
      if (ta == MVM_T_BOOLEAN || tb == MVM_T_BOOLEAN) {
        // Booleans become numbers first; the other side may still be an object.
        if (ta == MVM_T_BOOLEAN) a = value_from_int(a == VAL_TRUE);
        if (tb == MVM_T_BOOLEAN) b = value_from_int(b == VAL_TRUE);
        continue;
      }
#if MVM_SUPPORT_FLOAT
      double x = to_number(vm, a), y = to_number(vm, b);
      *out = x == y;
#else
      // NUM_INEXACT ("1.5") equals no int32; NaN equals nothing.
      num_t x = to_number(vm, a), y = to_number(vm, b);
      *out = x == y && x != NUM_NAN && x != NUM_INEXACT;
#endif
      return MVM_E_OK;
    }
    // Object against a number or string: compare its primitive.
    TEMP_MARK(vm);
    mvm_value_t* sa = temp_push(vm, a);
    mvm_value_t* sb = temp_push(vm, b);
    mvm_err_t err = MVM_E_OK;
    if (a_obj) err = to_primitive(vm, *sa, sa);
    if (!err && b_obj) err = to_primitive(vm, *sb, sb);
    a = *sa;
    b = *sb;
    TEMP_RESET(vm);
    if (err) return err;
  }
  *out = false;
  return MVM_E_OK;
}
#endif  // MVM_FULL_LANGUAGE

// ---- Binary operators (general path) ----

#if MVM_SUPPORT_FLOAT
static double js_pow(double a, double b) {
  if (b != b) return 0.0 / 0.0;
  if ((a == 1 || a == -1) && (b > 1.7976931348623157e308 || b < -1.7976931348623157e308)) {
    return 0.0 / 0.0;
  }
  // x ** 2 is the correctly rounded x * x, as V8 gives it; C's pow may round a tie the other
  // way (glibc: 104080805 ** 2 ends in ...026, not ...024).
  if (b == 2) return a * a;
  return MVM_POW(a, b);
}

#if !MVM_FAST_PATHS
// Two int31s, in the size build (whose interpreter sends every operator here): the result
// without a double when it is an int31 or a boolean, as the fast build's inline paths do. A
// soft-float MCU would otherwise convert, add and convert back for each i + 1 and i < n.
static bool int_binary(int op, int32_t x, int32_t y, mvm_value_t* out) {
  int32_t r;  // int31 operands: a sum, a difference or a small product fits
  switch (op) {
    case OP_ADD: r = x + y; break;
    case OP_SUB: r = x - y; break;
    case OP_MUL:  // factors within 2^15; larger ones (and -0) take the general path
      if (x < -32768 || x > 32767 || y < -32768 || y > 32767) return false;
      r = x * y;
      if (r == 0 && (x | y) < 0) return false;
      break;
    case OP_BIT_AND: r = x & y; break;
    case OP_BIT_OR: r = x | y; break;
    case OP_BIT_XOR: r = x ^ y; break;
    case OP_LT: *out = value_from_bool(x < y); return true;
    case OP_LE: *out = value_from_bool(x <= y); return true;
    case OP_GT: *out = value_from_bool(x > y); return true;
    case OP_GE: *out = value_from_bool(x >= y); return true;
    default: return false;
  }
  if (r < INT31_MIN || r > INT31_MAX) return false;
  *out = value_from_int(r);
  return true;
}
#endif

mvm_err_t op_binary(mvm_vm_t* vm, int op, mvm_value_t a, mvm_value_t b, mvm_value_t* out) {
#if !MVM_FAST_PATHS
  if (value_is_int(a & b) && int_binary(op, value_as_int(a), value_as_int(b), out)) {
    return MVM_E_OK;
  }
#endif
  if (op == OP_ADD || (op >= OP_LT && op <= OP_GE)) {
    TEMP_MARK(vm);
    mvm_value_t* pa = temp_push(vm, a);
    mvm_value_t* pb = temp_push(vm, b);
    mvm_err_t err = to_primitive(vm, *pa, pa);
    if (!err) err = to_primitive(vm, *pb, pb);
    if (err) return TEMP_RESET(vm), err;
    bool sa = value_is_string(vm, *pa), sb = value_is_string(vm, *pb);
    if (op == OP_ADD) {
      if (sa || sb) {
        err = to_string(vm, *pa, pa);
        if (!err) err = to_string(vm, *pb, pb);
        mvm_value_t* parts[2] = {pa, pb};
        if (!err) err = string_concat(vm, parts, 2, out);
        TEMP_RESET(vm);
        return err;
      }
      double r = to_number(vm, *pa) + to_number(vm, *pb);
      TEMP_RESET(vm);
      return number_make(vm, r, out);
    }
    bool result;
    if (sa && sb) {
      int c = string_compare(vm, *pa, *pb);
      result = op == OP_LT ? c < 0 : op == OP_LE ? c <= 0 : op == OP_GT ? c > 0 : c >= 0;
    } else {
      double x = to_number(vm, *pa), y = to_number(vm, *pb);
      result = op == OP_LT ? x < y : op == OP_LE ? x <= y : op == OP_GT ? x > y : x >= y;
    }
    TEMP_RESET(vm);
    *out = value_from_bool(result);
    return MVM_E_OK;
  }
  double x, y, r;
  if (value_type(vm, a) == TC_OBJECT || value_type(vm, b) == TC_OBJECT) {
    TEMP_MARK(vm);
    mvm_value_t* pb = temp_push(vm, b);
    mvm_err_t err = to_numeric(vm, a, &x);
    if (!err) err = to_numeric(vm, *pb, &y);
    TEMP_RESET(vm);
    if (err) return err;
  } else {
    x = to_number(vm, a);
    y = to_number(vm, b);
  }
  switch (op) {
    case OP_SUB: r = x - y; break;
    case OP_MUL: r = x * y; break;
    case OP_DIV: r = x / y; break;
    case OP_MOD: r = number_fmod(x, y); break;
    case OP_POW: r = js_pow(x, y); break;
    case OP_BIT_AND: r = (double)(number_to_int32(x) & number_to_int32(y)); break;
    case OP_BIT_OR: r = (double)(number_to_int32(x) | number_to_int32(y)); break;
    case OP_BIT_XOR: r = (double)(number_to_int32(x) ^ number_to_int32(y)); break;
    case OP_SHL:
      r = (double)number_to_int32((double)(uint32_t)(number_to_uint32(x)
                                                     << (number_to_uint32(y) & 31)));
      break;
    case OP_SHR: {
      int32_t v = number_to_int32(x);
      uint32_t s = number_to_uint32(y) & 31;
      // Arithmetic shift written portably: floor division by 2^s.
      r = v >= 0 ? (double)(v >> s) : -(double)((~(uint32_t)v >> s)) - 1;
      break;
    }
    case OP_USHR: r = (double)(number_to_uint32(x) >> (number_to_uint32(y) & 31)); break;
    default: r = 0.0 / 0.0; break;
  }
  return number_make(vm, r, out);
}

mvm_err_t op_unary(mvm_vm_t* vm, int op, mvm_value_t a, mvm_value_t* out) {
#if !MVM_FAST_PATHS
  // An int31 (the size build, as op_binary): ++, -- and ~ without a double; -x when not -0.
  if (value_is_int(a)) {
    int32_t x = value_as_int(a);
    int32_t r = op == OP_INC ? x + 1 : op == OP_DEC ? x - 1 : op == OP_BIT_NOT ? ~x
              : op == OP_NEG ? -x : x;
    if ((op != OP_NEG || x != 0) && r >= INT31_MIN && r <= INT31_MAX) {
      *out = value_from_int(r);
      return MVM_E_OK;
    }
  }
#endif
  double d;
  mvm_err_t err = to_numeric(vm, a, &d);  // objects convert through valueOf
  if (err) return err;
  switch (op) {
    case OP_NEG: d = -d; break;
    case OP_BIT_NOT: d = (double)~number_to_int32(d); break;
    case OP_INC: d += 1; break;
    case OP_DEC: d -= 1; break;
    default: break;  // TO_NUMBER
  }
  return number_make(vm, d, out);
}
#else
// The integer-only build. Operands are converted as above (objects through valueOf/toString),
// then the exact integer result is computed in 64 bits, and number_make_result boxes it: an
// int31, a FLOAT64 for the rest of int32, and past int32 the RangeError (or, with
// MVM_INT32_OVERFLOW_CHECKS=0, the result wrapped into int32). A result that is no integer
// (7 / 2, 1 / 0, NaN) throws either way.

// The number of *slot (GC-visible; an object is replaced by its primitive first, when
// to_prim). A string holding a non-integer number ("1.5") throws, naming it: its value is needed.
static mvm_err_t int_operand(mvm_vm_t* vm, mvm_value_t* slot, bool to_prim, num_t* out) {
  if (to_prim || value_type(vm, *slot) == TC_OBJECT) {
    mvm_err_t err = to_primitive(vm, *slot, slot);
    if (err) return err;
  }
  *out = to_number(vm, *slot);
  if (*out != NUM_INEXACT) return MVM_E_OK;
  return throw_error(vm, EK_RANGE_ERROR, "", *slot, NUM_NOT_INTEGER);
}

// A result past int32 whose value num_t cannot hold (a product or power of operands up to
// NUM_MAX): 2^32 plus its low 32 bits, which is all number_make_result needs of it (it throws
// past int32, or keeps the low 32 bits).
static int64_t past_int32(uint32_t low) { return ((int64_t)1 << 32) + low; }

static uint64_t magnitude(num_t x) { return x < 0 ? 0u - (uint64_t)x : (uint64_t)x; }

// x * y, exact when it can be an int32; otherwise past_int32 of its low 32 bits (unsigned
// arithmetic wraps modulo 2^64, so its low 32 bits are exact).
static int64_t int_mul(num_t x, num_t y) {
  const uint64_t limit = (uint64_t)1 << 31;
  if (magnitude(x) <= limit && magnitude(y) <= limit) return x * y;  // |x * y| <= 2^62
  if (x == 0 || y == 0) return 0;
  return past_int32((uint32_t)((uint64_t)x * (uint64_t)y));
}

// base ** exp (exp > 0) by squaring, exact while |result| <= 2^31, else past_int32 of its low
// 32 bits (tracked alongside, in wrapping 32-bit arithmetic).
static int64_t int_pow(num_t base, num_t exp) {
  const uint64_t limit = (uint64_t)1 << 31;
  uint32_t low = 1, low_base = (uint32_t)(uint64_t)base;
  bool big = magnitude(base) > limit && exp > 0 && base != 0;
  int64_t r = 1, b = big ? 0 : base;
  while (exp > 0) {
    if (exp & 1) {
      low *= low_base;
      if (!big) {
        r *= b;  // |r|, |b| <= 2^31
        big = magnitude(r) > limit;
      }
    }
    exp >>= 1;
    if (exp) {
      low_base *= low_base;
      // b is multiplied into r later (exp's top bit is set): past 2^31 it makes r big.
      if (!big) {
        b *= b;
        big = magnitude(b) > limit;
      }
    }
  }
  return big ? past_int32(low) : r;
}

mvm_err_t op_binary(mvm_vm_t* vm, int op, mvm_value_t a, mvm_value_t b, mvm_value_t* out) {
  bool general = op == OP_ADD || (op >= OP_LT && op <= OP_GE);
  TEMP_MARK(vm);
  mvm_value_t* pa = temp_push(vm, a);
  mvm_value_t* pb = temp_push(vm, b);
  mvm_err_t err = MVM_E_OK;
  if (general) {
    err = to_primitive(vm, *pa, pa);
    if (!err) err = to_primitive(vm, *pb, pb);
    bool sa = !err && value_is_string(vm, *pa), sb = !err && value_is_string(vm, *pb);
    if (op == OP_ADD && (sa || sb)) {
      err = to_string(vm, *pa, pa);
      if (!err) err = to_string(vm, *pb, pb);
      mvm_value_t* parts[2] = {pa, pb};
      if (!err) err = string_concat(vm, parts, 2, out);
      TEMP_RESET(vm);
      return err;
    }
    if (op != OP_ADD && sa && sb) {
      int c = string_compare(vm, *pa, *pb);
      *out = value_from_bool(op == OP_LT ? c < 0 : op == OP_LE ? c <= 0 : op == OP_GT ? c > 0
                                                                          : c >= 0);
      TEMP_RESET(vm);
      return MVM_E_OK;
    }
  }
  num_t x = 0, y = 0;
  if (!err) err = int_operand(vm, pa, false, &x);
  if (!err) err = int_operand(vm, pb, false, &y);
  TEMP_RESET(vm);
  if (err) return err;
  if (op >= OP_LT && op <= OP_GE) {
    bool r = x != NUM_NAN && y != NUM_NAN &&
             (op == OP_LT ? x < y : op == OP_LE ? x <= y : op == OP_GT ? x > y : x >= y);
    *out = value_from_bool(r);
    return MVM_E_OK;
  }
  // From here |x|, |y| <= NUM_MAX (2^53) unless NaN: + and - cannot overflow int64.
  bool nan = x == NUM_NAN || y == NUM_NAN;  // NaN's arithmetic is NaN; bitwise reads it as 0
  bool exact = true;
  int64_t r = 0;
  const char* form;
  int32_t ix = number_to_int32(x), iy = number_to_int32(y);
  switch (op) {
    case OP_ADD: form = "# + #"; exact = !nan; if (exact) r = x + y; break;
    case OP_SUB: form = "# - #"; exact = !nan; if (exact) r = x - y; break;
    case OP_MUL: form = "# * #"; exact = !nan; if (exact) r = int_mul(x, y); break;
    case OP_DIV:  // INT32_MIN / -1 is 2^31 here, no C overflow (int64)
      form = "# / #";
      exact = !nan && y != 0 && x % y == 0;
      if (exact) r = x / y;
      break;
    case OP_MOD:  // C's % truncates like JS's; a zero remainder of a negative x is 0, not -0
      form = "# % #";
      exact = !nan && y != 0;
      if (exact) r = x % y;
      break;
    case OP_POW:
      form = "# ** #";
      if (y == 0) {
        r = 1;  // even NaN ** 0
      } else if (nan) {
        exact = false;
      } else if (y > 0) {
        r = int_pow(x, y);
      } else {  // 1 / x ** -y: an integer for x = 1 and x = -1 only
        exact = x == 1 || x == -1;
        r = x == 1 || (y & 1) ? x : 1;
      }
      break;
    case OP_BIT_AND: form = "# & #"; r = ix & iy; break;
    case OP_BIT_OR: form = "# | #"; r = ix | iy; break;
    case OP_BIT_XOR: form = "# ^ #"; r = ix ^ iy; break;
    case OP_SHL: form = "# << #"; r = number_wrap_int32((uint32_t)ix << ((uint32_t)iy & 31)); break;
    case OP_SHR: {
      form = "# >> #";
      uint32_t sh = (uint32_t)iy & 31;
      // Arithmetic shift written portably: floor division by 2^sh.
      r = ix >= 0 ? (int64_t)(ix >> sh) : -(int64_t)(~(uint32_t)ix >> sh) - 1;
      break;
    }
    // An unsigned result: 2^31 and up is past int32 (-1 >>> 0 throws, or wraps back to -1).
    case OP_USHR: form = "# >>> #"; r = (uint32_t)ix >> ((uint32_t)iy & 31); break;
    default: form = "#"; exact = false; break;
  }
  if (!exact) return number_not_integer(vm, form, x, y);
  return number_make_result(vm, r, form, x, y, out);
}

mvm_err_t op_unary(mvm_vm_t* vm, int op, mvm_value_t a, mvm_value_t* out) {
  TEMP_MARK(vm);
  mvm_value_t* pa = temp_push(vm, a);
  num_t x;
  mvm_err_t err = int_operand(vm, pa, false, &x);
  TEMP_RESET(vm);
  if (err) return err;
  bool nan = x == NUM_NAN;
  int64_t r;
  const char* form;
  switch (op) {  // |x| <= NUM_MAX: no int64 overflow
    case OP_NEG: form = "-(#)"; r = nan ? 0 : -x; break;  // -0 is 0 here
    case OP_BIT_NOT: form = "~#"; nan = false; r = ~number_to_int32(x); break;
    case OP_INC: form = "# + 1"; r = nan ? 0 : x + 1; break;
    case OP_DEC: form = "# - 1"; r = nan ? 0 : x - 1; break;
    default: form = "#"; r = x; break;  // TO_NUMBER
  }
  if (nan) return number_not_integer(vm, form, x, 0);
  return number_make_result(vm, r, form, x, 0, out);
}
#endif
