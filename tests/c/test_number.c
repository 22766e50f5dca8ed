/* Number formatting (JS Number::toString) and parsing (StringToNumber), against known JS. */
#include "internal.h"
#include "test.h"
#include "test_util.h"

static const struct { double d; const char* js; } format_table[] = {
    {0.0, "0"}, {-0.0, "0"}, {1, "1"}, {-1, "-1"}, {0.1, "0.1"},
    {1.0 / 3, "0.3333333333333333"}, {2.0 / 3, "0.6666666666666666"},
    {1e21, "1e+21"}, {1e20, "100000000000000000000"}, {123456789012.0, "123456789012"},
    {1e-7, "1e-7"}, {1e-6, "0.000001"}, {1.5e-7, "1.5e-7"}, {123e-20, "1.23e-18"},
    {0.1 + 0.2, "0.30000000000000004"}, {5e-324, "5e-324"},
    {1.7976931348623157e308, "1.7976931348623157e+308"}, {9007199254740992.0, "9007199254740992"},
    {1e100, "1e+100"}, {123.456, "123.456"}, {-1.5, "-1.5"}, {100, "100"},
    {1e15, "1000000000000000"}, {4.35, "4.35"}, {0.000001234, "0.000001234"},
    {1.1e21, "1.1e+21"}, {2147483648.0, "2147483648"}, {-1e-7, "-1e-7"},
    {1234.5678e10, "12345678000000"}, {0.5, "0.5"}, {25e-5, "0.00025"},
};

TEST(format_table) {
  char buf[40];
  for (size_t i = 0; i < sizeof format_table / sizeof *format_table; i++) {
    number_format(format_table[i].d, buf);
    CHECK_EQ_STR(buf, format_table[i].js);
  }
  number_format(0.0 / 0.0, buf);
  CHECK_EQ_STR(buf, "NaN");
  number_format(1.0 / 0.0, buf);
  CHECK_EQ_STR(buf, "Infinity");
  number_format(-1.0 / 0.0, buf);
  CHECK_EQ_STR(buf, "-Infinity");
}

TEST(portable_dtoa_round_trips) {
  // The defaults for ports without a C library (dtoa.c; test_dtoa.c checks them closely).
  double samples[] = {0.1, 1.0 / 3, 123.456, 1e21, 5e-7, 42, 9007199254740993.0};
  for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
    char digits[24];
    int n;
    int k = mvm_portable_dtoa(samples[i], digits, &n);
    CHECK(k >= 1 && k <= 17);
    char buf[48];
    snprintf(buf, sizeof buf, "0.%se%d", digits, n);
    double back = mvm_portable_strtod(buf);
    CHECK(back == samples[i]);
  }
}

static double parse(const char* s) { return number_parse((const uint8_t*)s, (uint32_t)strlen(s), false); }

TEST(parse_table) {
  CHECK(parse("") == 0);
  CHECK(parse("   ") == 0);
  CHECK(parse("  12  ") == 12);
  CHECK(parse("0x1F") == 31);
  CHECK(parse("0X1f") == 31);
  CHECK(parse("0b101") == 5);
  CHECK(parse("0o17") == 15);
  CHECK(parse("1e3") == 1000);
  CHECK(parse(".5") == 0.5);
  CHECK(parse("5.") == 5);
  CHECK(parse("+3") == 3);
  CHECK(parse("-3.25") == -3.25);
  CHECK(parse("00012") == 12);
  CHECK(parse("Infinity") == 1.0 / 0.0);
  CHECK(parse("-Infinity") == -1.0 / 0.0);
  CHECK(parse("1.7976931348623157e308") == 1.7976931348623157e308);
  CHECK(parse("123456789012345678901234567890") == 1.2345678901234568e29);
  CHECK(parse("0.1") == 0.1);
  CHECK(parse("1e-400") == 0);
  CHECK(parse("1e400") == 1.0 / 0.0);
  double d = parse("-0");
  CHECK(d == 0 && 1.0 / d < 0);
  const char* nans[] = {"abc", "1,5", "-0x10", "1e", "e5", ".", "+", "0x", "1 2", "Infinityx",
                        "infinity", "0xG", "--1", "1e+"};
  for (size_t i = 0; i < sizeof nans / sizeof *nans; i++) {
    double v = parse(nans[i]);
    if (v == v) printf("  parse(\"%s\") should be NaN, got %g\n", nans[i], v);
    CHECK(v != v);
  }
  uint8_t wide[] = {0xA0, 0x00, '7', 0x00, 0x28, 0x20};  // NBSP, '7', U+2028
  CHECK(number_parse(wide, 3, true) == 7);
}

