/* mvm_port_default.h: every compile-time knob of the VM, with its default.
 *
 * A port overrides any of these by defining it in its port header, which mvm.h includes first
 * (build with -DMVM_PORT_HEADER='"ports/NAME/mvm_port.h"'). Each item below is guarded by
 * #ifndef, so a port only lists what differs. Ports in this tree:
 *
 *   ports/host/mvm_port.h       desktop and cloud (the cffi module, tests, tools): host profile,
 *                               64 MB default heap (up to 1 GiB), computed goto, exact dtoa.
 *   ports/cortex_m/mvm_port.h   microcontrollers: MCU profile, 16 KB heap, stack only during a
 *                               call, switch dispatch, no build-time API (docs/embedding.md).
 *
 * Items are grouped: profile, sizes, features and checks, hooks (allocator, C library, ROM
 * access), dispatch. Every item is marked "@@" (as in luaconf.h) so that it can be grepped.
 */
#ifndef MVM_PORT_DEFAULT_H
#define MVM_PORT_DEFAULT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ======================================================================================== *
 * Profile
 * ======================================================================================== */

/* @@ MVM_PROFILE_MCU: which image profile this VM build writes and accepts.
 *   0 (default): the host profile. Images carry FEATURE PROFILE_HOST (plain `mvc build`).
 *   1: the microcontroller profile. Images carry FEATURE PROFILE_MCU (`mvc build --target mcu`).
 * mvm_restore refuses an image of the other profile with MVM_E_IMAGE_PROFILE, and one of another
 * format version with MVM_E_IMAGE_VERSION. Both profiles use the same 32-bit value words; the MCU
 * profile is the set of defaults in ports/cortex_m/mvm_port.h (small fixed heap, stack only
 * during calls), so an image is refused because it was built and sized for another kind of
 * target, not because its bytes differ. */
#ifndef MVM_PROFILE_MCU
#define MVM_PROFILE_MCU 0
#endif

/* ======================================================================================== *
 * Sizes
 * ======================================================================================== */

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

/* @@ MVM_HEAP_EXACT_AT_RESTORE: 1 gives a VM made by mvm_restore a heap space exactly as large
 * as the restored heap, so an idle VM holds no spare heap bytes; the first allocation then
 * collects once and grows the space (doubling, as always). 0 (default) makes the space twice
 * what is in use (at least MVM_INITIAL_HEAP), so a call starts without a collection.
 * mvm_restore_into is unaffected (its heap has the fixed size the buffer allows). */
#ifndef MVM_HEAP_EXACT_AT_RESTORE
#define MVM_HEAP_EXACT_AT_RESTORE 0
#endif

/* @@ MVM_DEFAULT_STACK_SLOTS: value-stack size (4-byte slots) when the config says 0. The stack is
 * allocated once, when the VM is created (or for each outermost call: MVM_STACK_ON_DEMAND).
 * Running out throws a catchable RangeError inside JS; mvm_call returns MVM_E_STACK_OVERFLOW when
 * not even the arguments fit. */
#ifndef MVM_DEFAULT_STACK_SLOTS
#define MVM_DEFAULT_STACK_SLOTS 2048u
#endif

/* @@ MVM_DEFAULT_MAX_FRAMES: maximum call depth when the config says 0. Deeper calls throw a
 * catchable RangeError. */
#ifndef MVM_DEFAULT_MAX_FRAMES
#define MVM_DEFAULT_MAX_FRAMES 256u
#endif

/* @@ MVM_CONFIG_STACK_LIMITS: 1 (default) lets each VM set its own stack_slots and max_frames
 * (mvm_config_t), kept in the VM struct. 0 fixes them at MVM_DEFAULT_STACK_SLOTS and
 * MVM_DEFAULT_MAX_FRAMES for every VM, as a microcontroller port sets its stack size at compile
 * time: 4 bytes less of struct in each idle VM of the MCU profile. A config that asks for
 * other values is then refused with MVM_E_INVALID_ARGUMENT, not silently ignored. */
#ifndef MVM_CONFIG_STACK_LIMITS
#define MVM_CONFIG_STACK_LIMITS 1
#endif

/* @@ MVM_CONFIG_HEAP_LIMIT: 1 (default) lets each VM set its own heap limit (mvm_config_t
 * max_heap_bytes), kept in the VM struct. 0 keeps no field: a VM restored into a caller's
 * buffer (mvm_restore_into) has a heap of fixed size, chosen at restore from max_heap_bytes
 * and the buffer, which is its limit; any other VM has MVM_DEFAULT_MAX_HEAP, and a config
 * asking it for another limit is refused with MVM_E_INVALID_ARGUMENT. 4 bytes less of struct in
 * each idle VM of the MCU profile. */
