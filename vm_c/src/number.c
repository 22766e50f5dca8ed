/* number.c: numbers. Boxing (int31 or FLOAT64), JS Number::toString, JS StringToNumber, ToInt32.
 *
 * Invariant kept here: number_make is the only producer of number values, and it returns an
 * int31 exactly when the double is an integer in int31 range that is not -0.
 *
 * Digit generation (shortest round trip) and decimal-to-binary conversion are port hooks
 * (MVM_DTOA, MVM_STRTOD); this file does the JS-specific parts around them: where the decimal
 * point goes, when to use exponent form, which strings are numbers at all. The portable,
 * exact defaults of those hooks, for ports without a C library, are in dtoa.c.
 *
 * The integer-only build (MVM_SUPPORT_FLOAT=0) replaces each of these with an integer version
 * under #if: formatting is a digit loop, parsing keeps the value as an integer and says when it is
 * not one (NUM_NAN, NUM_INEXACT, internal.h), and number_make_result boxes the int32s past int31
 * as FLOAT64s whose bits it writes with integer operations (float64_encode_int32), and throws
 * the build's RangeError for what is no int32 (or, with MVM_INT32_OVERFLOW_CHECKS=0, wraps an
 * integer into int32). No double appears in that build.
 */
#include "internal.h"

// ---- IEEE-754 bits <-> int32, with integer operations (both builds) ----
//
// A binary64 is sign (bit 63), biased exponent (bits 52-62) and 52 fraction bits; hi holds the
// sign, the exponent and the fraction's top 20 bits, lo its low 32. An integer 1 <= m < 2^32
// is 1.f * 2^e with e = the index of m's top bit, its other e bits the fraction's top e bits.
// Only 32-bit shifts and masks, so Cortex-M0 needs no helper routine.

bool float64_to_int32(uint32_t lo, uint32_t hi, int32_t* out) {
  uint32_t biased = (hi >> 20) & 0x7FFu, frac_hi = hi & 0xFFFFFu, m;
  bool negative = (hi >> 31) != 0;
  if (biased == 0) {  // zero (-0 is no int32), or a subnormal (a fraction)
    *out = 0;
    return !negative && frac_hi == 0 && lo == 0;
  }
  if (biased < 1023 || biased > 1023 + 31) return false;  // |d| < 1, >= 2^32, Infinity, NaN
  uint32_t e = biased - 1023;
  // Fraction bits weighing less than 1 (the low 52 - e) must be zero for an integer.
  if (e <= 20) {
    if (lo != 0 || (frac_hi & ((1u << (20 - e)) - 1u)) != 0) return false;
    m = (1u << e) | (frac_hi >> (20 - e));
  } else {
    if ((lo & ((1u << (52 - e)) - 1u)) != 0) return false;
    m = (1u << e) | (frac_hi << (e - 20)) | (lo >> (52 - e));
  }
  if (negative) {
    if (m > 0x80000000u) return false;
    *out = m == 0x80000000u ? INT32_MIN : -(int32_t)m;
  } else {
    if (m > 0x7FFFFFFFu) return false;
    *out = (int32_t)m;
  }
  return true;
}

void float64_encode_int32(int32_t i, uint8_t* p) {
  uint32_t m = i < 0 ? 0u - (uint32_t)i : (uint32_t)i, e = 31, lo = 0, hi;
  if (m == 0) {  // +0.0 (boxing never gets here: 0 is an int31); the loop below needs m != 0
    wr32(p, 0);
    wr32(p + 4, 0);
    return;
  }
  while (!(m >> e)) e--;
  uint32_t rest = m & ~(1u << e);  // the fraction's top e bits
  if (e <= 20) {
    hi = rest << (20 - e);
  } else {
    hi = rest >> (e - 20);
    lo = rest << (52 - e);
  }
  hi |= (1023u + e) << 20;
  if (i < 0) hi |= 0x80000000u;
  wr32(p, lo);
  wr32(p + 4, hi);
}

#if !MVM_SUPPORT_FLOAT
bool value_is_number(mvm_vm_t* vm, mvm_value_t v) {
  return value_is_int(v) || value_type(vm, v) == TC_FLOAT64;
}

