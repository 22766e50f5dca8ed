/* examples/mcu/host_example.c: a complete C host for the VM, the same file on a desktop and on
 * a microcontroller (tests/mcu builds it both ways; on the board printf goes out through
 * semihosting).
 *
 * It restores examples/mcu/program.js, built with
 *     mvc build examples/mcu/program.js --target mcu --emit-c -o program_image.c
 * from a const array (flash on a board: only the heap and globals are copied to RAM) into a
 * static buffer with mvm_restore_into (no malloc), resolves exports by name, calls them with
 * arguments, provides two host functions, reads memory statistics, and meets every error code
 * the API can return: bad images, unresolved imports, missing exports, uncaught exceptions, heap
 * exhaustion, stack overflow, a failing host function, the instruction budget, short buffers.
 *
 * Build (desktop):
 *     cc -std=c99 -DMVM_PORT_HEADER='"ports/cortex_m/mvm_port.h"' -Ivm_c/include -Ivm_c \
 *        -Ivm_c/src -I. examples/mcu/host_example.c program_image.c vm_c/src/\*.c -lm
 * main() returns 0 when every step behaved as expected, 1 otherwise.
 */
#include <stdio.h>
#include <string.h>

#include "mvm.h"
#include "program_image.h"

/* ---- Error codes: every one, by name, from the table the VM itself uses ---- */

static const char* err_name(mvm_err_t err) {
  switch (err) {
#define ERR(name, value, text) case value: return "MVM_E_" #name " (" text ")";
#include "mvm_tables.h"
#undef ERR
    default: return "unknown error code";
  }
}

/* JS error kinds for mvm_new_error, from the same table (mvm.h left ERROR_KIND empty). */
#undef ERROR_KIND
enum {
#define ERROR_KIND(name, value, jsname) KIND_##name = value,
#include "mvm_tables.h"
#undef ERROR_KIND
  KIND__COUNT
};

static int failures = 0;

static void expect(int ok, const char* what) {
  if (!ok) {
    failures++;
    printf("UNEXPECTED: %s\n", what);
  }
}

/* Prints "label: <ToString(v)>". v is used before anything else allocates. */
static void print_value(mvm_vm_t* vm, const char* label, mvm_value_t v, char* text, size_t cap) {
  mvm_value_t s;
  size_t len = 0;
  mvm_err_t err = mvm_to_string(vm, v, &s);
  if (err == MVM_E_OK) err = mvm_string_utf8(vm, s, text, cap - 1, &len);
  if (err == MVM_E_BUFFER_TOO_SMALL) {
    printf("%s: (a string of %u bytes, longer than the buffer)\n", label, (unsigned)len);
    text[0] = '\0';
    return;
  }
  if (err != MVM_E_OK) {
    printf("%s: (cannot print: %s)\n", label, err_name(err));
    text[0] = '\0';
    return;
  }
  text[len] = '\0';
  printf("%s: %s\n", label, text);
}

/* ---- Host functions (import IDs 1 and 2 in program.js) ---- */

/* hostAdd(a, b): a + b. One non-number argument: throws a TypeError the script can catch
 * (MVM_E_HOST_THROW with the error in *result). No number at all: fails with
 * MVM_E_HOST_ERROR, which the VM turns into a plain Error at the call site. */
static mvm_err_t host_add(mvm_vm_t* vm, uint16_t import_id, mvm_value_t* result,
                          mvm_value_t* args, uint8_t argc) {
  (void)import_id;
  int numbers = 0;
  for (uint8_t i = 0; i < argc && i < 2; i++) numbers += mvm_typeof(vm, args[i]) == MVM_T_NUMBER;
  if (argc >= 2 && numbers == 2) {
    return mvm_new_number(vm, mvm_to_number(vm, args[0]) + mvm_to_number(vm, args[1]), result);
  }
  if (numbers == 0) return MVM_E_HOST_ERROR;
  static const char msg[] = "hostAdd wants two numbers";
  mvm_err_t err = mvm_new_error(vm, KIND_TYPE_ERROR, msg, sizeof msg - 1, result);
  return err == MVM_E_OK ? MVM_E_HOST_THROW : err;
}

/* hostLog(text): prints one line. */
static mvm_err_t host_log(mvm_vm_t* vm, uint16_t import_id, mvm_value_t* result,
                          mvm_value_t* args, uint8_t argc) {
  (void)import_id;
  (void)result;  // stays undefined
  char text[96];
  if (argc >= 1) print_value(vm, "  hostLog", args[0], text, sizeof text);
  return MVM_E_OK;
}

/* console.log: the compiler's prelude imports it as CONST IMPORT_ID_PRINT (mvm_tables.h). */
enum { IMPORT_PRINT = 0xFF00 };

