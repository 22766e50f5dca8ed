/* builtins.c: the functions in the BUILTIN table (vmImport, vmExport, the Error constructors,
 * Array.prototype.push), error objects, and the import table.
 *
 * Error objects are plain OBJECTs with an own `message`, whose proto is the shared prototype of
 * their kind (ROOT_ERROR_PROTO + kind, made on first use). Each kind's prototype has `name`;
 * the non-Error kinds inherit from Error's, so `e instanceof Error` holds for a TypeError too.
 *
 * The import table maps a table index (stored in HOSTFN allocations and in images) to an import
 * id and the host function the resolver returned. vmImport(id) makes one HOSTFN per id and
 * caches it, so importing an id twice gives the same function.
 */
#include "internal.h"

#undef ERROR_KIND
static const char* const error_names[EK__COUNT] = {
#define ERROR_KIND(name, value, jsname) #jsname,
#include "mvm_tables.h"
#undef ERROR_KIND
};

mvm_err_t error_prototype(mvm_vm_t* vm, uint32_t kind, mvm_value_t* out) {
  mvm_value_t proto = root_get(vm, ROOT_ERROR_PROTO + kind);
  if (proto != VAL_UNDEFINED) {
    *out = proto;
    return MVM_E_OK;
  }
  TEMP_MARK(vm);
  mvm_value_t* parent = temp_push(vm, VAL_NULL);
  mvm_value_t* obj = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* name = temp_push(vm, VAL_UNDEFINED);
  mvm_err_t err = MVM_E_OK;
  if (kind != EK_ERROR) err = error_prototype(vm, EK_ERROR, parent);
  if (!err) err = object_new(vm, *parent, obj);
  if (!err) err = string_new_ascii(vm, error_names[kind], strlen(error_names[kind]), name);
  // name and message are non-enumerable in JS: for-in, Object.keys and JSON skip them.
  if (!err) err = prop_define_ex(vm, *obj, ENGINE_STR(NAME), *name, DEFINE_HIDDEN);
  // e.constructor === TypeError, as for instances of user functions (BUILTIN and ERROR_KIND
  // orders match: see builtin_call).
  if (!err) {
    err = prop_define_ex(vm, *obj, ENGINE_STR(CONSTRUCTOR),
                         value_from_builtin(BI_ERROR + kind), DEFINE_HIDDEN);
  }
  if (!err && kind == EK_ERROR) {
    err = prop_define_ex(vm, *obj, ENGINE_STR(MESSAGE), ENGINE_STR(EMPTY),
                         DEFINE_HIDDEN);
  }
  if (!err) err = root_store(vm, ROOT_ERROR_PROTO + kind, obj);
  if (!err) *out = *obj;
  TEMP_RESET(vm);
  return err;
}

int error_kind_of(mvm_vm_t* vm, mvm_value_t v) {
  if (value_type(vm, v) != TC_OBJECT) return -1;
  for (mvm_value_t p = object_proto(vm, v); value_type(vm, p) == TC_OBJECT; p = object_proto(vm, p)) {
    for (uint32_t k = 0; k < EK__COUNT; k++) {
      if (root_get(vm, ROOT_ERROR_PROTO + k) == p) return (int)k;
    }
  }
  return -1;
}

mvm_err_t error_new(mvm_vm_t* vm, uint32_t kind, mvm_value_t message, mvm_value_t* out) {
  TEMP_MARK(vm);
  mvm_value_t* msg = temp_push(vm, message);
  mvm_value_t* obj = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t proto;
  mvm_err_t err = error_prototype(vm, kind, &proto);
  if (!err) err = object_new(vm, proto, obj);
  if (!err && *msg != VAL_UNDEFINED) {
    err = prop_define_ex(vm, *obj, ENGINE_STR(MESSAGE), *msg, DEFINE_HIDDEN);
  }
  *out = *obj;
  TEMP_RESET(vm);
  return err;
}

