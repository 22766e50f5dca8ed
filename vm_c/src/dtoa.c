/* dtoa.c: the portable MVM_DTOA and MVM_STRTOD hooks (mvm_port_default.h): exact conversion
 * between doubles and decimal digits for ports without a C library's printf/strtod
 * (ports/cortex_m). No malloc, no stdio, no <math.h>; everything lives in small fixed-size
 * bignums on the stack.
 *
 * Double -> digits (mvm_portable_dtoa): the free-format algorithm of Steele & White ("How to
 * print floating-point numbers accurately", 1990) with the refinements of Burger & Dybvig
 * ("Printing floating-point numbers quickly and accurately", 1996). With d = f * 2^e, three
 * integers r, s, m satisfy r/s = d / 10^k and m/s = (half the gap to the next smaller double)
 * / 10^k; the gap above is m or, when f is a power of two (and not the smallest normal), 2m.
 * Each step takes the next digit as floor(10r / s) and stops as soon as the digits so far, or
 * the digits with the last one raised by one, lie inside the rounding interval of d (its ends
 * belong to it when f is even, since reading rounds ties to even): that is the shortest
 * string that reads back as d. When both do, the one closer to d wins, and on an exact tie
 * the even digit (ECMAScript Number::toString; what V8 does).
 *
 * Digits -> double (mvm_portable_strtod): an approximation from double arithmetic (the
 * first 19 digits times powers of ten, within a few units in the last place), then the
 * correction of Clinger's AlgorithmR ("How to read floating point numbers accurately", 1990):
 * while the decimal value v lies beyond the halfway point between the candidate and a
 * neighbour (or on it, and the candidate's last bit is odd), step to that neighbour. The
 * comparison of v with a halfway point h = N * 2^q is exact and needs one bignum: the integer
 * parts first (v's built from its digits, h's limbs formed from N on the fly), then, when they
 * are equal, the fractions digit by digit: h's fraction digits come nine at a time (the
 * fraction times 10^9 carries them out of its top limb). Every halfway point has at most 768
 * significant digits, which is why number_parse passes that many plus a sticky digit.
 *
 * Stack, worst case: a bignum is BN_LIMBS = 35 32-bit limbs (144 bytes). mvm_portable_dtoa
 * holds three (r, s, m), mvm_portable_strtod one (in compare_halfway). With
 * arm-none-eabi-gcc -mcpu=cortex-m0 -mthumb -Os, -fstack-usage gives 504 bytes for
 * mvm_portable_dtoa plus 64 for its deepest callee (bn_add_cmp): 568 bytes; and 96 bytes for
 * mvm_portable_strtod plus 232 (compare_halfway) plus 40 (bn_mul_add): 368 bytes. (Its caller
 * number_parse holds the up to 769 digits it passes: 832 bytes there.)
 *
 * Sizes: in mvm_portable_dtoa, s starts at most at 2^1076 (d subnormal) and the fix-up of k
 * (an estimate at most 4 too low) multiplies it by 10^4 at most; for large d, s is at most
 * 4 * 10^309. r stays below 10s and m below 12s (m/s < 2^-53 at first, times 10 for each of at
 * most 17 digits): at most 1093 bits. In mvm_portable_strtod, h's fraction has at most 1075
 * bits and v's integer part is below 10^310 < 2^1030. 35 limbs = 1120 bits.
 */
#include "internal.h"

#if MVM_SUPPORT_FLOAT

#include <float.h>

#define BN_LIMBS 35
#define FRAC_MASK ((((uint64_t)1) << 52) - 1u)
#define HIDDEN_BIT (((uint64_t)1) << 52)
#define INF_BITS (((uint64_t)0x7FF) << 52)

typedef struct {
  uint32_t w[BN_LIMBS];  // least significant first
  int n;                 // limbs in use (w[n - 1] != 0, or n == 0 for zero)
} bn_t;

// Limb i (bits 32i .. 32i+31) of the integer part of x * 2^shift.
static uint32_t limb_of(uint64_t x, int shift, int i) {
  int o = 32 * i - shift;
  if (o >= 64 || o <= -32) return 0;
  return o >= 0 ? (uint32_t)(x >> o) : (uint32_t)(x << -o);
}

static uint32_t bn_limb(const bn_t* a, int i) { return i < a->n ? a->w[i] : 0; }

// w[0..n) = w * m + carry; returns the carry out of the top limb.
static uint32_t limbs_mul_add(uint32_t* w, int n, uint32_t m, uint32_t carry) {
  for (int i = 0; i < n; i++) {
    uint64_t t = (uint64_t)w[i] * m + carry;
    w[i] = (uint32_t)t;
    carry = (uint32_t)(t >> 32);
  }
  return carry;
}