static mvm_err_t host_print(mvm_vm_t* vm, uint16_t import_id, mvm_value_t* result,
                            mvm_value_t* args, uint8_t argc) {
  (void)import_id;
  (void)result;
  char text[96];
  for (uint8_t i = 0; i < argc; i++) print_value(vm, "  console.log", args[i], text, sizeof text);
  return MVM_E_OK;
}

static mvm_err_t resolve_import(uint16_t import_id, void* context, mvm_host_fn_t* out) {
  (void)context;
  switch (import_id) {
    case 1: *out = host_add; return MVM_E_OK;
    case 2: *out = host_log; return MVM_E_OK;
    case IMPORT_PRINT: *out = host_print; return MVM_E_OK;
    default: return MVM_E_UNRESOLVED_IMPORT;
  }
}

static mvm_err_t resolve_nothing(uint16_t import_id, void* context, mvm_host_fn_t* out) {
  (void)import_id;
  (void)context;
  (void)out;
  return MVM_E_UNRESOLVED_IMPORT;
}

/* ---- Calls ---- */

/* Calls export `name` with up to two integer arguments; prints the result or the error. Returns
 * the error code; `text` receives the printed result. */
static mvm_err_t call_export(mvm_vm_t* vm, const char* name, int argc, int a, int b, char* text,
                             size_t cap) {
  mvm_value_t fn, args[2], result;
  char label[64];
  snprintf(label, sizeof label, argc == 0 ? "%s()" : argc == 1 ? "%s(%d)" : "%s(%d, %d)", name,
           a, b);
  text[0] = '\0';
  mvm_err_t err = mvm_resolve_export_named(vm, name, strlen(name), &fn);
  if (err != MVM_E_OK) {
    printf("%s: %s\n", label, err_name(err));
    return err;
  }
  // Small integers need no allocation; mvm_new_number may GC for others (fn would then be stale:
  // make the arguments first, or keep fn in a handle).
  mvm_new_number(vm, a, &args[0]);
  mvm_new_number(vm, b, &args[1]);
  err = mvm_call(vm, fn, args, (uint8_t)argc, &result);
  switch (err) {
    case MVM_E_OK:
      print_value(vm, label, result, text, cap);
      break;
    case MVM_E_UNCAUGHT_EXCEPTION: {  // result is the thrown value
      mvm_value_t file;
      uint32_t line;
      mvm_error_location(vm, &file, &line);
      char where[96];
      snprintf(where, sizeof where, "%s threw (line %u)", label, (unsigned)line);
      print_value(vm, where, result, text, cap);
      break;
    }
    case MVM_E_OUT_OF_MEMORY:        // the call was abandoned; the VM is usable again
    case MVM_E_INSTRUCTION_BUDGET:   // likewise
    case MVM_E_STACK_OVERFLOW:       // not even the arguments fit on the stack
    case MVM_E_INVALID_IMAGE:        // safe mode caught bad bytecode in this call
    default:
      printf("%s: %s\n", label, err_name(err));
      break;
  }
  return err;
}

static void print_stats(mvm_vm_t* vm, const char* when) {
  mvm_stats_t s;
  mvm_get_stats(vm, &s);
  printf("stats %s: ram %u bytes (vm struct+tables %u, heap capacity %u), heap used %u, "
         "heap peak %u, globals %u, imports %u, rom %u (in place), stack peak %u slots, "
         "gc %u, arena peak %u\n",
         when, (unsigned)s.ram_bytes, (unsigned)s.vm_struct_bytes, (unsigned)s.heap_capacity,
         (unsigned)s.heap_used, (unsigned)s.heap_peak, (unsigned)s.globals_count,
         (unsigned)s.imports_count, (unsigned)s.rom_bytes, (unsigned)s.stack_peak_slots,
         (unsigned)s.gc_count, (unsigned)s.arena_peak);
}

/* The VM's memory: every allocation of a VM made by mvm_restore_into comes from here. */
static union {
  uint8_t bytes[20 * 1024];
  double align;
} vm_memory;

/* A RAM copy of the image, to damage on purpose: 4-aligned as the image is (the union), with
 * a byte to spare for a copy at an odd address. */
static union {
  uint8_t bytes[sizeof program_image + 1];
  uint32_t align;
} copy;
#define scratch copy.bytes
#define SCRATCH_LEN sizeof program_image