mvm_err_t (throw_error)(mvm_vm_t* vm, uint32_t kind, const char* prefix, mvm_value_t part,
                        const char* suffix) {
  TEMP_MARK(vm);
  mvm_value_t* s0 = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* s1 = temp_push(vm, part ? part : ENGINE_STR(EMPTY));
  mvm_value_t* s2 = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* msg = temp_push(vm, VAL_UNDEFINED);
  mvm_err_t err = string_new_ascii(vm, prefix, strlen(prefix), s0);
  if (!err) err = to_string(vm, *s1, s1);
  if (!err) err = string_new_ascii(vm, suffix ? suffix : "", suffix ? strlen(suffix) : 0, s2);
  mvm_value_t* parts[3] = {s0, s1, s2};
  if (!err) err = string_concat(vm, parts, 3, msg);
  if (!err) err = error_new(vm, kind, *msg, msg);
  if (!err) {
    VM_RUN(vm).exception = *msg;
    err = ERR_THROW;
  }
  TEMP_RESET(vm);
  return err;
}

// ---- Imports ----

#if !VM_TABLES_TRAIL  // else the tables follow the struct and never change (internal.h)
mvm_err_t tables_alloc(mvm_vm_t* vm, uint32_t nglobals, uint32_t nimports, bool full,
                       mvm_value_t** out) {
  size_t bytes = globals_bytes(nglobals) + imports_bytes(nimports, full);
  *out = bytes ? (mvm_value_t*)VM_MALLOC(vm, bytes) : NULL;
  return bytes && !*out ? MVM_E_OUT_OF_MEMORY : MVM_E_OK;
}

// Makes the table full entries with room for extra more (a restored image's may hold only the
// host functions, internal.h ROM_IMPORTS). The table has no spare room (no capacity field in
// the VM struct): each new import, which vmImport adds once per id (mostly at build time),
// copies it, and the globals it shares an allocation with.
mvm_err_t imports_make_full(mvm_vm_t* vm, uint32_t extra) {
  if (!extra && !(vm->flags & ROM_IMPORTS)) return MVM_E_OK;
  uint32_t n = vm->nimports;
  mvm_value_t* block;
  mvm_err_t err = tables_alloc(vm, vm->global_count, n + extra, true, &block);
  if (err) return err;
  if (vm->global_count) MVM_MEMCPY(block, vm->globals, sizeof(mvm_value_t) * vm->global_count);
  import_entry_t* t = (import_entry_t*)tables_imports(block, vm->global_count);
  for (uint32_t i = 0; i < n; i++) {
    t[i].id = import_id(vm, i);
    t[i].fn = import_fn(vm, i);
    t[i].cached = import_cached(vm, i);
  }
  if (vm->globals) VM_FREE(vm, vm->globals);
  vm->globals = block;
  vm->flags &= ~ROM_IMPORTS;
  return MVM_E_OK;
}
#endif

// Import index's HOSTFN, made in the heap the first time (a full entry's cache).
mvm_err_t import_value(mvm_vm_t* vm, uint32_t index, mvm_value_t* out) {
  if (import_cached(vm, index) == VAL_UNDEFINED) {
    uint32_t off = heap_alloc(vm, HOSTFN_BYTES, TC_HOSTFN);
    if (off == 0) return MVM_E_OUT_OF_MEMORY;
    wr16(heap_ptr(vm, off) + 4, import_id(vm, index));
    wr16(heap_ptr(vm, off) + 6, (uint16_t)index);
    vm_imports_full(vm)[index].cached = value_from_heap_offset(off);
  }
  *out = import_cached(vm, index);
  return MVM_E_OK;
}

