/* lib.h: the builtins library (lib*.c): Math, Number, String, Array, Object, JSON, Uint8Array,
 * globalThis. Internal to the lib files; the rest of the VM reaches the library through the few
 * lib_* functions declared in internal.h.
 *
 * Every builtin is a BUILTIN special value (mvm_tables.h), never a heap object, so a builtin
 * costs an image nothing unless the program stores it. Namespaces (Math, JSON, globalThis) are
 * builtin values too; their properties resolve in C (lib_builtin_prop). Methods of values
 * (`[].map`, `"s".slice`, `(1).toFixed`) resolve through LIB_LIST below by holder.
 *
 * LIB_LIST is the one list of the library: (builtin, holder, "js name", arity, C function).
 * From it lib.c builds the dispatch table (indexed by builtin number) and the property table;
 * each family file defines its functions with LIB_FN. LIB_ALIASES lists extra names of the same
 * builtin (Number.parseInt is parseInt), LIB_CONSTS the numeric constants (Math.PI).
 *
 * Calling convention of a LIB_FN: args[0..argc) are the arguments and args[-1] is `this`, all
 * slots of the VM stack (GC-visible, never moving: re-read them after anything that may GC);
 * missing arguments read as undefined through ARG(i). The result goes to *out. Scratch roots
 * come from lib_reserve (more stack slots above VM_RUN(vm).sp), never from the temp-root array, because
 * a callback may re-enter the library arbitrarily deep while they are held.
 */
#ifndef MVM_LIB_H
#define MVM_LIB_H

#include "internal.h"

// Holders: where a builtin is found as a property.
enum {
  LH_GLOBAL,       // globalThis.NAME
  LH_MATH,         // Math.NAME
  LH_JSON,         // JSON.NAME
  LH_NUMBER_CTOR,  // Number.NAME
  LH_STRING_CTOR,  // String.NAME
  LH_ARRAY_CTOR,   // Array.NAME
  LH_OBJECT_CTOR,  // Object.NAME
  LH_NUMBER,       // methods of number values
  LH_BOOLEAN,      // methods of boolean values
  LH_STRING,       // methods of string values
  LH_ARRAY,        // methods of arrays
  LH_OBJECT,       // methods every plain object inherits (after its own proto chain)
  LH_BYTES,        // methods of Uint8Array values
  LH_FUNCTION,     // methods of functions (call, apply), after their own properties
  LH__NONE         // not a property of anything (global constructors are found by name)
};

#define LIB_PARAMS mvm_vm_t* vm, mvm_value_t* args, uint8_t argc, bool construct, mvm_value_t* out
// Library functions are named lib_NAME, out of the way of the VM's own helpers.
#define LIB_FN(name) mvm_err_t lib_##name(LIB_PARAMS)
#define ARG(i) ((uint8_t)(i) < argc ? args[(i)] : VAL_UNDEFINED)
#define THIS (args[-1])
// Every LIB_FN starts with LIB_UNUSED; (the parameters are fixed, not every function uses each).
#define LIB_UNUSED ((void)vm, (void)args, (void)argc, (void)construct, (void)out)

/* Optional families (MVM_LIB_* in mvm_port_default.h): LIB_IF_X(entries) keeps the entries of
 * family X only when it is compiled in, so an absent builtin has no table entry: a method reads
 * as undefined (calling it throws TypeError), and restore refuses code naming a global of the
 * family (lib_builtin_present, verify.c). A new LIB line goes inside its family's LIB_IF_X. */
