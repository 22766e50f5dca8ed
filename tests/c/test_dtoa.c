/* The portable number conversion hooks (vm_c/src/dtoa.c: mvm_portable_dtoa, mvm_portable_strtod)
 * against the C library: the host port's mvm_host_dtoa (snprintf "%.*e" plus a strtod round
 * trip, ports/host/mvm_port.c) and strtod itself, which glibc rounds exactly. Edge cases over
 * the whole range, halfway cases, long literals, and a few hundred thousand pseudo-random
 * doubles and decimal strings (fixed seed). */
#include <float.h>
#include <stdlib.h>
#include "internal.h"
#include "test.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint64_t rng(void) {  // xorshift64*
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * 2685821657736338717u;
}

static uint64_t bits_of(double d) {
  uint64_t b;
  memcpy(&b, &d, sizeof b);
  return b;
}

static double from_bits(uint64_t b) {
  double d;
  memcpy(&d, &b, sizeof d);
  return d;
}

static int failures;  // reported individually up to a limit

// mvm_portable_dtoa(d) must give the host port's digits and exponent.
static void check_dtoa(double d) {
  char want[40], got[40];
  int want_n = 0, got_n = 0;
  int want_k = mvm_host_dtoa(d, want, &want_n);
  int got_k = mvm_portable_dtoa(d, got, &got_n);
  if (want_k != got_k || want_n != got_n || strcmp(want, got) != 0) {
    if (failures++ < 20) {
      printf("  dtoa(%.17g = 0x%016llx): got 0.%s e%d, expected 0.%s e%d\n", d,
             (unsigned long long)bits_of(d), got, got_n, want, want_n);
    }
    test_current_failed = 1;
  }
}

// mvm_portable_strtod(s) must give strtod(s), bit for bit.
static void check_strtod(const char* s) {
  double want = strtod(s, NULL), got = mvm_portable_strtod(s);
  if (bits_of(want) != bits_of(got)) {
    if (failures++ < 20) {
      printf("  strtod(\"%.120s\"%s): got %.17g (0x%016llx), expected %.17g (0x%016llx)\n", s,
             strlen(s) > 120 ? "..." : "", got, (unsigned long long)bits_of(got), want,
             (unsigned long long)bits_of(want));
    }
    test_current_failed = 1;
  }
}

// Both directions for d: the digits, and reading back "%.17g" and our own digits.
static void check_both(double d) {
  char buf[64], digits[40];
  int n;
  if (!(d > 0 && d <= DBL_MAX)) return;  // the hook's domain: finite, positive, non-zero
  check_dtoa(d);
  snprintf(buf, sizeof buf, "%.17g", d);
  check_strtod(buf);
  mvm_portable_dtoa(d, digits, &n);
  snprintf(buf, sizeof buf, "0.%se%d", digits, n);
  check_strtod(buf);
  snprintf(buf, sizeof buf, "%.16e", d);
  check_strtod(buf);
}

static const char* const edge_strings[] = {
    "0", "0.0", "-0", "+0", "000", "0e999999", "1", "-1", "+1", "0.1", "0.2", "0.3", ".5",
    "5.", "1e0", "1E+0", "1e-0", "9007199254740992", "9007199254740993", "9007199254740994",
    "9007199254740995", "9007199254740993.0000000000000000000000000001",
    "9007199254740992.9999999999999999999999999999", "18014398509481989",
    "18014398509481990", "1.2345678901234568e+29", "123456789012345678901234567890",
    "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
    "179769313486231580793728971405301e276", "179769313486231580793728971405302e276",
    "1.797693134862315708145274237317043567981e308",  // just below DBL_MAX's upper halfway
    "1.797693134862315708145274237317043567980e308",
    "1.7976931348623157081452742373170435679807056752584499659891747680315726078002853876058955"
    "8632e308",  // DBL_MAX + half an ulp exactly: ties to even = Infinity
    "1e308", "1e309", "1e310", "1e311", "2e308", "1e400", "1e99999", "1e100000", "1e1000000",
    "5e-324", "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
    "2.47032822920623272088284396434110686182529901307162382212792841250337753635104375932649918"
    "1808e-324",  // half the smallest subnormal exactly: ties to even = 0
    "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991"
    "81809e-324",
    "3e-324", "7.4e-324", "7.5e-324", "1e-323", "1e-324", "1e-325", "1e-400", "1e-99999",
    "2.2250738585072014e-308", "2.2250738585072011e-308", "2.2250738585072012e-308",
    "2.2250738585072009e-308", "2.225073858507201136057409796709131975934819546351645648e-308",
    "2.2250738585072013830902327173324040642192159804623318306e-308", "4.9e-324", "1e-310",
    "0.9999999999999968e-310", "1e21", "1e-7", "1e22", "1e23", "9.999999999999999e22",
    "8.98846567431158e307", "3.141592653589793", "1.4142135623730951", "2.718281828459045",
    "0.30000000000000004", "5.9604644775390625e-8", "5.960464477539063e-8",
    "123e-20", "1.23e-18", "4.35", "0.000001234", "1448997445238699", "1e15", "1e16", "1e17",
    "72057594037927945", "72057594037927944.99999999999", "7.2057594037927945e16",
    "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000001",
    "100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
    "2.225073858507201e-308", "6.631236846766476e-316", "3.2379086165851934e-319",
    "1.00000000000000011102230246251565404236316680908203125",   // 1 + half ulp: 1
    "1.00000000000000011102230246251565404236316680908203125001",  // just above: 1 + ulp
    "1.00000000000000011102230246251565404236316680908203124999",  // just below: 1
    "1.00000000000000033306690738754696212708950042724609375",   // 1 + 1.5 ulp: 1 + 2 ulp
    "0.500000000000000166533453693773481063544750213623046875",
    "3.0549363634996046e-151", "1.8254370818746402660437411213933955878019332885742187",
    "9.8813129168249309e-324", "2.9802322387695312e-8", "2.98023223876953125e-8",
};

