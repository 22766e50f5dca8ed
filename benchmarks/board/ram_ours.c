/* ram_ours.c: the firmware that measures our VM's RAM on the emulated Cortex-M3 (qemu
 * mps2-an385), for tools/mcu_ram.py. For each benchmark program's `--target mcu` image (const
 * arrays in flash, ram_images.c, generated) it restores the VM, prints its RAM while idle, calls
 * `run` once and prints its RAM and peak heap afterwards. The VM gets Microvium's heap limit
 * (64 KB), so that both engines run every program; everything else is ports/cortex_m as shipped.
 * Lines: "idle NAME ram struct heap_used globals imports" and "after NAME ram heap_peak error
 * ticks" (the call's board_clock.h ticks, 40 instructions each).
 */
#include <stdio.h>
#include <string.h>

#include "mvm.h"

#include "board_clock.h"
#include "ram_images.h"

// Every import (print) is a no-op: the measurement is about memory, not output.
static mvm_err_t quiet(mvm_vm_t* vm, uint16_t id, mvm_value_t* result, mvm_value_t* args,
                       uint8_t argc) {
  (void)vm, (void)id, (void)args, (void)argc;
  *result = mvm_undefined();
  return MVM_E_OK;
}

static mvm_err_t resolve(uint16_t id, void* context, mvm_host_fn_t* out) {
  (void)id, (void)context;
  *out = quiet;
  return MVM_E_OK;
}

int main(void) {
  board_clock_start();
  /* The 64 KB heap limit is the port's (tools/mcu_ram.py: -DMVM_DEFAULT_MAX_HEAP). */
  for (unsigned i = 0; i < ram_image_count; i++) {
    const ram_image_t* im = &ram_images[i];
    mvm_vm_t* vm = NULL;
    mvm_err_t err = mvm_restore(im->data, im->len, NULL, resolve, NULL, &vm);
    if (err) {
      printf("error %s restore %d\n", im->name, (int)err);
      continue;
    }
    mvm_stats_t s;
    mvm_get_stats(vm, &s);
    printf("idle %s %u %u %u %u %u\n", im->name, (unsigned)s.ram_bytes,
           (unsigned)s.vm_struct_bytes, (unsigned)s.heap_used, (unsigned)s.globals_count,
           (unsigned)s.imports_count);
    mvm_value_t run, result;
    err = mvm_resolve_export_named(vm, "run", 3, &run);
    uint32_t t0 = board_clock_ticks();
    if (!err) err = mvm_call(vm, run, NULL, 0, &result);
    uint32_t ticks = board_clock_ticks() - t0;
    mvm_get_stats(vm, &s);
    printf("after %s %u %u %d %lu\n", im->name, (unsigned)s.ram_bytes, (unsigned)s.heap_peak,
           (int)err, (unsigned long)ticks);
    mvm_free(vm);
  }
  puts("done");
  return 0;
}