#define LIB_KEEP_(...) __VA_ARGS__
#define LIB_DROP_(...)
#define LIB_IF_MATH LIB_IF_(MVM_LIB_MATH)
#define LIB_IF_NUMBER LIB_IF_(MVM_LIB_NUMBER)
#define LIB_IF_STRING LIB_IF_(MVM_LIB_STRING)
#define LIB_IF_ARRAY LIB_IF_(MVM_LIB_ARRAY)
#define LIB_IF_OBJECT LIB_IF_(MVM_LIB_OBJECT)
#define LIB_IF_JSON LIB_IF_(MVM_LIB_JSON)
#define LIB_IF_BYTES LIB_IF_(MVM_LIB_BYTES)
#define LIB_IF_(on) LIB_IF__(on)
#define LIB_IF__(on) LIB_IF_##on
#define LIB_IF_1 LIB_KEEP_
#define LIB_IF_0 LIB_DROP_
// The shared helpers below (lib.c) are compiled only when some family uses them.
#define LIB_ANY                                                                              \
  (MVM_LIB_MATH || MVM_LIB_NUMBER || MVM_LIB_STRING || MVM_LIB_ARRAY || MVM_LIB_OBJECT ||    \
   MVM_LIB_JSON || MVM_LIB_BYTES)
// Math uses none but lib_is_negative_zero: the rest (stack roots, string builder) is for these.
#define LIB_ANY_BUT_MATH                                                                     \
  (MVM_LIB_NUMBER || MVM_LIB_STRING || MVM_LIB_ARRAY || MVM_LIB_OBJECT || MVM_LIB_JSON ||     \
   MVM_LIB_BYTES)

