/* ram_microvium.c: the same measurement as ram_ours.c for Microvium 8.0's C engine, compiled
 * for the emulated Cortex-M3 with the benchmark port (benchmarks/peers/microvium_port.h: 64 KB
 * heap limit, 16 KB stack during a call). mvm_getMemoryStats gives its RAM: totalSize is every
 * byte it has allocated from the host. Lines: "idle NAME total core imports globals heap" and
 * "after NAME total heap_high_water error ticks" (as ram_ours.c).
 */
#include <stdio.h>
#include <stdlib.h>

#include "microvium.h"

#include "board_clock.h"
#include "ram_images.h"

void mvm_bench_fatal(void* vm, int e) {
  (void)vm;
  printf("fatal %d\n", e);
  exit(3);
}

static mvm_TeError quiet(mvm_VM* vm, mvm_HostFunctionID id, mvm_Value* result, mvm_Value* args,
                         uint8_t argc) {
  (void)vm, (void)id, (void)result, (void)args, (void)argc;
  return MVM_E_SUCCESS;
}

static mvm_TeError resolve(mvm_HostFunctionID id, void* context, mvm_TfHostFunction* out) {
  (void)id, (void)context;
  *out = quiet;
  return MVM_E_SUCCESS;
}

// Programs before RUN_FROM are only restored: a run that faults the board (then qemu exits)
// is skipped on the next build (tools/mcu_ram.py).
#ifndef RUN_FROM
#define RUN_FROM 0u
#endif

int main(void) {
  board_clock_start();
  for (unsigned pass = 0; pass < 2; pass++) {
    for (unsigned i = pass ? RUN_FROM : 0; i < ram_image_count; i++) {
      const ram_image_t* im = &ram_images[i];
      mvm_VM* vm;
      mvm_TeError err = mvm_restore(&vm, im->data, im->len, NULL, resolve);
      if (err) {
        printf("error %s restore %d\n", im->name, (int)err);
        continue;
      }
      mvm_TsMemoryStats s;
      mvm_getMemoryStats(vm, &s);
      if (!pass) {
        printf("idle %s %u %u %u %u %u\n", im->name, (unsigned)s.totalSize,
               (unsigned)s.coreSize, (unsigned)s.importTableSize,
               (unsigned)s.globalVariablesSize, (unsigned)s.virtualHeapUsed);
      } else {
        printf("running %s\n", im->name);
        mvm_VMExportID id = 1;
        mvm_Value run, result;
        err = mvm_resolveExports(vm, &id, &run, 1);
        uint32_t t0 = board_clock_ticks();
        if (!err) err = mvm_call(vm, run, &result, NULL, 0);
        uint32_t ticks = board_clock_ticks() - t0;
        mvm_getMemoryStats(vm, &s);
        printf("after %s %u %u %d %lu\n", im->name, (unsigned)s.totalSize,
               (unsigned)s.virtualHeapHighWaterMark, (int)err, (unsigned long)ticks);
      }
      mvm_free(vm);
    }
  }
  puts("done");
  return 0;
}
