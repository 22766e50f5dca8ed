/* lib_number.c: Number, Boolean and String as conversion functions, the global isNaN, isFinite,
 * parseInt and parseFloat, Number.isNaN/isFinite/isInteger/isSafeInteger, and the methods of
 * number values (toFixed, toString(radix)).
 *
 * toFixed is exact: the digits are computed from the double's binary value with a small
 * fixed-size big integer (at most 2^70 * 10^100 < 2^416), so (1.005).toFixed(2) is "1.00" and
 * (2.5).toFixed(0) is "3" as in JS, with no C library formatting. toString(radix) follows V8's
 * DoubleToRadixCString digit for digit, so fractions print as in Node.
 */
#include "lib.h"

#if MVM_LIB_NUMBER  // the family is optional (mvm_port_default.h)

// ---- Conversion functions ----

LIB_FN(number_call) {  // Number(x)
  LIB_UNUSED;
  if (argc == 0) {
    *out = value_from_int(0);
    return MVM_E_OK;
  }
  if (value_is_number(vm, args[0])) {
    *out = args[0];
    return MVM_E_OK;
  }
#if MVM_SUPPORT_FLOAT
  return number_make(vm, to_number(vm, args[0]), out);
#else
  num_t n = to_number(vm, args[0]);
  if (n == NUM_INEXACT) return throw_error(vm, EK_RANGE_ERROR, "", args[0], NUM_NOT_INTEGER);
  return number_make(vm, n, out);
#endif
}

LIB_FN(boolean_call) {  // Boolean(x)
  LIB_UNUSED;
  *out = value_from_bool(to_boolean(vm, ARG(0)));
  return MVM_E_OK;
}

LIB_FN(string_call) {  // String(x)
  LIB_UNUSED;
  if (argc == 0) {
    *out = ENGINE_STR(EMPTY);
    return MVM_E_OK;
  }
  return to_string(vm, args[0], out);
}

// ---- Predicates ----

#if MVM_SUPPORT_FLOAT
static bool is_finite(double d) { return d - d == 0; }

LIB_FN(global_is_nan) {
  LIB_UNUSED;
  double d = to_number(vm, ARG(0));
  *out = value_from_bool(d != d);
  return MVM_E_OK;
}

LIB_FN(global_is_finite) {
  LIB_UNUSED;
  *out = value_from_bool(is_finite(to_number(vm, ARG(0))));
  return MVM_E_OK;
}

// Number.isX: no conversion; anything but a number is false.
LIB_FN(number_is_nan) {
  LIB_UNUSED;
  mvm_value_t v = ARG(0);
  *out = value_from_bool(value_is_number(vm, v) && number_value(vm, v) != number_value(vm, v));
  return MVM_E_OK;
}

LIB_FN(number_is_finite) {
  LIB_UNUSED;
  mvm_value_t v = ARG(0);
  *out = value_from_bool(value_is_number(vm, v) && is_finite(number_value(vm, v)));
  return MVM_E_OK;
}

static bool is_integer(mvm_vm_t* vm, mvm_value_t v, double* d) {
  if (value_is_int(v)) {
    *d = (double)value_as_int(v);
    return true;
  }
  if (!value_is_number(vm, v)) return false;
  *d = number_value(vm, v);
  return is_finite(*d) && MVM_TRUNC(*d) == *d;
}

LIB_FN(number_is_integer) {
  LIB_UNUSED;
  double d;
  *out = value_from_bool(is_integer(vm, ARG(0), &d));
  return MVM_E_OK;
}

LIB_FN(number_is_safe_integer) {
  LIB_UNUSED;
  double d;
  *out = value_from_bool(is_integer(vm, ARG(0), &d) && d <= 9007199254740991.0 &&
                         d >= -9007199254740991.0);
  return MVM_E_OK;
}
#else
// Numbers are int32s here: every number is finite and an integer, none is NaN.
LIB_FN(global_is_nan) {
  LIB_UNUSED;
  *out = value_from_bool(to_number(vm, ARG(0)) == NUM_NAN);  // "1.5" is a number, not NaN
  return MVM_E_OK;
}

