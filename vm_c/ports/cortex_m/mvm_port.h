/* ports/cortex_m/mvm_port.h: the microcontroller port (Cortex-M0 and up, any 32-bit MCU with a
 * C99 compiler and newlib or a similar C library). Build the core with
 *   -DMVM_PORT_HEADER='"ports/cortex_m/mvm_port.h"'
 * and load images made by `mvc build --target mcu` (the MCU profile). See docs/embedding.md.
 *
 * What this port chooses, and why (everything else: include/mvm_port_default.h):
 * - MCU profile: restores only images built for it (MVM_E_IMAGE_PROFILE otherwise).
 * - A 16 KB default heap that starts at 512 bytes and grows by doubling; embedders with a fixed
 *   RAM budget use mvm_restore_into with a static buffer and no malloc at all.
 * - The value stack (256 slots = 1 KB), frames, try handlers and the rest of the run state
 *   exist only while a call runs (MVM_STACK_ON_DEMAND), so an idle VM holds its struct (36
 *   bytes, followed by its globals and imports) and its heap. The stack and frame limits are this header's for every
 *   VM (MVM_CONFIG_STACK_LIMITS 0: -D them for a firmware that needs others), as firmware
 *   fixes its C stack at link time; so is the heap limit (MVM_CONFIG_HEAP_LIMIT 0:
 *   MVM_DEFAULT_MAX_HEAP), except for a VM in a caller's buffer, whose heap has the fixed size
 *   mvm_restore_into chose. With a limit of at most 256 KB (this header's 16 KB) the struct
 *   keeps the heap in use and its peak as 16-bit word counts, and a caller's buffer gives a
 *   heap of at most 256 KB; a firmware that -Ds a larger MVM_DEFAULT_MAX_HEAP gets 32-bit
 *   counts (4 bytes more of struct) and any heap size.
 * - No instruction budget (MVM_INSTRUCTION_BUDGET 0), as Microvium has no gas counter unless
 *   asked: a firmware that runs scripts it does not trust sets -DMVM_INSTRUCTION_BUDGET=1 (the
 *   example does, to show MVM_E_INSTRUCTION_BUDGET) or relies on a watchdog.
 * - Imports resolved at restore only (MVM_RUNTIME_IMPORTS 0), as Microvium does: a vmImport at
 *   run time of an id the image lacks throws, and the VM keeps no resolver.
 * - No spare heap after mvm_restore (MVM_HEAP_EXACT_AT_RESTORE): the space is what the image
 *   needs (none for a heap of the pad word alone) and grows at the first allocation; 48
 *   temp-root slots instead of 64 (MVM_TEMP_ROOTS: a call from C back into JS may then hold
 *   16 roots, not 32), allocated with the stack. With what the image keeps in flash (its
 *   strings, constant globals, imports and exports) and the engine's strings in the VM's
 *   read-only data, the example's idle RAM went from 1,816 to 52 bytes (docs/embedding.md
 *   section 4).
 * - No error locations (MVM_ERROR_LOCATION 0), as MCU images carry no line tables by default.
 *   With the MCU profile the VM struct keeps its counts and limits in 16 bits (vm_count_t: at
 *   most 65,535 stack slots and 32,759 frames).
 * - Every builtins-library family and promises are compiled in (MVM_LIB_*, MVM_ASYNC default
 *   1). A firmware that does not need them sets -DMVM_LIB=0 -DMVM_ASYNC=0 (about 36 KB less
 *   code on a Cortex-M0) and turns single families back on (-DMVM_LIB_MATH=1); an image that
 *   names a missing family's global is then refused with MVM_E_IMAGE_FEATURE.
 * - Switch dispatch (smaller than computed goto), the compiler's own inlining choices
 *   (MVM_FORCE_INLINE 0: -Os keeps one copy of the interpreter's helpers), safe mode on (bad bytecode becomes an error
 *   code, never a fault), no build-time API (images come from `mvc build`).
 * Every item stays overridable with -D, for the size benchmarks (benchmarks/results/mcu_size.md).
 */