static void bad_images(void) {
  mvm_vm_t* vm = NULL;
  mvm_err_t err;

  memcpy(scratch, program_image, SCRATCH_LEN);
  scratch[SCRATCH_LEN / 2] ^= 0x40;
  err = mvm_restore(scratch, SCRATCH_LEN, NULL, resolve_import, NULL, &vm);
  printf("damaged image: %s\n", err_name(err));
  expect(err == MVM_E_IMAGE_CRC && vm == NULL, "damaged image refused");

  err = mvm_restore(program_image, program_image_len - 9, NULL, resolve_import, NULL, &vm);
  printf("truncated image: %s\n", err_name(err));
  expect(err == MVM_E_IMAGE_TRUNCATED, "truncated image refused");

  memcpy(scratch, program_image, SCRATCH_LEN);
  // Header byte 10 is the low byte of the u16 features (docs/internals.md, image header).
  scratch[10] = (uint8_t)((scratch[10] & ~0x06u) | 0x02u);  // the PROFILE_HOST bit instead
  err = mvm_restore(scratch, SCRATCH_LEN, NULL, resolve_import, NULL, &vm);
  printf("host-profile image: %s\n", err_name(err));
  expect(err == MVM_E_IMAGE_PROFILE, "image for the other profile refused");

  memcpy(scratch, program_image, SCRATCH_LEN);
  scratch[8] = 99;  // format version
  err = mvm_restore(scratch, SCRATCH_LEN, NULL, resolve_import, NULL, &vm);
  printf("other version: %s\n", err_name(err));
  expect(err == MVM_E_IMAGE_VERSION, "image of another version refused");

  memcpy(scratch, "not an image at all", 20);
  err = mvm_restore(scratch, SCRATCH_LEN, NULL, resolve_import, NULL, &vm);
  printf("not an image: %s\n", err_name(err));
  expect(err == MVM_E_INVALID_IMAGE, "garbage refused");

#if MVM_ALIGNED_FIELDS && !MVM_UNALIGNED_LE
  /* This core reads the image's fields with aligned loads (the port's MVM_ALIGNED_FIELDS): an
   * image at an odd address is refused before anything is read from it. */
  memmove(scratch + 1, program_image, SCRATCH_LEN);
  err = mvm_restore(scratch + 1, SCRATCH_LEN, NULL, resolve_import, NULL, &vm);
  printf("unaligned image: %s\n", err_name(err));
  expect(err == MVM_E_INVALID_ARGUMENT, "unaligned image refused");
#endif

  err = mvm_restore(program_image, program_image_len, NULL, resolve_nothing, NULL, &vm);
  printf("missing host functions: %s\n", err_name(err));
  expect(err == MVM_E_UNRESOLVED_IMPORT, "unresolved import refused");

  err = mvm_restore_into(vm_memory.bytes, 256, program_image, program_image_len, NULL,
                         resolve_import, NULL, &vm);
  printf("restore into 256 bytes: %s\n", err_name(err));
  expect(err == MVM_E_OUT_OF_MEMORY, "too small a buffer refused");

  err = mvm_restore(program_image, program_image_len, NULL, resolve_import, NULL, NULL);
  printf("no output pointer: %s\n", err_name(err));
  expect(err == MVM_E_INVALID_ARGUMENT, "bad argument refused");
}