#ifndef MVM_CONFIG_HEAP_LIMIT
#define MVM_CONFIG_HEAP_LIMIT 1
#endif

/* @@ MVM_RUNTIME_IMPORTS: 1 (default) keeps the resolver given to mvm_restore, so that
 * vmImport(id) at run time with an id the image's import table lacks asks it for the host
 * function. 0 resolves every import at restore only, as Microvium does (its vmImport is
 * build time only): such a vmImport throws an Error (catchable), and each idle VM holds 4
 * bytes less of struct. An id in the table is found either way; mvc build puts there every
 * import the program made at build time. The build-time API (MVM_INCLUDE_BUILD_API) keeps
 * the resolver regardless: the program's top level imports as it runs. */
#ifndef MVM_RUNTIME_IMPORTS
#define MVM_RUNTIME_IMPORTS 1
#endif

/* @@ MVM_INSTRUCTION_BUDGET: 1 (default) compiles in the instruction budget
 * (mvm_config_t instruction_budget: a call that runs too long ends with
 * MVM_E_INSTRUCTION_BUDGET). 0 leaves it out, as Microvium leaves out its gas counter unless
 * asked: 4 bytes less of struct in each idle VM and 4 in the run state, no budget check on
 * backward jumps and calls, about 200 bytes less code on a Cortex-M0. A config that asks for a
 * budget is then refused with MVM_E_INVALID_ARGUMENT. A firmware that runs scripts it does not
 * trust keeps it (or a hardware watchdog). */
#ifndef MVM_INSTRUCTION_BUDGET
#define MVM_INSTRUCTION_BUDGET 1
#endif

/* @@ MVM_MAX_NESTED_CALLS: how deeply C code may call back into JS (a getter or setter, a valueOf
 * or toString, a promise callback) while such a call is running. Each level nests the
 * interpreter on the C stack (about 500 bytes with -O2 on x86-64), so a port with a small C stack
 * lowers it. Deeper nesting throws a catchable RangeError, like running out of frames. */
#ifndef MVM_MAX_NESTED_CALLS
#define MVM_MAX_NESTED_CALLS 128u
#endif

/* @@ MVM_TEMP_ROOTS: GC root slots the C helpers hold values in while they allocate (4 bytes
 * each). They are allocated with the value stack, so an idle VM with MVM_STACK_ON_DEMAND holds
 * none; a host function called between calls (mvm_to_string, mvm_get...) takes the stack block
 * for its duration. 32 of them are kept for the
 * deepest helper path; a call from C back into JS (a getter, valueOf, toString, a promise job)
 * made while more than MVM_TEMP_ROOTS - 32 are held throws a catchable RangeError, like running
 * out of stack. Default 64. At least 40; below 44 a promise resolved with a thenable already
 * fails (it holds about 10 roots while it calls `then`). The cortex_m port uses 48: 64 bytes
 * less RAM during calls, and such nested calls (a getter or valueOf called from C, promise
 * jobs) nest about half as deep before the RangeError. */
#ifndef MVM_TEMP_ROOTS
#define MVM_TEMP_ROOTS 64
#endif

/* @@ MVM_STACK_ON_DEMAND: 1 allocates the value stack (with the temp roots), the frame array,
 * the try-handler array and the rest of the run state (stack pointer, pending exception,
 * budget, nesting counts), in one block, when the outermost mvm_call/mvm_run_main starts and
 * frees it when it returns, as Microvium does, so an idle VM holds only its struct (which then
 * has a pointer to the run state, about 30 bytes smaller on a 32-bit MCU), globals, import table
 * and heap. The host API functions that need the block between calls take it for their own
 * duration. 0 (default) keeps it from the first call (or such function) on, the run state inside
 * the struct: no allocation per call, no extra load in the interpreter.
 * With 1, an outermost call can fail with MVM_E_OUT_OF_MEMORY when the allocator has no room
 * for them. */
#ifndef MVM_STACK_ON_DEMAND
#define MVM_STACK_ON_DEMAND 0
#endif

/* ======================================================================================== *
 * Features and checks
 * ======================================================================================== */

/* @@ MVM_INCLUDE_BUILD_API: 1 (default) compiles the build-time API: mvm_new_from_unit and
 * mvm_snapshot (loading bytecode units from the compiler and writing images).
 * Firmware that only resumes images made by `mvc build` sets 0 and saves about 3 KB of code;
 * those three functions are then not defined. */
#ifndef MVM_INCLUDE_BUILD_API
#define MVM_INCLUDE_BUILD_API 1
#endif

