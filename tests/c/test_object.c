/* Objects and arrays through the value API: keys, order, holes, growth. */
#include "internal.h"
#include "test.h"
#include "test_util.h"

static mvm_value_t key(mvm_vm_t* vm, const char* s) {
  mvm_value_t v;
  mvm_new_string(vm, s, strlen(s), &v);
  return v;
}

// The key is made (which may GC) before the object is read from its GC-visible slot.
static mvm_err_t set_k(mvm_vm_t* vm, mvm_value_t* obj, const char* k, mvm_value_t v) {
  mvm_value_t kv = key(vm, k);
  return mvm_set(vm, *obj, kv, v);
}
static mvm_err_t get_k(mvm_vm_t* vm, mvm_value_t* obj, const char* k, mvm_value_t* out) {
  mvm_value_t kv = key(vm, k);
  return mvm_get(vm, *obj, kv, out);
}

TEST(object_props_and_order) {
  mvm_vm_t* vm = new_vm();
  mvm_handle_t o;
  mvm_handle_init(vm, &o);
  mvm_new_object(vm, &o.value);
  CHECK_EQ_INT(set_k(vm, &o.value, "b", value_from_int(1)), MVM_E_OK);
  set_k(vm, &o.value, "a", value_from_int(2));
  set_k(vm, &o.value, "10", value_from_int(3));  // canonical index: an int key
  mvm_set(vm, o.value, value_from_int(2), value_from_int(4));
  set_k(vm, &o.value, "02", value_from_int(5));  // not canonical: a string key
  set_k(vm, &o.value, "b", value_from_int(6));  // overwrite keeps the position
  mvm_value_t v;
  CHECK_EQ_INT(get_k(vm, &o.value, "b", &v), MVM_E_OK);
  CHECK_EQ_INT(value_as_int(v), 6);
  mvm_get(vm, o.value, value_from_int(10), &v);
  CHECK_EQ_INT(value_as_int(v), 3);
  get_k(vm, &o.value, "2", &v);
  CHECK_EQ_INT(value_as_int(v), 4);
  get_k(vm, &o.value, "missing", &v);
  CHECK(v == VAL_UNDEFINED);
  mvm_value_t keys;
  CHECK_EQ_INT(mvm_own_keys(vm, o.value, &keys), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, keys), "2,10,b,a,02");
  // Many properties: the PROPS allocation grows several times.
  for (int i = 0; i < 100; i++) {
    char name[16];
    snprintf(name, sizeof name, "k%d", i);
    set_k(vm, &o.value, name, value_from_int(i));
  }
  get_k(vm, &o.value, "k77", &v);
  CHECK_EQ_INT(value_as_int(v), 77);
  CHECK_EQ_INT(get_k(vm, &(mvm_value_t){VAL_UNDEFINED}, "x", &v), MVM_E_WRONG_TYPE);
  CHECK_EQ_INT(set_k(vm, &(mvm_value_t){value_from_int(1)}, "x", VAL_NULL), MVM_E_WRONG_TYPE);
  mvm_handle_release(vm, &o);
  mvm_free(vm);
}

TEST(delete_keeps_order) {
  mvm_vm_t* vm = new_vm();
  mvm_value_t* o = temp_push(vm, VAL_UNDEFINED);
  object_new(vm, VAL_NULL, o);
  set_k(vm, o, "x", value_from_int(1));
  set_k(vm, o, "y", value_from_int(2));
  set_k(vm, o, "z", value_from_int(3));
  mvm_value_t y = key(vm, "y");
  CHECK_EQ_INT(prop_delete(vm, *o, y), MVM_E_OK);
  mvm_value_t keys;
  mvm_own_keys(vm, *o, &keys);
  CHECK_EQ_STR(str_of(vm, keys), "x,z");
  CHECK_EQ_STR(str_of(vm, *o), "[object Object]");
  VM_RUN(vm).ntemps = 0;
  mvm_free(vm);
}

