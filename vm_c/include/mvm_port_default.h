/* mvm_port_default.h: every compile-time knob of the VM, with its default.
 *
 * A port overrides any of these by defining it in its port header, which mvm.h includes first
 * (build with -DMVM_PORT_HEADER='"ports/NAME/mvm_port.h"'). Each item below is guarded by
 * #ifndef, so a port only lists what differs. ports/host/mvm_port.h is the desktop/cffi port.
 */
#ifndef MVM_PORT_DEFAULT_H
#define MVM_PORT_DEFAULT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* @@ MVM_DEFAULT_MAX_HEAP: the heap limit in bytes when mvm_config_t.max_heap_bytes is 0.
 * The heap is a semispace copying heap: this bounds one space, and a collection briefly needs a
 * second space as large as the live data. The value format allows at most 1 GiB. */
#ifndef MVM_DEFAULT_MAX_HEAP
#define MVM_DEFAULT_MAX_HEAP (1024u * 1024u)
#endif

/* @@ MVM_INITIAL_HEAP: the first heap space's size. The heap doubles (up to the limit) when a
 * collection leaves it more than half full. */
#ifndef MVM_INITIAL_HEAP
#define MVM_INITIAL_HEAP 4096u
#endif

/* @@ MVM_DEFAULT_STACK_SLOTS: value-stack size (4-byte slots) when the config says 0. The stack is
 * allocated once, when the VM is created. */
#ifndef MVM_DEFAULT_STACK_SLOTS
#define MVM_DEFAULT_STACK_SLOTS 2048u
#endif

/* @@ MVM_DEFAULT_MAX_FRAMES: maximum call depth when the config says 0. Deeper calls throw a
 * catchable RangeError. */
#ifndef MVM_DEFAULT_MAX_FRAMES
#define MVM_DEFAULT_MAX_FRAMES 256u
#endif

/* @@ MVM_MALLOC / MVM_FREE: the only allocator the VM uses. Called when a VM is created or
 * freed, when the heap grows or is collected, when an image is written, and when vmImport adds an
 * import table entry; never per instruction. CONTEXT is the VM's host context pointer (may be
 * NULL while a VM is being created). */
#ifndef MVM_MALLOC
#include <stdlib.h>
#define MVM_MALLOC(size, context) malloc(size)
#define MVM_FREE(ptr, context) free(ptr)
#endif

/* @@ MVM_COMPUTED_GOTO: 1 dispatches opcodes through a table of label addresses (GCC/Clang
 * extension, faster); 0 uses a portable switch (smaller). */
#ifndef MVM_COMPUTED_GOTO
#define MVM_COMPUTED_GOTO 0
#endif

/* @@ MVM_SAFE_MODE: 1 checks bytecode operands (constant, local, argument, global and scope
 * indexes, opcode range, function references) at run time and fails the call with
 * MVM_E_INVALID_IMAGE instead of reading out of bounds. Images are CRC-checked and structurally
 * validated either way; this guards against bytecode that is well-formed but wrong. */
#ifndef MVM_SAFE_MODE
#define MVM_SAFE_MODE 1
#endif

/* @@ MVM_GC_STRESS: 1 collects at every allocation and moves the heap to a freshly allocated
 * space each time, freeing the old one, so a stale pointer into the heap faults under ASan.
 * Very slow: for tests only. */
#ifndef MVM_GC_STRESS
#define MVM_GC_STRESS 0
#endif

/* @@ MVM_SUPPORT_FLOAT: images always record FLOAT64 as a required feature; the host profile
 * needs it. Kept as a knob for a future integer-only MCU profile. */
#ifndef MVM_SUPPORT_FLOAT
#define MVM_SUPPORT_FLOAT 1
#endif

/* @@ MVM_DTOA(d, digits, out_n): shortest round-trip decimal digits of a finite, positive,
 * non-zero double. Writes k ASCII digits d1..dk (no trailing zeros, at most 17, buffer >= 18
 * bytes) and sets *out_n so that d == 0.d1d2..dk * 10^n (n is where the decimal point goes, as in
 * the ECMAScript Number::toString algorithm). Returns k. The core formats the result (exponent
 * form, zeros) itself. The default is a portable approximation that may differ from JS in the
 * last digit for some values; ports with a C library should supply an exact one (the host port
 * uses snprintf("%.*e") with a strtod round-trip check). */