/* @@ MVM_LIB: the default of every MVM_LIB_* family below (1: the whole builtins library).
 * A firmware that needs only the language core sets MVM_LIB=0 and turns single families back
 * on (-DMVM_LIB=0 -DMVM_LIB_MATH=1). A family compiled out costs no code, and its builtins are
 * absent: mvm_restore (and unit loading) refuses code that names one of its globals (Math,
 * JSON, Array, Object, Number, String, Boolean, isNaN, isFinite, parseInt, parseFloat,
 * Uint8Array; Promise and async functions for MVM_ASYNC) with MVM_E_IMAGE_FEATURE, because the
 * verifier sees every LOAD_BUILTIN; a method, found by name only when the code runs
 * (`s.slice`, `a.map`), reads as undefined and calling it throws a catchable TypeError. Images
 * are the same for every build: nothing about families is recorded in them.
 *
 * @@ MVM_LIB_MATH     Math.* (lib_math.c), mvm_seed_random (a no-op without it)
 * @@ MVM_LIB_NUMBER   Number(), String(), Boolean(), isNaN, isFinite, parseInt, parseFloat,
 *                     Number.*, toFixed, toString(radix) (lib_number.c)
 * @@ MVM_LIB_STRING   String.fromCharCode and the string methods (lib_string.c)
 * @@ MVM_LIB_ARRAY    Array(), Array.isArray/from/of and the array methods except push, which
 *                     is core (lib_array.c)
 * @@ MVM_LIB_OBJECT   Object(), Object.*, hasOwnProperty, and the toString/valueOf methods
 *                     (lib_object.c; `"" + x` and templates convert without them)
 * @@ MVM_LIB_JSON     JSON.stringify, JSON.parse (lib_json.c)
 * @@ MVM_LIB_BYTES    new Uint8Array and its methods (lib_bytes.c). Element access, length and
 *                     mvm_new_uint8array/mvm_uint8array_data stay: they are the host's byte
 *                     buffers.
 * Families use each other's helpers only through lib.c, so any combination builds. Each value
 * must be a plain 0 or 1 (lib.h pastes it into a macro name). */
#ifndef MVM_LIB
#define MVM_LIB 1
#endif
#ifndef MVM_LIB_MATH
#define MVM_LIB_MATH MVM_LIB
#endif
#ifndef MVM_LIB_NUMBER
#define MVM_LIB_NUMBER MVM_LIB
#endif
#ifndef MVM_LIB_STRING
#define MVM_LIB_STRING MVM_LIB
#endif
#ifndef MVM_LIB_ARRAY
#define MVM_LIB_ARRAY MVM_LIB
#endif
#ifndef MVM_LIB_OBJECT
#define MVM_LIB_OBJECT MVM_LIB
#endif
#ifndef MVM_LIB_JSON
#define MVM_LIB_JSON MVM_LIB
#endif
#ifndef MVM_LIB_BYTES
#define MVM_LIB_BYTES MVM_LIB
#endif

/* @@ MVM_ASYNC: 1 (default) compiles promises and async functions (promise.c, async.c: about
 * 5.7 KB on Cortex-M0). 0 leaves them out: code that names `Promise` or has async functions is
 * refused at restore (MVM_E_IMAGE_FEATURE); a promise that reached the image's heap anyway
 * (made at build time) has no methods, and resolving one throws a catchable TypeError. */
#ifndef MVM_ASYNC
#define MVM_ASYNC 1
#endif

/* @@ MVM_ERROR_LOCATION: 1 (default) lets mvm_error_location find the file and line of the
 * last uncaught exception from the image's line tables. 0 leaves that lookup out (about 400
 * bytes on Cortex-M0; Microvium's size-test port has no debug information either):
 * mvm_error_location then always reports an unknown location (file undefined, line 0). */
#ifndef MVM_ERROR_LOCATION
#define MVM_ERROR_LOCATION 1
#endif

/* @@ MVM_ERROR_MESSAGES: 1 (default) gives the errors the core raises their whole message
 * ("Cannot read properties of undefined (reading 'x')"). 0 leaves the core's own sentences
 * out, as MicroPython's terse error reporting does (about 1.3 KB on Cortex-M0): such an error
 * keeps its class (TypeError, RangeError...) and its message is only what it names (the
 * property key, the variable, the host's error code: "x"), or empty. A message the compiler
 * wrote into the image ("x is not defined") and errors the program makes are unchanged. */
#ifndef MVM_ERROR_MESSAGES
#define MVM_ERROR_MESSAGES 1
#endif

