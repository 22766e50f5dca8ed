/* mvm.h: the public embedding API of the VM. The only header a host includes.
 *
 * Life of a program:
 *   build time   mvm_new_from_unit() loads a bytecode unit (written by the compiler), mvm_run_main()
 *                runs every module's top level, mvm_snapshot() writes the image.
 *   run time     mvm_restore() resumes an image, mvm_resolve_export() finds an exported function,
 *                mvm_call() calls it, mvm_free() ends the VM.
 *
 * Profiles: a VM built with MVM_PROFILE_MCU=1 (ports/cortex_m) runs images from
 * `mvc build --target mcu`; the default (host) VM runs plain `mvc build` images. Each refuses the
 * other's with MVM_E_IMAGE_PROFILE. On a microcontroller, keep the image in a const array (flash):
 * only the heap and globals are copied to RAM; mvm_restore_into() runs with no malloc at all.
 * docs/embedding.md is the guide; examples/mcu/host_example.c a complete host.
 *
 * Values (mvm_value_t) are 32-bit words owned by the VM. A value that refers to the heap is only
 * valid until the next call that may allocate (marked "may GC" below), because the collector moves
 * objects. To keep a value across such calls, store it in a handle (mvm_handle_init): the
 * collector updates handle->value in place.
 *
 * Errors are return codes (mvm_err_t, MVM_E_* from mvm_tables.h). No function longjmps across
 * this API, prints, or aborts the process.
 *
 * The region between the CFFI markers holds plain declarations only (no preprocessor lines):
 * vm_c/build_ffi.py slices it out verbatim as the cffi cdef, so there is one declaration of the API.
 */
#ifndef MVM_H
#define MVM_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef MVM_PORT_HEADER
#include MVM_PORT_HEADER
#endif
#include "mvm_port_default.h"

enum {
#define ERR(name, value, text) MVM_E_##name = value,
#include "mvm_tables.h"
#undef ERR
  MVM_E__END
};

/* The number type of mvm_new_number and mvm_to_number: a double, or in the integer-only build
 * (MVM_SUPPORT_FLOAT=0, which has no double at all) an int32_t. */
#if MVM_SUPPORT_FLOAT
typedef double mvm_number_t;
#else
typedef int32_t mvm_number_t;
#endif

/* CFFI-BEGIN */
typedef int mvm_err_t;
typedef uint32_t mvm_value_t;
typedef struct mvm_vm mvm_vm_t;

/* A host function, called by the VM when JS calls a function made by vmImport(id).
 * args: argc values, readable and writable, valid during the call (GC-safe: the collector updates
 * them). *result starts as undefined. Return MVM_E_OK with the return value in *result, or
 * MVM_E_HOST_THROW with the value to throw in *result (the JS program can catch it); any other
 * code becomes a JS Error thrown at the call site. The host function may call the value API and
 * mvm_call (re-entrantly); it must not call mvm_free, mvm_snapshot or mvm_run_main. */
typedef mvm_err_t (*mvm_host_fn_t)(mvm_vm_t* vm, uint16_t import_id, mvm_value_t* result,
                                   mvm_value_t* args, uint8_t argc);

/* Maps an import ID to a host function. Called by mvm_restore for every ID in the image's import
 * table, and by vmImport(id) of an ID not in it: at build time, and at run time unless the core
 * is built with MVM_RUNTIME_IMPORTS 0, as cortex_m is (vmImport then throws). Return MVM_E_OK
 * and set *out, or an error (the restore fails with MVM_E_UNRESOLVED_IMPORT; vmImport throws). */
typedef mvm_err_t (*mvm_resolve_import_t)(uint16_t import_id, void* context, mvm_host_fn_t* out);

