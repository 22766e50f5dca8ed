/* The interpreter on hand-assembled bytecode: arithmetic, calls, closures, exceptions, limits,
 * host functions (throwing, failing, re-entering). */
#include "test.h"
#include "test_util.h"

#define I16(x) (uint8_t)((x) & 0xFF), (uint8_t)(((x) >> 8) & 0xFF)

static rom_builder_t rb;
static uint8_t unit_buf[1 << 17];

// Makes a VM whose entry function stores `nfuncs` functions into globals 0..nfuncs-1.
static mvm_vm_t* make_vm(const uint32_t* funcs, uint16_t nfuncs, uint16_t nglobals,
                         const mvm_config_t* cfg, mvm_resolve_import_t resolve) {
  uint32_t consts[16];
  for (uint16_t i = 0; i < nfuncs; i++) consts[i] = rb_ref(funcs[i]);
  uint32_t k = rb_consts(&rb, consts, nfuncs);
  uint8_t code[128];
  uint32_t n = 0;
  for (uint16_t i = 0; i < nfuncs; i++) {
    code[n++] = OP_LOAD_CONST;
    code[n++] = (uint8_t)i;
    code[n++] = 0;
    code[n++] = OP_STORE_GLOBAL;
    code[n++] = (uint8_t)i;
    code[n++] = 0;
  }
  code[n++] = OP_PUSH_UNDEFINED;
  code[n++] = OP_RETURN;
  uint32_t entry = rb_function(&rb, 0, 0, 2, k, RB_UNDEFINED, code, n);
  uint32_t names = rb_global_names(&rb, nglobals);
  size_t len = rb_unit(&rb, entry, names, nglobals, NULL, 0, unit_buf);
  mvm_vm_t* vm = NULL;
  if (mvm_new_from_unit(unit_buf, len, cfg, resolve, NULL, &vm) != MVM_E_OK) return NULL;
  mvm_value_t exc;
  if (mvm_run_main(vm, &exc) != MVM_E_OK) {
    mvm_free(vm);
    return NULL;
  }
  return vm;
}

static mvm_err_t call_global(mvm_vm_t* vm, uint32_t func, const mvm_value_t* args, uint8_t argc,
                             mvm_value_t* out) {
  return mvm_call(vm, rb_ref(func), args, argc, out);
}

TEST(arithmetic_and_fib) {
  rb.len = 0;
  uint8_t add[] = {OP_LOAD_ARG, 0, OP_LOAD_ARG, 1, OP_ADD, OP_RETURN};
  uint32_t f_add = rb_function(&rb, 2, 0, 2, RB_NO_OFFSET, RB_UNDEFINED, add, sizeof add);
  // fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2), fib in global 1
  uint8_t fib[] = {OP_LOAD_ARG, 0, OP_PUSH_I8, 2, OP_LT, OP_JUMP_IF_FALSE, I16(3),
                   OP_LOAD_ARG, 0, OP_RETURN,
                   OP_LOAD_GLOBAL, I16(1), OP_PUSH_UNDEFINED, OP_LOAD_ARG, 0, OP_PUSH_I8, 1,
                   OP_SUB, OP_CALL, 1,
                   OP_LOAD_GLOBAL, I16(1), OP_PUSH_UNDEFINED, OP_LOAD_ARG, 0, OP_PUSH_I8, 2,
                   OP_SUB, OP_CALL, 1, OP_ADD, OP_RETURN};
  uint32_t f_fib = rb_function(&rb, 1, 0, 8, RB_NO_OFFSET, RB_UNDEFINED, fib, sizeof fib);
  uint32_t funcs[] = {f_add, f_fib};
  mvm_vm_t* vm = make_vm(funcs, 2, 2, NULL, NULL);
  CHECK(vm != NULL);
  mvm_value_t args[2] = {rb_int(20), rb_int(22)}, r;
  CHECK_EQ_INT(call_global(vm, f_add, args, 2, &r), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, r), "42");
  args[0] = rb_int(1 << 29);
  args[1] = rb_int(1 << 29);
  call_global(vm, f_add, args, 2, &r);  // overflows int31: becomes a float
  CHECK_EQ_STR(str_of(vm, r), "1073741824");
  mvm_new_string(vm, "x", 1, &args[0]);
  args[1] = rb_int(1);
  call_global(vm, f_add, args, 2, &r);
  CHECK_EQ_STR(str_of(vm, r), "x1");
  args[0] = rb_int(20);
  CHECK_EQ_INT(call_global(vm, f_fib, args, 1, &r), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, r), "6765");
  mvm_stats_t st;
  mvm_get_stats(vm, &st);
  CHECK(st.stack_peak_slots > 20);
  mvm_free(vm);
}