TEST(arrays_grow_with_holes) {
  mvm_vm_t* vm = new_vm();
  mvm_handle_t a;
  mvm_handle_init(vm, &a);
  mvm_new_array(vm, &a.value);
  uint32_t len;
  mvm_set(vm, a.value, value_from_int(0), value_from_int(10));
  set_k(vm, &a.value, "3", value_from_int(13));
  CHECK_EQ_INT(mvm_array_length(vm, a.value, &len), MVM_E_OK);
  CHECK_EQ_INT(len, 4);
  CHECK_EQ_STR(str_of(vm, a.value), "10,,,13");
  mvm_value_t v;
  mvm_get(vm, a.value, value_from_int(1), &v);
  CHECK(v == VAL_UNDEFINED);
  get_k(vm, &a.value, "length", &v);
  CHECK_EQ_INT(value_as_int(v), 4);
  mvm_value_t keys;
  mvm_own_keys(vm, a.value, &keys);
  CHECK_EQ_STR(str_of(vm, keys), "0,3");
  for (int i = 4; i < 1000; i++) {
    mvm_value_t* arr = temp_push(vm, a.value);
    CHECK_EQ_INT(array_push(vm, arr, value_from_int(i)), MVM_E_OK);
    a.value = *arr;
    VM_RUN(vm).ntemps--;
  }
  mvm_array_length(vm, a.value, &len);
  CHECK_EQ_INT(len, 1000);
  mvm_get(vm, a.value, value_from_int(999), &v);
  CHECK_EQ_INT(value_as_int(v), 999);
  set_k(vm, &a.value, "length", value_from_int(2));
  CHECK_EQ_STR(str_of(vm, a.value), "10,");
  CHECK_EQ_INT(mvm_array_length(vm, VAL_NULL, &len), MVM_E_WRONG_TYPE);
  mvm_handle_release(vm, &a);
  mvm_free(vm);
}

TEST(nested_and_cyclic_arrays_stringify) {
  mvm_vm_t* vm = new_vm();
  mvm_handle_t a, b;
  mvm_handle_init(vm, &a);
  mvm_handle_init(vm, &b);
  mvm_new_array(vm, &a.value);
  mvm_new_array(vm, &b.value);
  mvm_set(vm, b.value, value_from_int(0), value_from_int(1));
  mvm_set(vm, b.value, value_from_int(1), VAL_NULL);
  mvm_set(vm, a.value, value_from_int(0), b.value);
  mvm_set(vm, a.value, value_from_int(1), VAL_TRUE);
  CHECK_EQ_STR(str_of(vm, a.value), "1,,true");
  mvm_set(vm, b.value, value_from_int(2), a.value);  // cycle
  CHECK_EQ_STR(str_of(vm, a.value), "1,,,true");
  mvm_handle_release(vm, &a);
  mvm_handle_release(vm, &b);
  mvm_free(vm);
}

TEST(errors_as_objects) {
  mvm_vm_t* vm = new_vm();
  mvm_value_t e;
  mvm_value_t* es = temp_push(vm, VAL_UNDEFINED);
  CHECK_EQ_INT(mvm_new_error(vm, EK_TYPE_ERROR, "bad thing", 9, es), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, *es), "TypeError: bad thing");
  CHECK_EQ_INT(error_kind_of(vm, *es), EK_TYPE_ERROR);
  bool is;
  CHECK_EQ_INT(instance_of(vm, *es, value_from_builtin(BI_TYPE_ERROR), &is), MVM_E_OK);
  CHECK(is);
  instance_of(vm, *es, value_from_builtin(BI_ERROR), &is);
  CHECK(is);
  instance_of(vm, *es, value_from_builtin(BI_RANGE_ERROR), &is);
  CHECK(!is);
  CHECK_EQ_INT(mvm_new_error(vm, EK_RANGE_ERROR, "", 0, &e), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, e), "RangeError");
  CHECK_EQ_INT(mvm_new_error(vm, 99, "", 0, &e), MVM_E_INVALID_ARGUMENT);
  VM_RUN(vm).ntemps = 0;
  mvm_free(vm);
}

int main(void) {
  RUN(object_props_and_order);
  RUN(delete_keeps_order);
  RUN(arrays_grow_with_holes);
  RUN(nested_and_cyclic_arrays_stringify);
  RUN(errors_as_objects);
  return test_summary("test_object");
}