/* @@ MVM_MALLOC / MVM_FREE: the only allocator the VM uses. Called when a VM is created or
 * freed, when the heap grows or is collected, when an image is written, and when vmImport adds an
 * import table entry; never per instruction. CONTEXT is the VM's host context pointer (may be
 * NULL while a VM is being created). */
/* A VM made by mvm_restore_into never calls them: it carves everything from the caller's buffer.
 * A port without a C allocator can define MVM_MALLOC(size, context) as ((void*)0) (and MVM_FREE
 * as nothing) and use mvm_restore_into only. */
#ifndef MVM_MALLOC
#include <stdlib.h>
#define MVM_MALLOC(size, context) malloc(size)
#define MVM_FREE(ptr, context) free(ptr)
#endif

/* ======================================================================================== *
 * Dispatch
 * ======================================================================================== */

/* @@ MVM_FORCE_INLINE: 1 (default) makes GCC and Clang always inline the interpreter's hot
 * helpers (calls, int31 arithmetic, number boxing) at every use: faster. 0 leaves it to the
 * compiler, which with -Os keeps one copy of each: about 3.5 KB less code on a Cortex-M0 for a
 * few percent of speed. The cortex_m port uses 0. */
#ifndef MVM_FORCE_INLINE
#define MVM_FORCE_INLINE 1
#endif

/* @@ MVM_FULL_LANGUAGE: 1 (default) runs every instruction `mvc build` emits. 0 leaves out
 * the parts of the language that Microvium's leaves out too, for the smallest core: `==` and
 * `!=`, `in`, `instanceof`, `delete`, for-in, for-of and array destructuring, spread and rest
 * (`...`), and `super` (class extends). Code using one of them throws a TypeError the program
 * can catch; with MVM_VERIFY_IMAGES, restore refuses the image first (MVM_E_IMAGE_FEATURE).
 * Async functions (MVM_ASYNC) keep what they need. About 4.4 KB less on a Cortex-M0. */
#ifndef MVM_FULL_LANGUAGE
#define MVM_FULL_LANGUAGE 1
#endif

/* @@ MVM_API_OBJECTS: 1 (default) has the API's objects and arrays: mvm_new_object,
 * mvm_new_array, mvm_get, mvm_set, mvm_array_length and mvm_own_keys. 0 leaves them out (a
 * host that only calls exports with numbers and strings, as Microvium's API has no object
 * access from C): they are then not declared, and the code only they reach (own keys, for a
 * core without for-in and Object.keys) goes too. */
#ifndef MVM_API_OBJECTS
#define MVM_API_OBJECTS 1
#endif

/* @@ MVM_OPS_SELECTED: 0 (default) builds the interpreter with every instruction. 1 builds
 * it with those whose MVM_OP_USED_<NAME> is 1 only (every one of mvm_opcodes.h must then be
 * defined, 0 or 1): the header `mvc build --target mcu --core-config` writes for an image sets
 * them to the instructions its code uses, so the handlers of the others, and what only they
 * call, are left out of the firmware. A validating restore refuses an image using one left out
 * (MVM_E_IMAGE_FEATURE); a trusting core stops at it with MVM_E_INVALID_IMAGE. */
#ifndef MVM_OPS_SELECTED
#define MVM_OPS_SELECTED 0
#endif

/* @@ MVM_PACKED_ROM: 1 restores images whose read-only section is packed (what mvm_snapshot
 * and `mvc build` for the host write; restore expands it into RAM). 0 leaves the expansion out:
 * such an image is refused with MVM_E_IMAGE_FEATURE, and only images whose ROM is used in place
 * (`mvc build --target mcu`) are restored, about 0.4 KB less of Cortex-M0 code. A build with
 * the build API writes packed images, so it needs 1. */
#ifndef MVM_PACKED_ROM
#define MVM_PACKED_ROM 1
#endif
#if !MVM_PACKED_ROM && MVM_INCLUDE_BUILD_API
#error "MVM_INCLUDE_BUILD_API writes packed images: it needs MVM_PACKED_ROM 1"
#endif

/* @@ MVM_PACKED_HEAP: 1 restores images whose heap is packed (every image but those of
 * `mvc build --target mcu --raw-heap`, whose heap is stored as it is in RAM, as Microvium's
 * images hold theirs). 0 leaves the expansion out: an image with a packed heap that is not empty
 * is refused with MVM_E_IMAGE_FEATURE; with MVM_PACKED_ROM 0 too, about 1 KB less of Cortex-M0
 * code. A raw heap takes more flash (restore_4k's image: 1,607 bytes, 985 with its heap
 * packed), so 0 suits a firmware whose program leaves little in the heap at build time (what it
 * makes there is mostly constant and goes to the ROM). Needs 1 with the build API. */
