/* lib_string.c: String.fromCharCode and the methods of string values.
 *
 * Strings are sequences of UTF-16 code units (STRING8 when every unit fits a byte), and every
 * index, length and search here counts units, as JS does. Patterns are strings only (there are
 * no regular expressions). Case mapping covers ASCII, Latin-1 (with the one-to-many mappings
 * 'ß' -> "SS" and 'İ' -> "i̇"), Latin Extended-A and basic Cyrillic (U+0400..U+045F); other
 * characters are left as they are (docs/language.md).
 */
#include "lib.h"

#if MVM_LIB_STRING  // the family is optional (mvm_port_default.h)

// `this` as a string: converted in place (its stack slot), TypeError for undefined and null.
static mvm_err_t this_string(mvm_vm_t* vm, mvm_value_t* args) {
  if (value_is_string(vm, THIS)) return MVM_E_OK;
  if (value_is_nullish(THIS) || THIS == VAL_HOLE) {
    return lib_type_error(vm, "String.prototype method called on null or undefined");
  }
  return to_string(vm, THIS, &THIS);
}

static uint32_t this_len(mvm_vm_t* vm, mvm_value_t* args) { return string_view(vm, THIS).len; }

// Converts argument i to a string in a reserved slot.
static mvm_err_t arg_string(mvm_vm_t* vm, mvm_value_t* args, uint8_t argc, uint8_t i,
                            mvm_value_t* slot) {
  return to_string(vm, ARG(i), slot);
}

LIB_FN(string_from_char_code) {
  LIB_UNUSED;
  mvm_value_t* r;
  mvm_err_t err = lib_reserve(vm, 1, &r);
  if (err) return err;
  lib_sb_t sb;
  err = sb_init(vm, &sb, &r[0], argc);
  for (uint8_t i = 0; !err && i < argc; i++) {
    err = sb_unit(vm, &sb, (uint16_t)(uint32_t)lib_to_int32(vm, args[i]));
  }
  if (!err) err = sb_finish(vm, &sb, out);
  lib_release(vm, r);
  return err;
}

// ---- Single units ----

// The position argument as an index, or -1 when out of range.
static int64_t unit_index(mvm_vm_t* vm, mvm_value_t v, uint32_t len) {
  num_int_t d = lib_to_integer(vm, v);
  return d >= 0 && d < (num_int_t)len ? (int64_t)d : -1;
}

LIB_FN(string_char_at) {
  LIB_UNUSED;
  mvm_err_t err = this_string(vm, args);
  if (err) return err;
  int64_t i = unit_index(vm, ARG(0), this_len(vm, args));
  if (i < 0) {
    *out = ENGINE_STR(EMPTY);
    return MVM_E_OK;
  }
  return string_unit_at(vm, THIS, (uint32_t)i, out);
}

LIB_FN(string_char_code_at) {
  LIB_UNUSED;
  mvm_err_t err = this_string(vm, args);
  if (err) return err;
  int64_t i = unit_index(vm, ARG(0), this_len(vm, args));
#if MVM_SUPPORT_FLOAT
  if (i < 0) return number_make(vm, 0.0 / 0.0, out);
#else
  if (i < 0) return number_make(vm, NUM_NAN, out);  // NaN: the build's RangeError
#endif
  string_view_t sv = string_view(vm, THIS);
  *out = value_from_int(view_unit(&sv, (uint32_t)i));
  return MVM_E_OK;
}

LIB_FN(string_code_point_at) {
  LIB_UNUSED;
  mvm_err_t err = this_string(vm, args);
  if (err) return err;
  string_view_t sv = string_view(vm, THIS);
  int64_t i = unit_index(vm, ARG(0), sv.len);
  if (i < 0) return MVM_E_OK;  // undefined
  uint32_t c = view_unit(&sv, (uint32_t)i);
  if (c >= 0xD800 && c <= 0xDBFF && (uint32_t)i + 1 < sv.len) {
    uint32_t c2 = view_unit(&sv, (uint32_t)i + 1);
    if (c2 >= 0xDC00 && c2 <= 0xDFFF) c = 0x10000 + ((c - 0xD800) << 10) + (c2 - 0xDC00);
  }
  *out = value_from_int((int32_t)c);
  return MVM_E_OK;
}