int main(void) {
  char text[128];
  mvm_vm_t* vm = NULL;
  mvm_err_t err;

  printf("image: %u bytes (const, used in place), VM buffer: %u bytes\n",
         (unsigned)program_image_len, (unsigned)sizeof vm_memory.bytes);
  bad_images();

  /* Restore with no malloc: everything in vm_memory. A heap limit below the buffer size leaves
   * room for the collector's second space. */
  mvm_config_t cfg;
  memset(&cfg, 0, sizeof cfg);  // zero = the port's default
  cfg.max_heap_bytes = 8 * 1024;
  err = mvm_restore_into(vm_memory.bytes, sizeof vm_memory.bytes, program_image,
                         program_image_len, &cfg, resolve_import, NULL, &vm);
  printf("restore: %s\n", err_name(err));
  if (err != MVM_E_OK) return 1;
  print_stats(vm, "after restore");

  err = call_export(vm, "fib", 1, 20, 0, text, sizeof text);
  expect(err == MVM_E_OK && strcmp(text, "6765") == 0, "fib(20) = 6765");
  err = call_export(vm, "closures", 1, 5, 0, text, sizeof text);
  expect(err == MVM_E_OK && strcmp(text, "55") == 0, "closures(5) = 55");
  err = call_export(vm, "objects", 1, 50, 0, text, sizeof text);
  expect(err == MVM_E_OK && strcmp(text, "item49 total=2450") == 0, "objects(50)");
  err = call_export(vm, "churn", 1, 300, 0, text, sizeof text);
  expect(err == MVM_E_OK && strcmp(text, "6000") == 0, "churn(300) = 6000");
  err = call_export(vm, "divide", 2, 7, 2, text, sizeof text);
#if MVM_SUPPORT_FLOAT
  expect(err == MVM_E_OK && strcmp(text, "3.5") == 0, "divide(7, 2) = 3.5");
#else  // the integer-only core: 3.5 is no int32, so 7 / 2 throws a RangeError divide catches
  expect(err == MVM_E_OK && strncmp(text, "caught RangeError: 7 / 2 is not", 31) == 0,
         "divide(7, 2) throws RangeError (MVM_SUPPORT_FLOAT=0)");
#endif
  err = call_export(vm, "divide", 2, 1, 0, text, sizeof text);
  expect(err == MVM_E_OK && strcmp(text, "caught RangeError: division by zero") == 0,
         "caught exception");
  err = call_export(vm, "callHost", 2, 2, 3, text, sizeof text);
  expect(err == MVM_E_OK && strcmp(text, "50") == 0, "callHost(2, 3) = 50");
  err = call_export(vm, "hostFails", 0, 0, 0, text, sizeof text);
  expect(err == MVM_E_OK && strstr(text, "host threw: hostAdd wants two numbers") != NULL,
         "host function threw, script caught it");
  print_stats(vm, "after calls");

  /* Errors the host handles; after each one the VM keeps working. */
  err = call_export(vm, "deep", 1, 100000, 0, text, sizeof text);
  expect(err == MVM_E_UNCAUGHT_EXCEPTION && strstr(text, "RangeError") != NULL,
         "stack overflow is a RangeError");
  err = call_export(vm, "hog", 0, 0, 0, text, sizeof text);
  expect(err == MVM_E_OUT_OF_MEMORY, "heap exhaustion is MVM_E_OUT_OF_MEMORY");
  err = call_export(vm, "fails", 0, 0, 0, text, sizeof text);
  expect(err == MVM_E_UNCAUGHT_EXCEPTION, "failing host function becomes an exception");
  err = call_export(vm, "noSuchExport", 0, 0, 0, text, sizeof text);
  expect(err == MVM_E_EXPORT_NOT_FOUND, "missing export");
  mvm_value_t not_fn;
  mvm_new_number(vm, 42, &not_fn);
  err = mvm_call(vm, not_fn, NULL, 0, NULL);
  printf("call 42: %s\n", err_name(err));
  expect(err == MVM_E_NOT_A_FUNCTION, "calling a number");
  mvm_value_t str;
  size_t need = 0;
  err = mvm_new_string(vm, "a string longer than eight bytes", 32, &str);
  if (err == MVM_E_OK) err = mvm_string_utf8(vm, str, text, 8, &need);
  printf("string into 8 bytes: %s, needs %u\n", err_name(err), (unsigned)need);
  expect(err == MVM_E_BUFFER_TOO_SMALL && need == 32, "short buffer");
  err = call_export(vm, "fib", 1, 15, 0, text, sizeof text);
  expect(err == MVM_E_OK && strcmp(text, "610") == 0, "VM still works: fib(15) = 610");
  print_stats(vm, "after errors");
  mvm_free(vm);

  /* The same image with an instruction budget, in the same buffer (mvm_free gave it back).
   * A core built without the budget (MVM_INSTRUCTION_BUDGET 0, the cortex_m port's default)
   * refuses such a config; build with -DMVM_INSTRUCTION_BUDGET=1 to have it. */
  cfg.instruction_budget = 5000;
  err = mvm_restore_into(vm_memory.bytes, sizeof vm_memory.bytes, program_image,
                         program_image_len, &cfg, resolve_import, NULL, &vm);
#if MVM_INSTRUCTION_BUDGET
  expect(err == MVM_E_OK, "restore again");
  if (err == MVM_E_OK) {
    err = call_export(vm, "fib", 1, 25, 0, text, sizeof text);
    expect(err == MVM_E_INSTRUCTION_BUDGET, "budget exhausted");
    mvm_free(vm);
  }
#else
  printf("budget without MVM_INSTRUCTION_BUDGET: %s\n", err_name(err));
  expect(err == MVM_E_INVALID_ARGUMENT, "a budget refused when compiled out");
#endif
  cfg.instruction_budget = 0;

  /* The same with the port's allocator (MVM_MALLOC) instead of a caller buffer. */
  err = mvm_restore(program_image, program_image_len, NULL, resolve_import, NULL, &vm);
  printf("restore with malloc: %s\n", err_name(err));
  expect(err == MVM_E_OK, "restore with malloc");
  if (err == MVM_E_OK) {
    print_stats(vm, "malloc, after restore");
    err = call_export(vm, "fib", 1, 10, 0, text, sizeof text);
    expect(err == MVM_E_OK && strcmp(text, "55") == 0, "fib(10) with malloc");
    mvm_free(vm);
  }

  printf(failures ? "FAILED: %d unexpected results\n" : "ALL OK\n", failures);
  return failures ? 1 : 0;
}