mvm_err_t import_resolve(mvm_vm_t* vm, uint16_t id, mvm_value_t* out) {
  uint32_t index = vm->nimports;
  for (uint32_t i = 0; i < vm->nimports; i++) {
    if (import_id(vm, i) == id) {
      index = i;
      break;
    }
  }
  if (index == vm->nimports) {
#if !VM_KEEPS_RESOLVER
    return throw_error(vm, EK_ERROR,
                       "vmImport: import ID not in the image (resolved at restore only)", 0, NULL);
#else
    mvm_host_fn_t fn = NULL;
    if (!vm->resolve || vm->resolve(id, vm->context, &fn) != MVM_E_OK || !fn) {
      return throw_error(vm, EK_ERROR, "vmImport: host could not resolve import ID", 0, NULL);
    }
    if (vm->nimports >= VM_IMPORTS_MAX) return MVM_E_OUT_OF_MEMORY;  // the table is full
    mvm_err_t err = imports_make_full(vm, 1);
    if (err) return err;
    import_entry_t* e = &vm_imports_full(vm)[index];
    e->id = id;
    e->fn = fn;
    e->cached = VAL_UNDEFINED;
    vm->nimports++;
#endif
  }
  return import_value(vm, index, out);
}

// ---- Builtin functions ----

static bool arg_u16(mvm_vm_t* vm, const mvm_value_t* args, uint8_t argc, uint16_t* out) {
  if (argc < 1) return false;
#if MVM_SUPPORT_FLOAT
  double d = to_number(vm, args[0]);
  if (!value_is_number(vm, args[0]) || !(d >= 0 && d <= 65535) || d != (double)(uint32_t)d) {
    return false;
  }
#else
  (void)vm;
  int32_t d = value_is_int(args[0]) ? value_as_int(args[0]) : -1;
  if (!(d >= 0 && d <= 65535)) return false;
#endif
  *out = (uint16_t)d;
  return true;
}

mvm_err_t builtin_call(mvm_vm_t* vm, uint32_t index, mvm_value_t this_value, mvm_value_t* args,
                       uint8_t argc, bool construct, mvm_value_t* out) {
  *out = VAL_UNDEFINED;
  if ((index >= BI_PROMISE && index <= BI_PROMISE_ALL) ||
      (index >= BI_PROMISE_RACE && index <= BI_PROMISE_ANY)) {  // promise.c
    return promise_builtin(vm, index, this_value, args, argc, construct, out);
  }
  if (construct && !(index >= BI_ERROR && index <= BI_SYNTAX_ERROR) &&
      !lib_is_constructor(index)) {
    return throw_error(vm, EK_TYPE_ERROR, "value is not a constructor", 0, NULL);
  }
  switch (index) {
    case BI_VM_IMPORT: {
      uint16_t id;
      if (!arg_u16(vm, args, argc, &id)) {
        return throw_error(vm, EK_TYPE_ERROR, "vmImport: ID must be an integer 0..65535", 0,
                           NULL);
      }
      return import_resolve(vm, id, out);
    }
    case BI_VM_EXPORT: {
      uint16_t id;
      if (!arg_u16(vm, args, argc, &id)) {
        return throw_error(vm, EK_TYPE_ERROR, "vmExport: ID must be an integer 0..65535", 0,
                           NULL);
      }
      mvm_err_t err = image_exports_to_heap(vm);  // the image's list is read-only
      if (err) return err;
      TEMP_MARK(vm);
      mvm_value_t* table = temp_push(vm, root_get(vm, ROOT_EXPORTS));
      err = props_put(vm, table, value_from_int(id), argc > 1 ? args[1] : VAL_UNDEFINED);
      if (!err) err = root_store(vm, ROOT_EXPORTS, table);
      TEMP_RESET(vm);
      return err;
    }
    case BI_ERROR:
    case BI_TYPE_ERROR:
    case BI_RANGE_ERROR:
    case BI_REFERENCE_ERROR:
    case BI_SYNTAX_ERROR: {
      mvm_value_t msg = VAL_UNDEFINED;
      if (argc > 0 && args[0] != VAL_UNDEFINED) {
        mvm_err_t err = to_string(vm, args[0], &msg);
        if (err) return err;
      }
      return error_new(vm, index - BI_ERROR, msg, out);
    }
    case BI_ARRAY_PUSH: {
      if (value_type(vm, this_value) != TC_ARRAY) {
        return throw_error(vm, EK_TYPE_ERROR, "push: this is not an array", 0, NULL);
      }
      if (value_is_frozen(vm, this_value)) return lib_check_writable(vm, this_value);
      TEMP_MARK(vm);
      mvm_value_t* arr = temp_push(vm, this_value);
      mvm_err_t err = MVM_E_OK;
      for (uint8_t i = 0; i < argc && !err; i++) err = array_push(vm, arr, args[i]);
      if (!err) *out = value_from_int((int32_t)array_length(vm, *arr));
      TEMP_RESET(vm);
      return err;
    }
    default:  // the builtins library (lib*.c); throws when index is none of its functions
      return lib_call(vm, index, args, argc, construct, out);
  }
}