LIB_FN(string_at) {
  LIB_UNUSED;
  mvm_err_t err = this_string(vm, args);
  if (err) return err;
  uint32_t len = this_len(vm, args);
  num_int_t d = lib_to_integer(vm, ARG(0));
  if (d < 0) d += len;
  if (!(d >= 0 && d < (num_int_t)len)) return MVM_E_OK;  // undefined
  return string_unit_at(vm, THIS, (uint32_t)d, out);
}

// ---- Searching ----

// Position argument clamped to [0, len] (negative is 0, no counting from the end).
static uint32_t clamp_pos(mvm_vm_t* vm, mvm_value_t v, uint32_t len, uint32_t dflt) {
  if (v == VAL_UNDEFINED) return dflt;
  num_int_t d = lib_to_integer(vm, v);
  return d < 0 ? 0 : d > (num_int_t)len ? len : (uint32_t)d;
}

LIB_FN(string_index_of) {
  LIB_UNUSED;
  mvm_value_t* r;
  mvm_err_t err = this_string(vm, args);
  if (!err) err = lib_reserve(vm, 1, &r);
  if (err) return err;
  err = arg_string(vm, args, argc, 0, &r[0]);
  if (!err) {
    uint32_t from = clamp_pos(vm, ARG(1), this_len(vm, args), 0);
    *out = value_from_int(lib_string_find(vm, THIS, r[0], from));
  }
  lib_release(vm, r);
  return err;
}

LIB_FN(string_last_index_of) {
  LIB_UNUSED;
  mvm_value_t* r;
  mvm_err_t err = this_string(vm, args);
  if (!err) err = lib_reserve(vm, 1, &r);
  if (err) return err;
  err = arg_string(vm, args, argc, 0, &r[0]);
  if (!err) {
    string_view_t h = string_view(vm, THIS), n = string_view(vm, r[0]);
#if MVM_SUPPORT_FLOAT
    double pos = to_number(vm, ARG(1));
    double start = pos != pos ? (double)h.len : lib_to_integer(vm, ARG(1));
#else
    num_int_t start =
        to_number(vm, ARG(1)) == NUM_NAN ? (num_int_t)h.len : lib_to_integer(vm, ARG(1));
#endif
    int64_t result = -1;
    if (n.len <= h.len) {
      int64_t i = (int64_t)h.len - n.len;
      if (start < (num_int_t)i) i = start < 0 ? 0 : (int64_t)start;
      for (; i >= 0; i--) {
        uint32_t k = 0;
        while (k < n.len && view_unit(&h, (uint32_t)i + k) == view_unit(&n, k)) k++;
        if (k == n.len) {
          result = i;
          break;
        }
      }
    }
    *out = value_from_int((int32_t)result);
  }
  lib_release(vm, r);
  return err;
}

LIB_FN(string_includes) {
  LIB_UNUSED;
  mvm_value_t* r;
  mvm_err_t err = this_string(vm, args);
  if (!err) err = lib_reserve(vm, 1, &r);
  if (err) return err;
  err = arg_string(vm, args, argc, 0, &r[0]);
  if (!err) {
    uint32_t from = clamp_pos(vm, ARG(1), this_len(vm, args), 0);
    *out = value_from_bool(lib_string_find(vm, THIS, r[0], from) >= 0);
  }
  lib_release(vm, r);
  return err;
}

static bool units_equal_at(mvm_vm_t* vm, mvm_value_t hay, uint32_t at, mvm_value_t needle) {
  string_view_t h = string_view(vm, hay), n = string_view(vm, needle);
  if ((uint64_t)at + n.len > h.len) return false;
  for (uint32_t k = 0; k < n.len; k++) {
    if (view_unit(&h, at + k) != view_unit(&n, k)) return false;
  }
  return true;
}

LIB_FN(string_starts_with) {
  LIB_UNUSED;
  mvm_value_t* r;
  mvm_err_t err = this_string(vm, args);
  if (!err) err = lib_reserve(vm, 1, &r);
  if (err) return err;
  err = arg_string(vm, args, argc, 0, &r[0]);
  if (!err) {
    uint32_t at = clamp_pos(vm, ARG(1), this_len(vm, args), 0);
    *out = value_from_bool(units_equal_at(vm, THIS, at, r[0]));
  }
  lib_release(vm, r);
  return err;
}

LIB_FN(string_ends_with) {
  LIB_UNUSED;
  mvm_value_t* r;
  mvm_err_t err = this_string(vm, args);
  if (!err) err = lib_reserve(vm, 1, &r);
  if (err) return err;
  err = arg_string(vm, args, argc, 0, &r[0]);
  if (!err) {
    uint32_t len = this_len(vm, args);
    uint32_t end = clamp_pos(vm, ARG(1), len, len);
    uint32_t n = string_view(vm, r[0]).len;
    *out = value_from_bool(n <= end && units_equal_at(vm, THIS, end - n, r[0]));
  }
  lib_release(vm, r);
  return err;
}