TEST(closures_count) {
  rb.len = 0;
  // inner: scope slot 0 += 1; return it
  uint8_t inner[] = {OP_LOAD_SCOPED, 0, 0, OP_INC, OP_DUP, OP_STORE_SCOPED, 0, 0, OP_RETURN};
  uint32_t f_inner = rb_function(&rb, 0, 0, 2, RB_NO_OFFSET, RB_UNDEFINED, inner, sizeof inner);
  uint32_t k[] = {rb_ref(f_inner)};
  uint32_t consts = rb_consts(&rb, k, 1);
  // make: scope = {0}; return closure(inner)
  uint8_t make[] = {OP_SCOPE_PUSH, 1, OP_PUSH_I8, 0, OP_STORE_SCOPED, 0, 0,
                    OP_MAKE_CLOSURE, I16(0), OP_RETURN};
  uint32_t f_make = rb_function(&rb, 0, 0, 1, consts, RB_UNDEFINED, make, sizeof make);
  uint32_t funcs[] = {f_make};
  mvm_vm_t* vm = make_vm(funcs, 1, 1, NULL, NULL);
  mvm_handle_t c1, c2;
  mvm_handle_init(vm, &c1);
  mvm_handle_init(vm, &c2);
  CHECK_EQ_INT(call_global(vm, f_make, NULL, 0, &c1.value), MVM_E_OK);
  CHECK_EQ_INT(call_global(vm, f_make, NULL, 0, &c2.value), MVM_E_OK);
  mvm_value_t r;
  mvm_call(vm, c1.value, NULL, 0, &r);
  mvm_call(vm, c1.value, NULL, 0, &r);
  CHECK_EQ_STR(str_of(vm, r), "2");
  mvm_call(vm, c2.value, NULL, 0, &r);
  CHECK_EQ_STR(str_of(vm, r), "1");
  CHECK_EQ_INT(mvm_typeof(vm, c1.value), MVM_T_FUNCTION);
  mvm_handle_release(vm, &c1);
  mvm_handle_release(vm, &c2);
  mvm_free(vm);
}