LIB_FN(global_is_finite) {
  LIB_UNUSED;
  num_t n = to_number(vm, ARG(0));
  // "1.5" is finite but "Infinity" is not, and both are NUM_INEXACT: the answer is not known.
  if (n == NUM_INEXACT) return throw_error(vm, EK_RANGE_ERROR, "", ARG(0), NUM_NOT_INTEGER);
  *out = value_from_bool(n != NUM_NAN);
  return MVM_E_OK;
}

// Number.isX: no conversion. Every number is an int32 (boxed past int31), unless a damaged
// image's FLOAT64 holds none.
static bool is_int32_number(mvm_vm_t* vm, mvm_value_t v) {
  if (value_is_int(v)) return true;
  if (!value_is_number(vm, v)) return false;
  num_t n = number_value(vm, v);
  return n != NUM_NAN && n != NUM_INEXACT;
}

LIB_FN(number_is_nan) {
  LIB_UNUSED;
  *out = value_from_bool(value_is_number(vm, ARG(0)) && number_value(vm, ARG(0)) == NUM_NAN);
  return MVM_E_OK;
}

LIB_FN(number_is_finite) {
  LIB_UNUSED;
  *out = value_from_bool(is_int32_number(vm, ARG(0)));
  return MVM_E_OK;
}

LIB_FN(number_is_integer) {
  LIB_UNUSED;
  *out = value_from_bool(is_int32_number(vm, ARG(0)));
  return MVM_E_OK;
}

LIB_FN(number_is_safe_integer) {
  LIB_UNUSED;
  *out = value_from_bool(is_int32_number(vm, ARG(0)));
  return MVM_E_OK;
}

#endif

// ---- parseInt / parseFloat ----

#endif  // MVM_LIB_NUMBER
#if MVM_LIB_NUMBER || MVM_LIB_STRING  // trim uses it too
// JS WhiteSpace and LineTerminator (the set String.prototype.trim removes).
bool lib_is_space(uint16_t c) {
  switch (c) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20: case 0xA0:
    case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}
#endif
#if MVM_LIB_NUMBER