TEST(strtod_edges) {
  for (size_t i = 0; i < sizeof edge_strings / sizeof *edge_strings; i++) {
    check_strtod(edge_strings[i]);
  }
  CHECK(mvm_portable_strtod("5e-324") == 5e-324);
  CHECK(mvm_portable_strtod("1.2345678901234568e+29") == 1.2345678901234568e29);
  CHECK(mvm_portable_strtod("1e400") == 1.0 / 0.0);
  CHECK(bits_of(mvm_portable_strtod("-0")) == ((uint64_t)1 << 63));
  CHECK(bits_of(mvm_portable_strtod("-1e-400")) == ((uint64_t)1 << 63));
}

// Long digit strings: 800 digits of a value, with a point and zeros moved around.
TEST(strtod_long) {
  char buf[1200];
  for (int round = 0; round < 400; round++) {
    int len = 1 + (int)(rng() % 1000);
    for (int i = 0; i < len; i++) buf[i] = (char)('0' + rng() % 10);
    if (round % 3 == 0) {  // mostly zeros or nines after a prefix
      char fill = round % 2 ? '0' : '9';
      for (int i = 1 + (int)(rng() % 20); i < len; i++) buf[i] = fill;
    }
    int point = (int)(rng() % (unsigned)(len + 1));
    memmove(buf + point + 1, buf + point, (size_t)(len - point));
    buf[point] = '.';
    snprintf(buf + len + 1, 20, "e%d", (int)(rng() % 700) - 350 - len / 2);
    check_strtod(buf);
  }
}

// The exact decimal value of the midpoint between d and the next double (long double holds
// it when it has at least 64 bits of mantissa), and a hair above and below it.
TEST(strtod_halfway) {
#if LDBL_MANT_DIG >= 64
  char buf[1000], tweak[1000];
  for (int round = 0; round < 6000; round++) {
    uint64_t b = rng() % 0x7FEFFFFFFFFFFFFFu;  // below DBL_MAX: the next double is finite
    if (round % 4 == 1) b &= 0x000FFFFFFFFFFFFFu;  // subnormals
    if (round % 4 == 2) b = (rng() % 0x7FEu) << 52;  // powers of two (lower gap halved)
    if (round % 4 == 3) b = (b & ~(uint64_t)0xFFFFF) | (rng() & 1 ? 0xFFFFF : 0);
    double lo = from_bits(b), hi = from_bits(b + 1);
    long double mid = ((long double)lo + (long double)hi) / 2;
    snprintf(buf, sizeof buf, "%.780Le", mid);
    check_strtod(buf);
    // Trim trailing zeros, then nudge the last digit down / append a digit up.
    char* e = strchr(buf, 'e');
    char* last = e - 1;
    while (*last == '0') last--;
    size_t mant = (size_t)(last - buf + 1);
    memcpy(tweak, buf, mant);
    snprintf(tweak + mant, sizeof tweak - mant, "000001%s", e);
    check_strtod(tweak);
    if (*last != '.' && *last > '0') {
      memcpy(tweak, buf, mant);
      tweak[mant - 1] = (char)(*last - 1);
      snprintf(tweak + mant, sizeof tweak - mant, "99999999%s", e);
      check_strtod(tweak);
    }
    snprintf(buf, sizeof buf, "%.25Le", mid);  // rounded: near, not on the halfway point
    check_strtod(buf);
  }
#endif
}

// Short decimal strings, as programs write them.
TEST(strtod_random_short) {
  char buf[64];
  for (int round = 0; round < 150000; round++) {
    int len = 1 + (int)(rng() % 19);
    size_t n = 0;
    if (rng() & 1) buf[n++] = '-';
    for (int i = 0; i < len; i++) buf[n++] = (char)('0' + rng() % 10);
    int where = (int)(rng() % 5);
    int exp = where == 0 ? (int)(rng() % 50) - 25 : (int)(rng() % 680) - 345;
    snprintf(buf + n, sizeof buf - n, "e%d", exp);
    check_strtod(buf);
  }
}

