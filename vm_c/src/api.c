/* api.c: the public API of mvm.h that is not loading or snapshots: calls, exports, handles,
 * values, stats.
 *
 * Calls: the outermost mvm_call/mvm_run_main (depth 0) starts from an empty stack and clears any
 * previous fatal state; nested calls (from host functions) push above the current sp. A fatal
 * error resets the stack and frames when it reaches the outermost call, which keeps the VM
 * usable. Values handed in by the host are pushed onto the stack before anything allocates.
 */
#include "internal.h"

static mvm_err_t call_with(mvm_vm_t* vm, mvm_value_t fn, const mvm_value_t* args, uint8_t argc,
                           mvm_value_t* out_result) {
  bool outermost = vm_depth(vm) == 0;
  // The stack is made at the first call (MVM_STACK_ON_DEMAND: at every outermost call).
  if (outermost && vm_stack_acquire(vm) != MVM_E_OK) return MVM_E_OUT_OF_MEMORY;
  if (outermost) vm_run_reset(vm);
  if (VM_RUN(vm).fatal) return (mvm_err_t)VM_RUN(vm).fatal;
  // A host function that calls back in nests a C frame of its own and of the interpreter's:
  // bounded like the library's callbacks (vm_call_function), so the C stack is.
  if (!outermost && VM_RUN(vm).nested_calls >= MVM_MAX_NESTED_CALLS) return MVM_E_STACK_OVERFLOW;
  if ((size_t)(VM_RUN(vm).stack + vm_stack_slots(vm) - VM_RUN(vm).sp) < (size_t)argc + 2) {
#if MVM_STACK_ON_DEMAND
    if (outermost) vm_stack_release(vm);
#endif
    return MVM_E_STACK_OVERFLOW;
  }
  mvm_value_t* base = VM_RUN(vm).sp;
  base[0] = fn;
  base[1] = VAL_UNDEFINED;
  for (uint8_t i = 0; i < argc; i++) base[2 + i] = args[i];
  VM_RUN(vm).sp = base + 2 + argc;
  VM_RUN(vm).depth++;
  VM_RUN(vm).nested_calls += !outermost;
  mvm_value_t result;
  mvm_err_t err = vm_call(vm, argc, false, &result);
  VM_RUN(vm).nested_calls -= !outermost;
  if (err == ERR_THROW) {
    result = VM_RUN(vm).exception;
    VM_RUN(vm).exception = VAL_UNDEFINED;
  }
  if (outermost && (err == MVM_E_OK || err == ERR_THROW)) {
    // Promise jobs run before the host sees the result (still at depth 1, so that a host
    // function called by a job nests). The result waits on the stack, which the collector
    // updates.
    *VM_RUN(vm).sp++ = result;
    mvm_err_t jobs_err = jobs_drain(vm);
    result = *--VM_RUN(vm).sp;
    if (jobs_err) err = jobs_err;
  }
  VM_RUN(vm).depth--;
  if (err && err != ERR_THROW && outermost) vm_run_reset(vm);
  if (out_result) *out_result = err == MVM_E_OK || err == ERR_THROW ? result : VAL_UNDEFINED;
#if MVM_STACK_ON_DEMAND
  if (outermost) vm_stack_release(vm);
#endif
  return err;
}

mvm_err_t mvm_call(mvm_vm_t* vm, mvm_value_t fn, const mvm_value_t* args, uint8_t argc,
                   mvm_value_t* out_result) {
  if (!vm || (argc && !args)) return MVM_E_INVALID_ARGUMENT;
  if (!value_is_callable(vm, fn)) return MVM_E_NOT_A_FUNCTION;
  return call_with(vm, fn, args, argc, out_result);
}

mvm_err_t mvm_run_main(mvm_vm_t* vm, mvm_value_t* out_exception) {
  if (!vm) return MVM_E_INVALID_ARGUMENT;
  if (vm_depth(vm)) return MVM_E_REENTRANT;
#if MVM_INCLUDE_BUILD_API
  if (vm->entry == NO_OFFSET) return MVM_E_INVALID_ARGUMENT;  // restored, or snapshotted
  mvm_value_t result;
  mvm_err_t err = call_with(vm, value_from_rom_offset(vm->entry), NULL, 0, &result);
  if (out_exception) *out_exception = err == ERR_THROW ? result : VAL_UNDEFINED;
  return err;
#else
  (void)out_exception;
  return MVM_E_INVALID_ARGUMENT;  // only a unit has a top level to run
#endif
}

void* mvm_get_context(mvm_vm_t* vm) { return vm ? vm->context : NULL; }