static int digit_of(uint16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

LIB_FN(global_parse_int) {
  LIB_UNUSED;
  mvm_value_t* r;
  mvm_err_t err = lib_reserve(vm, 1, &r);
  if (err) return err;
  err = to_string(vm, ARG(0), &r[0]);
  if (err) return lib_release(vm, r), err;
  int32_t radix = lib_to_int32(vm, ARG(1));
  string_view_t sv = string_view(vm, r[0]);
  uint32_t i = 0;
  while (i < sv.len && lib_is_space(view_unit(&sv, i))) i++;
  bool negative = false;
  if (i < sv.len && (view_unit(&sv, i) == '+' || view_unit(&sv, i) == '-')) {
    negative = view_unit(&sv, i) == '-';
    i++;
  }
  bool strip_prefix = true;
#if MVM_SUPPORT_FLOAT
  double result = 0.0 / 0.0;
#else
  num_t result = NUM_NAN;
#endif
  if (radix != 0) {
    if (radix < 2 || radix > 36) goto done;
    if (radix != 16) strip_prefix = false;
  } else {
    radix = 10;
  }
  if (strip_prefix && i + 1 < sv.len && view_unit(&sv, i) == '0' &&
      (view_unit(&sv, i + 1) == 'x' || view_unit(&sv, i + 1) == 'X')) {
    i += 2;
    radix = 16;
  }
  uint32_t start = i;
  while (i < sv.len && digit_of(view_unit(&sv, i)) < radix) i++;
  if (i == start) goto done;
  if (radix == 10) {
    // Decimal digits convert exactly through the number parser (as V8 does).
    result = number_parse(sv.data + (sv.wide ? 2 * start : start), i - start, sv.wide);
  } else {
#if MVM_SUPPORT_FLOAT
    result = 0;
    for (uint32_t k = start; k < i; k++) result = result * radix + digit_of(view_unit(&sv, k));
#else
    uint64_t v = 0;
    bool big = false;
    for (uint32_t k = start; k < i && !big; k++) {
      uint64_t dv = (uint64_t)digit_of(view_unit(&sv, k));
      big = v > ((uint64_t)NUM_MAX - dv) / (uint64_t)radix;
      v = v * (uint64_t)radix + dv;
    }
    result = big ? NUM_INEXACT : (num_t)v;
#endif
  }
#if MVM_SUPPORT_FLOAT
  if (negative) result = -result;
#else
  if (negative && result != NUM_INEXACT) result = -result;
#endif
done:
#if !MVM_SUPPORT_FLOAT
  if (result == NUM_INEXACT) {  // too large for num_t: the message names the string
    err = throw_error(vm, EK_RANGE_ERROR, "", r[0], NUM_NOT_INTEGER);
    lib_release(vm, r);
    return err;
  }
#endif
  lib_release(vm, r);
  return number_make(vm, result, out);
}

LIB_FN(global_parse_float) {
  LIB_UNUSED;
  mvm_value_t* r;
  mvm_err_t err = lib_reserve(vm, 1, &r);
  if (err) return err;
  err = to_string(vm, ARG(0), &r[0]);
  if (err) return lib_release(vm, r), err;
  string_view_t sv = string_view(vm, r[0]);
  uint32_t i = 0;
  while (i < sv.len && lib_is_space(view_unit(&sv, i))) i++;
  uint32_t start = i;
  if (i < sv.len && (view_unit(&sv, i) == '+' || view_unit(&sv, i) == '-')) i++;
  // The longest prefix that is a StrDecimalLiteral: Infinity, or digits . digits e digits.
  static const char inf[] = "Infinity";
  uint32_t k = 0;
  while (k < 8 && i + k < sv.len && view_unit(&sv, i + k) == (uint16_t)inf[k]) k++;
#if MVM_SUPPORT_FLOAT
  double result = 0.0 / 0.0;
  if (k == 8) {
    result = view_unit(&sv, start) == '-' ? -1.0 / 0.0 : 1.0 / 0.0;
  } else {
#else
  num_t result = NUM_NAN;
  if (k == 8) {
    result = NUM_INEXACT;
  } else {
#endif
    uint32_t digits = 0;
    while (i < sv.len && view_unit(&sv, i) >= '0' && view_unit(&sv, i) <= '9') i++, digits++;
    if (i < sv.len && view_unit(&sv, i) == '.') {
      i++;
      while (i < sv.len && view_unit(&sv, i) >= '0' && view_unit(&sv, i) <= '9') i++, digits++;
    }
    if (digits > 0) {
      if (i < sv.len && (view_unit(&sv, i) == 'e' || view_unit(&sv, i) == 'E')) {
        uint32_t j = i + 1;
        if (j < sv.len && (view_unit(&sv, j) == '+' || view_unit(&sv, j) == '-')) j++;
        uint32_t exp_start = j;
        while (j < sv.len && view_unit(&sv, j) >= '0' && view_unit(&sv, j) <= '9') j++;
        if (j > exp_start) i = j;
      }
      uint32_t w = sv.wide ? 2 : 1;
      // "5." and ".5" are decimal literals here but not for the number parser's every form:
      // number_parse accepts both, and a lone "." has no digits so never reaches this point.
      result = number_parse(sv.data + w * start, i - start, sv.wide);
    }
  }
#if !MVM_SUPPORT_FLOAT
  if (result == NUM_INEXACT) {  // "1.5", "Infinity": the message names the string
    err = throw_error(vm, EK_RANGE_ERROR, "", r[0], NUM_NOT_INTEGER);
    lib_release(vm, r);
    return err;
  }
#endif
  lib_release(vm, r);
  return number_make(vm, result, out);
}

#if MVM_SUPPORT_FLOAT
// ---- toFixed: exact, with a fixed-size big integer ----

#define BIG_LIMBS 16  // 512 bits: m < 2^53, 2^e <= 2^17 (x < 1e21), 10^f <= 10^100 < 2^333

typedef struct big {
  uint32_t limb[BIG_LIMBS];  // little-endian
  int n;                     // limbs in use
} big_t;

static void big_mul_small(big_t* b, uint32_t m, uint32_t add) {
  uint64_t carry = add;
  for (int i = 0; i < b->n; i++) {
    uint64_t t = (uint64_t)b->limb[i] * m + carry;
    b->limb[i] = (uint32_t)t;
    carry = t >> 32;
  }
  if (carry && b->n < BIG_LIMBS) b->limb[b->n++] = (uint32_t)carry;
}

static bool big_bit(const big_t* b, uint32_t bit) {
  uint32_t i = bit / 32;
  return (int)i < b->n && ((b->limb[i] >> (bit % 32)) & 1u);
}

static void big_shift_right(big_t* b, uint32_t s) {
  uint32_t words = s / 32, bits = s % 32;
  if ((int)words >= b->n) {
    b->n = 0;
    return;
  }
  for (int i = 0; i + (int)words < b->n; i++) {
    uint64_t lo = b->limb[i + (int)words];
    uint64_t hi = i + (int)words + 1 < b->n ? b->limb[i + (int)words + 1] : 0;
    b->limb[i] = (uint32_t)(((hi << 32) | lo) >> bits);
  }
  b->n -= (int)words;
  while (b->n > 0 && b->limb[b->n - 1] == 0) b->n--;
}

static void big_shift_left(big_t* b, uint32_t s) {
  for (uint32_t k = 0; k < s; k++) big_mul_small(b, 2, 0);
}

// Divides by 10 in place; returns the remainder.
static uint32_t big_div10(big_t* b) {
  uint64_t rem = 0;
  for (int i = b->n - 1; i >= 0; i--) {
    uint64_t cur = (rem << 32) | b->limb[i];
    b->limb[i] = (uint32_t)(cur / 10);
    rem = cur % 10;
  }
  while (b->n > 0 && b->limb[b->n - 1] == 0) b->n--;
  return (uint32_t)rem;
}

// Writes round(x * 10^f) (ties away from zero, x >= 0, x < 1e21) as decimal digits into buf,
// most significant first; returns the count.
static uint32_t fixed_digits(double x, uint32_t f, char* buf) {
  uint64_t bits;
  MVM_MEMCPY(&bits, &x, sizeof bits);
  int exp = (int)((bits >> 52) & 0x7FF);
  uint64_t m = bits & (((uint64_t)1 << 52) - 1);
  if (exp) m |= (uint64_t)1 << 52;
  else exp = 1;  // subnormal
  int e = exp - 1075;  // x == m * 2^e
  big_t b;
  b.limb[0] = (uint32_t)m;
  b.limb[1] = (uint32_t)(m >> 32);
  b.n = m ? (b.limb[1] ? 2 : 1) : 0;
  for (uint32_t i = 0; i < f; i++) big_mul_small(&b, 10, 0);
  if (e >= 0) {
    big_shift_left(&b, (uint32_t)e);
  } else {
    uint32_t s = (uint32_t)-e;
    bool round_up = big_bit(&b, s - 1);  // the first dropped bit is 1: at or above one half
    big_shift_right(&b, s);
    if (round_up) {
      if (b.n == 0) b.limb[b.n++] = 0;
      big_mul_small(&b, 1, 1);
    }
  }
  char rev[160];
  uint32_t n = 0;
  do {
    rev[n++] = (char)('0' + big_div10(&b));
  } while (b.n > 0 && n < sizeof rev);
  for (uint32_t i = 0; i < n; i++) buf[i] = rev[n - 1 - i];
  return n;
}

static mvm_err_t this_number(mvm_vm_t* vm, mvm_value_t* args, double* out) {
  if (!value_is_number(vm, THIS)) return lib_type_error(vm, "this is not a number");
  *out = number_value(vm, THIS);
  return MVM_E_OK;
}

LIB_FN(number_to_fixed) {
  LIB_UNUSED;
  double x = 0;
  mvm_err_t err = this_number(vm, args, &x);
  if (err) return err;
  double fd = lib_to_integer(vm, ARG(0));
  if (fd < 0 || fd > 100) {
    return lib_range_error(vm, "toFixed() digits argument must be between 0 and 100");
  }
  uint32_t f = (uint32_t)fd;
  if (x != x || x >= 1e21 || x <= -1e21) return to_string(vm, THIS, out);
  char buf[300];  // sign, up to 22 integer digits, point, 100 fraction digits
  uint32_t len = 0;
  if (x < 0) {
    buf[len++] = '-';
    x = -x;
  }
  char digits[160];
  uint32_t n = fixed_digits(x, f, digits);
  if (n <= f) {  // pad to one integer digit: 0.00ddd
    uint32_t pad = f + 1 - n;
    MVM_MEMMOVE(digits + pad, digits, n);
    MVM_MEMSET(digits, '0', pad);
    n += pad;
  }
  MVM_MEMCPY(buf + len, digits, n - f);
  len += n - f;
  if (f) {
    buf[len++] = '.';
    MVM_MEMCPY(buf + len, digits + n - f, f);
    len += f;
  }
  return string_new_ascii(vm, buf, len, out);
}

// ---- toString(radix): V8's DoubleToRadixCString ----

static double next_double(double d) {  // d finite and >= 0
  uint64_t bits;
  MVM_MEMCPY(&bits, &d, sizeof bits);
  bits++;
  MVM_MEMCPY(&d, &bits, sizeof d);
  return d;
}

static bool exponent_positive(double d) {  // d >= 2^53: its ulp is above 1
  return d >= 9007199254740992.0;
}

static const char radix_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

// Writes value (finite, > 0) in radix. Fraction digits are produced first (a carry may reach
// the integer part), into a heap string builder since radix 2 can need over a thousand digits.
static mvm_err_t radix_string(mvm_vm_t* vm, double value, int radix, bool negative,
                              mvm_value_t* slots, mvm_value_t* out) {
  double integer = MVM_FLOOR(value);
  double fraction = value - integer;
  double delta = 0.5 * (next_double(value) - value);
  double min_delta = next_double(0.0);
  if (min_delta > delta) delta = min_delta;
  lib_sb_t frac;
  mvm_err_t err = sb_init(vm, &frac, &slots[0], 16);
  if (err) return err;
  if (fraction >= delta) {
    do {
      fraction *= radix;
      delta *= radix;
      int digit = (int)fraction;
      err = sb_unit(vm, &frac, (uint16_t)radix_chars[digit]);
      if (err) return err;
      fraction -= digit;
      if (fraction > 0.5 || (fraction == 0.5 && (digit & 1))) {
        if (fraction + delta > 1) {
          // Round up, propagating the carry back through the digits already written.
          uint8_t* d = heap_ptr(vm, slots[0]) + STRING_DATA;
          for (;;) {
            if (frac.len == 0) {
              integer += 1;
              break;
            }
            frac.len--;
            char c = (char)d[frac.len];
            int dv = c > '9' ? c - 'a' + 10 : c - '0';
            if (dv + 1 < radix) {
              d[frac.len++] = (uint8_t)radix_chars[dv + 1];
              break;
            }
          }
          break;
        }
      }
    } while (fraction >= delta);
  }
  // Integer digits, least significant first, then reversed.
  lib_sb_t ints;
  err = sb_init(vm, &ints, &slots[1], 16);
  if (err) return err;
  while (exponent_positive(integer / radix)) {
    integer /= radix;
    err = sb_unit(vm, &ints, '0');
    if (err) return err;
  }
  do {
    double rem = MVM_FMOD(integer, (double)radix);
    err = sb_unit(vm, &ints, (uint16_t)radix_chars[(int)rem]);
    if (err) return err;
    integer = (integer - rem) / radix;
  } while (integer > 0);
  if (negative) {
    err = sb_unit(vm, &ints, '-');
    if (err) return err;
  }
  uint8_t* d = heap_ptr(vm, slots[1]) + STRING_DATA;
  for (uint32_t i = 0, j = ints.len - 1; i < j; i++, j--) {
    uint8_t t = d[i];
    d[i] = d[j];
    d[j] = t;
  }
  if (frac.len) {
    err = sb_unit(vm, &ints, '.');
    if (!err) err = sb_finish(vm, &frac, &slots[2]);
    if (!err) err = sb_string(vm, &ints, &slots[2]);
    if (err) return err;
  }
  return sb_finish(vm, &ints, out);
}

LIB_FN(number_to_string) {
  LIB_UNUSED;
  double x = 0;
  mvm_err_t err = this_number(vm, args, &x);
  if (err) return err;
  double radix = ARG(0) == VAL_UNDEFINED ? 10 : lib_to_integer(vm, ARG(0));
  if (radix < 2 || radix > 36) {
    return lib_range_error(vm, "toString() radix must be between 2 and 36");
  }
  if (radix == 10 || x != x || !is_finite(x)) return to_string(vm, THIS, out);
  if (x == 0) {
    *out = value_from_int(0);
    return to_string(vm, *out, out);
  }
  mvm_value_t* slots;
  err = lib_reserve(vm, 3, &slots);
  if (err) return err;
  err = radix_string(vm, x < 0 ? -x : x, (int)radix, x < 0, slots, out);
  lib_release(vm, slots);
  return err;
}
#else
// ---- toFixed, toString(radix) of integers ----

static mvm_err_t this_number(mvm_vm_t* vm, mvm_value_t* args, num_t* out) {
  if (!value_is_number(vm, THIS)) return lib_type_error(vm, "this is not a number");
  *out = number_value(vm, THIS);
  // An int32, unless a damaged image's FLOAT64 holds none: no value to print.
  if (*out == NUM_NAN || *out == NUM_INEXACT) return number_not_integer(vm, "#", *out, 0);
  return MVM_E_OK;
}

LIB_FN(number_to_fixed) {  // an integer's digits, then f zeros after the point
  LIB_UNUSED;
  num_t x = 0;
  mvm_err_t err = this_number(vm, args, &x);
  if (err) return err;
  num_int_t f = lib_to_integer(vm, ARG(0));
  if (f < 0 || f > 100) {
    return lib_range_error(vm, "toFixed() digits argument must be between 0 and 100");
  }
  char buf[120];  // sign, 10 digits (an int32), point, 100 zeros
  size_t len = number_format(x, buf);
  if (f) {
    buf[len++] = '.';
    MVM_MEMSET(buf + len, '0', (size_t)f);
    len += (size_t)f;
  }
  return string_new_ascii(vm, buf, len, out);
}

LIB_FN(number_to_string) {
  LIB_UNUSED;
  num_t x = 0;
  mvm_err_t err = this_number(vm, args, &x);
  if (err) return err;
  num_int_t radix = ARG(0) == VAL_UNDEFINED ? 10 : lib_to_integer(vm, ARG(0));
  if (radix < 2 || radix > 36) {
    return lib_range_error(vm, "toString() radix must be between 2 and 36");
  }
  if (radix == 10) return to_string(vm, THIS, out);
  char rev[40];  // 32 binary digits (2^31) and a sign
  size_t n = 0;
  uint32_t u = x < 0 ? (uint32_t)-(int64_t)x : (uint32_t)x;
  do {
    rev[n++] = "0123456789abcdefghijklmnopqrstuvwxyz"[u % (uint32_t)radix];
    u /= (uint32_t)radix;
  } while (u);
  if (x < 0) rev[n++] = '-';
  char buf[40];
  for (size_t k = 0; k < n; k++) buf[k] = rev[n - 1 - k];
  return string_new_ascii(vm, buf, n, out);
}

#endif

#endif  // MVM_LIB_NUMBER