TEST(to_string_through_api) {
  mvm_vm_t* vm = new_vm();
  mvm_value_t v;
  mvm_new_number(vm, 0.1, &v);
  CHECK_EQ_STR(str_of(vm, v), "0.1");
  mvm_new_number(vm, -7, &v);
  CHECK_EQ_STR(str_of(vm, v), "-7");
  CHECK_EQ_STR(str_of(vm, value_from_int(INT31_MIN)), "-1073741824");
  CHECK_EQ_STR(str_of(vm, VAL_TRUE), "true");
  CHECK_EQ_STR(str_of(vm, VAL_NULL), "null");
  CHECK_EQ_STR(str_of(vm, VAL_UNDEFINED), "undefined");
  mvm_value_t s;
  mvm_new_string(vm, " 0x10 ", 6, &s);
  CHECK(mvm_to_number(vm, s) == 16);
  mvm_free(vm);
}

// The integer-only build writes and reads the IEEE-754 bits of int32s with integer operations
// (number.c): here they are checked against the C compiler's own int -> double conversion.
static uint64_t bits_of(double d) {
  uint64_t b;
  memcpy(&b, &d, sizeof b);
  return b;
}

static bool decode(double d, int32_t* out) {
  uint64_t b = bits_of(d);
  return float64_to_int32((uint32_t)b, (uint32_t)(b >> 32), out);
}

TEST(float64_bits_of_int32) {
  int32_t samples[] = {1, -1, 2, 3, 7, -8, 1000, 0xFFFFF, 0x100000, 0x100001, 0x1FFFFF,
                       0x200000, 0x200001, 0x3FFFFFFF, -0x40000000, 0x40000000, -0x40000001,
                       0x7FFFFFFE, 0x7FFFFFFF, -0x7FFFFFFF, INT32_MIN, 123456789, -987654321};
  uint32_t seed = 12345;
  for (int k = 0; k < 2000; k++) {
    int32_t i;
    if (k < (int)(sizeof samples / sizeof *samples)) {
      i = samples[k];
    } else {  // pseudo-random, every magnitude
      seed = seed * 1103515245u + 12345u;
      i = (int32_t)(seed >> (k % 31));
      if (k & 1) i = -i;
      if (i == 0) continue;
    }
    uint8_t p[8];
    float64_encode_int32(i, p);
    uint64_t got = (uint64_t)rd32(p) | ((uint64_t)rd32(p + 4) << 32);
    CHECK(got == bits_of((double)i));
    int32_t back = 0;
    CHECK(decode((double)i, &back) && back == i);
  }
  int32_t out = 7;
  CHECK(decode(0.0, &out) && out == 0);
  double not_int32[] = {-0.0, 0.5, -0.5, 1.5, 2147483647.5, 2147483648.0, -2147483649.0,
                        4294967296.0, 1e10, -1e300, 5e-324, 1.0 / 0.0, -1.0 / 0.0, 0.0 / 0.0,
                        1073741824.25, 9007199254740993.0, 1.0000000000000002};
  for (size_t k = 0; k < sizeof not_int32 / sizeof *not_int32; k++) {
    CHECK(!decode(not_int32[k], &out));
  }
}

int main(void) {
  RUN(format_table);
  RUN(portable_dtoa_round_trips);
  RUN(parse_table);
  RUN(to_string_through_api);
  RUN(float64_bits_of_int32);
  return test_summary("test_number");
}