#ifndef MVM_PACKED_HEAP
#define MVM_PACKED_HEAP 1
#endif
#if !MVM_PACKED_HEAP && MVM_INCLUDE_BUILD_API
#error "MVM_INCLUDE_BUILD_API writes packed images: it needs MVM_PACKED_HEAP 1"
#endif

/* @@ MVM_FAST_PATHS: 1 gives the interpreter its inline fast paths: int31 and double
 * arithmetic and comparisons, the int cases of the fused instructions, calls of bytecode
 * functions that push their frame in place, named properties found by reference and array
 * elements read and written in place. 0 sends every operator through op_binary or op_unary,
 * every call through frame_push and every property access through prop_get or prop_set: the
 * same results, a smaller core (about 4.3 KB on a Cortex-M0, benchmarks/results/mcu_size.md)
 * and slower arithmetic, calls and property accesses (docs/embedding.md). */
#ifndef MVM_FAST_PATHS
#define MVM_FAST_PATHS 1
#endif

/* @@ MVM_COMPUTED_GOTO: 1 dispatches opcodes through a table of label addresses (GCC/Clang
 * extension, faster); 0 uses a portable switch (smaller). */
#ifndef MVM_COMPUTED_GOTO
#define MVM_COMPUTED_GOTO 0
#endif

/* ======================================================================================== *
 * Checks
 * ======================================================================================== */

/* @@ MVM_SAFE_MODE: 1 checks bytecode operands (constant, local, argument, global and scope
 * indexes, opcode range, function references) at run time and fails the call with
 * MVM_E_INVALID_IMAGE instead of reading out of bounds. Images are CRC-checked and structurally
 * validated either way; this guards against bytecode that is well-formed but wrong. */
#ifndef MVM_SAFE_MODE
#define MVM_SAFE_MODE 1
#endif

/* @@ MVM_VERIFY_IMAGES: 1 (default) validates every image at restore before anything runs: each
 * ROM and heap allocation's fields, every value's reference, every function's operands and
 * stack depths on every path, the prototype chains (docs/security.md). A damaged or hostile
 * image is refused with MVM_E_INVALID_IMAGE. 0 trusts the image past its header: the magic,
 * version, profile, size and CRC-32 are still checked, so an image damaged in storage is still
 * refused, but one crafted to pass the CRC can make the VM read or write out of bounds. For a
 * firmware whose image is built with it and kept in its own flash (`mvc build --emit-c`), as
 * Microvium's engine trusts its bytecode unless MVM_DONT_TRUST_BYTECODE is set; about 6 KB
 * less of core on a Cortex-M0 (benchmarks/results/mcu_size.md). Units (the build API) are
 * always validated. */
#ifndef MVM_VERIFY_IMAGES
#define MVM_VERIFY_IMAGES 1
#endif

/* @@ MVM_GC_STRESS: 1 collects at every allocation and moves the heap to a freshly allocated
 * space each time, freeing the old one, so a stale pointer into the heap faults under ASan.
 * Once the heap holds more than MVM_GC_STRESS_ALWAYS bytes (default 64 KB), one allocation in
 * each 4 KB allocated collects instead: every allocation site is still reached with a
 * collection in the small heaps, and a large heap is not copied once per allocation.
 * Very slow: for tests only. */
#ifndef MVM_GC_STRESS
#define MVM_GC_STRESS 0
#endif
#ifndef MVM_GC_STRESS_ALWAYS
#define MVM_GC_STRESS_ALWAYS 65536u
#endif

/* @@ MVM_CRC32_SMALL: the image CRC-32 (checked over every image byte at restore). 0 (default):
 * a byte at a time with a 1 KB const table. 1: four bits at a time with a 64-byte table, for
 * ports where 1 KB of flash matters more than restore time (about 3x slower per byte). */
#ifndef MVM_CRC32_SMALL
#define MVM_CRC32_SMALL 0
#endif