// ---- Substrings ----

LIB_FN(string_slice) {
  LIB_UNUSED;
  mvm_err_t err = this_string(vm, args);
  if (err) return err;
  uint32_t len = this_len(vm, args);
  uint32_t start = lib_relative(vm, ARG(0), len, 0), end = lib_relative(vm, ARG(1), len, len);
  return lib_substring(vm, &THIS, start, end, out);
}

LIB_FN(string_substring) {
  LIB_UNUSED;
  mvm_err_t err = this_string(vm, args);
  if (err) return err;
  uint32_t len = this_len(vm, args);
  uint32_t a = clamp_pos(vm, ARG(0), len, 0), b = clamp_pos(vm, ARG(1), len, len);
  return lib_substring(vm, &THIS, a < b ? a : b, a < b ? b : a, out);
}

LIB_FN(string_substr) {
  LIB_UNUSED;
  mvm_err_t err = this_string(vm, args);
  if (err) return err;
  uint32_t len = this_len(vm, args);
  uint32_t start = lib_relative(vm, ARG(0), len, 0);
  num_int_t n = ARG(1) == VAL_UNDEFINED ? (num_int_t)len : lib_to_integer(vm, ARG(1));
  if (n < 0) n = 0;
  uint32_t end = (num_int_t)start + n > (num_int_t)len ? len : start + (uint32_t)n;
  return lib_substring(vm, &THIS, start, end, out);
}

// ---- trim ----

static mvm_err_t trim(mvm_vm_t* vm, mvm_value_t* args, bool start, bool end, mvm_value_t* out) {
  mvm_err_t err = this_string(vm, args);
  if (err) return err;
  string_view_t sv = string_view(vm, THIS);
  uint32_t a = 0, b = sv.len;
  while (start && a < b && lib_is_space(view_unit(&sv, a))) a++;
  while (end && b > a && lib_is_space(view_unit(&sv, b - 1))) b--;
  return lib_substring(vm, &THIS, a, b, out);
}

LIB_FN(string_trim) {
  LIB_UNUSED;
  return trim(vm, args, true, true, out);
}

LIB_FN(string_trim_start) {
  LIB_UNUSED;
  return trim(vm, args, true, false, out);
}

LIB_FN(string_trim_end) {
  LIB_UNUSED;
  return trim(vm, args, false, true, out);
}

// ---- Case mapping ----

// Simple (one-to-one) mapping of unit c; 0 when c maps to two units (handled by the caller).
static uint16_t case_map(uint16_t c, bool upper) {
  if (c < 0x80) {
    if (upper && c >= 'a' && c <= 'z') return (uint16_t)(c - 32);
    if (!upper && c >= 'A' && c <= 'Z') return (uint16_t)(c + 32);
    return c;
  }
  if (c < 0x100) {  // Latin-1
    if (upper) {
      if (c == 0xDF) return 0;       // ß -> SS
      if (c == 0xB5) return 0x39C;   // µ -> Greek capital mu
      if (c == 0xFF) return 0x178;   // ÿ -> Ÿ
      if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return (uint16_t)(c - 32);
    } else if (c >= 0xC0 && c <= 0xDE && c != 0xD7) {
      return (uint16_t)(c + 32);
    }
    return c;
  }
  if (c < 0x180) {  // Latin Extended-A: mostly (upper, lower) pairs
    if (c == 0x130) return upper ? c : 0;      // İ -> i + combining dot above
    if (c == 0x131) return upper ? 'I' : c;    // dotless i
    if (c == 0x138 || c == 0x149) return c;    // ĸ, ŉ: no simple mapping
    if (c == 0x178) return upper ? c : 0xFF;   // Ÿ -> ÿ
    if (c == 0x17F) return upper ? 'S' : c;    // long s
    // Pairs start on even code points except in 0x139..0x148 and 0x179..0x17E.
    bool odd_start = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    bool is_upper = ((c & 1u) != 0) == odd_start;
    if (upper && !is_upper) return (uint16_t)(c - 1);
    if (!upper && is_upper) return (uint16_t)(c + 1);
    return c;
  }
  if (c >= 0x400 && c <= 0x45F) {  // basic Cyrillic
    if (upper) {
      if (c >= 0x430 && c <= 0x44F) return (uint16_t)(c - 32);
      if (c >= 0x450) return (uint16_t)(c - 80);
    } else {
      if (c >= 0x410 && c <= 0x42F) return (uint16_t)(c + 32);
      if (c < 0x410) return (uint16_t)(c + 80);
    }
  }
  return c;
}