TEST(exceptions) {
  rb.len = 0;
  uint32_t msg = rb_string(&rb, "boom");
  uint32_t k[] = {rb_ref(msg)};
  uint32_t consts = rb_consts(&rb, k, 1);
  // try { throw new Error("boom") } catch (e) { return e.message }   (message: consts[0])
  uint8_t catcher[] = {OP_TRY, I16(7), OP_THROW_ERROR, 0, I16(0), OP_TRY_END, OP_PUSH_NULL,
                       OP_RETURN, OP_TO_STRING, OP_RETURN};
  uint32_t f_catch = rb_function(&rb, 0, 0, 2, consts, RB_UNDEFINED, catcher, sizeof catcher);
  uint8_t thrower[] = {OP_LOAD_ARG, 0, OP_THROW};
  uint32_t f_throw = rb_function(&rb, 1, 0, 1, RB_NO_OFFSET, RB_UNDEFINED, thrower, sizeof thrower);
  // Reads global 2, which is never initialized (TDZ).
  uint8_t tdz[] = {OP_LOAD_GLOBAL, I16(2), OP_RETURN};
  uint32_t f_tdz = rb_function(&rb, 0, 0, 1, RB_NO_OFFSET, RB_UNDEFINED, tdz, sizeof tdz);
  uint8_t notfn[] = {OP_PUSH_I8, 3, OP_PUSH_UNDEFINED, OP_CALL, 0, OP_RETURN};
  uint32_t f_notfn = rb_function(&rb, 0, 0, 2, RB_NO_OFFSET, RB_UNDEFINED, notfn, sizeof notfn);
  uint8_t getund[] = {OP_PUSH_UNDEFINED, OP_GET_PROP, I16(0), OP_RETURN};
  uint32_t f_getund = rb_function(&rb, 0, 0, 1, consts, RB_UNDEFINED, getund, sizeof getund);
  uint32_t funcs[] = {f_catch, f_throw, f_tdz, f_notfn, f_getund};
  mvm_vm_t* vm = make_vm(funcs, 5, 5, NULL, NULL);
  // globals 2.. were overwritten by make_vm; use a VM whose global 2 is a hole instead.
  mvm_value_t r, arg = rb_int(7);
  CHECK_EQ_INT(call_global(vm, f_catch, NULL, 0, &r), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, r), "Error: boom");
  CHECK_EQ_INT(call_global(vm, f_throw, &arg, 1, &r), MVM_E_UNCAUGHT_EXCEPTION);
  CHECK_EQ_STR(str_of(vm, r), "7");
  CHECK_EQ_INT(call_global(vm, f_notfn, NULL, 0, &r), MVM_E_UNCAUGHT_EXCEPTION);
  CHECK_EQ_STR(str_of(vm, r), "TypeError: value is not a function");
  CHECK_EQ_INT(call_global(vm, f_getund, NULL, 0, &r), MVM_E_UNCAUGHT_EXCEPTION);
  CHECK_EQ_STR(str_of(vm, r), "TypeError: Cannot read properties of undefined (reading 'boom')");
  mvm_free(vm);
  rb.len = 0;
  f_tdz = rb_function(&rb, 0, 0, 1, RB_NO_OFFSET, RB_UNDEFINED, tdz, sizeof tdz);
  uint32_t only[] = {f_tdz};
  vm = make_vm(only, 1, 3, NULL, NULL);
  CHECK_EQ_INT(call_global(vm, f_tdz, NULL, 0, &r), MVM_E_UNCAUGHT_EXCEPTION);
  CHECK_EQ_STR(str_of(vm, r), "ReferenceError: Cannot access 'g02' before initialization");
  mvm_free(vm);
}

TEST(runaway_recursion_is_catchable) {
  rb.len = 0;
  uint8_t down[] = {OP_LOAD_GLOBAL, I16(0), OP_PUSH_UNDEFINED, OP_CALL, 0, OP_RETURN};
  uint32_t f_down = rb_function(&rb, 0, 2, 4, RB_NO_OFFSET, RB_UNDEFINED, down, sizeof down);
  uint8_t probe[] = {OP_TRY, I16(8), OP_LOAD_GLOBAL, I16(0), OP_PUSH_UNDEFINED, OP_CALL, 0,
                     OP_TRY_END, OP_RETURN, OP_TO_STRING, OP_RETURN};
  uint32_t f_probe = rb_function(&rb, 0, 0, 3, RB_NO_OFFSET, RB_UNDEFINED, probe, sizeof probe);
  uint32_t funcs[] = {f_down, f_probe};
  mvm_config_t configs[] = {{0, 0, 0, 0}, {0, 100000, 200, 0}, {0, 300, 100000, 0}};
  for (int c = 0; c < 3; c++) {
    mvm_vm_t* vm = make_vm(funcs, 2, 2, &configs[c], NULL);
    mvm_value_t r;
    CHECK_EQ_INT(call_global(vm, f_probe, NULL, 0, &r), MVM_E_OK);
    CHECK_EQ_STR(str_of(vm, r), "RangeError: Maximum call stack size exceeded");
    CHECK_EQ_INT(call_global(vm, f_down, NULL, 0, &r), MVM_E_UNCAUGHT_EXCEPTION);
    CHECK_EQ_INT(call_global(vm, f_probe, NULL, 0, &r), MVM_E_OK);
    mvm_free(vm);
  }
}