mvm_err_t mvm_run_gc(mvm_vm_t* vm) {
  if (!vm) return MVM_E_INVALID_ARGUMENT;
  return gc_collect(vm, 0) ? MVM_E_OK : MVM_E_OUT_OF_MEMORY;
}

void mvm_get_stats(mvm_vm_t* vm, mvm_stats_t* out) {
  if (!out) return;
  MVM_MEMSET(out, 0, sizeof *out);
  if (!vm) return;
  out->heap_used = vm_heap_used(vm);
  out->heap_capacity = vm->heap ? heap_cap(vm) : 0;
  out->heap_peak = vm_heap_peak(vm);
  out->heap_limit = vm_heap_limit(vm);
  out->rom_bytes = vm_rom_len(vm);
  out->globals_count = vm->global_count;
  out->imports_count = vm->nimports;
  out->stack_peak_slots = vm->stack_peak;
  out->gc_count = vm->gc_count;
  size_t stack_bytes = vm_stack_bytes(vm);
  out->vm_struct_bytes = sizeof(mvm_vm_t) + (VM_HAS_RUN(vm) ? stack_bytes : 0) +
                         tables_bytes(vm) +
                         sizeof(unit_export_t) * unit_export_count(vm);
  out->ram_bytes = out->vm_struct_bytes + (heap_is_own(vm) ? heap_cap(vm) : 0);
  out->arena_peak = arena_peak(vm_arena(vm));
}

void mvm_error_location(mvm_vm_t* vm, mvm_value_t* out_file, uint32_t* out_line) {
  mvm_value_t file = VAL_UNDEFINED;
  uint32_t line = 0;
#if MVM_ERROR_LOCATION
  if (vm && vm->err_func != NO_OFFSET) line = vm_line_of(vm, vm->err_func, vm->err_pc, &file);
#else
  (void)vm;  // built without line lookup: always unknown
#endif
  if (out_file) *out_file = file;
  if (out_line) *out_line = line;
}

// ---- Exports ----

static uint32_t export_props_count(mvm_vm_t* vm) {
  if (vm->flags & EXPORTS_IN_IMAGE) return image_export_count(vm);
  mvm_value_t t = root_get(vm, ROOT_EXPORTS);
  return value_is_ref(t) ? rd32(value_ptr(vm, t) + 4) : 0;
}

size_t mvm_export_count(mvm_vm_t* vm) {
  return vm ? export_props_count(vm) + unit_export_count(vm) : 0;
}

mvm_err_t mvm_export_at(mvm_vm_t* vm, size_t i, mvm_value_t* out_key, mvm_value_t* out_value) {
  if (!vm) return MVM_E_INVALID_ARGUMENT;
  uint32_t n = export_props_count(vm);
  mvm_value_t k, v;
  if (i < n && (vm->flags & EXPORTS_IN_IMAGE)) {
    image_export_at(vm, (uint32_t)i, &k, &v);
  } else if (i < n) {
    const uint8_t* p = value_ptr(vm, root_get(vm, ROOT_EXPORTS)) + 8 + 8 * i;
    k = rd32(p);
    v = rd32(p + 4);
#if MVM_INCLUDE_BUILD_API
  } else if (i - n < vm->unit_export_count) {
    const unit_export_t* e = &vm->unit_exports[i - n];
    k = value_from_rom_offset(e->name);
    v = unit_export_value(vm, e);
    if (v == VAL_HOLE) v = VAL_UNDEFINED;
#endif
  } else {
    return MVM_E_EXPORT_NOT_FOUND;
  }
  if (out_key) *out_key = k;
  if (out_value) *out_value = v;
  return MVM_E_OK;
}

mvm_err_t mvm_resolve_export(mvm_vm_t* vm, uint16_t id, mvm_value_t* out) {
  if (!vm || !out) return MVM_E_INVALID_ARGUMENT;
  for (uint32_t j = 0, n = image_export_count(vm); j < n; j++) {
    mvm_value_t k, v;
    image_export_at(vm, j, &k, &v);
    if (k == value_from_int(id)) {
      *out = v;
      return MVM_E_OK;
    }
  }
  mvm_value_t t = root_get(vm, ROOT_EXPORTS);
  int32_t i = props_find(vm, t, value_from_int(id));
  if (i < 0) return MVM_E_EXPORT_NOT_FOUND;
  *out = rd32(value_ptr(vm, t) + 12 + 8 * (uint32_t)i);
  return MVM_E_OK;
}