/* @@ MVM_SUPPORT_FLOAT: 1 (default): numbers that are not int31 are IEEE-754 doubles (FLOAT64
 * allocations), so the core needs double arithmetic (soft-float on Cortex-M0) and
 * fmod/pow/floor/trunc/sqrt and the MVM_DTOA/MVM_STRTOD hooks.
 * 0: the integer-only build, for microcontrollers without room for soft-float (as Microvium's
 * MVM_SUPPORT_FLOAT=0: operations on floats throw). Every number is an int32 (-2^31 .. 2^31-1),
 * and the core has no double at all: an int31 is an immediate as always, and the rest of the
 * int32 range is a FLOAT64 allocation, as in the float build, whose bits the core writes and
 * reads with integer operations. An operation whose exact JS result is not an integer (7 / 2,
 * 1 / 0, Math.sqrt(2), Math.random(), parseFloat('1.5'), Number('x'), which is NaN) throws a
 * catchable RangeError ("7 / 2 is not a 32-bit integer: this build has no floating point
 * (MVM_SUPPORT_FLOAT=0)"), and so does an integer result past int32 (0x7fffffff + 1, -1 >>> 0,
 * 2 ** 31), unless MVM_INT32_OVERFLOW_CHECKS=0 (below). Exact results work: 6 / 2, 2 ** 30,
 * 0x7fffffff | 0, Math.floor/abs/min/max of integers, parseInt('2147483647'), '5' * 2, string
 * <-> integer conversion, toString(radix), toFixed of integers. -0 is a float: a result that
 * would be -0 (-x of 0, 0 * -1) is 0. NaN is known without being a value: comparisons with it
 * are false, isNaN('x') is true, 'x' | 0 is 0. A string that holds a non-integer number ('1.5',
 * 'Infinity', or an integer past 2^53, where doubles stop being exact) throws where its value is
 * needed (arithmetic, <, bitwise operators, Number()); where the library wants an integer
 * argument (slice, charAt, repeat...) it reads truncated, Infinity as a very large integer.
 * mvm_new_number and mvm_to_number take and give int32_t (mvm.h).
 * Images record FEATURE FLOAT64 when they hold a float (a FLOAT64 in the ROM or the heap that is
 * no int32 integer, e.g. `export const x = 1.5`, or NaN, Infinity, -0 kept by the program); this
 * build refuses such an image at restore with MVM_E_IMAGE_FEATURE, and any other image of its
 * profile runs, int32 constants such as 0x7fffffff included. */
#ifndef MVM_SUPPORT_FLOAT
#define MVM_SUPPORT_FLOAT 1
#endif

/* @@ MVM_INT32_OVERFLOW_CHECKS: what the integer-only build (MVM_SUPPORT_FLOAT=0) does with an
 * integer result past the int32 range (as Microvium's MVM_PORT_INT32_OVERFLOW_CHECKS).
 * 1 (default): throws the RangeError above, so every result a program sees is JS's.
 * 0: wraps it modulo 2^32 into int32, as C's 32-bit arithmetic does: 0x7fffffff + 1 is
 * -2147483648, -1 >>> 0 is -1, 2 ** 32 is 0, 65536 * 65536 is 0; JS's (x) | 0 of the result,
 * except where the exact product or power is past 2^53 and JS would round it first (then it is
 * Math.imul's wrapping). Smaller and faster where overflow cannot happen or is wanted (hashes,
 * checksums); the same program may then print other numbers than in JS. Results that are no
 * integer (7 / 2, 1 / 0, NaN) still throw, and so do strings holding integers past 2^53. Every
 * integer result goes through one function (number.c number_make_result), library results
 * (Math.abs(-2147483648), parseInt('4294967296')) included.
 * With MVM_SUPPORT_FLOAT=1 the exact result is a double and nothing overflows: 0 is refused. */
#ifndef MVM_INT32_OVERFLOW_CHECKS
#define MVM_INT32_OVERFLOW_CHECKS 1
#endif
#if !MVM_INT32_OVERFLOW_CHECKS && MVM_SUPPORT_FLOAT
#error "MVM_INT32_OVERFLOW_CHECKS=0 (wrapping int32 arithmetic) needs MVM_SUPPORT_FLOAT=0"
#endif

/* ======================================================================================== *
 * Hooks: C library, ROM access, tracing
 * ======================================================================================== */

#if MVM_SUPPORT_FLOAT  // the integer-only build has no double, so none of these hooks

/* @@ MVM_DTOA(d, digits, out_n): shortest round-trip decimal digits of a finite, positive,
 * non-zero double. Writes k ASCII digits d1..dk (no trailing zeros, at most 17, buffer >= 18
 * bytes) and sets *out_n so that d == 0.d1d2..dk * 10^n (n is where the decimal point goes, as in
 * the ECMAScript Number::toString algorithm). Returns k. When several k-digit strings read
 * back as d, the one closest to d, and on a tie the one with the even last digit (as V8). The
 * core formats the result (exponent form, zeros) itself. The default, mvm_portable_dtoa
 * (src/dtoa.c), is exact and needs no C library (bignums on the stack, under 700 bytes on a
 * Cortex-M0); the host port uses snprintf("%.*e") with a strtod round-trip check instead. */