static mvm_err_t change_case(mvm_vm_t* vm, mvm_value_t* args, bool upper, mvm_value_t* out) {
  mvm_err_t err = this_string(vm, args);
  if (err) return err;
  string_view_t sv = string_view(vm, THIS);
  bool same = true;
  for (uint32_t i = 0; i < sv.len && same; i++) {
    uint16_t c = view_unit(&sv, i);
    same = case_map(c, upper) == c;
  }
  if (same) {  // nothing to change: no allocation
    *out = THIS;
    return MVM_E_OK;
  }
  mvm_value_t* r;
  err = lib_reserve(vm, 1, &r);
  if (err) return err;
  lib_sb_t sb;
  err = sb_init(vm, &sb, &r[0], sv.len);
  for (uint32_t i = 0; !err && i < string_view(vm, THIS).len; i++) {
    sv = string_view(vm, THIS);
    uint16_t c = view_unit(&sv, i);
    uint16_t m = case_map(c, upper);
    if (m) {
      err = sb_unit(vm, &sb, m);
    } else if (c == 0xDF) {
      err = sb_ascii(vm, &sb, "SS", 2);
    } else {  // U+0130
      err = sb_unit(vm, &sb, 'i');
      if (!err) err = sb_unit(vm, &sb, 0x307);
    }
  }
  if (!err) err = sb_finish(vm, &sb, out);
  lib_release(vm, r);
  return err;
}

LIB_FN(string_to_upper_case) {
  LIB_UNUSED;
  return change_case(vm, args, true, out);
}

LIB_FN(string_to_lower_case) {
  LIB_UNUSED;
  return change_case(vm, args, false, out);
}

// ---- Building ----

LIB_FN(string_repeat) {
  LIB_UNUSED;
  mvm_err_t err = this_string(vm, args);
  if (err) return err;
  num_int_t n = lib_to_integer(vm, ARG(0));
  if (n < 0 || n - n != 0) {
    return throw_error(vm, EK_RANGE_ERROR, "Invalid count value: ", ARG(0), NULL);
  }
  uint32_t len = this_len(vm, args);
  if (len == 0 || n == 0) {
    *out = ENGINE_STR(EMPTY);
    return MVM_E_OK;
  }
  if ((num_int_t)len * n > 0x3FFFFFFF) return lib_range_error(vm, "Invalid string length");
  mvm_value_t* r;
  err = lib_reserve(vm, 1, &r);
  if (err) return err;
  lib_sb_t sb;
  err = sb_init(vm, &sb, &r[0], (uint32_t)(len * n));
  for (uint32_t i = 0; !err && i < (uint32_t)n; i++) err = sb_string(vm, &sb, &THIS);
  if (!err) err = sb_finish(vm, &sb, out);
  lib_release(vm, r);
  return err;
}

static mvm_err_t pad(mvm_vm_t* vm, mvm_value_t* args, uint8_t argc, bool at_start,
                     mvm_value_t* out) {
  mvm_err_t err = this_string(vm, args);
  if (err) return err;
  uint32_t len = this_len(vm, args);
  num_int_t max = lib_to_integer(vm, ARG(0));
  if (max <= (num_int_t)len) {
    *out = THIS;
    return MVM_E_OK;
  }
  if (max > 0x3FFFFFFF) return lib_range_error(vm, "Invalid string length");
  mvm_value_t* r;
  err = lib_reserve(vm, 2, &r);
  if (err) return err;
  if (ARG(1) == VAL_UNDEFINED) {
    err = string_new_ascii(vm, " ", 1, &r[0]);
  } else {
    err = to_string(vm, ARG(1), &r[0]);
  }
  uint32_t flen = err ? 0 : string_view(vm, r[0]).len;
  if (!err && flen == 0) {
    *out = THIS;
    lib_release(vm, r);
    return MVM_E_OK;
  }
  lib_sb_t sb;
  if (!err) err = sb_init(vm, &sb, &r[1], (uint32_t)max);
  if (!err && !at_start) err = sb_string(vm, &sb, &THIS);
  uint32_t fill = (uint32_t)max - len;
  for (uint32_t done = 0; !err && done < fill; done += flen) {
    err = sb_range(vm, &sb, &r[0], 0, fill - done < flen ? fill - done : flen);
  }
  if (!err && at_start) err = sb_string(vm, &sb, &THIS);
  if (!err) err = sb_finish(vm, &sb, out);
  lib_release(vm, r);
  return err;
}