/* Limits every VM is created with. Zero in a field means the port default. */
typedef struct mvm_config {
  size_t max_heap_bytes;      /* heap limit: exceeding it is MVM_E_OUT_OF_MEMORY (default MVM_DEFAULT_MAX_HEAP) */
                              /* (a port with MVM_CONFIG_HEAP_LIMIT 0, as cortex_m: 0 or the
                               * default only, except for mvm_restore_into, whose heap has the
                               * fixed size asked for; else MVM_E_INVALID_ARGUMENT) */
  uint32_t stack_slots;       /* value-stack size in slots (default MVM_DEFAULT_STACK_SLOTS) */
  uint32_t max_frames;        /* call depth: exceeding it throws RangeError (default MVM_DEFAULT_MAX_FRAMES) */
                              /* (a port with MVM_CONFIG_STACK_LIMITS 0, as cortex_m: 0 or the
                               * default only, else MVM_E_INVALID_ARGUMENT) */
  uint32_t instruction_budget;/* per mvm_call/mvm_run_main; 0 = unlimited. Charged one unit per
                                 backward jump, JS function call and caught exception (every loop
                                 and recursion pays; dispatch is free). A core built with
                                 MVM_INSTRUCTION_BUDGET 0 (cortex_m) has none: 0 only, else
                                 MVM_E_INVALID_ARGUMENT */
} mvm_config_t;

/* A GC root owned by the host. Caller-allocated; link with mvm_handle_init before use and unlink
 * with mvm_handle_release before the storage goes away. Read and write ->value freely. */
typedef struct mvm_handle {
  struct mvm_handle* _next;
  struct mvm_handle* _prev;
  mvm_value_t value;
} mvm_handle_t;

typedef enum mvm_type {
  MVM_T_UNDEFINED = 0,
  MVM_T_NULL = 1,
  MVM_T_BOOLEAN = 2,
  MVM_T_NUMBER = 3,
  MVM_T_STRING = 4,
  MVM_T_OBJECT = 5,
  MVM_T_ARRAY = 6,
  MVM_T_FUNCTION = 7
} mvm_type_t;

typedef struct mvm_stats {
  size_t heap_used;        /* bytes of live and not-yet-collected allocations */
  size_t heap_capacity;    /* bytes of the current heap space */
  size_t heap_peak;        /* highest heap_used seen */
  size_t heap_limit;       /* max_heap_bytes in force */
  size_t rom_bytes;        /* read-only section size (used in place unless the image packed it) */
  size_t globals_count;
  size_t imports_count;
  size_t stack_peak_slots; /* highest value-stack use seen */
  size_t gc_count;         /* collections run (modulo 2^16 with MVM_PROFILE_MCU) */
  size_t vm_struct_bytes;  /* sizeof the VM struct plus its fixed allocations: globals, import
                              table, and the stack, frames and handlers while they exist (always,
                              or only during a call with MVM_STACK_ON_DEMAND) */
  size_t ram_bytes;        /* all the RAM the VM holds now: vm_struct_bytes + heap_capacity,
                            * without the heap when it is the core's shared 4-byte space (a heap
                            * of the pad word alone, after restore or a collection that left
                            * nothing live) */
  size_t arena_peak;       /* mvm_restore_into: most bytes of the buffer ever in use; else 0 */
} mvm_stats_t;

/* ---- Build time ---- */

/* Creates a VM from a bytecode unit (see docs/internals.md). The unit is copied; the caller may
 * free it afterwards. resolve and context are kept for vmImport. cfg may be NULL. */
mvm_err_t mvm_new_from_unit(const uint8_t* unit, size_t unit_len, const mvm_config_t* cfg,
                            mvm_resolve_import_t resolve, void* context, mvm_vm_t** out_vm);

/* Runs the unit's entry function (every module's top level, in order). May GC.
 * On MVM_E_UNCAUGHT_EXCEPTION, *out_exception (if not NULL) is the thrown value. */
mvm_err_t mvm_run_main(mvm_vm_t* vm, mvm_value_t* out_exception);

/* Collects garbage, then writes the reachable state as an image: the functions, constants and
 * globals the program can still reach, not the whole unit (docs/internals.md section 10); the VM
 * is left as a restore of the image would be (mvm_run_main then refuses). *out_image is
 * allocated with MVM_MALLOC and owned by the caller, who frees it with mvm_free_buffer. May GC. */
mvm_err_t mvm_snapshot(mvm_vm_t* vm, uint8_t** out_image, size_t* out_len);
/* mvm_snapshot with flags: MVM_SNAPSHOT_STRIP leaves the line tables out (a smaller image whose
 * errors report no file and line). */