TEST(out_of_memory_and_budget) {
  rb.len = 0;
  // hoard: global 1 = []; loop forever: global1.push([1,2,3,4])  (via APPEND)
  uint8_t hoard[] = {OP_NEW_ARRAY, I16(0), OP_STORE_GLOBAL, I16(1),
                     OP_LOAD_GLOBAL, I16(1), OP_PUSH_I8, 1, OP_PUSH_I8, 2, OP_PUSH_I8, 3,
                     OP_NEW_ARRAY, I16(3), OP_APPEND, OP_POP, OP_JUMP, I16(-17)};
  uint32_t f_hoard = rb_function(&rb, 0, 0, 6, RB_NO_OFFSET, RB_UNDEFINED, hoard, sizeof hoard);
  uint8_t spin[] = {OP_JUMP, I16(-3)};
  uint32_t f_spin = rb_function(&rb, 0, 0, 0, RB_NO_OFFSET, RB_UNDEFINED, spin, sizeof spin);
  uint8_t ok[] = {OP_PUSH_I8, 5, OP_RETURN};
  uint32_t f_ok = rb_function(&rb, 0, 0, 1, RB_NO_OFFSET, RB_UNDEFINED, ok, sizeof ok);
  uint32_t funcs[] = {f_hoard};
  mvm_config_t cfg = {64 * 1024, 0, 0, 100000000};
  mvm_vm_t* vm = make_vm(funcs, 1, 2, &cfg, NULL);
  mvm_value_t r;
  CHECK_EQ_INT(call_global(vm, f_hoard, NULL, 0, &r), MVM_E_OUT_OF_MEMORY);
  mvm_stats_t st;
  mvm_get_stats(vm, &st);
  CHECK(st.heap_peak <= 64 * 1024);
  CHECK(st.gc_count > 0);
  CHECK_EQ_INT(call_global(vm, f_ok, NULL, 0, &r), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, r), "5");
  CHECK_EQ_INT(call_global(vm, f_hoard, NULL, 0, &r), MVM_E_OUT_OF_MEMORY);  // again
  mvm_free(vm);
  mvm_config_t budget = {0, 0, 0, 10000};
  vm = make_vm(funcs, 1, 2, &budget, NULL);
  CHECK_EQ_INT(call_global(vm, f_spin, NULL, 0, &r), MVM_E_INSTRUCTION_BUDGET);
  CHECK_EQ_INT(call_global(vm, f_ok, NULL, 0, &r), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, r), "5");
  mvm_free(vm);
}

// ---- Host functions ----

static mvm_err_t host_throw(mvm_vm_t* vm, uint16_t id, mvm_value_t* result, mvm_value_t* args,
                            uint8_t argc) {
  (void)id, (void)args, (void)argc;
  mvm_err_t err = mvm_new_error(vm, 1, "from host", 9, result);
  return err ? err : MVM_E_HOST_THROW;
}
static mvm_err_t host_fail(mvm_vm_t* vm, uint16_t id, mvm_value_t* result, mvm_value_t* args,
                           uint8_t argc) {
  (void)vm, (void)id, (void)result, (void)args, (void)argc;
  return MVM_E_HOST_ERROR;
}
// Calls args[0](args[1]) re-entrantly and returns the result plus one.
static mvm_err_t host_reenter(mvm_vm_t* vm, uint16_t id, mvm_value_t* result, mvm_value_t* args,
                              uint8_t argc) {
  (void)id;
  if (argc < 2) return MVM_E_INVALID_ARGUMENT;
  mvm_value_t r;
  mvm_err_t err = mvm_call(vm, args[0], &args[1], 1, &r);
  if (err == MVM_E_UNCAUGHT_EXCEPTION) {
    *result = r;
    return MVM_E_HOST_THROW;
  }
  if (err) return err;
  return mvm_new_number(vm, mvm_to_number(vm, r) + 1, result);
}
static mvm_err_t resolve(uint16_t id, void* ctx, mvm_host_fn_t* out) {
  (void)ctx;
  switch (id) {
    case 1: *out = host_throw; return MVM_E_OK;
    case 2: *out = host_fail; return MVM_E_OK;
    case 3: *out = host_reenter; return MVM_E_OK;
    default: return MVM_E_UNRESOLVED_IMPORT;
  }
}