/* The library. Order is free; names are looked up by (holder, name). */
#define LIB_LIST                                                              \
  LIB_IF_MATH( \
  LIB(MATH_ABS, MATH, "abs", 1, math_abs) \
  LIB(MATH_CEIL, MATH, "ceil", 1, math_ceil) \
  LIB(MATH_FLOOR, MATH, "floor", 1, math_floor) \
  LIB(MATH_MAX, MATH, "max", 2, math_max) \
  LIB(MATH_MIN, MATH, "min", 2, math_min) \
  LIB(MATH_POW, MATH, "pow", 2, math_pow) \
  LIB(MATH_RANDOM, MATH, "random", 0, math_random) \
  LIB(MATH_ROUND, MATH, "round", 1, math_round) \
  LIB(MATH_SIGN, MATH, "sign", 1, math_sign) \
  LIB(MATH_SQRT, MATH, "sqrt", 1, math_sqrt) \
  LIB(MATH_TRUNC, MATH, "trunc", 1, math_trunc)) \
  LIB_IF_BYTES( \
  LIB(UINT8ARRAY, _NONE, "Uint8Array", 1, bytes_construct) \
  LIB(BYTES_FILL, BYTES, "fill", 1, bytes_fill) \
  LIB(BYTES_INDEX_OF, BYTES, "indexOf", 1, bytes_index_of) \
  LIB(BYTES_INCLUDES, BYTES, "includes", 1, bytes_includes) \
  LIB(BYTES_SLICE, BYTES, "slice", 2, bytes_slice) \
  LIB(BYTES_SET, BYTES, "set", 1, bytes_set_from) \
  LIB(BYTES_JOIN, BYTES, "join", 1, bytes_join)) \
  LIB_IF_NUMBER( \
  LIB(NUMBER, _NONE, "Number", 1, number_call) \
  LIB(BOOLEAN, _NONE, "Boolean", 1, boolean_call) \
  LIB(STRING, _NONE, "String", 1, string_call) \
  LIB(IS_NAN, GLOBAL, "isNaN", 1, global_is_nan) \
  LIB(IS_FINITE, GLOBAL, "isFinite", 1, global_is_finite) \
  LIB(PARSE_INT, GLOBAL, "parseInt", 2, global_parse_int) \
  LIB(PARSE_FLOAT, GLOBAL, "parseFloat", 1, global_parse_float) \
  LIB(NUMBER_IS_NAN, NUMBER_CTOR, "isNaN", 1, number_is_nan) \
  LIB(NUMBER_IS_FINITE, NUMBER_CTOR, "isFinite", 1, number_is_finite) \
  LIB(NUMBER_IS_INTEGER, NUMBER_CTOR, "isInteger", 1, number_is_integer) \
  LIB(NUMBER_IS_SAFE_INTEGER, NUMBER_CTOR, "isSafeInteger", 1, number_is_safe_integer) \
  LIB(NUMBER_TO_FIXED, NUMBER, "toFixed", 1, number_to_fixed) \
  LIB(NUMBER_TO_STRING, NUMBER, "toString", 1, number_to_string)) \
  LIB_IF_OBJECT( \
  LIB(TO_STRING, _NONE, "toString", 0, to_string) \
  LIB(VALUE_OF, _NONE, "valueOf", 0, value_of)) \
  LIB_IF_STRING( \
  LIB(STRING_FROM_CHAR_CODE, STRING_CTOR, "fromCharCode", 1, string_from_char_code) \
  LIB(STRING_CHAR_AT, STRING, "charAt", 1, string_char_at) \
  LIB(STRING_CHAR_CODE_AT, STRING, "charCodeAt", 1, string_char_code_at) \
  LIB(STRING_CODE_POINT_AT, STRING, "codePointAt", 1, string_code_point_at) \
  LIB(STRING_AT, STRING, "at", 1, string_at) \
  LIB(STRING_INDEX_OF, STRING, "indexOf", 1, string_index_of) \
  LIB(STRING_LAST_INDEX_OF, STRING, "lastIndexOf", 1, string_last_index_of) \
  LIB(STRING_INCLUDES, STRING, "includes", 1, string_includes) \
  LIB(STRING_STARTS_WITH, STRING, "startsWith", 1, string_starts_with) \
  LIB(STRING_ENDS_WITH, STRING, "endsWith", 1, string_ends_with) \
  LIB(STRING_SLICE, STRING, "slice", 2, string_slice) \
  LIB(STRING_SUBSTRING, STRING, "substring", 2, string_substring) \
  LIB(STRING_SUBSTR, STRING, "substr", 2, string_substr) \
  LIB(STRING_SPLIT, STRING, "split", 2, string_split) \
  LIB(STRING_TRIM, STRING, "trim", 0, string_trim) \
  LIB(STRING_TRIM_START, STRING, "trimStart", 0, string_trim_start) \
  LIB(STRING_TRIM_END, STRING, "trimEnd", 0, string_trim_end) \
  LIB(STRING_TO_UPPER_CASE, STRING, "toUpperCase", 0, string_to_upper_case) \
  LIB(STRING_TO_LOWER_CASE, STRING, "toLowerCase", 0, string_to_lower_case) \
  LIB(STRING_REPEAT, STRING, "repeat", 1, string_repeat) \
  LIB(STRING_PAD_START, STRING, "padStart", 2, string_pad_start) \
  LIB(STRING_PAD_END, STRING, "padEnd", 2, string_pad_end) \
  LIB(STRING_CONCAT, STRING, "concat", 1, string_concat) \
  LIB(STRING_REPLACE, STRING, "replace", 2, string_replace) \
  LIB(STRING_REPLACE_ALL, STRING, "replaceAll", 2, string_replace_all) \
  LIB(STRING_LOCALE_COMPARE, STRING, "localeCompare", 1, string_locale_compare)) \
  LIB_IF_ARRAY( \
  LIB(ARRAY, _NONE, "Array", 1, array_call) \
  LIB(ARRAY_IS_ARRAY, ARRAY_CTOR, "isArray", 1, array_is_array) \
  LIB(ARRAY_FROM, ARRAY_CTOR, "from", 1, array_from) \
  LIB(ARRAY_OF, ARRAY_CTOR, "of", 0, array_of) \
  LIB(ARRAY_POP, ARRAY, "pop", 0, array_pop) \
  LIB(ARRAY_SHIFT, ARRAY, "shift", 0, array_shift) \
  LIB(ARRAY_UNSHIFT, ARRAY, "unshift", 1, array_unshift) \
  LIB(ARRAY_SLICE, ARRAY, "slice", 2, array_slice) \
  LIB(ARRAY_SPLICE, ARRAY, "splice", 2, array_splice) \
  LIB(ARRAY_CONCAT, ARRAY, "concat", 1, array_concat) \
  LIB(ARRAY_JOIN, ARRAY, "join", 1, array_join) \
  LIB(ARRAY_INDEX_OF, ARRAY, "indexOf", 1, array_index_of) \
  LIB(ARRAY_LAST_INDEX_OF, ARRAY, "lastIndexOf", 1, array_last_index_of) \
  LIB(ARRAY_INCLUDES, ARRAY, "includes", 1, array_includes) \
  LIB(ARRAY_REVERSE, ARRAY, "reverse", 0, array_reverse) \
  LIB(ARRAY_SORT, ARRAY, "sort", 1, array_sort) \
  LIB(ARRAY_MAP, ARRAY, "map", 1, array_map) \
  LIB(ARRAY_FILTER, ARRAY, "filter", 1, array_filter) \
  LIB(ARRAY_REDUCE, ARRAY, "reduce", 1, array_reduce) \
  LIB(ARRAY_REDUCE_RIGHT, ARRAY, "reduceRight", 1, array_reduce_right) \
  LIB(ARRAY_FOR_EACH, ARRAY, "forEach", 1, array_for_each) \
  LIB(ARRAY_FIND, ARRAY, "find", 1, array_find) \
  LIB(ARRAY_FIND_INDEX, ARRAY, "findIndex", 1, array_find_index) \
  LIB(ARRAY_FIND_LAST, ARRAY, "findLast", 1, array_find_last) \
  LIB(ARRAY_FIND_LAST_INDEX, ARRAY, "findLastIndex", 1, array_find_last_index) \
  LIB(ARRAY_SOME, ARRAY, "some", 1, array_some) \
  LIB(ARRAY_EVERY, ARRAY, "every", 1, array_every) \
  LIB(ARRAY_FILL, ARRAY, "fill", 1, array_fill) \
  LIB(ARRAY_AT, ARRAY, "at", 1, array_at) \
  LIB(ARRAY_FLAT, ARRAY, "flat", 0, array_flat) \
  LIB(ARRAY_FLAT_MAP, ARRAY, "flatMap", 1, array_flat_map)) \
  LIB_IF_OBJECT( \
  LIB(OBJECT, _NONE, "Object", 1, object_call) \
  LIB(OBJECT_KEYS, OBJECT_CTOR, "keys", 1, object_keys) \
  LIB(OBJECT_VALUES, OBJECT_CTOR, "values", 1, object_values) \
  LIB(OBJECT_ENTRIES, OBJECT_CTOR, "entries", 1, object_entries) \
  LIB(OBJECT_ASSIGN, OBJECT_CTOR, "assign", 2, object_assign) \
  LIB(OBJECT_FREEZE, OBJECT_CTOR, "freeze", 1, object_freeze) \
  LIB(OBJECT_IS_FROZEN, OBJECT_CTOR, "isFrozen", 1, object_is_frozen) \
  LIB(OBJECT_FROM_ENTRIES, OBJECT_CTOR, "fromEntries", 1, object_from_entries) \
  LIB(OBJECT_CREATE, OBJECT_CTOR, "create", 2, object_create) \
  LIB(OBJECT_GET_PROTOTYPE_OF, OBJECT_CTOR, "getPrototypeOf", 1, object_get_prototype_of) \
  LIB(OBJECT_HAS_OWN_PROPERTY, OBJECT, "hasOwnProperty", 1, object_has_own_property) \
  LIB(FUNCTION_CALL, FUNCTION, "call", 1, function_call) \
  LIB(FUNCTION_APPLY, FUNCTION, "apply", 2, function_apply)) \
  LIB_IF_JSON( \
  LIB(JSON_STRINGIFY, JSON, "stringify", 3, json_stringify) \
  LIB(JSON_PARSE, JSON, "parse", 2, json_parse))