#ifndef MVM_DTOA
#define MVM_DTOA(d, digits, out_n) mvm_portable_dtoa((d), (digits), (out_n))
#endif

/* @@ MVM_STRTOD(s): converts a NUL-terminated ASCII decimal literal, already validated by the
 * core (optional sign, digits, optional fraction, optional exponent), to the nearest double
 * (ties to even; Infinity past the largest double, 0 below half the smallest). The core passes
 * at most 769 significant digits (number_parse: 768 and a sticky digit, which keeps the
 * rounding exact). The default, mvm_portable_strtod (src/dtoa.c), is exact and needs no C
 * library (under 400 bytes of stack on a Cortex-M0); the host port uses strtod. */
#ifndef MVM_STRTOD
#define MVM_STRTOD(s) mvm_portable_strtod(s)
#endif

/* @@ MVM_PORTABLE_DTOA: 1 compiles mvm_portable_dtoa (src/dtoa.c, about 1.3 KB of Cortex-M0
 * code). A port whose MVM_DTOA comes from elsewhere (the C library: ports/host/mvm_port.c)
 * sets 0 to leave it out. (mvm_portable_strtod is always there: a C library's strtod is not
 * always exact, newlib's misrounds some halfway cases, and the core's reader checks the
 * round trip of ports/host/mvm_port.c's digits on ports that keep it.) */
#ifndef MVM_PORTABLE_DTOA
#define MVM_PORTABLE_DTOA 1
#endif

/* @@ MVM_FMOD, MVM_POW, MVM_FLOOR, MVM_TRUNC: the <math.h> functions the VM needs. */
#ifndef MVM_FMOD
#include <math.h>
#define MVM_FMOD(a, b) fmod((a), (b))
#define MVM_POW(a, b) pow((a), (b))
#define MVM_FLOOR(a) floor(a)
#define MVM_TRUNC(a) trunc(a)
#endif

/* @@ MVM_SQRT: the correctly rounded square root (<math.h> sqrt), for Math.sqrt. */
#ifndef MVM_SQRT
#include <math.h>
#define MVM_SQRT(a) sqrt(a)
#endif

#endif  // MVM_SUPPORT_FLOAT

/* @@ MVM_MAX_NATIVE_DEPTH: how deeply calls from C back into JS may nest (a callback of
 * Array.prototype.map calling map again, and so on; host functions re-entering through mvm_call
 * count too). Each level runs a nested interpreter on the C stack (about 600 bytes on x86-64),
 * whereas plain JS calls use no C stack; beyond the limit the call throws RangeError instead
 * of overflowing a small C stack. */
#ifndef MVM_MAX_NATIVE_DEPTH
#if MVM_PROFILE_MCU
#define MVM_MAX_NATIVE_DEPTH 16
#else
#define MVM_MAX_NATIVE_DEPTH 512
#endif
#endif

/* @@ MVM_JSON_MAX_DEPTH: how deeply JSON.stringify (and a JSON.parse reviver) may nest; deeper
 * data throws RangeError. They recurse in C, one level per nesting level (a few hundred bytes of
 * C stack each), so this bounds their C stack use. JSON.parse itself is iterative and limited
 * by the VM stack instead. */
#ifndef MVM_JSON_MAX_DEPTH
#if MVM_PROFILE_MCU
#define MVM_JSON_MAX_DEPTH 32
#else
#define MVM_JSON_MAX_DEPTH 1000
#endif
#endif

/* @@ MVM_MEMCPY, MVM_MEMMOVE, MVM_MEMSET, MVM_MEMCMP: the <string.h> functions the VM needs. */
#ifndef MVM_MEMCPY
#define MVM_MEMCPY(d, s, n) memcpy((d), (s), (n))
#define MVM_MEMMOVE(d, s, n) memmove((d), (s), (n))
#define MVM_MEMSET(d, c, n) memset((d), (c), (n))
#define MVM_MEMCMP(a, b, n) memcmp((a), (b), (n))
#endif

/* @@ MVM_READ_ROM_U8/U16/U32(p): reads from the read-only section (bytecode, constants, ROM
 * strings). Multi-byte reads are little-endian and may be unaligned.
 *
 * The read-only section of an MCU-target image (`mvc build --target mcu`, ROM not packed) is
 * used in place (mvm_restore keeps a pointer into the caller's image, never a copy), so on a
 * von Neumann MCU (Cortex-M, RISC-V, ESP32) an image in
 * a `const` array stays in flash and only the heap and globals are copied to RAM. A
 * Harvard-architecture port (AVR with the image in PROGMEM) redefines these to its
 * program-memory accessors and sets MVM_HARVARD (below). */
