/* Value encoding and number boxing. */
#include "internal.h"
#include "test.h"

#include "test_util.h"

TEST(int31_round_trip) {
  int32_t samples[] = {0, 1, -1, 42, -42, INT31_MAX, INT31_MIN, 12345678, -12345678};
  for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
    mvm_value_t v = value_from_int(samples[i]);
    CHECK(value_is_int(v));
    CHECK(!value_is_heap(v) && !value_is_rom(v) && !value_is_special(v));
    CHECK_EQ_INT(value_as_int(v), samples[i]);
  }
}

TEST(tags_are_disjoint) {
  mvm_value_t specials[] = {VAL_UNDEFINED, VAL_NULL, VAL_TRUE, VAL_FALSE, VAL_HOLE,
                            value_from_builtin(0), value_from_builtin(BI__COUNT - 1)};
  for (size_t i = 0; i < sizeof specials / sizeof *specials; i++) {
    CHECK(value_is_special(specials[i]));
    CHECK(!value_is_int(specials[i]) && !value_is_ref(specials[i]));
  }
  CHECK(value_is_builtin(value_from_builtin(BI_ARRAY_PUSH)));
  CHECK(!value_is_builtin(VAL_HOLE));
  CHECK_EQ_INT(value_builtin_index(value_from_builtin(BI_ARRAY_PUSH)), BI_ARRAY_PUSH);
  CHECK_EQ_INT(VAL_UNDEFINED, 6);
  CHECK_EQ_INT(VAL_NULL, 14);
  CHECK(!value_is_heap(0));
  CHECK(value_is_heap(4) && value_is_heap(1024));
  mvm_value_t r = value_from_rom_offset(0x1c8);
  CHECK(value_is_rom(r));
  CHECK_EQ_INT(r, 0x392);
  CHECK_EQ_INT(value_rom_offset(r), 0x1c8);
  CHECK_EQ_INT(value_rom_offset(value_from_rom_offset(0)), 0);
}

TEST(headers) {
  uint32_t h = header_make(12, TC_FLOAT64);
  CHECK_EQ_INT(header_size(h), 12);
  CHECK_EQ_INT(header_type(h), TC_FLOAT64);
  uint8_t buf[8];
  wr32(buf, 0xDEADBEEFu);
  CHECK_EQ_INT(rd32(buf), 0xDEADBEEFu);
  CHECK_EQ_INT(buf[0], 0xEF);  // little-endian on every host
  wr_f64(buf, -2.5);
  CHECK(rd_f64(buf) == -2.5);
}

TEST(number_normalization) {
  mvm_vm_t* vm = new_vm();
  mvm_value_t v;
  CHECK_EQ_INT(number_make(vm, 5.0, &v), MVM_E_OK);
  CHECK(value_is_int(v) && value_as_int(v) == 5);
  number_make(vm, -0.0, &v);
  CHECK(!value_is_int(v) && value_type(vm, v) == TC_FLOAT64);
  CHECK(1.0 / number_value(vm, v) < 0);
  number_make(vm, 1073741823.0, &v);
  CHECK(value_is_int(v));
  number_make(vm, 1073741824.0, &v);
  CHECK(!value_is_int(v) && number_value(vm, v) == 1073741824.0);
  number_make(vm, -1073741824.0, &v);
  CHECK(value_is_int(v));
  number_make(vm, -1073741825.0, &v);
  CHECK(!value_is_int(v));
  number_make(vm, 0.5, &v);
  CHECK(!value_is_int(v) && number_value(vm, v) == 0.5);
  number_make(vm, 0.0 / 0.0, &v);
  CHECK(number_value(vm, v) != number_value(vm, v));
  mvm_free(vm);
}

TEST(int32_conversions) {
  CHECK_EQ_INT(number_to_int32(4294967296.0 + 5), 5);
  CHECK_EQ_INT(number_to_int32(2147483648.0), -2147483647 - 1);
  CHECK_EQ_INT(number_to_int32(-1.5), -1);
  CHECK_EQ_INT(number_to_int32(0.0 / 0.0), 0);
  CHECK_EQ_INT(number_to_int32(1e300), 0);
  CHECK_EQ_INT(number_to_uint32(-1), 4294967295u);
  CHECK_EQ_INT(number_to_uint32(1e10), 1410065408u);
}

TEST(typeof_and_truthiness) {
  mvm_vm_t* vm = new_vm();
  mvm_value_t s, o, a, f;
  mvm_new_string(vm, "", 0, &s);
  CHECK(!mvm_to_bool(vm, s));
  mvm_new_string(vm, "0", 1, &s);
  CHECK(mvm_to_bool(vm, s));
  CHECK(!mvm_to_bool(vm, value_from_int(0)));
  CHECK(mvm_to_bool(vm, value_from_int(-1)));
  CHECK(!mvm_to_bool(vm, VAL_NULL));
  mvm_new_object(vm, &o);
  CHECK(mvm_to_bool(vm, o));
  CHECK_EQ_INT(mvm_typeof(vm, o), MVM_T_OBJECT);
  mvm_new_array(vm, &a);
  CHECK(mvm_to_bool(vm, a));
  CHECK_EQ_INT(mvm_typeof(vm, a), MVM_T_ARRAY);
  CHECK_EQ_INT(mvm_typeof(vm, VAL_NULL), MVM_T_NULL);
  CHECK_EQ_INT(mvm_typeof(vm, VAL_TRUE), MVM_T_BOOLEAN);
  f = value_from_builtin(BI_ERROR);
  CHECK_EQ_INT(mvm_typeof(vm, f), MVM_T_FUNCTION);
  CHECK(string_equal_ascii(vm, typeof_string(vm, f), "function"));
  CHECK(string_equal_ascii(vm, typeof_string(vm, VAL_NULL), "object"));
  CHECK(string_equal_ascii(vm, typeof_string(vm, VAL_UNDEFINED), "undefined"));
  CHECK(string_equal_ascii(vm, typeof_string(vm, value_from_int(3)), "number"));
  mvm_free(vm);
}

int main(void) {
  RUN(int31_round_trip);
  RUN(tags_are_disjoint);
  RUN(headers);
  RUN(number_normalization);
  RUN(int32_conversions);
  RUN(typeof_and_truthiness);
  return test_summary("test_value");
}
