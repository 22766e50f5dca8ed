/* examples/mcu/run_program.c: the smallest firmware host. It restores one image made by
 * `mvc build --target mcu --emit-c`, gives the program `print` and calls its export `run`,
 * printing what run returns. The same file on a desktop and on the board (semihosting).
 *
 * Build it with the image's array and, for the smallest core, the port header that
 * `--core-config` wrote for that image (docs/embedding.md, "A core for one image"):
 *
 *   mvc build --target mcu --emit-c --core-config app_core.h app.js -o app_image.c
 *   cc -DMVM_PORT_HEADER='"app_core.h"' -DIMAGE=app_image -DIMAGE_H='"app_image.h"' \
 *      -I dist -I . run_program.c app_image.c dist/mvm.c
 *
 * Exit status: 0 when run returned, 1 when restoring or calling failed (the error is printed).
 */
#include <stdio.h>

#include "mvm.h"
#include IMAGE_H

#define PRINT_IMPORT 0xFF00u /* the id `mvc build --target mcu` gives print */
#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)

/* Prints ToString(v) on a line of its own. */
static mvm_err_t print_line(mvm_vm_t* vm, mvm_value_t v) {
  char text[256];
  size_t len = 0;
  mvm_value_t s;
  mvm_err_t err = mvm_to_string(vm, v, &s);
  if (err == MVM_E_OK) err = mvm_string_utf8(vm, s, text, sizeof text - 1, &len);
  if (err == MVM_E_BUFFER_TOO_SMALL) len = sizeof text - 1, err = MVM_E_OK;
  if (err != MVM_E_OK) return err;
  text[len] = '\0';
  puts(text);
  return MVM_E_OK;
}

static mvm_err_t print(mvm_vm_t* vm, uint16_t id, mvm_value_t* result, mvm_value_t* args,
                       uint8_t argc) {
  (void)id;
  *result = mvm_undefined();
  return print_line(vm, argc ? args[0] : mvm_undefined());
}

static mvm_err_t resolve(uint16_t id, void* context, mvm_host_fn_t* out) {
  (void)context;
  if (id != PRINT_IMPORT) return MVM_E_UNRESOLVED_IMPORT;
  *out = print;
  return MVM_E_OK;
}

int main(void) {
  mvm_vm_t* vm = NULL;
  mvm_value_t run, result;
  mvm_err_t err = mvm_restore(IMAGE, CAT(IMAGE, _len), NULL, resolve, NULL, &vm);
  if (err == MVM_E_OK) err = mvm_resolve_export_named(vm, "run", 3, &run);
  if (err == MVM_E_OK) err = mvm_call(vm, run, NULL, 0, &result);
  if (err == MVM_E_OK) err = print_line(vm, result);
  if (err != MVM_E_OK) printf("error %d\n", (int)err);
  mvm_free(vm);
  return err == MVM_E_OK ? 0 : 1;
}