#ifndef MVM_PORT_CORTEX_M_H
#define MVM_PORT_CORTEX_M_H

#ifndef MVM_PROFILE_MCU
#define MVM_PROFILE_MCU 1
#endif
#ifndef MVM_DEFAULT_MAX_HEAP
#define MVM_DEFAULT_MAX_HEAP (16u * 1024u)
#endif
#ifndef MVM_INITIAL_HEAP
#define MVM_INITIAL_HEAP 512u
#endif
#ifndef MVM_DEFAULT_STACK_SLOTS
#define MVM_DEFAULT_STACK_SLOTS 256u
#endif
#ifndef MVM_DEFAULT_MAX_FRAMES
#define MVM_DEFAULT_MAX_FRAMES 32u
#endif
#ifndef MVM_CONFIG_STACK_LIMITS
#define MVM_CONFIG_STACK_LIMITS 0
#endif
#ifndef MVM_CONFIG_HEAP_LIMIT
#define MVM_CONFIG_HEAP_LIMIT 0
#endif
#ifndef MVM_INSTRUCTION_BUDGET
#define MVM_INSTRUCTION_BUDGET 0
#endif
#ifndef MVM_RUNTIME_IMPORTS
#define MVM_RUNTIME_IMPORTS 0
#endif
#ifndef MVM_STACK_ON_DEMAND
#define MVM_STACK_ON_DEMAND 1
#endif
#ifndef MVM_HEAP_EXACT_AT_RESTORE
#define MVM_HEAP_EXACT_AT_RESTORE 1
#endif
#ifndef MVM_TEMP_ROOTS
#define MVM_TEMP_ROOTS 48
#endif
#ifndef MVM_COMPUTED_GOTO
#define MVM_COMPUTED_GOTO 0
#endif
#ifndef MVM_FORCE_INLINE
#define MVM_FORCE_INLINE 0
#endif
/* Cortex-M0 faults on unaligned words: heap and ROM fields are read with aligned loads, and
 * the image must be 4-aligned (`mvc build --emit-c` declares it so). */
#ifndef MVM_ALIGNED_FIELDS
#define MVM_ALIGNED_FIELDS 1
#endif
#ifndef MVM_SAFE_MODE
#define MVM_SAFE_MODE 1
#endif
#ifndef MVM_INCLUDE_BUILD_API
#define MVM_INCLUDE_BUILD_API 0
#endif
/* `mvc build --target mcu` leaves line tables out (--no-strip keeps them), so the error-location
 * lookup and the four words of VM struct it keeps are left out too: define it as 1 together
 * with images built --no-strip. */
#ifndef MVM_ERROR_LOCATION
#define MVM_ERROR_LOCATION 0
#endif

/* No C allocator: define MVM_NO_MALLOC=1 and use mvm_restore_into only (nothing links malloc). */
#if defined(MVM_NO_MALLOC) && MVM_NO_MALLOC
#define MVM_MALLOC(size, context) ((void*)0)
#define MVM_FREE(ptr, context) ((void)0)
#endif

/* Number formatting and parsing use the core's portable routines (src/dtoa.c: exact, as JS
 * prints and reads numbers, with no printf/strtod pulled in). A firmware that links the C
 * library's snprintf (with floats) anyway defines MVM_DTOA_SNPRINTF=1 and compiles
 * ports/host/mvm_port.c beside the core (mvm_port_snprintf.c in the single-file
 * distribution): the digits of a printed number are then snprintf's, the shortest that the
 * core's exact reader maps back to the number (the same text), and the core is about 1 KB
 * smaller. Reading stays the core's: newlib's strtod misrounds some
 * halfway cases ("1.00000000000000011102230246251565404236316680908203125" is 1 in JS). */
#ifndef MVM_DTOA_SNPRINTF
#define MVM_DTOA_SNPRINTF 0
#endif
#if MVM_DTOA_SNPRINTF
int mvm_host_dtoa(double d, char* digits, int* out_n);
#define MVM_DTOA(d, digits, out_n) mvm_host_dtoa((d), (digits), (out_n))
#define MVM_PORTABLE_DTOA 0
#endif

#endif