#define LIB_ALIASES                                                           \
  LIB_IF_NUMBER(LIB_ALIAS(NUMBER_CTOR, "parseInt", PARSE_INT))                               \
  LIB_IF_NUMBER(LIB_ALIAS(NUMBER_CTOR, "parseFloat", PARSE_FLOAT))                           \
  LIB_IF_OBJECT(LIB_ALIAS(NUMBER, "valueOf", VALUE_OF))                                      \
  LIB_IF_OBJECT(LIB_ALIAS(BOOLEAN, "toString", TO_STRING))                                   \
  LIB_IF_OBJECT(LIB_ALIAS(BOOLEAN, "valueOf", VALUE_OF))                                     \
  LIB_IF_OBJECT(LIB_ALIAS(STRING, "toString", TO_STRING))                                    \
  LIB_IF_OBJECT(LIB_ALIAS(STRING, "valueOf", VALUE_OF))                                      \
  LIB_IF_OBJECT(LIB_ALIAS(ARRAY, "toString", TO_STRING))                                     \
  LIB_ALIAS(ARRAY, "push", ARRAY_PUSH)                                     \
  LIB_IF_OBJECT(LIB_ALIAS(OBJECT, "toString", TO_STRING))                                    \
  LIB_IF_OBJECT(LIB_ALIAS(OBJECT, "valueOf", VALUE_OF))                                      \
  LIB_IF_OBJECT(LIB_ALIAS(BYTES, "toString", TO_STRING))                                     \
  LIB_IF_OBJECT(LIB_ALIAS(ARRAY, "hasOwnProperty", OBJECT_HAS_OWN_PROPERTY))                 \
  LIB_IF_OBJECT(LIB_ALIAS(STRING, "hasOwnProperty", OBJECT_HAS_OWN_PROPERTY))                \
  LIB_IF_OBJECT(LIB_ALIAS(FUNCTION, "hasOwnProperty", OBJECT_HAS_OWN_PROPERTY))