enum { MVM_SNAPSHOT_STRIP = 1 };
mvm_err_t mvm_snapshot_ex(mvm_vm_t* vm, uint32_t flags, uint8_t** out_image, size_t* out_len);
void mvm_free_buffer(void* buffer);

/* ---- Run time ---- */

/* Resumes an image. The image is validated first (magic, version, profile, CRC, then everything
 * it holds); a bad image gives an error and no VM. The read-only section of an MCU-target image
 * (`mvc build --target mcu`: ROM not packed) is used in place: the image must stay alive and
 * unchanged until mvm_free; a packed ROM (what mvm_snapshot writes) is expanded into memory the
 * VM owns. Each import is resolved. With MVM_ALIGNED_FIELDS (the cortex_m port) the image must
 * be 4-aligned, as `mvc build --emit-c` declares it; else MVM_E_INVALID_ARGUMENT. */
mvm_err_t mvm_restore(const uint8_t* image, size_t image_len, const mvm_config_t* cfg,
                      mvm_resolve_import_t resolve, void* context, mvm_vm_t** out_vm);

/* Like mvm_restore, with no MVM_MALLOC at all: the VM struct, globals, import table, stack and
 * heap spaces are all carved from buffer (buffer_len bytes, any alignment), which must outlive
 * the VM; mvm_free returns everything to it. A buffer too small for the image gives
 * MVM_E_OUT_OF_MEMORY; the running VM's heap can use what the buffer has left (a collection
 * needs room for a second copy of the live data), up to cfg->max_heap_bytes. An image whose ROM
 * is not packed is used in place as with mvm_restore (keep it in flash: only the heap and
 * globals are copied); a packed ROM is expanded into the buffer.
 * mvm_stats_t.arena_peak tells how much of the buffer was ever needed. */
mvm_err_t mvm_restore_into(void* buffer, size_t buffer_len, const uint8_t* image,
                           size_t image_len, const mvm_config_t* cfg,
                           mvm_resolve_import_t resolve, void* context, mvm_vm_t** out_vm);

/* Finds an export by numeric ID (vmExport(id, fn)) or by ES export name (UTF-8). */
mvm_err_t mvm_resolve_export(mvm_vm_t* vm, uint16_t id, mvm_value_t* out);
mvm_err_t mvm_resolve_export_named(mvm_vm_t* vm, const char* name, size_t name_len,
                                   mvm_value_t* out);
/* Number of exports, and the i-th export's key (an int id or a string) and value. */
size_t mvm_export_count(mvm_vm_t* vm);
mvm_err_t mvm_export_at(mvm_vm_t* vm, size_t i, mvm_value_t* out_key, mvm_value_t* out_value);

/* Calls fn with this = undefined. args are read before anything allocates. May GC.
 * MVM_E_UNCAUGHT_EXCEPTION: *out_result is the thrown value. MVM_E_OUT_OF_MEMORY,
 * MVM_E_INSTRUCTION_BUDGET: the call was abandoned, the VM is usable again. */
mvm_err_t mvm_call(mvm_vm_t* vm, mvm_value_t fn, const mvm_value_t* args, uint8_t argc,
                   mvm_value_t* out_result);

/* Frees the VM and everything it allocated. Handles become invalid. */
void mvm_free(mvm_vm_t* vm);
void* mvm_get_context(mvm_vm_t* vm);
void mvm_get_stats(mvm_vm_t* vm, mvm_stats_t* out);
/* Collects garbage now (for tests and hosts that want a compact heap). */
mvm_err_t mvm_run_gc(mvm_vm_t* vm);
/* Source location of the most recent throw that became uncaught: file (a string value, or
 * undefined when unknown) and 1-based line (0 when unknown). */
void mvm_error_location(mvm_vm_t* vm, mvm_value_t* out_file, uint32_t* out_line);

/* ---- Handles ---- */
void mvm_handle_init(mvm_vm_t* vm, mvm_handle_t* handle);
void mvm_handle_release(mvm_vm_t* vm, mvm_handle_t* handle);