// Compares a string value with UTF-8 bytes, as UTF-8.
static bool string_is_utf8(mvm_vm_t* vm, mvm_value_t s, const char* name, size_t len) {
  if (string_utf8_length(vm, s) != len) return false;
  // Short names are compared through a stack buffer; long ones unit by unit via re-encoding.
  uint8_t buf[256];
  if (len <= sizeof buf) {
    string_to_utf8(vm, s, buf);
    return MVM_MEMCMP(buf, name, len) == 0;
  }
  string_view_t sv = string_view(vm, s);
  for (uint32_t i = 0; i < sv.len; i++) {  // long names: ASCII only
    if (view_unit(&sv, i) != (uint8_t)name[i]) return false;
  }
  return true;
}

mvm_err_t mvm_resolve_export_named(mvm_vm_t* vm, const char* name, size_t name_len,
                                   mvm_value_t* out) {
  if (!vm || !out || (!name && name_len)) return MVM_E_INVALID_ARGUMENT;
  size_t n = mvm_export_count(vm);
  for (size_t i = 0; i < n; i++) {
    mvm_value_t k, v;
    mvm_export_at(vm, i, &k, &v);
    if (value_is_int(k) || !value_is_string(vm, k)) continue;
    if (string_is_utf8(vm, k, name, name_len)) {
      *out = v;
      return MVM_E_OK;
    }
  }
  return MVM_E_EXPORT_NOT_FOUND;
}

// ---- Handles ----

void mvm_handle_init(mvm_vm_t* vm, mvm_handle_t* handle) {
  if (!vm || !handle) return;
  handle->value = VAL_UNDEFINED;
  handle->_prev = NULL;
  handle->_next = vm->handles;
  if (vm->handles) vm->handles->_prev = handle;
  vm->handles = handle;
}

void mvm_handle_release(mvm_vm_t* vm, mvm_handle_t* handle) {
  if (!vm || !handle) return;
  if (handle->_prev) handle->_prev->_next = handle->_next;
  else if (vm->handles == handle) vm->handles = handle->_next;
  if (handle->_next) handle->_next->_prev = handle->_prev;
  handle->_next = handle->_prev = NULL;
}

// ---- Values ----

mvm_type_t mvm_typeof(mvm_vm_t* vm, mvm_value_t v) { return vm ? value_kind(vm, v) : MVM_T_UNDEFINED; }
mvm_value_t mvm_undefined(void) { return VAL_UNDEFINED; }
mvm_value_t mvm_null(void) { return VAL_NULL; }
mvm_value_t mvm_bool(bool b) { return value_from_bool(b); }
bool mvm_to_bool(mvm_vm_t* vm, mvm_value_t v) { return vm && to_boolean(vm, v); }

#if MVM_SUPPORT_FLOAT
mvm_err_t mvm_new_number(mvm_vm_t* vm, double d, mvm_value_t* out) {
  if (!vm || !out) return MVM_E_INVALID_ARGUMENT;
  return number_make(vm, d, out);
}

double mvm_to_number(mvm_vm_t* vm, mvm_value_t v) { return vm ? to_number(vm, v) : 0.0 / 0.0; }
#else
mvm_err_t mvm_new_number(mvm_vm_t* vm, int32_t n, mvm_value_t* out) {
  if (!vm || !out) return MVM_E_INVALID_ARGUMENT;
  return number_make(vm, n, out);  // every int32 is a number here: only out of memory fails
}

int32_t mvm_to_number(mvm_vm_t* vm, mvm_value_t v) {
  return vm ? number_to_int32(to_number(vm, v)) : 0;
}
#endif

// Host-facing helpers run outside any call: errors thrown inside (none expected) are reported
// as the exception being dropped, and fatal state never leaks into the next call.
static mvm_err_t host_result(mvm_vm_t* vm, mvm_err_t err) {
  if (err == ERR_THROW) {
    VM_RUN(vm).exception = VAL_UNDEFINED;
    return MVM_E_WRONG_TYPE;
  }
  return err;
}

// The functions below may hold temp roots or call a getter, which need the stack block. A host
// may call them between calls, when an idle VM on demand (MVM_STACK_ON_DEMAND) has none: they
// take it for their duration only, so the VM stays at its idle RAM.
static mvm_err_t host_begin(mvm_vm_t* vm, bool* had_stack) {
  *had_stack = VM_HAS_RUN(vm);
  return *had_stack ? MVM_E_OK : vm_stack_acquire(vm);
}

static mvm_err_t host_end(mvm_vm_t* vm, bool had_stack, mvm_err_t err) {
  err = host_result(vm, err);  // first: it clears the exception in the run state
#if MVM_STACK_ON_DEMAND
  if (!had_stack) vm_stack_release(vm);
#else
  (void)had_stack;
#endif
  return err;
}

