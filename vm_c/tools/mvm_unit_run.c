/* mvm_unit_run: a small C host for the VM, without Python.
 *
 *   mvm_unit_run UNIT [-o IMAGE] [--restore-only | --direct] [--max-heap N] [--budget N]
 *                [--call NAME [ARG...]]...
 *
 * Loads a bytecode unit (python -m compiler FILE.js -o FILE.unit), runs its top level, takes a
 * snapshot (written to IMAGE when -o is given), restores the image in a fresh VM and calls each
 * --call export (a name, or a number for vmExport IDs) with numeric or string arguments,
 * printing the result. With --restore-only, UNIT is an image and is restored directly. With
 * --direct, the exports are called in the VM that ran the top level, without a snapshot (as a
 * host that never restores would; the differential tests compare both paths).
 * print (import 0xFF00) writes its arguments ToString'ed, separated by spaces.
 * Exit status: 0, or 1 on an uncaught exception or VM error (the message goes to stderr).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mvm.h"

static const char* err_text(mvm_err_t e) {
  switch (e) {
#define ERR(name, value, text) case value: return #name ": " text;
#include "mvm_tables.h"
#undef ERR
    default: return "unknown error";
  }
}

static void print_value(mvm_vm_t* vm, mvm_value_t v, FILE* out) {
  mvm_value_t s;
  size_t len = 0;
  if (mvm_to_string(vm, v, &s) != MVM_E_OK) {
    fputs("<unprintable>", out);
    return;
  }
  mvm_string_utf8(vm, s, NULL, 0, &len);
  char* buf = (char*)malloc(len + 1);
  if (!buf) return;
  if (mvm_string_utf8(vm, s, buf, len, &len) == MVM_E_OK) fwrite(buf, 1, len, out);
  free(buf);
}

static mvm_err_t host_print(mvm_vm_t* vm, uint16_t id, mvm_value_t* result, mvm_value_t* args,
                            uint8_t argc) {
  (void)id;
  for (uint8_t i = 0; i < argc; i++) {
    if (i) fputc(' ', stdout);
    print_value(vm, args[i], stdout);
  }
  fputc('\n', stdout);
  *result = mvm_undefined();
  return MVM_E_OK;
}

static mvm_err_t resolve(uint16_t id, void* context, mvm_host_fn_t* out) {
  (void)context;
  if (id != 0xFF00) return MVM_E_UNRESOLVED_IMPORT;
  *out = host_print;
  return MVM_E_OK;
}

static uint8_t* read_file(const char* path, size_t* out_len) {
  FILE* f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t* buf = (uint8_t*)malloc(n > 0 ? (size_t)n : 1);
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  *out_len = (size_t)n;
  return buf;
}

static int report(mvm_vm_t* vm, mvm_err_t err, mvm_value_t exception, const char* what) {
  if (err == MVM_E_UNCAUGHT_EXCEPTION) {
    mvm_value_t file;
    uint32_t line;
    mvm_error_location(vm, &file, &line);
    fputs("Uncaught ", stderr);
    print_value(vm, exception, stderr);
    if (line) {
      fputs(" (", stderr);
      if (mvm_typeof(vm, file) == MVM_T_STRING) print_value(vm, file, stderr);
      fprintf(stderr, ":%u)", (unsigned)line);
    }
    fputc('\n', stderr);
  } else {
    fprintf(stderr, "%s: %s\n", what, err_text(err));
  }
  return 1;
}

int main(int argc, char** argv) {
  const char* unit_path = NULL;
  const char* image_path = NULL;
  bool restore_only = false, direct = false;
  mvm_config_t cfg = {0, 0, 0, 0};
  int first_call = argc;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-o") && i + 1 < argc) image_path = argv[++i];
    else if (!strcmp(argv[i], "--restore-only")) restore_only = true;
    else if (!strcmp(argv[i], "--direct")) direct = true;
    else if (!strcmp(argv[i], "--max-heap") && i + 1 < argc) cfg.max_heap_bytes = (size_t)atol(argv[++i]);
    else if (!strcmp(argv[i], "--budget") && i + 1 < argc) cfg.instruction_budget = (uint32_t)atol(argv[++i]);
    else if (!strcmp(argv[i], "--call")) { first_call = i; break; }
    else if (!unit_path) unit_path = argv[i];
    else { fprintf(stderr, "unexpected argument %s\n", argv[i]); return 2; }
  }
  if (!unit_path) {
    fprintf(stderr, "usage: %s UNIT [-o IMAGE] [--restore-only | --direct] [--max-heap N] "
                    "[--budget N] [--call NAME [ARG...]]...\n", argv[0]);
    return 2;
  }
  size_t len;
  uint8_t* input = read_file(unit_path, &len);
  if (!input) {
    fprintf(stderr, "cannot read %s\n", unit_path);
    return 2;
  }
  mvm_vm_t* vm = NULL;
  mvm_err_t err;
  uint8_t* image = input;
  size_t image_len = len;
  if (!restore_only) {
    err = mvm_new_from_unit(input, len, &cfg, resolve, NULL, &vm);
    if (err) return report(vm, err, 0, "load");
    mvm_value_t exc;
    err = mvm_run_main(vm, &exc);
    if (err) return report(vm, err, exc, "run");
  }
  if (!restore_only && direct) {
    image = NULL;  // the unit stays loaded: the VM may point into it
  } else if (!restore_only) {
    err = mvm_snapshot(vm, &image, &image_len);
    if (err) return report(vm, err, 0, "snapshot");
    mvm_free(vm);
    free(input);
    if (image_path) {
      FILE* f = fopen(image_path, "wb");
      if (!f || fwrite(image, 1, image_len, f) != image_len) {
        fprintf(stderr, "cannot write %s\n", image_path);
        return 2;
      }
      fclose(f);
    }
  }
  if (image) {
#ifdef MVM_UNIT_RUN_PLACE_IMAGE  // a test port's: where the image must be read from
    if (restore_only) {
      image = MVM_UNIT_RUN_PLACE_IMAGE(input, image_len);  // (it takes input)
      input = NULL;
    }
#endif
    err = mvm_restore(image, image_len, &cfg, resolve, NULL, &vm);
    if (err) return report(vm, err, 0, "restore");
  }
  int status = 0;
  for (int i = first_call; i < argc;) {
    const char* name = argv[++i];
    if (!name) break;
    mvm_value_t args[16];
    uint8_t n = 0;
    for (i++; i < argc && strcmp(argv[i], "--call") && n < 16; i++) {
      char* end;
#if MVM_SUPPORT_FLOAT
      double d = strtod(argv[i], &end);
      if (*argv[i] && !*end) mvm_new_number(vm, d, &args[n++]);
#else  // the integer-only build takes int31 arguments; anything else is passed as a string
      long d = strtol(argv[i], &end, 10);
      if (*argv[i] && !*end && d >= -0x40000000L && d <= 0x3FFFFFFFL) {
        mvm_new_number(vm, (int32_t)d, &args[n++]);
      }
#endif
      else mvm_new_string(vm, argv[i], strlen(argv[i]), &args[n++]);
    }
    mvm_value_t fn, result;
    char* end;
    long id = strtol(name, &end, 10);
    err = (*name && !*end) ? mvm_resolve_export(vm, (uint16_t)id, &fn)
                           : mvm_resolve_export_named(vm, name, strlen(name), &fn);
    if (err) {
      status = report(vm, err, 0, name);
      continue;
    }
    err = mvm_call(vm, fn, args, n, &result);
    if (err) {
      status = report(vm, err, result, name);
      continue;
    }
    print_value(vm, result, stdout);
    fputc('\n', stdout);
  }
  mvm_free(vm);
  if (image && !restore_only) mvm_free_buffer(image);  // mvm_snapshot's
  else free(input);
  return status;
}