num_t number_value(mvm_vm_t* vm, mvm_value_t v) {
  if (value_is_int(v)) return value_as_int(v);
  const uint8_t* p = value_ptr(vm, v);
  uint32_t lo = rd32(p + 4), hi = rd32(p + 8);
  int32_t i;
  if (float64_to_int32(lo, hi, &i)) return i;
  // Only a damaged or foreign image gets here (restore refuses any other FLOAT64 without
  // FEATURE FLOAT64, and with it the whole image): NaN stays NaN, the rest has no exact value.
  bool nan = (hi & 0x7FF00000u) == 0x7FF00000u && ((hi & 0xFFFFFu) | lo) != 0;
  return nan ? NUM_NAN : NUM_INEXACT;
}

mvm_err_t number_make_result(mvm_vm_t* vm, num_t n, const char* form, num_t a, num_t b,
                             mvm_value_t* out) {
  if (n == NUM_NAN || n == NUM_INEXACT) return number_not_integer(vm, form, a, b);
  if (n < INT32_MIN || n > INT32_MAX) {
#if MVM_INT32_OVERFLOW_CHECKS
    return number_not_integer(vm, form, a, b);
#else
    n = number_wrap_int32(n);
#endif
  }
  if (n >= INT31_MIN && n <= INT31_MAX) {
    *out = value_from_int((int32_t)n);
    return MVM_E_OK;
  }
  uint32_t off = heap_alloc(vm, 12, TC_FLOAT64);
  if (off == 0) return MVM_E_OUT_OF_MEMORY;
  float64_encode_int32((int32_t)n, heap_ptr(vm, off) + 4);
  *out = value_from_heap_offset(off);
  return MVM_E_OK;
}
#endif

#if MVM_SUPPORT_FLOAT
bool value_is_number(mvm_vm_t* vm, mvm_value_t v) {
  return value_is_int(v) || value_type(vm, v) == TC_FLOAT64;
}

double number_value(mvm_vm_t* vm, mvm_value_t v) {
  if (value_is_int(v)) return (double)value_as_int(v);
  return rd_f64(value_ptr(vm, v) + 4);
}

static bool is_negative_zero(double d) {
  uint64_t bits;
  MVM_MEMCPY(&bits, &d, sizeof bits);
  return bits == ((uint64_t)1 << 63);
}

mvm_err_t number_make(mvm_vm_t* vm, double d, mvm_value_t* out) {
  if (d >= (double)INT31_MIN && d <= (double)INT31_MAX) {
    int32_t i = (int32_t)d;
    if ((double)i == d && !is_negative_zero(d)) {
      *out = value_from_int(i);
      return MVM_E_OK;
    }
  }
  uint32_t off = heap_alloc(vm, 12, TC_FLOAT64);
  if (off == 0) return MVM_E_OUT_OF_MEMORY;
  wr_f64(heap_ptr(vm, off) + 4, d);
  *out = value_from_heap_offset(off);
  return MVM_E_OK;
}
#endif

// ---- Number::toString ----