/* @@ MVM_HARVARD: 1 when a plain C read cannot reach the image (AVR with the image in PROGMEM,
 * read with pgm_read_*_far or through avr-gcc's __memx pointers). Every read of an allocation
 * then goes through MVM_READ_ROM_U8/U16/U32, and copies and comparisons of a string's units
 * byte by byte through them: the same code reads the heap and the ROM, so these macros must
 * tell the two apart by address and read data memory as it is (__memx pointers do: their top
 * bit says which space). Needs MVM_UNALIGNED_LE 0 and MVM_ALIGNED_FIELDS 0, whose reads are
 * plain. tests/mcu/test_harvard.py restores images from an address no plain read may touch.
 * Default 0. */
#ifndef MVM_HARVARD
#define MVM_HARVARD 0
#endif
/* @@ MVM_UNALIGNED_LE: 1 when the target is little-endian and loads/stores may be unaligned
 * (x86, x86-64, AArch64 with GCC or Clang): multi-byte heap and ROM fields are then read and
 * written with one access each (src/value.h) instead of byte by byte. 0 elsewhere (Cortex-M0
 * faults on unaligned words; big-endian hosts need the byte order spelled out). */
#ifndef MVM_UNALIGNED_LE
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && \
    (defined(__x86_64__) || defined(__i386__) || defined(__aarch64__))
#define MVM_UNALIGNED_LE 1
#else
#define MVM_UNALIGNED_LE 0
#endif
#endif

/* @@ MVM_ALIGNED_FIELDS: 1 on a little-endian target whose aligned 16- and 32-bit loads and
 * stores are allowed but unaligned ones are not (Cortex-M0, RISC-V without Zicclsm): the fields
 * of heap and ROM allocations, always at aligned addresses, are then read and written with one
 * access each, bytecode operands (and an image header written by mvm_snapshot) byte by byte.
 * A Cortex-M0 core is about 1.2 KB smaller and its field reads ten times shorter. The image
 * given to mvm_restore must then be 4-aligned (its ROM is used in place): `mvc build --emit-c`
 * declares its array so, and an image at an unaligned address is refused with
 * MVM_E_INVALID_ARGUMENT. Needs GCC or Clang (may_alias). Ignored when MVM_UNALIGNED_LE is 1.
 * Default 0: any alignment works. */
#ifndef MVM_ALIGNED_FIELDS
#define MVM_ALIGNED_FIELDS 0
#endif
#if MVM_ALIGNED_FIELDS && !MVM_UNALIGNED_LE && !defined(__GNUC__)
#error "MVM_ALIGNED_FIELDS needs GCC or Clang (may_alias); define it 0 for this compiler"
#endif

#if MVM_HARVARD && (MVM_UNALIGNED_LE || MVM_ALIGNED_FIELDS)
#error "MVM_HARVARD needs MVM_UNALIGNED_LE 0 and MVM_ALIGNED_FIELDS 0: their reads are plain"
#endif
#ifndef MVM_READ_ROM_U8
#define MVM_READ_ROM_U8(p) (*(const uint8_t*)(p))
#endif
#if MVM_UNALIGNED_LE
static inline uint16_t mvm_read_le16(const void* p) {
  uint16_t v;
  __builtin_memcpy(&v, p, 2);
  return v;
}
static inline uint32_t mvm_read_le32(const void* p) {
  uint32_t v;
  __builtin_memcpy(&v, p, 4);
  return v;
}
#endif
#ifndef MVM_READ_ROM_U16
#if MVM_UNALIGNED_LE
#define MVM_READ_ROM_U16(p) mvm_read_le16(p)
#else
#define MVM_READ_ROM_U16(p) \
  ((uint16_t)(((const uint8_t*)(p))[0] | (((const uint8_t*)(p))[1] << 8)))
#endif
#endif
#ifndef MVM_READ_ROM_U32
#if MVM_UNALIGNED_LE
#define MVM_READ_ROM_U32(p) mvm_read_le32(p)
#else
#define MVM_READ_ROM_U32(p)                                                           \
  ((uint32_t)((const uint8_t*)(p))[0] | ((uint32_t)((const uint8_t*)(p))[1] << 8) |   \
   ((uint32_t)((const uint8_t*)(p))[2] << 16) | ((uint32_t)((const uint8_t*)(p))[3] << 24))
#endif
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

#if MVM_SUPPORT_FLOAT
/* The portable defaults of MVM_DTOA and MVM_STRTOD (src/dtoa.c). */
#if MVM_PORTABLE_DTOA
int mvm_portable_dtoa(double d, char* digits, int* out_n);
#endif
double mvm_portable_strtod(const char* s);
#endif

#endif