LIB_FN(string_pad_start) {
  LIB_UNUSED;
  return pad(vm, args, argc, true, out);
}

LIB_FN(string_pad_end) {
  LIB_UNUSED;
  return pad(vm, args, argc, false, out);
}

LIB_FN(string_concat) {
  LIB_UNUSED;
  mvm_value_t* r;
  mvm_err_t err = this_string(vm, args);
  if (!err) err = lib_reserve(vm, 2, &r);
  if (err) return err;
  lib_sb_t sb;
  err = sb_init(vm, &sb, &r[0], 16);
  if (!err) err = sb_string(vm, &sb, &THIS);
  for (uint8_t i = 0; !err && i < argc; i++) {
    err = to_string(vm, args[i], &r[1]);
    if (!err) err = sb_string(vm, &sb, &r[1]);
  }
  if (!err) err = sb_finish(vm, &sb, out);
  lib_release(vm, r);
  return err;
}

// ---- split ----

LIB_FN(string_split) {
  LIB_UNUSED;
  mvm_value_t* r;  // r[0] separator, r[1] result array, r[2] piece
  mvm_err_t err = this_string(vm, args);
  if (!err) err = lib_reserve(vm, 3, &r);
  if (err) return err;
  uint32_t limit = ARG(1) == VAL_UNDEFINED ? 0xFFFFFFFFu : (uint32_t)lib_to_int32(vm, ARG(1));
  err = array_new(vm, 0, &r[1]);
  if (!err && ARG(0) != VAL_UNDEFINED) err = to_string(vm, ARG(0), &r[0]);
  if (err || limit == 0) goto done;
  if (ARG(0) == VAL_UNDEFINED) {
    err = array_push(vm, &r[1], THIS);
    goto done;
  }
  uint32_t len = this_len(vm, args);
  uint32_t seplen = string_view(vm, r[0]).len;
  if (seplen == 0) {  // every unit
    for (uint32_t i = 0; !err && i < len && array_length(vm, r[1]) < limit; i++) {
      err = string_unit_at(vm, THIS, i, &r[2]);
      if (!err) err = array_push(vm, &r[1], r[2]);
    }
    goto done;
  }
  uint32_t p = 0;
  for (;;) {
    int32_t q = lib_string_find(vm, THIS, r[0], p);
    if (q < 0) break;
    err = lib_substring(vm, &THIS, p, (uint32_t)q, &r[2]);
    if (!err) err = array_push(vm, &r[1], r[2]);
    if (err || array_length(vm, r[1]) >= limit) goto done;
    p = (uint32_t)q + seplen;
  }
  err = lib_substring(vm, &THIS, p, len, &r[2]);
  if (!err) err = array_push(vm, &r[1], r[2]);
done:
  if (!err) *out = r[1];
  lib_release(vm, r);
  return err;
}

// ---- replace / replaceAll (string patterns) ----

// Appends the replacement for a match at pos of length mlen: the result of calling fn, or the
// template with $$, $&, $` and $' expanded. slots: [0] pattern, [1] replacement, [3] scratch.
static mvm_err_t append_replacement(mvm_vm_t* vm, mvm_value_t* args, lib_sb_t* sb,
                                    mvm_value_t* slots, uint32_t pos, uint32_t mlen) {
  mvm_err_t err;
  if (value_is_callable(vm, slots[1])) {
    err = lib_substring(vm, &THIS, pos, pos + mlen, &slots[3]);
    if (err) return err;
    mvm_value_t argv[3] = {slots[3], value_from_int((int32_t)pos), THIS};
    err = lib_call_js(vm, slots[1], VAL_UNDEFINED, argv, 3, &slots[3]);
    if (!err) err = to_string(vm, slots[3], &slots[3]);
    return err ? err : sb_string(vm, sb, &slots[3]);
  }
  uint32_t tlen = string_view(vm, slots[1]).len;
  uint32_t run = 0;  // start of the literal run being copied
  for (uint32_t i = 0; i < tlen; i++) {
    string_view_t t = string_view(vm, slots[1]);
    if (view_unit(&t, i) != '$' || i + 1 >= tlen) continue;
    uint16_t c = view_unit(&t, i + 1);
    if (c != '$' && c != '&' && c != '`' && c != '\'') continue;
    err = sb_range(vm, sb, &slots[1], run, i);
    if (err) return err;
    uint32_t len = string_view(vm, THIS).len;
    if (c == '$') err = sb_unit(vm, sb, '$');
    else if (c == '&') err = sb_range(vm, sb, &THIS, pos, pos + mlen);
    else if (c == '`') err = sb_range(vm, sb, &THIS, 0, pos);
    else err = sb_range(vm, sb, &THIS, pos + mlen, len);
    if (err) return err;
    i++;
    run = i + 1;
  }
  return sb_range(vm, sb, &slots[1], run, tlen);
}

