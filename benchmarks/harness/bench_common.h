/* bench_common.h: what the two C harnesses share (ours_run.c and peers/microvium_run.c), so
 * both engines are driven, timed and reported the same way.
 *
 * Command line of either harness:  HARNESS IMAGE [CALLS [RESTORES]]
 *   calls the program's exported run() CALLS times (default 1), each time in a freshly
 *   restored VM, timing the call only; then (if RESTORES > 0) times RESTORES restore+free
 *   cycles of the same image.
 * stdout: what the program printed (captured in memory during the calls, written at the end,
 *   so printing costs no I/O inside the timed or instruction-counted region).
 * stderr: one "@key value" line per measurement, read by benchmarks/run.py.
 */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char bench_out[1 << 16];
static size_t bench_out_len;

static void bench_write(const char* s, size_t n) {
  if (n > sizeof bench_out - bench_out_len) n = sizeof bench_out - bench_out_len;
  memcpy(bench_out + bench_out_len, s, n);
  bench_out_len += n;
}

static uint64_t bench_now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint8_t* bench_read_file(const char* path, size_t* out_len) {
  FILE* f = fopen(path, "rb");
  if (!f) { perror(path); exit(2); }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t* buf = malloc(n > 0 ? (size_t)n : 1);  /* malloc'd: aligned, as Microvium requires */
  if (fread(buf, 1, (size_t)n, f) != (size_t)n) { perror(path); exit(2); }
  fclose(f);
  *out_len = (size_t)n;
  return buf;
}

static int bench_cmp_u64(const void* a, const void* b) {
  uint64_t x = *(const uint64_t*)a, y = *(const uint64_t*)b;
  return x < y ? -1 : x > y;
}

/* Reports min and median of n timings under NAME_min_ns / NAME_med_ns. */
static void bench_report_times(const char* name, uint64_t* t, int n) {
  if (n <= 0) return;
  qsort(t, (size_t)n, sizeof *t, bench_cmp_u64);
  fprintf(stderr, "@%s_min_ns %llu\n@%s_med_ns %llu\n", name, (unsigned long long)t[0], name,
          (unsigned long long)t[n / 2]);
}

static void bench_flush_output(void) {
  fwrite(bench_out, 1, bench_out_len, stdout);
  fflush(stdout);
}

static void bench_args(int argc, char** argv, int* calls, int* restores) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s IMAGE [CALLS [RESTORES]]\n", argv[0]);
    exit(2);
  }
  *calls = argc > 2 ? atoi(argv[2]) : 1;
  *restores = argc > 3 ? atoi(argv[3]) : 0;
}

#endif