TEST(dtoa_edges) {
  double samples[] = {5e-324, 1e-323, 2.2250738585072014e-308, 2.2250738585072009e-308,
                      1.7976931348623157e308, 8.98846567431158e307, 0.1, 0.2, 0.3,
                      0.1 + 0.2, 1.0 / 3, 2.0 / 3, 3.141592653589793, 1.4142135623730951,
                      1e21, 1e-7, 9.999999999999999e20, 1.0000000000000001e21, 123e-20,
                      9007199254740993.0, 9007199254740994.0, 18014398509481988.0,
                      5.9604644775390625e-8, 1e23, 1e22, 4.35, 1e-310, 562949953421312.25,
                      9.5, 0.5, 1.5e300, 4.9406564584124654e-324 * 3};
  for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) check_both(samples[i]);
  for (int e = -1074; e <= 1023; e++) {  // every power of two, and its neighbours
    double p = from_bits(e >= -1022 ? (uint64_t)(e + 1023) << 52 : (uint64_t)1 << (e + 1074));
    check_both(p);
    check_both(from_bits(bits_of(p) + 1));
    if (e > -1074) check_both(from_bits(bits_of(p) - 1));
  }
  char buf[32];
  for (int e = -323; e <= 308; e++) {  // every power of ten, and its neighbours
    snprintf(buf, sizeof buf, "1e%d", e);
    check_strtod(buf);
    double p = strtod(buf, NULL);
    check_both(p);
    check_both(from_bits(bits_of(p) + 1));
    check_both(from_bits(bits_of(p) - 1));
    for (int m = 2; m <= 9; m++) {
      snprintf(buf, sizeof buf, "%de%d", m, e);
      check_both(strtod(buf, NULL));
    }
  }
  char digits[40];
  int n;
  CHECK_EQ_INT(mvm_portable_dtoa(3.141592653589793, digits, &n), 16);
  CHECK_EQ_STR(digits, "3141592653589793");
  CHECK_EQ_INT(n, 1);
  CHECK_EQ_INT(mvm_portable_dtoa(5e-324, digits, &n), 1);
  CHECK_EQ_STR(digits, "5");
  CHECK_EQ_INT(n, -323);
  // Two shortest candidates at the same distance (...312.2 and ...312.3): the even digit.
  CHECK_EQ_INT(mvm_portable_dtoa(562949953421312.25, digits, &n), 16);
  CHECK_EQ_STR(digits, "5629499534213122");
}

TEST(dtoa_random) {
  for (int round = 0; round < 300000; round++) {
    uint64_t b = rng() & 0x7FFFFFFFFFFFFFFFu;
    if (round % 8 == 7) b &= 0x000FFFFFFFFFFFFFu;  // subnormals
    if (round % 8 == 6) b &= 0x7FF0000000000FFFu;  // few mantissa bits: short outputs
    if (b >= 0x7FF0000000000000u || b == 0) continue;
    double d = from_bits(b);
    if (round % 4 == 0) {
      check_both(d);
    } else {
      check_dtoa(d);
    }
  }
}

// number_parse: the digits past the 768 it passes on still decide halfway cases.
TEST(number_parse_keeps_rounding) {
  char buf[2000];
  // 1 + half an ulp exactly (ties to even: 1), then the same followed by many zeros and a 1
  // far past the cap (just above: 1 + ulp).
  const char* half = "1.00000000000000011102230246251565404236316680908203125";
  size_t n = strlen(half);
  memcpy(buf, half, n);
  for (size_t i = n; i < 1500; i++) buf[i] = '0';
  buf[1500] = '\0';
  CHECK(number_parse((const uint8_t*)buf, 1500, false) == 1.0);
  buf[1499] = '1';
  CHECK(number_parse((const uint8_t*)buf, 1500, false) == 1.0000000000000002);
  // The halfway point below 2^-1022 + ... with 768 significant digits, then a sticky tail.
  for (int round = 0; round < 300; round++) {
    uint64_t b = rng() % 0x7FEFFFFFFFFFFFFFu;
    if (round % 2) b &= 0x000FFFFFFFFFFFFFu;
    long double mid = ((long double)from_bits(b) + (long double)from_bits(b + 1)) / 2;
    int len = snprintf(buf, sizeof buf, "%.900Le", mid);
    char* e = strchr(buf, 'e');
    size_t mant = (size_t)(e - buf);
    char exp[16];
    snprintf(exp, sizeof exp, "%s", e);
    for (int variant = 0; variant < 2; variant++) {
      // variant 0: exactly halfway (trailing zeros past 768 digits); 1: a 1 at the very end
      if (variant) buf[mant - 1] = '1';
      snprintf(buf + mant, sizeof buf - mant, "%s", exp);
      double want = strtod(buf, NULL);
      double got = number_parse((const uint8_t*)buf, (uint32_t)strlen(buf), false);
      if (bits_of(want) != bits_of(got)) {
        if (failures++ < 20) printf("  number_parse(%.60s...%s) wrong\n", buf, exp);
        test_current_failed = 1;
      }
    }
    (void)len;
  }
}

int main(void) {
  RUN(strtod_edges);
  RUN(strtod_long);
  RUN(strtod_halfway);
  RUN(strtod_random_short);
  RUN(dtoa_edges);
  RUN(dtoa_random);
  RUN(number_parse_keeps_rounding);
  return test_summary("test_dtoa");
}