/* ---- Values ---- */
mvm_type_t mvm_typeof(mvm_vm_t* vm, mvm_value_t v);
mvm_value_t mvm_undefined(void);
mvm_value_t mvm_null(void);
mvm_value_t mvm_bool(bool b);
bool mvm_to_bool(mvm_vm_t* vm, mvm_value_t v);
/* Numbers: a double that is an int31 needs no allocation; others allocate (may GC).
 * Integer-only build: any int32 n (past the int31 range, -2^30 .. 2^30-1, it allocates), and
 * mvm_to_number gives ToInt32 of the value, 0 for one whose number is not an integer
 * (undefined, "x", "1.5"). */
mvm_err_t mvm_new_number(mvm_vm_t* vm, mvm_number_t n, mvm_value_t* out);
mvm_number_t mvm_to_number(mvm_vm_t* vm, mvm_value_t v);
/* Strings from and to UTF-8 (lone surrogates become U+FFFD on the way out). May GC. */
mvm_err_t mvm_new_string(mvm_vm_t* vm, const char* utf8, size_t len, mvm_value_t* out);
/* JS ToString(v) as a new string value (numbers formatted as JS does). May GC. */
mvm_err_t mvm_to_string(mvm_vm_t* vm, mvm_value_t v, mvm_value_t* out);
/* Copies a string value as UTF-8. *out_len is the full length needed; returns
 * MVM_E_BUFFER_TOO_SMALL (and copies nothing) when cap is smaller. */
mvm_err_t mvm_string_utf8(mvm_vm_t* vm, mvm_value_t str, char* buf, size_t cap, size_t* out_len);
#if MVM_API_OBJECTS  /* (mvm_port_default.h) */
/* Objects and arrays. Keys are values (strings or numbers), as in obj[key]. May GC. */
mvm_err_t mvm_new_object(mvm_vm_t* vm, mvm_value_t* out);
mvm_err_t mvm_new_array(mvm_vm_t* vm, mvm_value_t* out);
mvm_err_t mvm_get(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key, mvm_value_t* out);
mvm_err_t mvm_set(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key, mvm_value_t value);
/* Array length, or MVM_E_WRONG_TYPE. */
mvm_err_t mvm_array_length(mvm_vm_t* vm, mvm_value_t arr, uint32_t* out_len);
/* An object's own enumerable string keys, in JS order, as a new array of strings. May GC. */
mvm_err_t mvm_own_keys(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t* out_array);
#endif
/* A new error object of an ERROR_KIND (mvm_tables.h) with a UTF-8 message, as `new TypeError(m)`
 * makes: what a host function returns with MVM_E_HOST_THROW. May GC. */
mvm_err_t mvm_new_error(mvm_vm_t* vm, int kind, const char* utf8, size_t len, mvm_value_t* out);
/* Uint8Array values: a new one holding a copy of len bytes (may GC), and the bytes of one
 * (*out_data is writable and valid until the next allocation; MVM_E_WRONG_TYPE when v is not a
 * Uint8Array). mvm_typeof gives MVM_T_OBJECT for them. */
mvm_err_t mvm_new_uint8array(mvm_vm_t* vm, const uint8_t* data, size_t len, mvm_value_t* out);
mvm_err_t mvm_uint8array_data(mvm_vm_t* vm, mvm_value_t v, uint8_t** out_data, size_t* out_len);
/* The state of a promise (what an async function returns to mvm_call): MVM_PROMISE_NONE when v
 * is not a promise; else pending, or settled with *out_value its value or rejection reason.
 * mvm_call runs the job queue before it returns, so an async function that awaited only
 * settled work has settled. */
typedef enum {
  MVM_PROMISE_NONE = -1,
  MVM_PROMISE_PENDING = 0,
  MVM_PROMISE_FULFILLED = 1,
  MVM_PROMISE_REJECTED = 2
} mvm_promise_state_t;
mvm_promise_state_t mvm_promise_state(mvm_vm_t* vm, mvm_value_t v, mvm_value_t* out_value);
/* Seeds Math.random. Without it every VM (fresh or restored) starts from the fixed seed 0, so
 * the sequence is reproducible; a host wanting unpredictable values seeds after restoring.
 * MVM_PROFILE_MCU keeps the state in the heap, made at the first Math.random or non-zero
 * seed: MVM_E_OUT_OF_MEMORY when the heap has no room for it (the seed is then not taken). */
mvm_err_t mvm_seed_random(mvm_vm_t* vm, uint64_t seed);
/* CFFI-END */

#endif
