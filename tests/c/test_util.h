/* test_util.h: shared helpers for the C tests: a minimal VM (from a one-function unit) and
 * value-to-C-string conversion. Include after mvm.h. */
#ifndef MVM_TEST_UTIL_H
#define MVM_TEST_UTIL_H
#include "unit_builder.h"

// A VM whose unit's entry just returns undefined: enough for the value API.
static inline mvm_vm_t* new_vm_with(const mvm_config_t* cfg) {
  static rom_builder_t b;
  static uint8_t unit[1 << 17];
  b.len = 0;
  uint8_t code[] = {OP_PUSH_UNDEFINED, OP_RETURN};
  uint32_t entry = rb_function(&b, 0, 0, 1, RB_NO_OFFSET, RB_UNDEFINED, code, sizeof code);
  size_t n = rb_unit(&b, entry, RB_NO_OFFSET, 0, NULL, 0, unit);
  mvm_vm_t* vm = NULL;
  if (mvm_new_from_unit(unit, n, cfg, NULL, NULL, &vm) != MVM_E_OK) return NULL;
#ifdef MVM_INTERNAL_H
  // Tests that hold temp roots themselves need the stack block (where the temp roots live), as
  // the API functions that use them take it (api.c host_begin).
  if (vm_stack_acquire(vm) != MVM_E_OK) {
    mvm_free(vm);
    return NULL;
  }
#endif
  return vm;
}

static inline mvm_vm_t* new_vm(void) { return new_vm_with(NULL); }

// ToString(v) as UTF-8 in a static buffer.
static inline const char* str_of(mvm_vm_t* vm, mvm_value_t v) {
  static char buf[4096];
  mvm_value_t s;
  size_t len = 0;
  if (mvm_to_string(vm, v, &s) != MVM_E_OK) return "<to_string failed>";
  if (mvm_string_utf8(vm, s, buf, sizeof buf - 1, &len) != MVM_E_OK) return "<too long>";
  buf[len] = 0;
  return buf;
}
#endif