#define LIB_CONSTS                                                            \
  LIB_IF_MATH(LIB_CONST(MATH, "PI", 3.141592653589793))                                    \
  LIB_IF_MATH(LIB_CONST(MATH, "E", 2.718281828459045))                                     \
  LIB_IF_MATH(LIB_CONST(MATH, "LN2", 0.6931471805599453))                                  \
  LIB_IF_MATH(LIB_CONST(MATH, "LN10", 2.302585092994046))                                  \
  LIB_IF_MATH(LIB_CONST(MATH, "LOG2E", 1.4426950408889634))                                \
  LIB_IF_MATH(LIB_CONST(MATH, "LOG10E", 0.4342944819032518))                               \
  LIB_IF_MATH(LIB_CONST(MATH, "SQRT2", 1.4142135623730951))                                \
  LIB_IF_MATH(LIB_CONST(MATH, "SQRT1_2", 0.7071067811865476))                             \
  LIB_IF_NUMBER(LIB_CONST(NUMBER_CTOR, "MAX_SAFE_INTEGER", 9007199254740991.0))              \
  LIB_IF_NUMBER(LIB_CONST(NUMBER_CTOR, "MIN_SAFE_INTEGER", -9007199254740991.0))             \
  LIB_IF_NUMBER(LIB_CONST(NUMBER_CTOR, "EPSILON", 2.220446049250313e-16))                    \
  LIB_IF_NUMBER(LIB_CONST(NUMBER_CTOR, "MAX_VALUE", 1.7976931348623157e308))                 \
  LIB_IF_NUMBER(LIB_CONST(NUMBER_CTOR, "MIN_VALUE", 5e-324))                                 \
  LIB_IF_NUMBER(LIB_CONST(NUMBER_CTOR, "POSITIVE_INFINITY", 1.0 / 0.0))                      \
  LIB_IF_NUMBER(LIB_CONST(NUMBER_CTOR, "NEGATIVE_INFINITY", -1.0 / 0.0))                     \
  LIB_IF_NUMBER(LIB_CONST(NUMBER_CTOR, "NaN", 0.0 / 0.0))

#define LIB(builtin, holder, name, arity, fn) MVM_INTERNAL LIB_FN(fn);
LIB_LIST
#undef LIB

// ---- Helpers (lib.c) ----

// Pushes n undefined slots above VM_RUN(vm).sp as GC roots; *out is the first. Throws RangeError when
// the stack is full. Release with lib_release(vm, *out), in reverse order of reservation.
MVM_INTERNAL mvm_err_t lib_reserve(mvm_vm_t* vm, uint32_t n, mvm_value_t** out);
static inline void lib_release(mvm_vm_t* vm, mvm_value_t* slots) { VM_RUN(vm).sp = slots; }