// The builtins that have a global name, their indexes and their names (each ending in its
// NUL), in BUILTIN order: the methods ("_" in the table) are found through properties, so they
// take no room here. GN_NAMED(global) is 0 for "_" and 1 for a name (GN_PROBE__ supplies the
// extra argument that moves the 0 into second place).
#define GN_PROBE__ ~, 0
#define GN_SECOND_(a, b, ...) b
#define GN_SECOND(...) GN_SECOND_(__VA_ARGS__)
#define GN_NAMED(global) GN_SECOND(GN_PROBE_##global, 1, ~)
#define GN_IF_0(...)
#define GN_IF_1(...) __VA_ARGS__
#define GN_IF_(named) GN_IF_##named
#define GN_IF(named) GN_IF_(named)
#undef BUILTIN
static const uint8_t global_index[] = {
#define BUILTIN(name, value, global) GN_IF(GN_NAMED(global))(value, )
#include "mvm_tables.h"
#undef BUILTIN
};
static const char global_names[] =
#define BUILTIN(name, value, global) GN_IF(GN_NAMED(global))(#global "\0")
#include "mvm_tables.h"
#undef BUILTIN
    ;

uint32_t builtin_globals(const uint8_t** indexes, const char** names) {
  *indexes = global_index;
  *names = global_names;
  return (uint32_t)sizeof global_index;
}

const char* builtin_global_name(uint32_t index) {
  const char* name = global_names;
  for (uint32_t i = 0; i < sizeof global_index; i++, name += strlen(name) + 1) {
    if (global_index[i] == index) return name;
  }
  return "_";
}

const char* builtin_name(uint32_t index) {
  if (index >= BI__COUNT) return "";
  if (index == BI_ARRAY_PUSH) return "push";
  if (index >= BI_PROMISE_THEN && index <= BI_PROMISE_ALL) {
    static const char* const promise_names[] = {"then", "catch", "finally", "resolve", "reject",
                                                 "all"};
    return promise_names[index - BI_PROMISE_THEN];
  }
  if (index >= BI_PROMISE_RACE && index <= BI_PROMISE_ANY) {  // appended after the others
    static const char* const later_names[] = {"race", "allSettled", "any"};
    return later_names[index - BI_PROMISE_RACE];
  }
  const char* name = builtin_global_name(index);
  if (name[0] == '_' && lib_name(index)) return lib_name(index);
  return name;
}

mvm_err_t builtin_get_prop(mvm_vm_t* vm, uint32_t index, mvm_value_t key, mvm_value_t* out) {
  *out = VAL_UNDEFINED;
  if (lib_is_namespace(index)) return lib_builtin_prop(vm, index, key, out);  // Math.floor
  if (value_is_int(key)) return MVM_E_OK;
  if (string_equal(vm, key, ENGINE_STR(NAME))) {
    const char* name = builtin_name(index);
    return string_new_ascii(vm, name, strlen(name), out);
  }
  if (index >= BI_ERROR && index <= BI_SYNTAX_ERROR &&
      string_equal(vm, key, ENGINE_STR(PROTOTYPE))) {
    return error_prototype(vm, index - BI_ERROR, out);
  }
  if (index == BI_PROMISE) {  // Promise.resolve, Promise.all...
    mvm_err_t err = promise_static_prop(vm, key, out);
    if (err || *out != VAL_UNDEFINED) return err;
  }
  return lib_builtin_prop(vm, index, key, out);  // Number.isNaN, f.length
}
