/* microvium_run.c: the benchmark host for Microvium 8.0.0's C engine (dist-c/microvium.c of the
 * npm package), the counterpart of harness/ours_run.c. Built by benchmarks/run.py with the same
 * gcc flags as ours; port settings are in microvium_port.h beside this file.
 *
 * The image imports print as host function 1 and exports run() as export 1 (run.py wraps each
 * benchmark program that way). Memory figures come from mvm_getMemoryStats.
 */
#include "../harness/bench_common.h"
#include "microvium.h"

void mvm_bench_fatal(void* vm, int e) {
  (void)vm;
  bench_flush_output();
  fprintf(stderr, "@fatal %d\n", e);
  exit(3);
}

static mvm_TeError print_fn(mvm_VM* vm, mvm_HostFunctionID id, mvm_Value* result,
                            mvm_Value* args, uint8_t argc) {
  (void)id;
  (void)result;
  for (int i = 0; i < argc; i++) {
    size_t n;
    const char* s = mvm_toStringUtf8(vm, args[i], &n);
    if (i) bench_write(" ", 1);
    bench_write(s, n);
  }
  bench_write("\n", 1);
  return MVM_E_SUCCESS;
}

static mvm_TeError resolve(mvm_HostFunctionID id, void* context, mvm_TfHostFunction* out) {
  (void)context;
  if (id != 1) return MVM_E_UNRESOLVED_IMPORT;
  *out = print_fn;
  return MVM_E_SUCCESS;
}

int main(int argc, char** argv) {
  int calls, restores;
  bench_args(argc, argv, &calls, &restores);
  size_t len;
  uint8_t* image = bench_read_file(argv[1], &len);

  /* Each call gets a freshly restored VM (restore is outside the timed region): every call
   * starts from the same state, as a resumed deployment does. It also keeps Microvium clear of
   * a GC bug that corrupts its heap after ~15 back-to-back heap-heavy calls near its 64 KB cap
   * (a chopped to-space bucket in gc_newBucket; see benchmarks/README.md). */
  mvm_VM* vm;
  mvm_TeError err;
  uint64_t* times = calloc((size_t)calls + 1, sizeof *times);
  for (int i = 0; i < calls; i++) {
    err = mvm_restore(&vm, image, len, NULL, resolve);
    if (err) { fprintf(stderr, "@error restore %d\n", err); return 1; }
    mvm_VMExportID export_id = 1;
    mvm_Value run, result;
    err = mvm_resolveExports(vm, &export_id, &run, 1);
    if (err) { fprintf(stderr, "@error export %d\n", err); return 1; }
    uint64_t t0 = bench_now_ns();
    err = mvm_call(vm, run, &result, NULL, 0);
    times[i] = bench_now_ns() - t0;
    if (err) {
      bench_flush_output();
      fprintf(stderr, "@error call %d\n", err);
      return 1;
    }
    if (i == 0) {  /* memory after one call from a fresh restore (all calls are alike) */
      mvm_TsMemoryStats st;
      mvm_getMemoryStats(vm, &st);
      fprintf(stderr, "@heap_peak %zu\n@heap_used %zu\n@stack_peak %zu\n@ram_total %zu\n",
              st.virtualHeapHighWaterMark, st.virtualHeapUsed, st.stackHighWaterMark,
              st.totalSize);
    }
    mvm_free(vm);
  }
  bench_report_times("call", times, calls);

  uint64_t* rt = calloc((size_t)restores + 1, sizeof *rt);
  for (int i = 0; i < restores; i++) {
    uint64_t t0 = bench_now_ns();
    err = mvm_restore(&vm, image, len, NULL, resolve);
    if (!err) mvm_free(vm);
    rt[i] = bench_now_ns() - t0;
    if (err) { fprintf(stderr, "@error restore %d\n", err); return 1; }
  }
  bench_report_times("restore", rt, restores);
  bench_flush_output();
  return 0;
}
