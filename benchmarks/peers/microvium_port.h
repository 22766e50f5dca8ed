/* microvium_port.h: the port file for Microvium 8.0.0's C engine in the benchmark harness
 * (benchmarks/peers/microvium_run.c). It takes the package's example port and changes only what
 * the benchmarks need; benchmarks/README.md explains each choice.
 *
 * - Stack and heap as large as the engine allows: the default 256 B stack overflows on fib(20)
 *   and the default 1 KB heap on every workload; 64 KB is Microvium's hard heap limit.
 * - MVM_SAFE_MODE 0 (its internal consistency checks, "only intended for testing") and
 *   MVM_DONT_TRUST_BYTECODE 1, which checks bytecode operands at run time: the counterpart of
 *   MVM_SAFE_MODE 1 in our host port, so both engines pay for the same kind of checking.
 * - No gas counter (our budget is 0 = unlimited), no debug API.
 * - Float support and int32 overflow checks stay on: JS semantics need them, and ours has both.
 * - A fatal error prints its code and exits (the runner reports it), instead of assert().
 */
#pragma once

#include <stdbool.h>
#include <string.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>

/* Declared here, defined in microvium_run.c. */
void mvm_bench_fatal(void* vm, int e) __attribute__((noreturn));

#define MVM_PORT_VERSION 1
#define MVM_STACK_SIZE 16384
/* 256 B is the example port's default; run.py --microvium-bucket overrides it (-D). On a 64-bit
 * host every heap pointer is decoded by walking the bucket list, so bigger buckets are faster. */
#ifndef MVM_ALLOCATION_BUCKET_SIZE
#define MVM_ALLOCATION_BUCKET_SIZE 256
#endif
#define MVM_MAX_HEAP_SIZE 65534
#define MVM_NATIVE_POINTER_IS_16_BIT 0
#define MVM_SUPPORT_FLOAT 1
#define MVM_FLOAT64 double
#define MVM_FLOAT64_NAN ((MVM_FLOAT64)(INFINITY * 0.0))
#define MVM_PORT_INT32_OVERFLOW_CHECKS 1
#define MVM_SAFE_MODE 0
#define MVM_DONT_TRUST_BYTECODE 1
#define MVM_VERY_EXPENSIVE_MEMORY_CHECKS 0

#define MVM_LONG_PTR_TYPE void*
#define MVM_LONG_PTR_NEW(p) ((MVM_LONG_PTR_TYPE)p)
#define MVM_LONG_PTR_TRUNCATE(p) ((void*)p)
#define MVM_LONG_PTR_ADD(p, s) ((MVM_LONG_PTR_TYPE)((uint8_t*)p + (intptr_t)s))
#define MVM_LONG_PTR_SUB(p2, p1) ((int16_t)((uint8_t*)p2 - (uint8_t*)p1))
#define MVM_READ_LONG_PTR_1(lpSource) (*((uint8_t *)lpSource))
#define MVM_READ_LONG_PTR_2(lpSource) (*((uint16_t *)lpSource))
#define MVM_LONG_MEM_CMP(p1, p2, size) memcmp(p1, p2, size)
#define MVM_LONG_MEM_CPY(target, source, size) memcpy(target, source, size)

#define MVM_FATAL_ERROR(vm, e) mvm_bench_fatal((vm), (e))
#define MVM_ALL_ERRORS_FATAL 0
#define MVM_SWITCH(tag, upper) switch (tag)
#define MVM_CASE(value) case value

#define MVM_CHECK_CRC16_CCITT(lpData, size, expected) (default_crc16(lpData, size) == expected)
#define MVM_INCLUDE_SNAPSHOT_CAPABILITY 0
#define MVM_INCLUDE_DEBUG_CAPABILITY 0
#define MVM_USE_SINGLE_RAM_PAGE 0

#define MVM_MALLOC(size) malloc(size)
#define MVM_FREE(ptr) free(ptr)
#define MVM_CONTEXTUAL_MALLOC(size, context) MVM_MALLOC(size)
#define MVM_CONTEXTUAL_FREE(ptr, context) MVM_FREE(ptr)