#ifndef MVM_DTOA
#define MVM_DTOA(d, digits, out_n) mvm_portable_dtoa((d), (digits), (out_n))
#endif

/* @@ MVM_STRTOD(s): converts a NUL-terminated ASCII decimal literal, already validated by the
 * core (optional sign, digits, optional fraction, optional exponent), to the nearest double.
 * The default is a portable approximation (may be off by one unit in the last place). */
#ifndef MVM_STRTOD
#define MVM_STRTOD(s) mvm_portable_strtod(s)
#endif

/* @@ MVM_FMOD, MVM_POW, MVM_FLOOR, MVM_TRUNC: the <math.h> functions the VM needs. */
#ifndef MVM_FMOD
#include <math.h>
#define MVM_FMOD(a, b) fmod((a), (b))
#define MVM_POW(a, b) pow((a), (b))
#define MVM_FLOOR(a) floor(a)
#define MVM_TRUNC(a) trunc(a)
#endif

/* @@ MVM_MEMCPY, MVM_MEMMOVE, MVM_MEMSET, MVM_MEMCMP: the <string.h> functions the VM needs. */
#ifndef MVM_MEMCPY
#define MVM_MEMCPY(d, s, n) memcpy((d), (s), (n))
#define MVM_MEMMOVE(d, s, n) memmove((d), (s), (n))
#define MVM_MEMSET(d, c, n) memset((d), (c), (n))
#define MVM_MEMCMP(a, b, n) memcmp((a), (b), (n))
#endif

/* @@ MVM_READ_ROM_U8/U16/U32(p): reads from the read-only section (bytecode, constants, ROM
 * strings). Harvard-architecture ports (AVR) redefine them to their program-memory accessors.
 * Multi-byte reads are little-endian and may be unaligned. */
#ifndef MVM_READ_ROM_U8
#define MVM_READ_ROM_U8(p) (*(const uint8_t*)(p))
#endif
#ifndef MVM_READ_ROM_U16
#define MVM_READ_ROM_U16(p) \
  ((uint16_t)(((const uint8_t*)(p))[0] | (((const uint8_t*)(p))[1] << 8)))
#endif
#ifndef MVM_READ_ROM_U32
#define MVM_READ_ROM_U32(p)                                                           \
  ((uint32_t)((const uint8_t*)(p))[0] | ((uint32_t)((const uint8_t*)(p))[1] << 8) |   \
   ((uint32_t)((const uint8_t*)(p))[2] << 16) | ((uint32_t)((const uint8_t*)(p))[3] << 24))
#endif

/* @@ MVM_TRACE_INSTRUCTION(vm, func, pc): called before each instruction with the ROM offset of
 * the running function and the instruction's code offset, for tracing and coverage tools.
 * Default: nothing (no cost). */
#ifndef MVM_TRACE_INSTRUCTION
#define MVM_TRACE_INSTRUCTION(vm, func, pc) ((void)0)
#endif

/* @@ MVM_LIKELY / MVM_UNLIKELY: branch hints. */
#ifndef MVM_LIKELY
#if defined(__GNUC__)
#define MVM_LIKELY(x) __builtin_expect(!!(x), 1)
#define MVM_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define MVM_LIKELY(x) (x)
#define MVM_UNLIKELY(x) (x)
#endif
#endif

/* @@ MVM_INTERNAL: marks functions shared between the VM's source files but not part of the
 * API (hidden visibility keeps them out of a shared library's symbol table). */
#ifndef MVM_INTERNAL
#if defined(__GNUC__) && !defined(_WIN32)
#define MVM_INTERNAL __attribute__((visibility("hidden")))
#else
#define MVM_INTERNAL
#endif
#endif

/* The portable fallbacks named by the defaults above (number.c). */
int mvm_portable_dtoa(double d, char* digits, int* out_n);
double mvm_portable_strtod(const char* s);

#endif