// Calls fn with this and argc arguments (values copied before anything can GC). May re-enter.
MVM_INTERNAL mvm_err_t lib_call_js(mvm_vm_t* vm, mvm_value_t fn, mvm_value_t this_value,
                                   const mvm_value_t* argv, uint8_t argc, mvm_value_t* out);

MVM_INTERNAL mvm_err_t lib_type_error(mvm_vm_t* vm, const char* message);
MVM_INTERNAL mvm_err_t lib_range_error(mvm_vm_t* vm, const char* message);
#if !MVM_ERROR_MESSAGES
#define lib_type_error(vm, message) (lib_type_error)((vm), "")
#define lib_range_error(vm, message) (lib_range_error)((vm), "")
#endif

// ToIntegerOrInfinity (NaN is 0). Integer-only build: Infinity saturates to +-NUM_MAX.
MVM_INTERNAL num_int_t lib_to_integer(mvm_vm_t* vm, mvm_value_t v);
// JS ToInt32 of v (cast to uint32_t, uint16_t, uint8_t: ToUint32, ToUint16, ToUint8), for the
// library's modular arguments (String.fromCharCode, a Uint8Array element, split's limit,
// parseInt's radix); a string such as "66.5" is truncated as in JS, also in the integer-only
// build.
MVM_INTERNAL int32_t lib_to_int32(mvm_vm_t* vm, mvm_value_t v);
// A relative index argument (slice, splice, at...) clamped to [0, len]: negative counts from the
// end; undefined gives dflt.
MVM_INTERNAL uint32_t lib_relative(mvm_vm_t* vm, mvm_value_t v, uint32_t len, uint32_t dflt);
#if MVM_SUPPORT_FLOAT
MVM_INTERNAL bool lib_is_negative_zero(double d);
#endif
// JS WhiteSpace or LineTerminator (trim, parseInt). (lib_number.c)
MVM_INTERNAL bool lib_is_space(uint16_t c);

// Units [start, end) of the string in *s as a new string (the same value when whole). May GC.
MVM_INTERNAL mvm_err_t lib_substring(mvm_vm_t* vm, const mvm_value_t* s, uint32_t start,
                                     uint32_t end, mvm_value_t* out);
// First index >= from where needle occurs in hay, or -1. No GC.
MVM_INTERNAL int32_t lib_string_find(mvm_vm_t* vm, mvm_value_t hay, mvm_value_t needle,
                                     uint32_t from);

// String builder: a heap string buffer held in a GC-visible slot, doubling as it fills. STRING16
// only once a unit > 255 is added, so the result keeps the STRING8-when-possible invariant.
typedef struct lib_sb {
  mvm_value_t* slot;  // GC-visible slot holding the buffer (a STRING8/16 of `cap` units)
  uint32_t len;
  uint32_t cap;
  bool wide;
} lib_sb_t;
MVM_INTERNAL mvm_err_t sb_init(mvm_vm_t* vm, lib_sb_t* sb, mvm_value_t* slot, uint32_t cap);
MVM_INTERNAL mvm_err_t sb_ascii(mvm_vm_t* vm, lib_sb_t* sb, const char* s, size_t n);
MVM_INTERNAL mvm_err_t sb_unit(mvm_vm_t* vm, lib_sb_t* sb, uint16_t u);
// Appends units [start, end) of the string held in *s (a GC-visible slot).
MVM_INTERNAL mvm_err_t sb_range(mvm_vm_t* vm, lib_sb_t* sb, const mvm_value_t* s,
                                uint32_t start, uint32_t end);
MVM_INTERNAL mvm_err_t sb_string(mvm_vm_t* vm, lib_sb_t* sb, const mvm_value_t* s);
#if MVM_SUPPORT_FLOAT
MVM_INTERNAL mvm_err_t sb_number(mvm_vm_t* vm, lib_sb_t* sb, double d);
#else
MVM_INTERNAL mvm_err_t sb_number(mvm_vm_t* vm, lib_sb_t* sb, num_t d);
#endif
MVM_INTERNAL mvm_err_t sb_finish(mvm_vm_t* vm, lib_sb_t* sb, mvm_value_t* out);

// ---- Shared between families ----
#if MVM_SUPPORT_FLOAT
#endif

#endif