mvm_err_t mvm_new_string(mvm_vm_t* vm, const char* utf8, size_t len, mvm_value_t* out) {
  if (!vm || !out || (!utf8 && len)) return MVM_E_INVALID_ARGUMENT;
  bool had;
  mvm_err_t err = host_begin(vm, &had);
  if (!err) err = string_from_utf8(vm, (const uint8_t*)utf8, len, out);
  return host_end(vm, had, err);
}


mvm_err_t mvm_to_string(mvm_vm_t* vm, mvm_value_t v, mvm_value_t* out) {
  if (!vm || !out) return MVM_E_INVALID_ARGUMENT;
  bool had;
  mvm_err_t err = host_begin(vm, &had);
  if (!err) err = to_string(vm, v, out);
  return host_end(vm, had, err);
}

mvm_err_t mvm_string_utf8(mvm_vm_t* vm, mvm_value_t str, char* buf, size_t cap, size_t* out_len) {
  if (!vm || !out_len) return MVM_E_INVALID_ARGUMENT;
  if (!value_is_string(vm, str)) return MVM_E_WRONG_TYPE;
  size_t n = string_utf8_length(vm, str);
  *out_len = n;
  if (cap < n || (n && !buf)) return MVM_E_BUFFER_TOO_SMALL;
  string_to_utf8(vm, str, (uint8_t*)buf);
  return MVM_E_OK;
}

#if MVM_API_OBJECTS
mvm_err_t mvm_new_object(mvm_vm_t* vm, mvm_value_t* out) {
  if (!vm || !out) return MVM_E_INVALID_ARGUMENT;
  bool had;
  mvm_err_t err = host_begin(vm, &had);
  if (!err) err = object_new(vm, VAL_NULL, out);
  return host_end(vm, had, err);
}

mvm_err_t mvm_new_array(mvm_vm_t* vm, mvm_value_t* out) {
  if (!vm || !out) return MVM_E_INVALID_ARGUMENT;
  bool had;
  mvm_err_t err = host_begin(vm, &had);
  if (!err) err = array_new(vm, 0, out);
  return host_end(vm, had, err);
}

mvm_err_t mvm_get(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key, mvm_value_t* out) {
  if (!vm || !out) return MVM_E_INVALID_ARGUMENT;
  if (value_is_nullish(obj)) return MVM_E_WRONG_TYPE;
  bool had;
  mvm_err_t err = host_begin(vm, &had);
  if (!err) err = prop_get(vm, obj, key, out);
  return host_end(vm, had, err);
}

mvm_err_t mvm_set(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key, mvm_value_t value) {
  if (!vm) return MVM_E_INVALID_ARGUMENT;
  if (!value_is_object(vm, obj)) return MVM_E_WRONG_TYPE;
  bool had;
  mvm_err_t err = host_begin(vm, &had);
  if (!err) err = prop_set(vm, obj, key, value);
  return host_end(vm, had, err);
}

mvm_err_t mvm_array_length(mvm_vm_t* vm, mvm_value_t arr, uint32_t* out_len) {
  if (!vm || !out_len) return MVM_E_INVALID_ARGUMENT;
  if (value_type(vm, arr) != TC_ARRAY) return MVM_E_WRONG_TYPE;
  *out_len = array_length(vm, arr);
  return MVM_E_OK;
}

mvm_err_t mvm_own_keys(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t* out_array) {
  if (!vm || !out_array) return MVM_E_INVALID_ARGUMENT;
  if (!value_is_object(vm, obj)) return MVM_E_WRONG_TYPE;
  bool had;
  mvm_err_t err = host_begin(vm, &had);
  if (!err) err = own_keys(vm, obj, out_array);
  return host_end(vm, had, err);
}
#endif  // MVM_API_OBJECTS

mvm_err_t mvm_new_error(mvm_vm_t* vm, int kind, const char* utf8, size_t len, mvm_value_t* out) {
  if (!vm || !out || (!utf8 && len)) return MVM_E_INVALID_ARGUMENT;
  if (kind < 0 || kind >= EK__COUNT) return MVM_E_INVALID_ARGUMENT;
  bool had;
  mvm_err_t err = host_begin(vm, &had);
  if (err) return err;
  TEMP_MARK(vm);
  mvm_value_t* msg = temp_push(vm, VAL_UNDEFINED);
  err = string_from_utf8(vm, (const uint8_t*)utf8, len, msg);
  if (!err) err = error_new(vm, (uint32_t)kind, *msg, out);
  TEMP_RESET(vm);
  return host_end(vm, had, err);
}