// a = a * m + add. The sizes above keep every value within BN_LIMBS; past it the top would
// be lost (a wrong digit, never a write out of bounds).
static void bn_mul_add(bn_t* a, uint32_t m, uint32_t add) {
  uint32_t carry = limbs_mul_add(a->w, a->n, m, add);
  if (carry && a->n < BN_LIMBS) a->w[a->n++] = carry;
}

// The rest of the bignums, and the digits, only for the portable MVM_DTOA.
#if MVM_PORTABLE_DTOA

// a = x * 2^shift.
static void bn_set(bn_t* a, uint64_t x, int shift) {
  a->n = 0;
  for (int i = 0; i < BN_LIMBS; i++) {
    a->w[i] = limb_of(x, shift, i);
    if (a->w[i]) a->n = i + 1;
  }
}

static void bn_mul_pow10(bn_t* a, int k) {
  for (; k >= 9; k -= 9) bn_mul_add(a, 1000000000u, 0);
  uint32_t p = 1;
  while (k-- > 0) p *= 10u;
  bn_mul_add(a, p, 0);
}

static int bn_cmp(const bn_t* a, const bn_t* b) {
  if (a->n != b->n) return a->n > b->n ? 1 : -1;
  for (int i = a->n - 1; i >= 0; i--) {
    if (a->w[i] != b->w[i]) return a->w[i] > b->w[i] ? 1 : -1;
  }
  return 0;
}

// a -= b, for a >= b. (32-bit operations only: smaller on Cortex-M0 than 64-bit ones.)
static void bn_sub(bn_t* a, const bn_t* b) {
  uint32_t borrow = 0;
  for (int i = 0; i < a->n; i++) {
    uint32_t x = a->w[i], y = bn_limb(b, i);
    a->w[i] = x - y - borrow;
    borrow = x < y || (x == y && borrow);
  }
  while (a->n > 0 && a->w[a->n - 1] == 0) a->n--;
}

// The sign (-1, 0, 1) of a + b * 2^bshift - c, bshift 0 or 1, with no temporary bignum: the
// sum's limbs are formed and c subtracted from them in one pass; what is left above the top
// limb is carry - borrow, and when that is 0 the sign is whether any limb of the difference
// is non-zero.
static int bn_add_cmp(const bn_t* a, const bn_t* b, int bshift, const bn_t* c) {
  int n = a->n > b->n + bshift ? a->n : b->n + bshift;
  if (c->n > n) n = c->n;
  uint32_t carry = 0, borrow = 0, any = 0, below = 0;
  for (int i = 0; i < n; i++) {
    uint32_t bi = bn_limb(b, i), x = bn_limb(a, i), y = bn_limb(c, i);
    if (bshift) {
      uint32_t shifted = (bi << 1) | (below >> 31);
      below = bi;
      bi = shifted;
    }
    uint32_t sum = x + bi + carry;
    carry = sum < x || (sum == x && (bi | carry) != 0);
    uint32_t diff = sum - y - borrow;
    borrow = sum < y || (sum == y && borrow);
    any |= diff;
  }
  if (carry != borrow) return carry > borrow ? 1 : -1;
  return any != 0;
}

// ---- double -> shortest digits ----

