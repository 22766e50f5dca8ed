/* Strings: UTF-8 in and out, narrow/wide forms, concatenation, comparison. */
#include "internal.h"
#include "test.h"
#include "test_util.h"

static mvm_value_t s8(mvm_vm_t* vm, const char* s) {
  mvm_value_t v;
  mvm_new_string(vm, s, strlen(s), &v);
  return v;
}

TEST(narrow_and_wide) {
  mvm_vm_t* vm = new_vm();
  mvm_value_t* a = temp_push(vm, s8(vm, "caf\xC3\xA9"));  // é is U+00E9: still Latin-1
  CHECK_EQ_INT(value_type(vm, *a), TC_STRING8);
  CHECK_EQ_INT(string_view(vm, *a).len, 4);
  mvm_value_t b = s8(vm, "\xE2\x82\xAC");  // € U+20AC
  CHECK_EQ_INT(value_type(vm, b), TC_STRING16);
  CHECK_EQ_INT(string_view(vm, b).len, 1);
  mvm_value_t c = s8(vm, "\xF0\x9F\x98\x80");  // U+1F600: a surrogate pair
  CHECK_EQ_INT(string_view(vm, c).len, 2);
  CHECK_EQ_STR(str_of(vm, c), "\xF0\x9F\x98\x80");
  CHECK_EQ_STR(str_of(vm, *a), "caf\xC3\xA9");
  VM_RUN(vm).ntemps = 0;
  mvm_free(vm);
}

TEST(invalid_utf8_and_lone_surrogates) {
  mvm_vm_t* vm = new_vm();
  mvm_value_t a = s8(vm, "a\xFF" "b\xC3");  // invalid byte, truncated sequence
  CHECK_EQ_INT(string_view(vm, a).len, 4);
  CHECK_EQ_STR(str_of(vm, a), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  mvm_value_t e = s8(vm, "\xED\xA0\x80");  // an encoded surrogate is invalid UTF-8
  CHECK_EQ_STR(str_of(vm, e), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  uint16_t lone[] = {'x', 0xD800, 'y'};
  mvm_value_t l;
  CHECK_EQ_INT(string_from_units(vm, lone, 3, &l), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, l), "x\xEF\xBF\xBDy");
  size_t len;
  char small[2];
  CHECK_EQ_INT(mvm_string_utf8(vm, l, small, sizeof small, &len), MVM_E_BUFFER_TOO_SMALL);
  CHECK_EQ_INT(len, 5);
  CHECK_EQ_INT(mvm_string_utf8(vm, value_from_int(1), small, 2, &len), MVM_E_WRONG_TYPE);
  mvm_free(vm);
}

TEST(concat_picks_narrowest) {
  mvm_vm_t* vm = new_vm();
  mvm_value_t* a = temp_push(vm, s8(vm, "ab"));
  mvm_value_t* b = temp_push(vm, s8(vm, "cd"));
  mvm_value_t* w = temp_push(vm, s8(vm, "\xE2\x82\xAC"));
  mvm_value_t r;
  mvm_value_t* parts[3] = {a, b, w};
  CHECK_EQ_INT(string_concat(vm, parts, 2, &r), MVM_E_OK);
  CHECK_EQ_INT(value_type(vm, r), TC_STRING8);
  CHECK_EQ_STR(str_of(vm, r), "abcd");
  CHECK_EQ_INT(string_concat(vm, parts, 3, &r), MVM_E_OK);
  CHECK_EQ_INT(value_type(vm, r), TC_STRING16);
  CHECK_EQ_STR(str_of(vm, r), "abcd\xE2\x82\xAC");
  mvm_value_t one;
  CHECK_EQ_INT(string_unit_at(vm, r, 1, &one), MVM_E_OK);
  CHECK_EQ_INT(value_type(vm, one), TC_STRING8);  // "b" from a wide string is narrow again
  CHECK(string_equal_ascii(vm, one, "b"));
  VM_RUN(vm).ntemps = 0;
  mvm_free(vm);
}

TEST(compare_by_code_units) {
  mvm_vm_t* vm = new_vm();
  mvm_value_t* a = temp_push(vm, s8(vm, "abc"));
  mvm_value_t* b = temp_push(vm, s8(vm, "abd"));
  mvm_value_t* c = temp_push(vm, s8(vm, "ab"));
  mvm_value_t* w = temp_push(vm, s8(vm, "\xE2\x82\xAC"));
  mvm_value_t* z = temp_push(vm, s8(vm, "\xC3\xBF"));  // U+00FF
  CHECK(string_compare(vm, *a, *b) < 0);
  CHECK(string_compare(vm, *b, *a) > 0);
  CHECK(string_compare(vm, *c, *a) < 0);
  CHECK(string_compare(vm, *a, *a) == 0);
  CHECK(string_compare(vm, *z, *w) < 0);
  CHECK(!string_equal(vm, *a, *b));
  mvm_value_t* a2 = temp_push(vm, s8(vm, "abc"));
  CHECK(*a2 != *a && string_equal(vm, *a, *a2));
  int32_t idx;
  CHECK(string_array_index(vm, s8(vm, "17"), &idx) && idx == 17);
  CHECK(string_array_index(vm, s8(vm, "0"), &idx) && idx == 0);
  CHECK(!string_array_index(vm, s8(vm, "01"), &idx));
  CHECK(!string_array_index(vm, s8(vm, "-1"), &idx));
  CHECK(!string_array_index(vm, s8(vm, "1.5"), &idx));
  CHECK(!string_array_index(vm, s8(vm, "4294967296"), &idx));
  VM_RUN(vm).ntemps = 0;
  mvm_free(vm);
}

TEST(long_strings_survive_gc) {
  mvm_config_t cfg = {1 << 20, 0, 0, 0};
  mvm_vm_t* vm = new_vm_with(&cfg);
  mvm_handle_t h;
  mvm_handle_init(vm, &h);
  char buf[1000];
  memset(buf, 'x', sizeof buf);
  mvm_new_string(vm, buf, sizeof buf, &h.value);
  for (int i = 0; i < 2000; i++) {
    mvm_value_t junk;
    mvm_new_string(vm, buf, 500, &junk);
  }
  CHECK_EQ_INT(string_view(vm, h.value).len, 1000);
  CHECK(string_view(vm, h.value).data[999] == 'x');
  mvm_handle_release(vm, &h);
  mvm_free(vm);
}

int main(void) {
  RUN(narrow_and_wide);
  RUN(invalid_utf8_and_lone_surrogates);
  RUN(concat_picks_narrowest);
  RUN(compare_by_code_units);
  RUN(long_strings_survive_gc);
  return test_summary("test_string");
}
