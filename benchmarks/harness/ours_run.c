/* ours_run.c: the benchmark host for our engine (vm_c/), the counterpart of
 * peers/microvium_run.c, so instruction counts and wall times compare C with C, same flags.
 * Built by benchmarks/run.py:
 *   gcc -O2 -DMVM_PORT_HEADER='"ports/host/mvm_port.h"' -Ivm_c/include -Ivm_c \
 *       vm_c/src/*.c vm_c/ports/host/*.c benchmarks/harness/ours_run.c -lm
 *
 * The image is one `mvc build` of a benchmark program: print comes from the prelude as import
 * 0xFF00, resolved here to a C function; the program's `export function run()` is called by name.
 * Memory figures come from mvm_get_stats.
 */
#include "bench_common.h"
#include "mvm.h"

#define PRINT_IMPORT_ID 0xFF00

static mvm_err_t print_fn(mvm_vm_t* vm, uint16_t id, mvm_value_t* result, mvm_value_t* args,
                          uint8_t argc) {
  (void)id;
  (void)result;
  char small[512];
  for (int i = 0; i < argc; i++) {
    mvm_value_t str;
    mvm_err_t err = mvm_to_string(vm, args[i], &str);  /* args stay valid: the VM updates them */
    if (err) return err;
    size_t n;
    err = mvm_string_utf8(vm, str, small, sizeof small, &n);
    if (err == MVM_E_BUFFER_TOO_SMALL) {
      char* big = malloc(n);
      err = mvm_string_utf8(vm, str, big, n, &n);
      if (!err) bench_write(big, n);
      free(big);
    } else if (!err) {
      bench_write(small, n);
    }
    if (err) return err;
    if (i + 1 < argc) bench_write(" ", 1);
  }
  bench_write("\n", 1);
  return MVM_E_OK;
}

static mvm_err_t resolve(uint16_t id, void* context, mvm_host_fn_t* out) {
  (void)context;
  if (id != PRINT_IMPORT_ID) return MVM_E_UNRESOLVED_IMPORT;
  *out = print_fn;
  return MVM_E_OK;
}

int main(int argc, char** argv) {
  int calls, restores;
  bench_args(argc, argv, &calls, &restores);
  size_t len;
  uint8_t* image = bench_read_file(argv[1], &len);

  /* Each call gets a freshly restored VM (restore is outside the timed region): every call
   * starts from the same state, as a resumed deployment does, and as peers/microvium_run.c. */
  mvm_vm_t* vm;
  mvm_err_t err;
  uint64_t* times = calloc((size_t)calls + 1, sizeof *times);
  for (int i = 0; i < calls; i++) {
    err = mvm_restore(image, len, NULL, resolve, NULL, &vm);
    if (err) { fprintf(stderr, "@error restore %d\n", err); return 1; }
    mvm_value_t run, result;
    err = mvm_resolve_export_named(vm, "run", 3, &run);
    if (err) { fprintf(stderr, "@error export %d\n", err); return 1; }
    uint64_t t0 = bench_now_ns();
    err = mvm_call(vm, run, NULL, 0, &result);
    times[i] = bench_now_ns() - t0;
    if (err) {
      bench_flush_output();
      fprintf(stderr, "@error call %d\n", err);
      return 1;
    }
    if (i == 0) {  /* memory after one call from a fresh restore (all calls are alike) */
      mvm_stats_t st;
      mvm_get_stats(vm, &st);
      fprintf(stderr, "@heap_peak %zu\n@heap_used %zu\n@stack_peak %zu\n@gc_count %zu\n",
              st.heap_peak, st.heap_used, st.stack_peak_slots * 4, st.gc_count);
    }
    mvm_free(vm);
  }
  bench_report_times("call", times, calls);

  uint64_t* rt = calloc((size_t)restores + 1, sizeof *rt);
  for (int i = 0; i < restores; i++) {
    uint64_t t0 = bench_now_ns();
    err = mvm_restore(image, len, NULL, resolve, NULL, &vm);
    if (!err) mvm_free(vm);
    rt[i] = bench_now_ns() - t0;
    if (err) { fprintf(stderr, "@error restore %d\n", err); return 1; }
  }
  bench_report_times("restore", rt, restores);
  bench_flush_output();
  return 0;
}