static mvm_err_t replace(mvm_vm_t* vm, mvm_value_t* args, uint8_t argc, bool all,
                         mvm_value_t* out) {
  mvm_value_t* r;  // [0] pattern, [1] replacement, [2] builder, [3] scratch
  mvm_err_t err = this_string(vm, args);
  if (!err) err = lib_reserve(vm, 4, &r);
  if (err) return err;
  err = arg_string(vm, args, argc, 0, &r[0]);
  r[1] = ARG(1);
  if (!err && !value_is_callable(vm, r[1])) err = to_string(vm, r[1], &r[1]);
  lib_sb_t sb;
  if (!err) err = sb_init(vm, &sb, &r[2], string_view(vm, THIS).len);
  uint32_t plen = err ? 0 : string_view(vm, r[0]).len;
  uint32_t p = 0;  // end of the text already copied
  uint32_t from = 0;
  while (!err) {
    int32_t q = lib_string_find(vm, THIS, r[0], from);
    if (q < 0) break;
    err = sb_range(vm, &sb, &THIS, p, (uint32_t)q);
    if (!err) err = append_replacement(vm, args, &sb, r, (uint32_t)q, plen);
    p = (uint32_t)q + plen;
    if (!all) break;
    from = plen ? p : p + 1;  // an empty pattern matches between every unit
    if (from > string_view(vm, THIS).len) break;
  }
  if (!err) err = sb_range(vm, &sb, &THIS, p, string_view(vm, THIS).len);
  if (!err) err = sb_finish(vm, &sb, out);
  lib_release(vm, r);
  return err;
}

LIB_FN(string_replace) {
  LIB_UNUSED;
  return replace(vm, args, argc, false, out);
}

LIB_FN(string_replace_all) {
  LIB_UNUSED;
  return replace(vm, args, argc, true, out);
}

// ---- localeCompare ----

/* Not ICU: an approximation of the root collation good for ASCII words, which is what sort
 * comparators use it for. Primary: whitespace and punctuation < digits < letters, letters
 * compared case-insensitively; then, at equal primary weight, lowercase before uppercase. */
static uint32_t primary_weight(uint16_t c) {
  if (c >= '0' && c <= '9') return 0x10000u + c;
  if (c >= 'a' && c <= 'z') return 0x20000u + (uint32_t)(c - 'a') * 2;
  if (c >= 'A' && c <= 'Z') return 0x20000u + (uint32_t)(c - 'A') * 2;
  if (c < 0x80) return c;
  return 0x30000u + c;
}

LIB_FN(string_locale_compare) {
  LIB_UNUSED;
  mvm_value_t* r;
  mvm_err_t err = this_string(vm, args);
  if (!err) err = lib_reserve(vm, 1, &r);
  if (err) return err;
  err = arg_string(vm, args, argc, 0, &r[0]);
  if (!err) {
    string_view_t a = string_view(vm, THIS), b = string_view(vm, r[0]);
    int result = 0, tie = 0;
    uint32_t n = a.len < b.len ? a.len : b.len;
    for (uint32_t i = 0; i < n && !result; i++) {
      uint16_t x = view_unit(&a, i), y = view_unit(&b, i);
      uint32_t wx = primary_weight(x), wy = primary_weight(y);
      if (wx != wy) result = wx < wy ? -1 : 1;
      else if (!tie && x != y) tie = x > y ? -1 : 1;  // 'a' (97) before 'A' (65)
    }
    if (!result) result = a.len != b.len ? (a.len < b.len ? -1 : 1) : tie;
    *out = value_from_int(result);
  }
  lib_release(vm, r);
  return err;
}

#endif  // MVM_LIB_STRING