int mvm_portable_dtoa(double d, char* digits, int* out_n) {
  uint64_t bits;
  MVM_MEMCPY(&bits, &d, sizeof bits);
  int biased = (int)((bits >> 52) & 0x7FFu);
  uint64_t f = bits & FRAC_MASK;
  int e = -1074;
  if (biased != 0) {
    f |= HIDDEN_BIT;
    e = biased - 1075;
  }
  // d = f * 2^e. The neighbours are d +- 2^e, except below a power of two: d - 2^(e-1).
  bool even = (f & 1u) == 0;                // the interval's ends read back as d
  int u = f == HIDDEN_BIT && biased > 1;    // the gap above is twice the gap below
  bn_t r, s, m;
  int pe = e > 0 ? e : 0, ne = e < 0 ? -e : 0;
  bn_set(&r, f, 1 + u + pe);  // r/s = d, m/s = half the gap below, (m << u)/s above
  bn_set(&s, 1, 1 + u + ne);
  bn_set(&m, 1, pe);
  // k: 10^k just above the interval. Start from floor(log10(2^x)) - 1 <= log10(d) - 1, with
  // d in [2^x, 2^(x+1)) (78913 / 2^18 is log10(2) from below, the offset keeps the shifted
  // value non-negative), then raise it until r + m+ < s (<= when the top end is excluded).
  int x = e;
  for (uint64_t t = f >> 1; t != 0; t >>= 1) x++;
  int k = (int)((((long)x * 78913L) + (2000L << 18)) >> 18) - 2001;
  if (k >= 0) {
    bn_mul_pow10(&s, k);
  } else {
    bn_mul_pow10(&r, -k);
    bn_mul_pow10(&m, -k);
  }
  for (;;) {
    int c = bn_add_cmp(&r, &m, u, &s);
    if (even ? c < 0 : c <= 0) break;
    bn_mul_add(&s, 10u, 0);
    k++;
  }
  int len = 0;
  for (;;) {
    bn_mul_add(&r, 10u, 0);
    bn_mul_add(&m, 10u, 0);
    int digit = 0;
    while (bn_cmp(&r, &s) >= 0) {
      bn_sub(&r, &s);
      digit++;
    }
    int lo = bn_cmp(&r, &m), hi = bn_add_cmp(&r, &m, u, &s);
    bool low_ok = even ? lo <= 0 : lo < 0;   // the digits so far are in the interval
    bool high_ok = even ? hi >= 0 : hi > 0;  // the digits with this one raised are
    if (low_ok && high_ok) {  // both: the closer one, on a tie the even one
      int c = bn_add_cmp(&r, &r, 0, &s);
      if (c > 0 || (c == 0 && (digit & 1))) digit++;
    } else if (high_ok) {
      digit++;
    }
    digits[len++] = (char)('0' + digit);
    if (low_ok || high_ok || len == 17) break;
  }
  while (len > 1 && digits[len - 1] == '0') len--;
  digits[len] = '\0';
  *out_n = k;
  return len;
}

#endif  // MVM_PORTABLE_DTOA

// ---- decimal literal -> nearest double ----

// The literal's digits from the units place down, or from its first significant digit when
// that is further right: `zeros` zeros, then d1 d2 .. (the value is 0.d1d2.. * 10^e10), '.'
// skipped; -1 past the last.
typedef struct {
  const char* p;
  long left, zeros;
} digit_reader_t;

static int next_digit(digit_reader_t* v) {
  if (v->zeros > 0) {
    v->zeros--;
    return 0;
  }
  if (v->left <= 0) return -1;
  if (*v->p == '.') v->p++;
  v->left--;
  return *v->p++ - '0';
}

// The decimal digits of a fraction F / 2^(32 len) (F in f.w[0..len)), nine at a time: F * 10^9
// carries the next nine out of the top limb. -1 once F is zero and buf used up.
typedef struct {
  bn_t f;
  int lo, len, pos;  // f.w[0..lo) are zero (and stay zero); buf[pos..9) not yet taken
  char buf[9];
} fraction_digits_t;

static int next_fraction_digit(fraction_digits_t* h) {
  if (h->pos == 9) {
    while (h->lo < h->len && h->f.w[h->lo] == 0) h->lo++;
    if (h->lo == h->len) return -1;
    uint32_t nine = limbs_mul_add(h->f.w + h->lo, h->len - h->lo, 1000000000u, 0);
    for (int i = 8; i >= 0; i--) {
      h->buf[i] = (char)(nine % 10u);
      nine /= 10u;
    }
    h->pos = 0;
  }
  return h->buf[h->pos++];
}

// The sign of v - N * 2^q, v = 0.d1..dnd * 10^e10 (d1 at first, nd >= 1, dnd != 0,
// -323 <= e10 <= 310), 1 <= N < 2^55: the integer parts first (v's built in a bignum, N * 2^q's
// limbs formed on the fly), then the fractions digit by digit.
static int compare_halfway(const char* first, long nd, long e10, uint64_t N, int q) {
  digit_reader_t v = {first, nd, e10 < 0 ? -e10 : 0};
  fraction_digits_t h;
  h.f.n = 0;
  for (long left = e10; left > 0;) {
    int c = left < 9 ? (int)left : 9;
    uint32_t chunk = 0, scale = 1;
    for (int i = 0; i < c; i++) {
      int dg = next_digit(&v);
      chunk = chunk * 10u + (uint32_t)(dg < 0 ? 0 : dg);
      scale *= 10u;
    }
    bn_mul_add(&h.f, scale, chunk);
    left -= c;
  }
  for (int i = BN_LIMBS - 1; i >= 0; i--) {
    uint32_t x = bn_limb(&h.f, i), y = limb_of(N, q, i);
    if (x != y) return x > y ? 1 : -1;
  }
  // N * 2^q's fraction (N mod 2^j, j = -q) at the top of len limbs.
  int j = q < 0 ? -q : 0;
  uint64_t frac = j >= 64 ? N : N & ((((uint64_t)1) << j) - 1u);
  h.len = (j + 31) / 32;
  h.lo = 0;
  h.pos = 9;
  for (int i = 0; i < h.len; i++) h.f.w[i] = limb_of(frac, 32 * h.len - j, i);
  for (;;) {
    int vd = next_digit(&v), hd = next_fraction_digit(&h);
    if (vd < 0 && hd < 0) return 0;
    if (vd < 0) vd = 0;
    if (hd < 0) hd = 0;
    if (vd != hd) return vd > hd ? 1 : -1;
  }
}

