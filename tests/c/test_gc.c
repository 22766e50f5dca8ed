/* The collector: survivors intact after heavy churn, roots first in the heap, the heap limit,
 * growth. Built with MVM_GC_STRESS=1 by `make asan`, where every allocation collects. */
#include "internal.h"
#include "test.h"
#include "test_util.h"

// Builds a linked list of n objects {v: i, next: ...} held by a handle.
static void build_list(mvm_vm_t* vm, mvm_handle_t* head, int n, mvm_value_t* kv, mvm_value_t* kn) {
  head->value = VAL_NULL;
  for (int i = 0; i < n; i++) {
    mvm_value_t* node = temp_push(vm, VAL_UNDEFINED);
    CHECK_EQ_INT(object_new(vm, VAL_NULL, node), MVM_E_OK);
    CHECK_EQ_INT(mvm_set(vm, *node, *kv, value_from_int(i)), MVM_E_OK);
    CHECK_EQ_INT(mvm_set(vm, *node, *kn, head->value), MVM_E_OK);
    head->value = *node;
    VM_RUN(vm).ntemps--;
    // Garbage in between: strings and floats that nobody keeps.
    mvm_value_t junk;
    mvm_new_number(vm, i + 0.5, &junk);
    mvm_new_string(vm, "garbage garbage garbage", 23, &junk);
  }
}

static int check_list(mvm_vm_t* vm, mvm_value_t head, int n, mvm_value_t kv, mvm_value_t kn) {
  int ok = 1;
  for (int i = n - 1; i >= 0; i--) {
    mvm_value_t v, next;
    if (mvm_get(vm, head, kv, &v) != MVM_E_OK || !value_is_int(v) || value_as_int(v) != i) ok = 0;
    if (mvm_get(vm, head, kn, &next) != MVM_E_OK) ok = 0;
    head = next;
  }
  return ok && head == VAL_NULL;
}

TEST(survivors_intact) {
  mvm_vm_t* vm = new_vm();
  mvm_handle_t head, kv, kn;
  mvm_handle_init(vm, &head);
  mvm_handle_init(vm, &kv);
  mvm_handle_init(vm, &kn);
  mvm_new_string(vm, "v", 1, &kv.value);
  mvm_new_string(vm, "next", 4, &kn.value);
  int n = MVM_GC_STRESS ? 150 : 3000;
  build_list(vm, &head, n, &kv.value, &kn.value);
  CHECK(check_list(vm, head.value, n, kv.value, kn.value));
  CHECK_EQ_INT(mvm_run_gc(vm), MVM_E_OK);
  CHECK(check_list(vm, head.value, n, kv.value, kn.value));
  mvm_stats_t st;
  mvm_get_stats(vm, &st);
  CHECK(st.gc_count > 0);
  CHECK(st.heap_used <= st.heap_capacity && st.heap_capacity <= st.heap_limit);
  CHECK(st.heap_peak >= st.heap_used);
  // The roots allocation is first after every collection.
  CHECK_EQ_INT(vm->roots, 4);
  CHECK_EQ_INT(header_type(rd32(vm->heap + 4)), TC_ITEMS);
  head.value = VAL_NULL;
  mvm_run_gc(vm);
  mvm_get_stats(vm, &st);
  CHECK(st.heap_used < 2048);  // the list is gone
  mvm_handle_release(vm, &head);
  mvm_handle_release(vm, &kv);
  mvm_handle_release(vm, &kn);
  mvm_free(vm);
}

TEST(heap_limit) {
  mvm_config_t cfg = {32 * 1024, 0, 0, 0};
  mvm_vm_t* vm = new_vm_with(&cfg);
  mvm_handle_t arr;
  mvm_handle_init(vm, &arr);
  mvm_new_array(vm, &arr.value);
  mvm_err_t err = MVM_E_OK;
  int pushed = 0;
  while (!err && pushed < 100000) {
    mvm_value_t s;
    err = mvm_new_string(vm, "0123456789abcdef", 16, &s);
    if (!err) {
      mvm_value_t* a = temp_push(vm, arr.value);
      err = array_push(vm, a, s);
      arr.value = *a;
      VM_RUN(vm).ntemps--;
      pushed++;
    }
  }
  CHECK_EQ_INT(err, MVM_E_OUT_OF_MEMORY);
  CHECK(pushed > 100);
  mvm_stats_t st;
  mvm_get_stats(vm, &st);
  CHECK(st.heap_peak <= 32 * 1024);
  // Dropping the array makes room again.
  arr.value = VAL_UNDEFINED;
  mvm_value_t s;
  CHECK_EQ_INT(mvm_new_string(vm, "fine", 4, &s), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, s), "fine");
  mvm_handle_release(vm, &arr);
  mvm_free(vm);
}

TEST(growth_keeps_offsets) {
  mvm_config_t cfg = {8 * 1024 * 1024, 0, 0, 0};
  mvm_vm_t* vm = new_vm_with(&cfg);
  mvm_handle_t arr;
  mvm_handle_init(vm, &arr);
  mvm_new_array(vm, &arr.value);
  // Enough 12-byte numbers to outgrow the first space (MVM_INITIAL_HEAP: 32 KB on the host
  // port), and no more under GC stress, where every allocation collects (in a heap below
  // MVM_GC_STRESS_ALWAYS bytes).
  int n = MVM_GC_STRESS ? (int)(MVM_INITIAL_HEAP / 12) + 64 : 20000;
  for (int i = 0; i < n; i++) {
    mvm_value_t d;
    mvm_new_number(vm, i + 0.25, &d);
    mvm_value_t* a = temp_push(vm, arr.value);
    CHECK_EQ_INT(array_push(vm, a, d), MVM_E_OK);
    arr.value = *a;
    VM_RUN(vm).ntemps--;
  }
  int ok = 1;
  for (int i = 0; i < n; i++) {
    if (number_value(vm, array_get(vm, arr.value, (uint32_t)i)) != i + 0.25) ok = 0;
  }
  CHECK(ok);
  mvm_stats_t st;
  mvm_get_stats(vm, &st);
  CHECK(st.heap_capacity > MVM_INITIAL_HEAP);
  mvm_handle_release(vm, &arr);
  mvm_free(vm);
}

int main(void) {
  RUN(survivors_intact);
  RUN(heap_limit);
  RUN(growth_keeps_offsets);
  return test_summary("test_gc");
}