TEST(host_functions) {
  rb.len = 0;
  // call_import(id, a, b): vmImport(id)(a, b)
  uint8_t callimp[] = {OP_LOAD_BUILTIN, 0, OP_PUSH_UNDEFINED, OP_LOAD_ARG, 0, OP_CALL, 1,
                       OP_PUSH_UNDEFINED, OP_LOAD_ARG, 1, OP_LOAD_ARG, 2, OP_CALL, 2, OP_RETURN};
  uint32_t f_ci = rb_function(&rb, 3, 0, 6, RB_NO_OFFSET, RB_UNDEFINED, callimp, sizeof callimp);
  // catching variant: try { return call_import(...) } catch (e) { return String(e) }
  uint8_t catching[] = {OP_TRY, I16(14), OP_LOAD_GLOBAL, I16(0), OP_PUSH_UNDEFINED, OP_LOAD_ARG, 0,
                        OP_LOAD_ARG, 1, OP_LOAD_ARG, 2, OP_CALL, 3, OP_TRY_END, OP_RETURN,
                        OP_TO_STRING, OP_RETURN};
  uint32_t f_catch = rb_function(&rb, 3, 0, 6, RB_NO_OFFSET, RB_UNDEFINED, catching, sizeof catching);
  uint8_t twice[] = {OP_LOAD_ARG, 0, OP_PUSH_I8, 2, OP_MUL, OP_RETURN};
  uint32_t f_twice = rb_function(&rb, 1, 0, 2, RB_NO_OFFSET, RB_UNDEFINED, twice, sizeof twice);
  uint8_t thrower[] = {OP_LOAD_ARG, 0, OP_THROW};
  uint32_t f_thrower = rb_function(&rb, 1, 0, 1, RB_NO_OFFSET, RB_UNDEFINED, thrower, sizeof thrower);
  uint32_t funcs[] = {f_ci, f_catch, f_twice, f_thrower};
  mvm_vm_t* vm = make_vm(funcs, 4, 4, NULL, resolve);
  mvm_value_t r, args[3];
  args[0] = rb_int(1);
  args[1] = args[2] = RB_UNDEFINED;
  CHECK_EQ_INT(call_global(vm, f_catch, args, 3, &r), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, r), "TypeError: from host");
  args[0] = rb_int(2);
  CHECK_EQ_INT(call_global(vm, f_catch, args, 3, &r), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, r), "Error: host function failed (code 12)");
  args[0] = rb_int(9);
  CHECK_EQ_INT(call_global(vm, f_catch, args, 3, &r), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, r), "Error: vmImport: host could not resolve import ID");
  args[0] = rb_int(3);
  args[1] = rb_ref(f_twice);
  args[2] = rb_int(21);
  CHECK_EQ_INT(call_global(vm, f_ci, args, 3, &r), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, r), "43");
  args[1] = rb_ref(f_thrower);
  CHECK_EQ_INT(call_global(vm, f_catch, args, 3, &r), MVM_E_OK);
  CHECK_EQ_STR(str_of(vm, r), "21");
  // Re-entering a function that re-enters: host -> JS -> host -> JS.
  args[1] = rb_ref(f_ci);
  mvm_stats_t st;
  mvm_get_stats(vm, &st);
  CHECK_EQ_INT(st.imports_count, 3);
  mvm_free(vm);
}

int main(void) {
  RUN(arithmetic_and_fib);
  RUN(closures_count);
  RUN(exceptions);
  RUN(runaway_recursion_is_catchable);
  RUN(out_of_memory_and_budget);
  RUN(host_functions);
  return test_summary("test_interp");
}