double mvm_portable_strtod(const char* s) {
  bool negative = false;
  if (*s == '+' || *s == '-') negative = *s++ == '-';
  const char* first = NULL;  // the first significant digit
  long e10 = 0, nd = 0, seen = 0;
  bool point = false;
  for (; (*s >= '0' && *s <= '9') || (*s == '.' && !point); s++) {
    if (*s == '.') {
      point = true;
      continue;
    }
    if (!first) {
      if (*s == '0') {
        if (point) e10--;
        continue;
      }
      first = s;
    }
    seen++;
    if (*s != '0') nd = seen;  // trailing zeros are not significant
    if (!point) e10++;
  }
  if (*s == 'e' || *s == 'E') {
    s++;
    bool eneg = false;
    if (*s == '+' || *s == '-') eneg = *s++ == '-';
    long x = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
      if (x < 100000) x = x * 10 + (*s - '0');
    }
    e10 += eneg ? -x : x;
  }
  uint64_t bits;
  if (nd == 0 || e10 < -323) {  // v < 10^-324, below half the smallest subnormal
    bits = 0;
  } else if (e10 > 310) {  // v >= 10^310
    bits = INF_BITS;
  } else {
    // The approximation: up to 19 digits, times or over 10^|t| (finite steps of <= 10^300).
    static const double p10[9] = {1e1, 1e2, 1e4, 1e8, 1e16, 1e32, 1e64, 1e128, 1e256};
    digit_reader_t v = {first, nd, 0};
    int n0 = nd < 19 ? (int)nd : 19;
    uint64_t D = 0;
    for (int i = 0; i < n0; i++) D = D * 10u + (uint64_t)next_digit(&v);
    long t = e10 - n0;
    double x = (double)D;
    for (unsigned a = (unsigned)(t < 0 ? -t : t); a != 0;) {
      unsigned c = a > 300 ? 300 : a;
      a -= c;
      double p = 1;
      for (int i = 0; c != 0; i++, c >>= 1) {
        if (c & 1u) p *= p10[i];
      }
      x = t < 0 ? x / p : x * p;
    }
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0
    // Exact operands (D < 2^53, 10^|t| <= 10^22), one rounding: already the nearest double.
    if (nd <= 15 && t >= -22 && t <= 22) return negative ? -x : x;
#endif
    MVM_MEMCPY(&bits, &x, sizeof bits);
    if (bits >= INF_BITS) bits = INF_BITS - 1u;  // overflowed: start from the largest double
    if (bits == 0) bits = 1;                     // underflowed: from the smallest
    // The correction: step while v lies beyond a halfway point (on it: towards the even bit).
    for (;;) {
      int biased = (int)(bits >> 52);
      uint64_t f = bits & FRAC_MASK;
      int e = -1074;
      if (biased != 0) {
        f |= HIDDEN_BIT;
        e = biased - 1075;
      }
      int c = compare_halfway(first, nd, e10, 2 * f + 1, e - 1);
      if (c > 0 || (c == 0 && (f & 1u))) {
        if (++bits == INF_BITS) break;
        continue;
      }
      if (f == HIDDEN_BIT && biased > 1) {  // below a power of two the gap is half as wide
        c = compare_halfway(first, nd, e10, 4 * f - 1, e - 2);
      } else {
        c = compare_halfway(first, nd, e10, 2 * f - 1, e - 1);
      }
      if (c < 0 || (c == 0 && (f & 1u))) {
        if (--bits == 0) break;
        continue;
      }
      break;
    }
  }
  if (negative) bits |= ((uint64_t)1) << 63;
  double out;
  MVM_MEMCPY(&out, &bits, sizeof out);
  return out;
}

#else
typedef int mvm_dtoa_unused_t;  // ISO C wants something in a translation unit
#endif  // MVM_SUPPORT_FLOAT