#if MVM_SUPPORT_FLOAT
static size_t put_int(char* out, int v) {
  char tmp[12];
  size_t n = 0, len = 0;
  unsigned u = v < 0 ? (unsigned)(-(v + 1)) + 1u : (unsigned)v;
  if (v < 0) out[len++] = '-';
  do {
    tmp[n++] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  while (n) out[len++] = tmp[--n];
  return len;
}

size_t number_format(double d, char* buf) {
  size_t len = 0;
  if (d != d) {
    MVM_MEMCPY(buf, "NaN", 4);
    return 3;
  }
  if (d == 0) {
    MVM_MEMCPY(buf, "0", 2);
    return 1;
  }
  if (d < 0) {
    buf[len++] = '-';
    d = -d;
  }
  if (d > 1.7976931348623157e308) {
    MVM_MEMCPY(buf + len, "Infinity", 9);
    return len + 8;
  }
  // Integers below 2^53 (every int31, loop counters, sums): their decimal digits are exactly
  // the shortest round trip, and JS prints them without exponent (< 1e21). No MVM_DTOA call.
  if (d < 9007199254740992.0 && d == (double)(uint64_t)d) {
    char tmp[20];
    size_t n = 0;
    uint64_t u64 = (uint64_t)d;
    if (u64 <= 0xFFFFFFFFu) {  // 32-bit division is cheap everywhere (Cortex-M0 included)
      uint32_t u = (uint32_t)u64;
      do {
        tmp[n++] = (char)('0' + u % 10u);
        u /= 10u;
      } while (u);
    } else {
      do {
        tmp[n++] = (char)('0' + (int)(u64 % 10u));
        u64 /= 10u;
      } while (u64);
    }
    while (n) buf[len++] = tmp[--n];
    buf[len] = '\0';
    return len;
  }
  char digits[24];
  int n;
  int k = MVM_DTOA(d, digits, &n);
  if (k < 1 || k > 17) {  // a broken hook must not overflow buf
    digits[0] = '0';
    k = 1;
    n = 1;
  }
  if (k <= n && n <= 21) {
    MVM_MEMCPY(buf + len, digits, (size_t)k);
    len += (size_t)k;
    for (int i = k; i < n; i++) buf[len++] = '0';
  } else if (0 < n && n <= 21) {
    MVM_MEMCPY(buf + len, digits, (size_t)n);
    len += (size_t)n;
    buf[len++] = '.';
    MVM_MEMCPY(buf + len, digits + n, (size_t)(k - n));
    len += (size_t)(k - n);
  } else if (-6 < n && n <= 0) {
    buf[len++] = '0';
    buf[len++] = '.';
    for (int i = 0; i < -n; i++) buf[len++] = '0';
    MVM_MEMCPY(buf + len, digits, (size_t)k);
    len += (size_t)k;
  } else {
    buf[len++] = digits[0];
    if (k > 1) {
      buf[len++] = '.';
      MVM_MEMCPY(buf + len, digits + 1, (size_t)(k - 1));
      len += (size_t)(k - 1);
    }
    buf[len++] = 'e';
    buf[len++] = n - 1 >= 0 ? '+' : '-';
    len += put_int(buf + len, n - 1 >= 0 ? n - 1 : 1 - n);
  }
  buf[len] = '\0';
  return len;
}
#else
size_t number_format(num_t n, char* buf) {
  if (n == NUM_NAN || n == NUM_INEXACT) {
    MVM_MEMCPY(buf, "NaN", 4);
    return 3;
  }
  char tmp[20];
  size_t k = 0, len = 0;
  uint64_t u = n < 0 ? 0u - (uint64_t)n : (uint64_t)n;
  if (n < 0) buf[len++] = '-';
  if (u <= 0xFFFFFFFFu) {  // every value (an int32): 32-bit division, cheap on Cortex-M0
    uint32_t w = (uint32_t)u;
    do {
      tmp[k++] = (char)('0' + w % 10u);
      w /= 10u;
    } while (w);
  } else {  // a parsed string's integer in an error message
    do {
      tmp[k++] = (char)('0' + (int)(u % 10u));
      u /= 10u;
    } while (u);
  }
  while (k) buf[len++] = tmp[--k];
  buf[len] = '\0';
  return len;
}

mvm_err_t number_not_integer(mvm_vm_t* vm, const char* form, num_t a, num_t b) {
  static const char tail[] = NUM_NOT_INTEGER;
  char msg[64 + sizeof tail];
  size_t len = 0;
  bool first = true;
  // Forms are short literals of the core; the bound only keeps a long one from overflowing.
  for (; *form && len < 40; form++) {
    if (*form != '#') {
      msg[len++] = *form;
    } else if ((first ? a : b) == NUM_INEXACT) {
      MVM_MEMCPY(msg + len, "non-integer", 11);
      len += 11;
      first = false;
    } else {
      len += number_format(first ? a : b, msg + len);
      first = false;
    }
  }
  MVM_MEMCPY(msg + len, tail, sizeof tail);
  return throw_error(vm, EK_RANGE_ERROR, msg, 0, NULL);
}
#endif

// ---- StringToNumber ----

static bool is_js_space(uint16_t c) {
  switch (c) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20: case 0xA0:
    case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

static uint16_t unit_at(const uint8_t* units, bool wide, uint32_t i) {
  return wide ? rd16(units + 2 * i) : rd8(units + i);
}

static int digit_value(uint16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// ---- StringToNumber's syntax, shared by the float and the integer-only parser ----

// The range [*start, *end) with JS white space cut from both ends.
static void trim_js_space(const uint8_t* units, bool wide, uint32_t* start, uint32_t* end) {
  while (*start < *end && is_js_space(unit_at(units, wide, *start))) (*start)++;
  while (*end > *start && is_js_space(unit_at(units, wide, *end - 1))) (*end)--;
}

// 16, 8 or 2 when [i, end) starts with 0x, 0o or 0b and has a digit after it, else 0.
static int radix_prefix(const uint8_t* units, bool wide, uint32_t i, uint32_t end) {
  if (end - i <= 2 || unit_at(units, wide, i) != '0') return 0;
  uint16_t c1 = unit_at(units, wide, i + 1);
  return (c1 == 'x' || c1 == 'X') ? 16 : (c1 == 'o' || c1 == 'O') ? 8
       : (c1 == 'b' || c1 == 'B') ? 2 : 0;
}

static bool is_infinity(const uint8_t* units, bool wide, uint32_t i, uint32_t end) {
  static const char inf[] = "Infinity";
  if (end - i != 8) return false;
  uint32_t j = 0;
  while (j < 8 && unit_at(units, wide, i + j) == (uint16_t)inf[j]) j++;
  return j == 8;
}

// The exponent part at [i, end) (nothing, or e/E, a sign and digits; capped at 100000):
// false when the text there is anything else.
static bool parse_exponent(const uint8_t* units, bool wide, uint32_t i, uint32_t end,
                           long* out) {
  *out = 0;
  if (i == end) return true;
  uint16_t c = unit_at(units, wide, i);
  if (c != 'e' && c != 'E') return false;
  i++;
  bool negative = false;
  if (i < end && (unit_at(units, wide, i) == '+' || unit_at(units, wide, i) == '-')) {
    negative = unit_at(units, wide, i) == '-';
    i++;
  }
  if (i >= end) return false;
  long exponent = 0;
  for (; i < end; i++) {
    uint16_t d = unit_at(units, wide, i);
    if (d < '0' || d > '9') return false;
    if (exponent < 100000) exponent = exponent * 10 + (d - '0');
  }
  *out = negative ? -exponent : exponent;
  return true;
}

#if MVM_SUPPORT_FLOAT
// MVM_STRTOD gets "[-]DDDe[-]X": the significant digits (at most MAX_SIG_DIGITS of them) and
// an exponent. Cutting a longer mantissa short keeps the rounding exact if a non-zero digit
// stands in for what was cut (a sticky digit): every point where rounding to a double
// changes (a halfway point between two doubles, (2m+1) * 2^(q-1), q >= -1074, 2m+1 < 2^54)
// has at most 768 significant digits, so no such point lies strictly between the first 768
// digits and the next value of that length, where both the input and its stand-in lie.
#define MAX_SIG_DIGITS 768

double number_parse(const uint8_t* units, uint32_t len, bool wide) {
  uint32_t start = 0, end = len;
  trim_js_space(units, wide, &start, &end);
  if (start == end) return 0;
  uint32_t i = start;
  uint16_t c0 = unit_at(units, wide, i);
  int radix = radix_prefix(units, wide, i, end);
  if (radix) {  // 0x / 0o / 0b integers: no sign, no fraction
    double v = 0;
    for (i += 2; i < end; i++) {
      int dv = digit_value(unit_at(units, wide, i));
      if (dv >= radix) return 0.0 / 0.0;
      v = v * radix + dv;
    }
    return v;
  }
  bool negative = false;
  if (c0 == '+' || c0 == '-') {
    negative = c0 == '-';
    i++;
  }
  if (is_infinity(units, wide, i, end)) return negative ? -1.0 / 0.0 : 1.0 / 0.0;
  // Decimal literal: digits [. digits] [e [sign] digits], at least one mantissa digit. The
  // significant digits go straight into buf, after the sign.
  char buf[1 + MAX_SIG_DIGITS + 1 + 1 + 12];  // sign, digits, sticky digit, 'e', exponent, NUL
  char* sig = buf + 1;
  int nsig = 0;
  long exp_adjust = 0;  // value = sig * 10^(exp_adjust + exponent)
  int mantissa_digits = 0;
  bool seen_point = false, sticky = false;
  for (; i < end; i++) {
    uint16_t c = unit_at(units, wide, i);
    if (c >= '0' && c <= '9') {
      mantissa_digits++;
      if (nsig == 0 && c == '0') {
        if (seen_point) exp_adjust--;
        continue;
      }
      if (nsig < MAX_SIG_DIGITS) {
        sig[nsig++] = (char)c;
        if (seen_point) exp_adjust--;
      } else {
        if (c != '0') sticky = true;
        if (!seen_point) exp_adjust++;
      }
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  long exponent;
  if (mantissa_digits == 0 || !parse_exponent(units, wide, i, end, &exponent)) return 0.0 / 0.0;
  if (nsig == 0) return negative ? -0.0 : 0.0;
  if (sticky) {  // one more digit: the exponent moves down one
    sig[nsig++] = '1';
    exp_adjust--;
  }
  size_t len_out = (size_t)nsig + 1;
  buf[0] = negative ? '-' : '+';
  buf[len_out++] = 'e';
  long e = exponent + exp_adjust;  // past +-100000 the value is 0 or Infinity all the same
  len_out += put_int(buf + len_out, e > 100000 ? 100000 : e < -100000 ? -100000 : (int)e);
  buf[len_out] = '\0';
  return MVM_STRTOD(buf);
}
#else
// The integer-only StringToNumber: the same syntax as above, the value kept as an integer.
// Significant digits past the first SIG_DIGITS only tell whether the value is exact: by then
// its magnitude is past NUM_MAX (2^53 < 10^16), unless they lie after the decimal point, where
// a non-zero one is a sticky digit: the 54 fraction digits after an integer part of up to 16
// digits are kept, enough to tell whether the nearest double is an integer (round_to_integer).
// The mode: PARSE_EXACT (StringToNumber), PARSE_TRUNC (ToIntegerOrInfinity) or PARSE_WRAP
// (ToUint32, as a num_t in [0, 2^32)).
#define SIG_DIGITS (16 + 54)
enum { PARSE_EXACT, PARSE_TRUNC, PARSE_WRAP };

// ToUint32 of a string's double past NUM_MAX, whose low bits are those of the decimal or
// radix-prefixed integer x (at least 2^53, below 2^96: four words, least significant first)
// and of a fraction when sticky: x's nearest double is M * 2^s with a 53-bit M, rounded half
// to even (the fraction a sticky bit), so its low 32 bits are M's shifted by s, none from
// s >= 32 (x >= 2^84).
static uint32_t wide_bit(const uint32_t x[4], int i) { return (x[i >> 5] >> (i & 31)) & 1u; }

static bool wide_mul_add(uint32_t x[4], uint32_t mul, uint32_t add) {  // false past 2^96
  uint64_t carry = add;
  for (int k = 0; k < 4; k++) {
    uint64_t t = (uint64_t)x[k] * mul + carry;
    x[k] = (uint32_t)t;
    carry = t >> 32;
  }
  return x[3] == 0;
}

static uint32_t wide_nearest_uint32(const uint32_t x[4], bool sticky) {
  int bits = 96;
  while (bits > 54 && !wide_bit(x, bits - 1)) bits--;
  int s = bits - 53;
  if (s >= 32) return 0;
  uint32_t m = x[0] >> s | x[1] << (32 - s);  // M's low 32 bits (s < 32: from x[0], x[1])
  bool below = sticky;  // anything below the rounding bit s - 1
  for (int i = 0; i < s - 1 && !below; i++) below = wide_bit(x, i) != 0;
  bool up = wide_bit(x, s - 1) && (below || (m & 1u));
  return (m + up) << s;
}

// ToUint32 of the nearest double to sig * 10^e (plus a non-zero digit lost past sig when lost),
// for a value of at least 2^53; 0 from 10^26 (past 2^85).
static uint32_t wrap_decimal(const uint8_t* sig, int nsig, long e, bool lost, bool negative) {
  if (nsig + e > 26) return 0;  // the digits lost are a fraction's (SIG_DIGITS > 26)
  uint32_t x[4] = {0, 0, 0, 0};
  int whole = e >= 0 ? nsig : (int)(nsig + e);
  for (int k = 0; k < whole; k++) (void)wide_mul_add(x, 10, sig[k]);
  for (long k = 0; k < e; k++) (void)wide_mul_add(x, 10, 0);
  uint32_t u = wide_nearest_uint32(x, whole < nsig || lost);  // a fraction is sticky
  return negative ? 0u - u : u;
}

// ---- Whether a decimal's nearest double is an integer (integer-only build) ----

// The m decimal digits of 2^-m (1 <= m <= 54), as ASCII: 0.5 halved m - 1 times.
static void half_power_digits(char* d, int m) {
  d[0] = '5';
  for (int len = 1; len < m; len++) {
    int carry = 0;
    for (int k = 0; k < len; k++) {
      int v = carry * 10 + (d[k] - '0');
      d[k] = (char)('0' + v / 2);
      carry = v % 2;
    }
    d[len] = '5';  // the last digit was 5: its half leaves 5 in the next place
  }
}

// Compares the fraction 0.f1f2... whose digit j (from 0) is sig[point + j] (0 outside sig; a
// non-zero digit lost past sig when lost) with 0.t (m ASCII digits), or with 1 - 0.t when
// complement: negative, 0 or positive. The digits compared lie inside what sig kept.
static int compare_fraction(const uint8_t* sig, int nsig, long point, bool lost, const char* t,
                            int m, bool complement) {
  for (int j = 0; j < m; j++) {
    long idx = point + j;
    int f = idx >= 0 && idx < nsig ? sig[idx] : 0;
    int d = t[j] - '0';
    if (complement) d = j == m - 1 ? 10 - d : 9 - d;
    if (f != d) return f < d ? -1 : 1;
  }
  return point + m < nsig || lost ? 1 : 0;
}

// The first digits of 2^-1075, half the smallest subnormal: a positive decimal is rounded to
// 0 when at most that (ties to even).
static const char HALF_MIN_SUBNORMAL[] = "24703282292062327208828439643411068618252990130716";

// JS rounds a decimal n + f (n the integer part, at most NUM_MAX; 0 < f < 1 the fraction,
// digits as in compare_fraction) to the nearest double; the doubles in [n, n + 1] lie
// 2^(bitlength(n) - 53) apart (2^-53 below 1; just 2^53 at 2^53), so the nearest double is n
// when f is below half that (2^-m), n + 1 when 1 - f is (a tie goes to the even double: n + 1
// when 2^-m is 1/2 and n is odd, else the integer), and no integer otherwise. Returns n, n + 1,
// or -1 when no integer (or, for n == 0, when 2^-1075 is too close to tell).
static int64_t round_to_integer(uint64_t n, const uint8_t* sig, int nsig, long point,
                                bool lost) {
  int bits = 0;
  while (bits < 64 && (n >> bits) != 0) bits++;
  if (bits > 53) return (int64_t)n;  // 2^53: the next double is 2^53 + 2
  int m = bits == 0 ? 54 : 54 - bits;
  char half[54];
  half_power_digits(half, m);
  int c = compare_fraction(sig, nsig, point, lost, half, m, true);
  if (c > 0 || (c == 0 && (m > 1 || (n & 1)))) return (int64_t)n + 1;
  if (n > 0) {
    c = compare_fraction(sig, nsig, point, lost, half, m, false);
    return c < 0 || (c == 0 && (m > 1 || !(n & 1))) ? (int64_t)n : -1;
  }
  // 0.f * 10^point (point <= 0): 2^-1075 is 0.247... * 10^-323.
  if (point != -323) return point < -323 ? 0 : -1;
  c = compare_fraction(sig, nsig, 0, lost, HALF_MIN_SUBNORMAL,
                       (int)sizeof HALF_MIN_SUBNORMAL - 1, false);
  return c <= 0 ? 0 : -1;  // past the 50 digits: above 2^-1075 or too close to tell
}

static num_t parse_integer_number(const uint8_t* units, uint32_t len, bool wide, int mode) {
  bool trunc = mode != PARSE_EXACT;
  num_t huge = trunc ? NUM_MAX : NUM_INEXACT;
  uint32_t start = 0, end = len;
  trim_js_space(units, wide, &start, &end);
  if (start == end) return 0;
  uint32_t i = start;
  uint16_t c0 = unit_at(units, wide, i);
  int radix = radix_prefix(units, wide, i, end);
  if (radix) {
    uint64_t v = 0;
    uint32_t x[4] = {0, 0, 0, 0};  // PARSE_WRAP: the value up to 2^96
    bool big = false, past = false;
    for (i += 2; i < end; i++) {
      int dv = digit_value(unit_at(units, wide, i));
      if (dv >= radix) return NUM_NAN;
      if (v > ((uint64_t)NUM_MAX - (uint64_t)dv) / (uint64_t)radix) big = true;
      if (!big) v = v * (uint64_t)radix + (uint64_t)dv;
      if (!past) past = !wide_mul_add(x, (uint32_t)radix, (uint32_t)dv);
    }
    if (mode == PARSE_WRAP && big) return past ? 0 : wide_nearest_uint32(x, false);
    return big ? huge : (num_t)v;
  }
  bool negative = false;
  if (c0 == '+' || c0 == '-') {
    negative = c0 == '-';
    i++;
  }
  if (is_infinity(units, wide, i, end)) return negative && trunc ? -huge : huge;
  // value = sig * 10^e, sig the first nsig significant digits (leading zeros dropped).
  uint8_t sig[SIG_DIGITS];
  int nsig = 0;
  long e = 0;
  int mantissa_digits = 0;
  bool seen_point = false, lost = false;  // lost: a non-zero digit past sig
  for (; i < end; i++) {
    uint16_t c = unit_at(units, wide, i);
    if (c >= '0' && c <= '9') {
      mantissa_digits++;
      if (nsig == 0 && c == '0') {
        if (seen_point) e--;
      } else if (nsig < SIG_DIGITS) {
        sig[nsig++] = (uint8_t)(c - '0');
        if (seen_point) e--;
      } else {
        if (!seen_point) e++;
        if (c != '0') lost = true;
      }
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  long exponent;
  if (mantissa_digits == 0 || !parse_exponent(units, wide, i, end, &exponent)) return NUM_NAN;
  e += exponent;
  while (nsig > 0 && sig[nsig - 1] == 0) {
    nsig--;
    e++;
  }
  if (nsig == 0) return 0;  // -0 too: this build has no -0
  long point = nsig + e;  // digits before the point
  if (point > 16) {  // at least 10^16 > NUM_MAX
    if (mode == PARSE_WRAP) return wrap_decimal(sig, nsig, e, lost, negative);
    return negative && trunc ? -huge : huge;
  }
  // The integer part: the digits before the point (all of them when e >= 0, then e zeros).
  int whole = e >= 0 ? nsig : (int)point;
  uint64_t m = 0;
  for (int k = 0; k < whole; k++) m = m * 10u + sig[k];
  for (long k = 0; k < e; k++) m *= 10u;
  if (mode == PARSE_WRAP && m >= (uint64_t)NUM_MAX)
    return wrap_decimal(sig, nsig, e, lost, negative);
  if (m > (uint64_t)NUM_MAX) return negative && trunc ? -huge : huge;
  if (e < 0 || lost) {  // a fraction: is the nearest double an integer?
    int64_t r = round_to_integer(m, sig, nsig, point, lost);
    if (r < 0 && !trunc) return NUM_INEXACT;
    if (r >= 0) m = (uint64_t)r;  // else the double's integer part is m's
  }
  return negative ? -(num_t)m : (num_t)m;
}

num_t number_parse(const uint8_t* units, uint32_t len, bool wide) {
  return parse_integer_number(units, len, wide, PARSE_EXACT);
}

num_t number_parse_integer(const uint8_t* units, uint32_t len, bool wide) {
  return parse_integer_number(units, len, wide, PARSE_TRUNC);
}

int32_t number_parse_int32(const uint8_t* units, uint32_t len, bool wide) {
  return number_to_int32(parse_integer_number(units, len, wide, PARSE_WRAP));
}
#endif

#if MVM_SUPPORT_FLOAT
// ---- ToInt32 / ToUint32 / % ----

uint32_t number_to_uint32(double d) {
  if (d != d || d > 1.7976931348623157e308 || d < -1.7976931348623157e308) return 0;
  if (d >= 0 && d < 4294967296.0) return (uint32_t)d;
  if (d < 0 && d > -2147483649.0) return (uint32_t)(int32_t)d;
  double t = MVM_TRUNC(d);
  double m = MVM_FMOD(t, 4294967296.0);
  if (m < 0) m += 4294967296.0;
  return (uint32_t)m;
}

int32_t number_to_int32(double d) {
  uint32_t u = number_to_uint32(d);
  return u <= 0x7FFFFFFFu ? (int32_t)u : (int32_t)((int64_t)u - 4294967296LL);
}

double number_fmod(double a, double b) { return MVM_FMOD(a, b); }

#endif  // MVM_SUPPORT_FLOAT
