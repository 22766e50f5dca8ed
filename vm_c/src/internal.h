/* internal.h: the VM struct and the declarations shared between the VM's source files.
 *
 * Conventions used everywhere in vm_c/src:
 * - Functions that can fail return mvm_err_t. Inside the VM, MVM_E_UNCAUGHT_EXCEPTION (spelled
 *   ERR_THROW) means "a JS exception is pending in VM_RUN(vm).exception"; MVM_E_OUT_OF_MEMORY and
 *   MVM_E_INSTRUCTION_BUDGET are fatal and unwind the whole outermost call.
 * - Anything that allocates may collect, and the collector moves every heap allocation. A raw
 *   pointer into the heap (heap_ptr, value_ptr) is dead after any call marked "may GC". Values
 *   that must survive such a call are kept in GC-visible slots: the value stack, or temp roots
 *   (TEMP_MARK / temp_push / TEMP_RESET), and re-read afterwards.
 * - The interpreter keeps sp in a local; before calling anything that may GC or re-enter it
 *   writes it back to VM_RUN(vm).sp, because the collector scans the stack up to VM_RUN(vm).sp.
 */
#ifndef MVM_INTERNAL_H
#define MVM_INTERNAL_H

#include "mvm.h"
#include "value.h"

#define ERR_THROW MVM_E_UNCAUGHT_EXCEPTION

enum {
#define OP(name, fmt, pop, push) OP_##name,
#include "mvm_opcodes.h"
#undef OP
#undef FMT
  OP__COUNT
};

// Temp-root slots (MVM_TEMP_ROOTS, mvm_port_default.h): MVM_TEMP_ROOTS_RESERVE of them are
// always left for the deepest helper nesting (string building, property writes), because
// vm_call_function refuses a call from C back into JS that would leave fewer.
#define MVM_TEMP_ROOTS_RESERVE 32u
#if MVM_TEMP_ROOTS < 40 || MVM_TEMP_ROOTS > 255
#error "MVM_TEMP_ROOTS must be 40..255 (32 reserved for helpers, some for nested calls; a byte counts them)"
#endif
// Nested arrays deeper than this are not stringified further (cycles print as empty).
#define MVM_MAX_JOIN_DEPTH 16

// FUNCTION field offsets (docs/internals.md section 3). After the 12 fixed bytes come the
// function's constants, then its name (a string value) when FN_FLAG_NAMED is set and its LINES
// offset when FN_FLAG_LINES is, then the code: a function without a name or line table spends
// no word on them, and its constants need no allocation of their own. FN_CODE_WORDS says where
// the code starts, in words, so that a call finds it with one load.
enum {
  FN_NPARAMS = 4,    // u8
  FN_FLAGS = 5,      // u8
  FN_NLOCALS = 6,    // u8
  FN_LENGTH = 7,     // u8: the JS `length` (parameters before the first default or rest one)
  FN_MAX_STACK = 8,  // u16
  FN_CODE_WORDS = 10,  // u16: the code's offset / 4 (3 + constants + name + lines)
  FN_CONSTS = 12     // the constants' values
};

// Math.random exists (lib_math.c), and with it the VM's random state: in the VM struct, or
// (MCU profile) in a roots slot, so that a VM whose program never calls it keeps no state.
#define VM_HAS_RANDOM (MVM_LIB_MATH && MVM_SUPPORT_FLOAT)
#define VM_RANDOM_IN_ROOTS (VM_HAS_RANDOM && MVM_PROFILE_MCU)

// Slots of the VM roots ITEMS allocation, which the collector always places first in the heap
// (offset 4), so an image carries it at a known place. Append only: images depend on it.
enum {
  ROOT_ERROR_PROTO = 0,  // EK__COUNT slots: shared prototype per error kind, created lazily
  ROOT_FN_PROPS = ROOT_ERROR_PROTO + EK__COUNT,  // PROPS: ROM function ref -> its PROPS
  ROOT_EXPORTS,          // PROPS: export key (int id or ROM string ref) -> value
  ROOT_JOBS,             // ARRAY: the promise job queue, 6 values per job (promise.c)
  ROOT_GLOBAL_THIS,       // OBJECT: properties a program added to globalThis (lib.c), or undefined
#if VM_RANDOM_IN_ROOTS
  ROOT_RANDOM,           // int31: Math.random's state (lib_math.c), undefined for the seed 0;
                         // never in an image (snapshot.c clears it)
#endif
  ROOT__COUNT
};

typedef struct frame {
  uint32_t func;       // ROM offset of the FUNCTION
  uint32_t pc;         // code offset of the next instruction (valid while not running)
  uint32_t base;       // stack index of argument 0
  uint32_t locals;     // stack index of local 0
  uint32_t argc;       // readable arguments: max(passed, nparams)
  mvm_value_t scope;   // scope register: SCOPE ref or undefined
  uint32_t flags;
  // Set by run() when this frame calls a JS function, read when that call returns into it, so a
  // return does not work out where the code starts again (valid only for that return).
  const uint8_t* ret_code;
} frame_t;

enum {
  FRAME_ENTRY = 1,      // RETURN from this frame leaves the interpreter loop (mvm_call boundary)
  FRAME_CONSTRUCT = 2   // called by NEW: a non-object result is replaced by `this`
};

typedef struct handler {
  uint32_t frame;      // index of the frame that ran TRY
  uint32_t sp;         // stack index to restore
  uint32_t pc;         // catch code offset
  mvm_value_t scope;   // scope register to restore
} handler_t;

typedef struct import_entry {
  uint16_t id;
  mvm_host_fn_t fn;
  mvm_value_t cached;  // HOSTFN made by vmImport (undefined until then): same id, same value
} import_entry_t;

typedef struct unit_export {
  uint32_t name;       // ROM offset of the name string
  uint16_t slot;       // global slot, or UNIT_EXPORT_CONSTANT: a snapshot inlined the global
  mvm_value_t value;   // UNIT_EXPORT_CONSTANT's value (a ROM reference or an immediate)
} unit_export_t;
#define UNIT_EXPORT_CONSTANT 0xFFFFu

typedef struct mvm_arena mvm_arena_t;

// What a snapshot asks of a collection (gc.c, snapshot.c).
typedef struct gc_snapshot {
  uint32_t rom_len;
  uint8_t* rom_marks;         // bitmap, one bit per ROM word: set for every ROM ref seen, or NULL
  const uint32_t* rom_map;    // new ROM offset per old ROM word (offset / 4), or NULL
  bool trim;                  // PROPS and arrays' ITEMS copied with no spare capacity
  // Per heap word: the new ROM offset of the string or float there (rom_intern.c), which the
  // collection turns references to it into, or of the CONSTS of the keys of the PROPS there
  // (copied with HEADER_ROM_KEYS), or NO_OFFSET (copied as usual); or NULL.
  const uint32_t* heap_map;
} gc_snapshot_t;

// rom_intern.c: the live heap's strings and floats, moved into a snapshot's new ROM.
typedef struct rom_intern {
  uint32_t* heap_map;  // VM_MALLOC'd (gc_snapshot_t heap_map), or NULL: nothing moves
  uint32_t bytes;      // what the moved ones take after base in the new ROM
} rom_intern_t;

// Counts and limits of the VM struct: 16 bits in the MCU profile, whose configuration clamps
// them (heap.c vm_alloc_runtime), because an idle VM's RAM is mostly this struct there.
#if MVM_PROFILE_MCU
typedef uint16_t vm_count_t;
#define VM_COUNT_MAX 0xFFFFu
#define VM_BITS(n) : n
#define VM_IMPORTS_MAX 2047u
#else
typedef uint32_t vm_count_t;
#define VM_COUNT_MAX 0xFFFFFFFFu
#define VM_BITS(n)
#define VM_IMPORTS_MAX 65535u
#endif

// What only a running call needs: the value stack (the MVM_TEMP_ROOTS temp-root slots follow
// its stack_slots values: vm_temps), frames, handlers, the pending exception, the budget and
// the nesting counts. With MVM_STACK_ON_DEMAND it heads the block vm_stack_acquire allocates
// for each outermost call (and for a host helper between calls), so an idle VM holds only a
// NULL pointer for it; otherwise it is part of the VM struct. VM_RUN(vm) names it either way.
typedef struct vm_run {
  mvm_value_t* stack;      // NULL until the first call (without MVM_STACK_ON_DEMAND)
  mvm_value_t* sp;         // next free slot
  frame_t* frames;
  handler_t* handlers;
  mvm_value_t exception;   // pending exception (ERR_THROW) or undefined
#if MVM_INSTRUCTION_BUDGET
  uint32_t budget;         // instructions left in the outermost call
#endif
  vm_count_t nframes;
  vm_count_t nhandlers;
  vm_count_t depth;         // nesting of mvm_call/mvm_run_main (host functions may re-enter)
  vm_count_t nested_calls;  // vm_call_function nesting: C-level re-entry (getters, valueOf, jobs)
  uint8_t ntemps;           // temp roots in use (at most MVM_TEMP_ROOTS)
  uint8_t fatal;            // an mvm_err_t, set while a fatal error unwinds nested calls
} vm_run_t;
typedef char mvm_check_err_fits_fatal[MVM_E__END <= 256 ? 1 : -1];

#if MVM_STACK_ON_DEMAND
#define VM_RUN(vm) (*(vm)->run)
#define VM_HAS_RUN(vm) ((vm)->run != NULL)
#else
#define VM_RUN(vm) ((vm)->run)
#define VM_HAS_RUN(vm) ((vm)->run.stack != NULL)
#endif

// Grouped by width so that no profile pads between fields.
// The resolver stays for vmImport at run time, and at build time (MVM_RUNTIME_IMPORTS).
#define VM_KEEPS_RESOLVER (MVM_RUNTIME_IMPORTS || MVM_INCLUDE_BUILD_API)
// Without it the globals and the import table never change size after restore (no import is
// added, no snapshot renumbers them): they follow the struct in its allocation (vm_globals), and
// the struct has no pointer to them.
#define VM_TABLES_TRAIL (!VM_KEEPS_RESOLVER)
// A build whose heap limit is the port's, at most 256 KB (the cortex_m port's, unless a build
// asks for more), keeps the heap in use and its peak as 16-bit word counts in one word: the heap
// of a VM in a caller's buffer is clamped to that too (heap_limit_of).
#define VM_HEAP16 \
  (MVM_PROFILE_MCU && !MVM_CONFIG_HEAP_LIMIT && MVM_DEFAULT_MAX_HEAP <= VM_HEAP16_MAX)
#define VM_HEAP16_MAX 0x3FFFCu
#if VM_HEAP16
typedef uint16_t vm_heap_count_t;  // 4-byte words
#define VM_HEAP_SHIFT 2
#else
typedef uint32_t vm_heap_count_t;  // bytes
#define VM_HEAP_SHIFT 0
#endif

struct mvm_vm {
  void* context;
#if VM_KEEPS_RESOLVER
  mvm_resolve_import_t resolve;
#endif

  // Read-only section: a private copy (unit, packed image: ROM_OWNED) or the caller's image.
  // Its length is in the 4 bytes before it (vm_rom_len).
  const uint8_t* rom;

#if !VM_TABLES_TRAIL
  // The globals' values, then (pointer-aligned) the import table, in one allocation
  // (tables_alloc; NULL when both are empty): vm_globals, vm_imports_full, vm_imports_fns.
  mvm_value_t* globals;
#endif

  // Heap: one space of heap_cap(vm) bytes (its first word holds that capacity),
  // bump-allocated up to vm_heap_used. The peak before the last collection is kept too
  // (vm_heap_peak: the peak so far).
  uint8_t* heap;
  vm_heap_count_t heap_used;  // vm_heap_used >> VM_HEAP_SHIFT
  vm_heap_count_t heap_peak;  // the peak before the last collection, the same way
#if MVM_CONFIG_HEAP_LIMIT
  uint32_t heap_limit;  // vm_heap_limit
#endif
  mvm_value_t roots;   // ITEMS of up to ROOT__COUNT values (root_get)

#if MVM_STACK_ON_DEMAND
  vm_run_t* run;       // NULL while idle
#else
  vm_run_t run;
#endif

  mvm_handle_t* handles;

#if MVM_INSTRUCTION_BUDGET
  uint32_t budget_limit;   // configured budget, 0 = unlimited
#endif
#if MVM_ERROR_LOCATION
  uint32_t throw_func;     // where the last throw happened (ROM offset, NO_OFFSET = unknown)
  uint32_t throw_pc;
  uint32_t err_func;       // where the last uncaught throw happened
  uint32_t err_pc;
#endif
#if MVM_INCLUDE_BUILD_API
  unit_export_t* unit_exports;  // a unit's named exports
  gc_snapshot_t* gc_snapshot;   // set by mvm_snapshot around its collections, else NULL
  uint32_t unit_export_count;
  uint32_t entry;               // a unit's top-level function (ROM offset), NO_OFFSET after
#endif
  // Math.random (lib_math.c), 0 = the fixed seed: splitmix64's 64-bit state, low word first
  // (two words, so that no profile pads the struct to 8-byte alignment for it). None in a
  // build without Math.random, and none in the MCU profile, which keeps its state in the
  // roots (ROOT_RANDOM).
#if VM_HAS_RANDOM && !VM_RANDOM_IN_ROOTS
  uint32_t random_state[2];
#endif

#if MVM_CONFIG_STACK_LIMITS
  vm_count_t stack_slots;  // vm_stack_slots, vm_max_frames: the port's constants without
  vm_count_t max_frames;
#endif
  // The MCU profile packs its counts and the flags into two words: 16-bit counts, at most
  // VM_IMPORTS_MAX imports, and the five flags in the bits the import count leaves.
  unsigned global_count VM_BITS(16);
  unsigned stack_peak VM_BITS(16);
  unsigned flags VM_BITS(5);      // ROM_OWNED ... VM_IN_ARENA (below); low bits: tested as is
  unsigned nimports VM_BITS(11);
  unsigned gc_count VM_BITS(16);  // collections so far (modulo 2^16 in the MCU profile)
};

// vm->flags: the ROM is the VM's own allocation (mvm_free frees it); the import table holds
// only the host functions, the rest is in the ROM (import_cached).
#define ROM_OWNED 1u
#define ROM_IMPORTS 4u
// A restored VM whose image ROM is used in place (the image outlives the VM) and whose export
// values are no heap references reads its exports from the image (snapshot.c image_export_at)
// instead of a heap table in ROOT_EXPORTS, until a table is made.
#define EXPORTS_IN_IMAGE 8u
// mvm_restore_into: the struct is in the caller's buffer, after the arena every allocation
// comes from (arena.c vm_arena).
#define VM_IN_ARENA 16u

// The stack limits: each VM's own (mvm_config_t), or with MVM_CONFIG_STACK_LIMITS 0 the port's
// for every VM and no struct field. Either is clamped alike (heap.c vm_alloc_runtime): at
// least 64 slots and 4 frames, and 16-bit counts in the MCU profile.
#define VM_CLAMP(v, lo, hi) ((v) < (lo) ? (lo) : (v) > (hi) ? (hi) : (v))
#define VM_SLOTS_MAX (VM_COUNT_MAX < (1u << 24) ? VM_COUNT_MAX : (1u << 24))
#define VM_FRAMES_MAX ((VM_COUNT_MAX - 16) / 2 < (1u << 20) ? (VM_COUNT_MAX - 16) / 2 : (1u << 20))
static inline uint32_t vm_stack_slots(const mvm_vm_t* vm) {
#if MVM_CONFIG_STACK_LIMITS
  return vm->stack_slots;
#else
  (void)vm;
  return VM_CLAMP(MVM_DEFAULT_STACK_SLOTS, 64u, VM_SLOTS_MAX);
#endif
}
static inline uint32_t vm_max_frames(const mvm_vm_t* vm) {
#if MVM_CONFIG_STACK_LIMITS
  return vm->max_frames;
#else
  (void)vm;
  return VM_CLAMP(MVM_DEFAULT_MAX_FRAMES, 4u, VM_FRAMES_MAX);
#endif
}
// Two try handlers a frame and 16 more: derived from the frames, so not kept.
static inline uint32_t vm_max_handlers(const mvm_vm_t* vm) { return vm_max_frames(vm) * 2 + 16; }

// The heap space's first word, the pad that keeps offset 0 from naming an allocation, holds
// the space's capacity. A VM whose heap is the pad alone shares heap_empty_space (read-only,
// capacity 4: full), so that it holds no heap at all until its first allocation; only
// spaces the VM owns are freed (heap_release) or counted as its RAM.
// A union, so that it is 4-aligned as every heap space is: its word is read as a field
// (MVM_ALIGNED_FIELDS), and a byte array alone may be placed at any address.
typedef union {
  uint8_t bytes[4];
  uint32_t align;
} heap_pad_t;
MVM_INTERNAL extern const heap_pad_t heap_empty_space;
static inline uint32_t heap_cap(const mvm_vm_t* vm) { return rd32(vm->heap); }
static inline bool heap_is_own(const mvm_vm_t* vm) {
  return vm->heap != NULL && vm->heap != heap_empty_space.bytes;
}
// The heap in use, in bytes, and the peak recorded at the last collection.
static inline uint32_t vm_heap_used(const mvm_vm_t* vm) {
  return (uint32_t)vm->heap_used << VM_HEAP_SHIFT;
}
static inline void vm_set_heap_used(mvm_vm_t* vm, uint32_t bytes) {
  vm->heap_used = (vm_heap_count_t)(bytes >> VM_HEAP_SHIFT);
}
static inline uint32_t vm_heap_peak_recorded(const mvm_vm_t* vm) {
  return (uint32_t)vm->heap_peak << VM_HEAP_SHIFT;
}
static inline void vm_set_heap_peak(mvm_vm_t* vm, uint32_t bytes) {
  vm->heap_peak = (vm_heap_count_t)(bytes >> VM_HEAP_SHIFT);
}
// A configured heap limit (0: the port's MVM_DEFAULT_MAX_HEAP) as the VM keeps it. Heap
// references are 32-bit offsets and allocation sizes have 27 bits: 1 GiB is plenty (VM_HEAP16:
// 256 KB, what 16-bit word counts hold).
static inline uint32_t heap_limit_of(size_t configured) {
  size_t limit = configured ? configured : (size_t)MVM_DEFAULT_MAX_HEAP;
#if VM_HEAP16
  if (limit > VM_HEAP16_MAX) limit = VM_HEAP16_MAX;
#endif
  if (limit > ((size_t)1 << 30)) limit = (size_t)1 << 30;
  if (limit < 256) limit = 256;
  return (uint32_t)limit & ~3u;
}
// The heap limit: each VM's own, or with MVM_CONFIG_HEAP_LIMIT 0 no field: the fixed size of
// the heap of a VM in a caller's buffer, the port's for any other (heap.c vm_alloc_runtime).
static inline uint32_t vm_heap_limit(const mvm_vm_t* vm) {
#if MVM_CONFIG_HEAP_LIMIT
  return vm->heap_limit;
#else
  return (vm->flags & VM_IN_ARENA) ? heap_cap(vm) : heap_limit_of(0);
#endif
}
// The peak of heap_used so far: it only falls in a collection, which records it first.
static inline uint32_t vm_heap_peak(const mvm_vm_t* vm) {
  uint32_t used = vm_heap_used(vm), peak = vm_heap_peak_recorded(vm);
  return used > peak ? used : peak;
}

// Gives an outermost call (or a host helper outside one) its full budget: the configured
// one, or unlimited when 0 was configured. Nothing without MVM_INSTRUCTION_BUDGET.
static inline void vm_refill_budget(mvm_vm_t* vm) {
#if MVM_INSTRUCTION_BUDGET
  VM_RUN(vm).budget = vm->budget_limit ? vm->budget_limit : UINT32_MAX;
#else
  (void)vm;
#endif
}

// Nesting of calls: 0 for an idle VM, which may have no run state.
static inline uint32_t vm_depth(mvm_vm_t* vm) { return VM_HAS_RUN(vm) ? VM_RUN(vm).depth : 0; }

// Forgets where the last throw happened (MVM_ERROR_LOCATION; nothing to forget without it).
static inline void vm_clear_error_location(mvm_vm_t* vm) {
#if MVM_ERROR_LOCATION
  vm->throw_func = NO_OFFSET;
  vm->err_func = NO_OFFSET;
#else
  (void)vm;
#endif
}

// A unit's named exports (none without the build API: only units have them).
static inline uint32_t unit_export_count(const mvm_vm_t* vm) {
#if MVM_INCLUDE_BUILD_API
  return vm->unit_export_count;
#else
  (void)vm;
  return 0;
#endif
}

// ---- Budget for work outside the interpreter loop ----
// Builtins loop over arrays and strings and allocate where the interpreter's budget checks
// (vm.c: backward jumps, calls) do not see it. They charge one unit per 16 elements visited
// and the heap one per 64 bytes allocated, which keeps a unit near the cost of one bytecode loop
// iteration. A charge never fails by itself (a builtin has no way to stop half done); it leaves
// at least 1, and the interpreter's next check ends the call.
static inline void vm_charge_budget(mvm_vm_t* vm, uint32_t units) {
#if !MVM_INSTRUCTION_BUDGET
  (void)vm;
  (void)units;
#else
#if MVM_STACK_ON_DEMAND
  if (!vm->run) return;  // allocating outside a call (restore, snapshot, a host helper's setup)
#endif
  if (units) VM_RUN(vm).budget = VM_RUN(vm).budget > units ? VM_RUN(vm).budget - units : 1u;
#endif
}
#define LIB_CHARGE_VISITS(vm, n) vm_charge_budget((vm), (uint32_t)(n) >> 4)
// One unit for work that runs JS where the interpreter's checks may never see a loop: each
// promise job calls a function from C, and a chain of jobs whose callbacks jump back nowhere
// and call nothing would run on forever (found by the MCU fuzzer). False when the budget is
// spent, as the interpreter's CHECK_BUDGET would stop there: the call then ends with
// MVM_E_INSTRUCTION_BUDGET.
static inline bool vm_take_budget(mvm_vm_t* vm) {
#if MVM_INSTRUCTION_BUDGET
  if (VM_RUN(vm).budget > 1) {
    VM_RUN(vm).budget--;
    return true;
  }
  if (vm->budget_limit) return false;
  VM_RUN(vm).budget = UINT32_MAX;
#else
  (void)vm;
#endif
  return true;
}

// ---- Temp roots ----
// The MVM_TEMP_ROOTS slots after the value stack (vm_stack_acquire): none while there is none.
static inline mvm_value_t* vm_temps(mvm_vm_t* vm) { return VM_RUN(vm).stack + vm_stack_slots(vm); }
#define TEMP_MARK(vm) uint32_t temp_mark_ = VM_RUN(vm).ntemps
#define TEMP_RESET(vm) (VM_RUN(vm).ntemps = temp_mark_)
// Pushes v as a GC root and returns its slot: read the slot again after anything that may GC.
static inline mvm_value_t* temp_push(mvm_vm_t* vm, mvm_value_t v) {
  // Overflow would be a VM bug; reuse the last slot rather than write past the array.
  if (VM_RUN(vm).ntemps >= MVM_TEMP_ROOTS) VM_RUN(vm).ntemps = MVM_TEMP_ROOTS - 1;
  mvm_value_t* slot = vm_temps(vm) + VM_RUN(vm).ntemps++;
  *slot = v;
  return slot;
}

// ---- Engine strings (mvm_tables.h ENGINE_STRING) ----
// STRING8 allocations in the VM's read-only data, reached as ROM references from
// K_ENGINE_ROM_BASE on: a constant value for each, shared by every VM and image. Only byte
// arrays, so the layout has no padding and is the same on every compiler and byte order. The
// empty string's header says 4 bytes (no units: string_bytes); its entry keeps 4 more, since C
// has no empty arrays, which nothing reads (the engine's strings are never walked).
typedef struct engine_rom {
#undef ENGINE_STRING
#define ENGINE_STRING(name, text) \
  uint8_t s_##name##_head[4]; char s_##name[sizeof(text) == 1 ? 4 : (sizeof(text) + 2) & ~3u];
#include "mvm_tables.h"
#undef ENGINE_STRING
} engine_rom_t;
// In a union, so that the strings' headers are 4-aligned as the ROM's are (MVM_ALIGNED_FIELDS
// reads them as fields): a struct of byte arrays alone may be placed at any address.
typedef union {
  engine_rom_t rom;
  uint32_t align;
} engine_rom_space_t;
MVM_INTERNAL extern const engine_rom_space_t mvm_engine_rom;  // heap.c
// The name is pasted directly, never passed on: an argument like NULL would expand first.
#define ENGINE_STR(name) \
  value_from_rom_offset((uint32_t)K_ENGINE_ROM_BASE + (uint32_t)offsetof(engine_rom_t, s_##name##_head))
// True when ROM offset off is the start of an engine string (load.c).
MVM_INTERNAL bool engine_string_at(uint32_t off);
// The ROM offset of the engine string with the text of the string allocation at p, or NO_OFFSET.
MVM_INTERNAL uint32_t engine_string_find(const uint8_t* p);

// ---- Pointers ----
static inline uint8_t* heap_ptr(mvm_vm_t* vm, uint32_t off) { return vm->heap + off; }
// The ROM allocation at off: in the image's ROM, or past K_ENGINE_ROM_BASE an engine string.
static inline const uint8_t* rom_at(const uint8_t* rom, uint32_t off) {
  return MVM_UNLIKELY(off >= (uint32_t)K_ENGINE_ROM_BASE)
             ? (const uint8_t*)&mvm_engine_rom + (off - (uint32_t)K_ENGINE_ROM_BASE)
             : rom + off;
}
// A reference into the image's own ROM (not an engine string). An offset past
// K_ENGINE_ROM_BASE (2^30) sets bit 31 of the value: one mask, as cheap as value_is_rom.
typedef char mvm_check_engine_base[K_ENGINE_ROM_BASE == 0x40000000 ? 1 : -1];
static inline bool value_is_image_rom(mvm_value_t v) { return (v & 0x80000007u) == 2u; }
// Pointer to a heap or ROM allocation. ROM memory is read-only: never write through it.
static inline uint8_t* value_ptr(mvm_vm_t* vm, mvm_value_t v) {
  return value_is_heap(v) ? vm->heap + v
                          : (uint8_t*)(uintptr_t)rom_at(vm->rom, value_rom_offset(v));
}
// Type of the allocation v refers to, or TC_INVALID for a non-reference.
static inline uint32_t value_type(mvm_vm_t* vm, mvm_value_t v) {
  if (!value_is_ref(v)) return TC_INVALID;
  return header_type(rd32(value_ptr(vm, v)));
}
static inline uint32_t alloc_size(const uint8_t* p) { return header_size(rd32(p)); }
// FUNCTION flags that say which optional words follow its constants (FN_CONSTS).
enum { FN_FLAG_NAMED = 16, FN_FLAG_LINES = 32, FN_FLAGS_ALL = 63 };
static inline uint32_t fn_code_at(const uint8_t* fn) { return 4u * rd16(fn + FN_CODE_WORDS); }
// The words a FUNCTION has besides its constants: its name and its LINES offset.
static inline uint32_t fn_extra_words(const uint8_t* fn) {
  uint32_t f = rd8(fn + FN_FLAGS);
  return ((f >> 4) & 1u) + ((f >> 5) & 1u);
}
// rom_validate refuses a FUNCTION whose code offset leaves no room for its extra words.
static inline uint32_t fn_nconsts(const uint8_t* fn) {
  return rd16(fn + FN_CODE_WORDS) - 3u - fn_extra_words(fn);
}
// Its constants and its name: the values from FN_CONSTS on, before any LINES word.
static inline uint32_t fn_nvalues(const uint8_t* fn) {
  return rd16(fn + FN_CODE_WORDS) - 3u - ((rd8(fn + FN_FLAGS) >> 5) & 1u);
}
// The LINES word is the last before the code, the name word the one before it.
static inline uint32_t fn_lines(const uint8_t* fn) {
  return (rd8(fn + FN_FLAGS) & FN_FLAG_LINES) ? rd32(fn + fn_code_at(fn) - 4) : NO_OFFSET;
}
static inline mvm_value_t fn_name(const uint8_t* fn) {
  uint32_t f = rd8(fn + FN_FLAGS);
  return (f & FN_FLAG_NAMED) ? rd32(fn + fn_code_at(fn) - 4u - 4u * ((f >> 5) & 1u))
                             : VAL_UNDEFINED;
}
// Where a FUNCTION's code ends, from its start. There is no code length field: the code fills
// the allocation but for 0-3 padding bytes, counted by the header's flag bits 5-6 (free on a
// FUNCTION, which lives in ROM and is never frozen). With s = size + padding, the end is
// s - 2 * padding. rom_validate refuses a FUNCTION whose padding leaves no code.
static inline uint32_t fn_code_end(const uint8_t* fn) {
  uint32_t s = rd32(fn) >> 5;
  return s - 2u * (s & 3u);
}
static inline uint32_t fn_code_len(const uint8_t* fn) { return fn_code_end(fn) - fn_code_at(fn); }
static inline const uint8_t* fn_code(const uint8_t* fn) { return fn + fn_code_at(fn); }
// A CONSTS holds no count: its values fill it, from offset 4. The compiler never writes an
// empty one (NO_OFFSET instead), so the 8-byte minimum allocation is one value.
enum { CONSTS_VALUES = 4 };
static inline uint32_t consts_count(const uint8_t* c) { return header_size_other(rd32(c)) / 4 - 1; }
static inline const uint8_t* consts_values(const uint8_t* c) { return c + CONSTS_VALUES; }
// A HOSTFN: header, the import's id (u16), its index (u16).
enum { HOSTFN_BYTES = 8 };
// An image with FEATURE ROM_IMPORTS starts its ROM with its imports' HOSTFNs, import i's at
// HOSTFN_BYTES * i: the values vmImport gives, which hold the ids. A VM restored from one keeps
// only the host functions (vm_imports_fns, 4 bytes an import on a 32-bit board, not 12) until a
// new import makes the table full (builtins.c).
// The import table, after the globals in their allocation: full entries, or (flags
// ROM_IMPORTS, an image's) only each import's host function, its id and cached HOSTFN being
// in the ROM. import_id, import_fn and import_cached read either.
#define ALIGN_PTR(n) (((n) + sizeof(void*) - 1) & ~(sizeof(void*) - 1))
static inline size_t globals_bytes(uint32_t n) { return ALIGN_PTR(sizeof(mvm_value_t) * n); }
static inline size_t imports_bytes(uint32_t n, bool full) {
  return (size_t)n * (full ? sizeof(import_entry_t) : sizeof(mvm_host_fn_t));
}
// The import table of a tables_alloc block for nglobals globals (no arithmetic on a NULL block,
// which holds neither).
static inline void* tables_imports(mvm_value_t* block, uint32_t nglobals) {
  return block ? (void*)((uint8_t*)block + globals_bytes(nglobals)) : NULL;
}
// The globals' values: after the struct in its allocation (VM_TABLES_TRAIL), else their own.
static inline mvm_value_t* vm_globals(const mvm_vm_t* vm) {
#if VM_TABLES_TRAIL
  return (mvm_value_t*)(void*)((uint8_t*)(uintptr_t)vm + sizeof(mvm_vm_t));
#else
  return vm->globals;
#endif
}
static inline void* vm_imports(const mvm_vm_t* vm) {
  return tables_imports(vm_globals(vm), vm->global_count);
}
static inline import_entry_t* vm_imports_full(const mvm_vm_t* vm) {
  return (import_entry_t*)vm_imports(vm);
}
static inline mvm_host_fn_t* vm_imports_fns(const mvm_vm_t* vm) {
  return (mvm_host_fn_t*)vm_imports(vm);
}
static inline mvm_value_t import_cached(const mvm_vm_t* vm, uint32_t i) {
  if (!(vm->flags & ROM_IMPORTS)) return vm_imports_full(vm)[i].cached;
  return value_from_rom_offset(HOSTFN_BYTES * i);
}
static inline uint16_t import_id(const mvm_vm_t* vm, uint32_t i) {
  if (!(vm->flags & ROM_IMPORTS)) return vm_imports_full(vm)[i].id;
  return rd16(vm->rom + value_rom_offset(import_cached(vm, i)) + 4);
}
static inline mvm_host_fn_t import_fn(const mvm_vm_t* vm, uint32_t i) {
  return (vm->flags & ROM_IMPORTS) ? vm_imports_fns(vm)[i] : vm_imports_full(vm)[i].fn;
}
// The bytes of the globals' and imports' allocation.
static inline size_t tables_bytes(const mvm_vm_t* vm) {
  return globals_bytes(vm->global_count) +
         imports_bytes(vm->nimports, !(vm->flags & ROM_IMPORTS));
}
// The value of a unit's export: its global's, or the constant a snapshot inlined.
static inline mvm_value_t unit_export_value(const mvm_vm_t* vm, const unit_export_t* e) {
  return e->slot == UNIT_EXPORT_CONSTANT ? e->value : vm_globals(vm)[e->slot];
}
// The ROM offset of the globals' names (errors, snapshots), or NO_OFFSET (snapshot.c).
MVM_INTERNAL uint32_t vm_global_names(const mvm_vm_t* vm);
// The name of global i from the unit's or image's names table: a string, or undefined.
static inline mvm_value_t global_name(const mvm_vm_t* vm, uint32_t i) {
  uint32_t names = vm_global_names(vm);
  if (names == NO_OFFSET) return VAL_UNDEFINED;
  return rd32(consts_values(vm->rom + names) + 4 * i);
}
// Object.freeze'd (HEADER_FROZEN): writes to it throw TypeError.
static inline bool value_is_frozen(mvm_vm_t* vm, mvm_value_t v) {
  return value_is_heap(v) && (rd32(heap_ptr(vm, v)) & HEADER_FROZEN) != 0;
}
// A property table is a PROPS, or an OBJECT holding its own (value.h HEADER_INLINE_PROPS; the
// caller knows the OBJECT has the bit). Where its values start, one word per key of its ROM key
// list: 8 in a PROPS with HEADER_ROM_KEYS (hdr, keys, values); in such an OBJECT, 12 (hdr,
// proto, keys, values) or 8 when its prototype is null (hdr, keys, values: the word after the
// header is a ROM reference, which no prototype is), or with the keys in its header 8 (hdr,
// proto, values) or 4 (hdr, values). 0 for a plain PROPS (u32 count, then (key, value) pairs).
static inline uint32_t props_values_at(const uint8_t* p) {
  uint32_t h = rd32(p);
  if (header_type(h) == TC_OBJECT) {
    if (object_hdr_keys(h)) return (h & OBJECT_HDR_PROTO) ? 8 : 4;
    return value_is_rom(rd32(p + 4)) ? 8 : 12;
  }
  return (h & HEADER_ROM_KEYS) ? 8 : 0;
}
// The ROM key list (a ROM reference) of a table with one (props_values_at non-zero).
static inline mvm_value_t props_rom_keys(const uint8_t* p) {
  uint32_t h = rd32(p);
  if (header_type(h) == TC_OBJECT && object_hdr_keys(h)) {
    return value_from_rom_offset(object_hdr_keys_offset(h));
  }
  return rd32(p + props_values_at(p) - 4);
}
// Whether the OBJECT at p has a prototype word at p + 4: any but one with its properties inline
// and a null prototype.
static inline bool object_has_proto_word(const uint8_t* p) {
  uint32_t h = rd32(p);
  if (!(h & HEADER_INLINE_PROPS)) return true;
  if (object_hdr_keys(h)) return (h & OBJECT_HDR_PROTO) != 0;
  return !value_is_rom(rd32(p + 4));
}
// Lays out an OBJECT holding n values inline at p (NULL: only measures): its key list in its
// header when the list's ROM offset fits there and the object keeps 12 bytes (value.h), else in
// the word after the prototype's (none for a null prototype). Writes the header, the prototype
// and the list's word; returns where the values go (the size is that plus 4 * n).
static inline uint32_t object_inline_layout(uint8_t* p, uint32_t frozen, mvm_value_t proto,
                                            mvm_value_t keys, uint32_t n) {
  uint32_t at = proto == VAL_NULL ? 4 : 8, high = 0;
  bool in_header = object_hdr_keys_fit(value_rom_offset(keys)) && at + 4 * n >= 12;
  if (in_header) {
    high = ((value_rom_offset(keys) >> 2) + 1u) << OBJECT_HDR_KEYS_SHIFT;
    if (proto != VAL_NULL) high |= OBJECT_HDR_PROTO;
  }
  if (p) {
    wr32(p, header_make((in_header ? at : at + 4) + 4 * n, TC_OBJECT) | frozen |
                HEADER_INLINE_PROPS | high);
    if (proto != VAL_NULL) wr32(p + 4, proto);
    if (!in_header) wr32(p + at, keys);
  }
  return in_header ? at : at + 4;
}
// The prototype of the OBJECT o: an OBJECT or null (null when it has no prototype word, above).
static inline mvm_value_t object_proto(mvm_vm_t* vm, mvm_value_t o) {
  const uint8_t* p = heap_ptr(vm, value_heap_offset(o));
  return object_has_proto_word(p) ? rd32(p + 4) : VAL_NULL;
}
// An ARRAY holding its values inline (value.h HEADER_INLINE_ITEMS) with no named properties and
// at least two values has no word for the properties (hdr, length, values): its length word
// has ARRAY_NO_PROPS set (a length is below 2^31; object.c array_length masks it).
#define ARRAY_NO_PROPS 0x80000000u
// Where the values of the array arr are, as in an ITEMS (value i at +4 + 4 * i): its ITEMS
// (undefined when it has none), or 8 bytes into an array holding them inline after its named
// properties' word, 4 without that word.
static inline mvm_value_t array_items(mvm_vm_t* vm, mvm_value_t arr) {
  const uint8_t* p = heap_ptr(vm, value_heap_offset(arr));
  if (!(rd32(p) & HEADER_INLINE_ITEMS)) return rd32(p + 8);
  return value_from_heap_offset(value_heap_offset(arr) + ((rd32(p + 4) & ARRAY_NO_PROPS) ? 4 : 8));
}
// The number of properties of the table at p, any layout (ROM keys: no spare room).
static inline uint32_t props_count_of(const uint8_t* p) {
  uint32_t v = props_values_at(p);
  return v ? (alloc_size(p) - v) / 4 : rd32(p + 4);
}
static inline mvm_value_t field(mvm_vm_t* vm, mvm_value_t v, uint32_t off) {
  return rd32(value_ptr(vm, v) + off);
}
static inline void set_field(mvm_vm_t* vm, mvm_value_t v, uint32_t off, mvm_value_t x) {
  wr32(heap_ptr(vm, v) + off, x);
}
// The roots ITEMS may hold only its first slots (a restored image's roots are used as they are,
// up to the last slot in use): a missing slot reads as undefined. A store into one makes the
// roots full first: root_store (may GC), or roots_full before a root_set.
// A restored image that needed no slot has no roots at all (vm->roots 0: no heap reference).
static inline uint32_t roots_count(mvm_vm_t* vm) {
  return vm->roots ? (header_size_other(rd32(heap_ptr(vm, vm->roots))) - 4) / 4 : 0;
}
static inline mvm_value_t root_get(mvm_vm_t* vm, uint32_t i) {
  return i < roots_count(vm) ? rd32(heap_ptr(vm, vm->roots) + 4 + 4 * i) : VAL_UNDEFINED;
}
// Writes slot i, which must exist unless v is undefined (a missing slot already reads so).
static inline void root_set(mvm_vm_t* vm, uint32_t i, mvm_value_t v) {
  if (i < roots_count(vm)) wr32(heap_ptr(vm, vm->roots) + 4 + 4 * i, v);
}

// ---- arena.c (mvm_restore_into) ----
MVM_INTERNAL mvm_arena_t* arena_init(void* buffer, size_t len);
MVM_INTERNAL void* arena_alloc(mvm_arena_t* a, size_t n);
MVM_INTERNAL void* arena_alloc_top(mvm_arena_t* a, size_t n);
MVM_INTERNAL bool arena_reserve_vm(mvm_arena_t* a, size_t n);
MVM_INTERNAL void arena_free(mvm_arena_t* a, void* p);
MVM_INTERNAL size_t arena_peak(const mvm_arena_t* a);
MVM_INTERNAL size_t arena_available(const mvm_arena_t* a);  // free bytes, headers included
MVM_INTERNAL mvm_vm_t* arena_vm(mvm_arena_t* a);  // the VM struct's place in the buffer
MVM_INTERNAL mvm_arena_t* vm_arena(const mvm_vm_t* vm);  // a VM's arena (VM_IN_ARENA), or NULL

// Every allocation of the VM goes through these: the arena of a VM made by mvm_restore_into,
// else the port's MVM_MALLOC/MVM_FREE with the host context.
static inline void* mem_alloc(mvm_arena_t* arena, size_t n, void* context) {
  (void)context;  // unused when the port's MVM_MALLOC ignores its context
  return arena ? arena_alloc(arena, n) : MVM_MALLOC(n, context);
}
static inline void mem_free(mvm_arena_t* arena, void* p, void* context) {
  (void)context;
  if (arena) {
    arena_free(arena, p);
  } else {
    MVM_FREE(p, context);
  }
}
#define VM_MALLOC(vm, n) mem_alloc(vm_arena(vm), (n), (vm)->context)
// A ROM the VM owns (a unit's copy, a packed image's, a snapshot's) is allocated with its length
// in the 4 bytes before it, where an image's ROM used in place has the header's ROM length
// (offset 16 of 20), so that vm_rom_len reads either and the struct has no field for it; the
// ROM offset of the globals' names before that (NO_OFFSET until rom_buffer_set_names; an
// image used in place has it in the word after its ROM: snapshot.c vm_global_names); and 8
// zero bytes after it, which keep operand reads of a truncated last instruction inside the
// block.
// In an arena it is made at the top (arena_alloc_top): it lives as long as the VM.
static inline uint8_t* rom_buffer_new(mvm_arena_t* arena, size_t len, void* context) {
  (void)context;
  uint8_t* p = (uint8_t*)(arena ? arena_alloc_top(arena, len + 16) : MVM_MALLOC(len + 16, context));
  if (!p) return NULL;
  wr32(p, NO_OFFSET);
  wr32(p + 4, (uint32_t)len);
  MVM_MEMSET(p + 8 + len, 0, 8);
  return p + 8;
}
static inline void rom_buffer_free(mvm_arena_t* arena, const uint8_t* rom, void* context) {
  mem_free(arena, (void*)(uintptr_t)(rom - 8), context);
}
static inline void rom_buffer_set_names(uint8_t* rom, uint32_t names) { wr32(rom - 8, names); }
static inline uint32_t vm_rom_len(const mvm_vm_t* vm) { return rd32(vm->rom - 4); }
#define VM_FREE(vm, p) mem_free(vm_arena(vm), (p), (vm)->context)

// ---- heap.c ----
// Allocates size bytes (header included; rounded up to 4, at least 8) and writes the header.
// Returns the heap offset, or 0 when the heap limit is reached. May GC.
MVM_INTERNAL uint32_t heap_alloc(mvm_vm_t* vm, uint32_t size, uint32_t type);
// Like heap_alloc, and fills every word after the header with undefined. May GC.
MVM_INTERNAL uint32_t heap_alloc_values(mvm_vm_t* vm, uint32_t size, uint32_t type);
MVM_INTERNAL mvm_err_t heap_init(mvm_vm_t* vm, uint32_t capacity);
MVM_INTERNAL void heap_release(mvm_vm_t* vm);  // frees an own space; heap NULL after
MVM_INTERNAL void heap_use_empty_space(mvm_vm_t* vm);  // a heap of the pad alone, no RAM
MVM_INTERNAL mvm_err_t roots_create(mvm_vm_t* vm);
// Gives the roots all ROOT__COUNT slots (a no-op when they have them). May GC.
MVM_INTERNAL mvm_err_t roots_full(mvm_vm_t* vm);
// root_set of *slot, a GC-visible slot (re-read after roots_full moved things). May GC.
MVM_INTERNAL mvm_err_t root_store(mvm_vm_t* vm, uint32_t i, const mvm_value_t* slot);
// Bytes that roots_build writes. roots_build writes, at heap_used (the caller made room: it
// never collects), a full roots ITEMS whose first nslots values come from slots (little-endian
// words, e.g. an image's trimmed roots), and makes it vm->roots.
MVM_INTERNAL uint32_t roots_bytes(void);
MVM_INTERNAL void roots_build(mvm_vm_t* vm, const uint8_t* slots, uint32_t nslots);
MVM_INTERNAL void vm_release_memory(mvm_vm_t* vm);
MVM_INTERNAL mvm_err_t vm_alloc_runtime(mvm_vm_t* vm, const mvm_config_t* cfg);
// ---- snapshot.c: exports read from the image (EXPORTS_IN_IMAGE) ----
// Their number (0 without EXPORTS_IN_IMAGE), pair i of them, and the move of all of them into
// a heap table in ROOT_EXPORTS (before vmExport adds one or a snapshot rewrites them). May GC.
MVM_INTERNAL uint32_t image_export_count(const mvm_vm_t* vm);
MVM_INTERNAL void image_export_at(const mvm_vm_t* vm, uint32_t i, mvm_value_t* key,
                                  mvm_value_t* value);
MVM_INTERNAL mvm_err_t image_exports_to_heap(mvm_vm_t* vm);
// The run state's block: value stack, frames and handlers (MVM_STACK_ON_DEMAND: only during
// outermost calls, with the run state itself at its head), fresh from acquire.
MVM_INTERNAL mvm_err_t vm_stack_acquire(mvm_vm_t* vm);
MVM_INTERNAL void vm_stack_release(mvm_vm_t* vm);
// An empty stack, no frames, handlers, temp roots, exception or fatal error, a full budget, and
// no error location: the state an outermost call starts from (and a snapshot leaves).
MVM_INTERNAL void vm_run_reset(mvm_vm_t* vm);
// Bytes of the block vm_stack_acquire allocates: (the run state,) value stack and temp roots,
// frames, handlers.
MVM_INTERNAL size_t vm_stack_bytes(const mvm_vm_t* vm);
#if MVM_INCLUDE_BUILD_API
// ---- rom_intern.c (snapshot.c) ----
// Plans the move of the heap's strings and floats (the heap as the image will hold it) into a
// new ROM whose kept allocations (rom_marks) rom_map places, the moved ones from base on; a
// host function goes to its import's place at the ROM's start, HOSTFN_BYTES * import_to[index].
MVM_INTERNAL mvm_err_t rom_intern_plan(mvm_vm_t* vm, const uint8_t* rom_marks,
                                       const uint32_t* rom_map, uint32_t base,
                                       const uint32_t* import_to, rom_intern_t* out);
// Whether v is a heap allocation the plan moves (every string, float and host function), and
// its reference in the new ROM (v itself when not a heap reference).
MVM_INTERNAL bool rom_intern_moves(const mvm_vm_t* vm, mvm_value_t v);
MVM_INTERNAL mvm_value_t rom_intern_value(const rom_intern_t* plan, mvm_value_t v);
// Writes the moved allocations and the key lists into new_rom, as planned.
MVM_INTERNAL void rom_intern_copy(const mvm_vm_t* vm, const rom_intern_t* plan,
                                  const uint32_t* rom_map, uint32_t base, uint8_t* new_rom);
#endif
// ---- gc.c ----
// Collects; afterwards at least `need` bytes are free, or returns false (heap limit).
MVM_INTERNAL bool gc_collect(mvm_vm_t* vm, uint32_t need);

// ---- number.c ----
#if MVM_SUPPORT_FLOAT
typedef double num_t;  // what ToNumber gives (an integer type in the integer-only build below)
#define NUM_NAN (0.0 / 0.0)
MVM_INTERNAL bool value_is_number(mvm_vm_t* vm, mvm_value_t v);
MVM_INTERNAL double number_value(mvm_vm_t* vm, mvm_value_t v);
MVM_INTERNAL mvm_err_t number_make(mvm_vm_t* vm, double d, mvm_value_t* out);
// Writes JS Number::toString(d) as NUL-terminated ASCII; returns its length (buffer >= 32).
MVM_INTERNAL size_t number_format(double d, char* buf);
MVM_INTERNAL double number_parse(const uint8_t* units, uint32_t len, bool wide);
MVM_INTERNAL int32_t number_to_int32(double d);
MVM_INTERNAL uint32_t number_to_uint32(double d);
MVM_INTERNAL double number_fmod(double a, double b);
#else
// The integer-only build (MVM_SUPPORT_FLOAT=0): every number value is an int32 integer (not -0):
// an int31 immediate, or for the rest of the int32 range (+-2^30 .. +-2^31) a FLOAT64 allocation
// whose double is that integer, so that images and the value encoding stay those of the float
// build. No double is ever computed: the IEEE-754 bits are built and read with integer
// operations (float64_encode_int32, float64_to_int32). What ToNumber gives is a num_t: an exact
// integer, or NUM_NAN, or NUM_INEXACT for a number that is not an integer within +-NUM_MAX (a
// string such as "1.5", "Infinity" or "1e20"; a FLOAT64 of a damaged or foreign image that
// holds no int32). Keeping NaN apart lets NaN's exact JS results work ('x' < 1 is false,
// isNaN('x'), 'x' | 0); anything that needs NUM_INEXACT's value throws. num_t is 64 bits wide
// so that the exact result of int32 + - * int32 and of parsing up to NUM_MAX (2^53, where
// doubles stop being exact integers, so ToInt32 of a parsed string is JS's) need no overflow
// test of their own; |operands| <= NUM_MAX keep + and - far from int64's ends.
typedef int64_t num_t;
#define NUM_NAN INT64_MIN
#define NUM_INEXACT INT64_MAX
#define NUM_MAX ((int64_t)1 << 53)
MVM_INTERNAL bool value_is_number(mvm_vm_t* vm, mvm_value_t v);
// The int32 of an int31 or a FLOAT64 (NUM_INEXACT or NUM_NAN for a FLOAT64 holding no int32).
MVM_INTERNAL num_t number_value(mvm_vm_t* vm, mvm_value_t v);
// The value of the integer result n of an operation: an int31, else a FLOAT64 box (may GC).
// Outside int32, with MVM_INT32_OVERFLOW_CHECKS (the default), throws the build's RangeError
// naming form (see number_not_integer; a and b fill its '#'s); with MVM_INT32_OVERFLOW_CHECKS=0
// n wraps modulo 2^32 into int32 instead, as C's 32-bit arithmetic does. NUM_NAN and
// NUM_INEXACT throw either way: they are no integer. This is the one place that rule lives.
MVM_INTERNAL mvm_err_t number_make_result(mvm_vm_t* vm, num_t n, const char* form, num_t a,
                                          num_t b, mvm_value_t* out);
static inline mvm_err_t number_make(mvm_vm_t* vm, num_t n, mvm_value_t* out) {
  return number_make_result(vm, n, "#", n, 0, out);
}
// Throws the build's RangeError: form + NUM_NOT_INTEGER, the first '#' in form replaced by a,
// the second by b ("# / #": "7 / 2 is not a 32-bit integer: this build has no floating point").
#define NUM_NOT_INTEGER \
  " is not a 32-bit integer: this build has no floating point (MVM_SUPPORT_FLOAT=0)"
MVM_INTERNAL mvm_err_t number_not_integer(mvm_vm_t* vm, const char* form, num_t a, num_t b);
// Decimal digits of n (NaN for NUM_NAN and NUM_INEXACT), NUL-terminated; buffer >= 24.
MVM_INTERNAL size_t number_format(num_t n, char* buf);
// StringToNumber, as a num_t: NUM_INEXACT when the nearest double is no integer within NUM_MAX.
MVM_INTERNAL num_t number_parse(const uint8_t* units, uint32_t len, bool wide);
// ToIntegerOrInfinity(StringToNumber): the nearest double's integer part (a fraction cut
// toward zero), and magnitudes past NUM_MAX (Infinity) saturate to +-NUM_MAX; NaN stays NUM_NAN.
MVM_INTERNAL num_t number_parse_integer(const uint8_t* units, uint32_t len, bool wide);
// ToInt32(StringToNumber): past NUM_MAX, the low 32 bits of the nearest double (0 from 2^84).
MVM_INTERNAL int32_t number_parse_int32(const uint8_t* units, uint32_t len, bool wide);
// n modulo 2^32 as an int32 (two's complement, written without implementation-defined casts).
static inline int32_t number_wrap_int32(num_t n) {
  uint32_t u = (uint32_t)(uint64_t)n;
  return u <= 0x7FFFFFFFu ? (int32_t)u : -(int32_t)(0xFFFFFFFFu - u) - 1;
}
// ToInt32 / ToUint32: modulo 2^32. NaN gives 0, as in JS; so does NUM_INEXACT, whose value is
// unknown: the operators throw before (op_binary), and the library's modular arguments
// (String.fromCharCode, a Uint8Array element, split's limit, parseInt's radix) go through
// lib_to_int32 instead, which reads such a string's ToInt32 itself (number_parse_int32).
static inline int32_t number_to_int32(num_t n) {
  return n == NUM_NAN || n == NUM_INEXACT ? 0 : number_wrap_int32(n);
}
static inline uint32_t number_to_uint32(num_t n) { return (uint32_t)number_to_int32(n); }
#endif

// IEEE-754 binary64 bits (lo, hi: the FLOAT64 allocation's two little-endian words) with integer
// operations only, in both builds: whether they are an int32 integer other than -0, and which
// (FEATURE FLOAT64 is set for an image holding any other FLOAT64: snapshot.c, load.c).
MVM_INTERNAL bool float64_to_int32(uint32_t lo, uint32_t hi, int32_t* out);
// The 8 bytes at p (little-endian, as a FLOAT64 allocation stores them) become the double i.
// (Boxing in the integer-only build; the float build has it for its unit test only.)
MVM_INTERNAL void float64_encode_int32(int32_t i, uint8_t* p);

// A whole number as helpers compute with it (array indexes, ToIntegerOrInfinity of library
// arguments): a double, or an int64_t in the integer-only build (where Infinity saturates).
#if MVM_SUPPORT_FLOAT
typedef double num_int_t;
#else
typedef int64_t num_int_t;
#endif

// ---- string.c ----
typedef struct string_view {
  const uint8_t* data;  // Latin-1 bytes, or little-endian u16 units when wide
  uint32_t len;
  bool wide;
} string_view_t;
MVM_INTERNAL bool value_is_string(mvm_vm_t* vm, mvm_value_t v);
// Valid until the next allocation.
MVM_INTERNAL string_view_t string_view(mvm_vm_t* vm, mvm_value_t s);
static inline uint16_t view_unit(const string_view_t* sv, uint32_t i) {
  return sv->wide ? rd16(sv->data + 2 * i) : rd8(sv->data + i);
}
// A string of len units, wide: UTF-16 (string_view's layout); the caller fills *data before
// anything else allocates. len 0 gives the engine's empty string and no data. May GC.
MVM_INTERNAL mvm_err_t string_alloc(mvm_vm_t* vm, uint32_t len, bool wide, uint8_t** data,
                                    mvm_value_t* out);
MVM_INTERNAL mvm_err_t string_new_ascii(mvm_vm_t* vm, const char* s, size_t len, mvm_value_t* out);
MVM_INTERNAL mvm_err_t string_from_units(mvm_vm_t* vm, const uint16_t* units, uint32_t len,
                                         mvm_value_t* out);
MVM_INTERNAL mvm_err_t string_from_utf8(mvm_vm_t* vm, const uint8_t* s, size_t len,
                                        mvm_value_t* out);
MVM_INTERNAL size_t string_utf8_length(mvm_vm_t* vm, mvm_value_t s);
MVM_INTERNAL void string_to_utf8(mvm_vm_t* vm, mvm_value_t s, uint8_t* out);
MVM_INTERNAL bool string_equal(mvm_vm_t* vm, mvm_value_t a, mvm_value_t b);
MVM_INTERNAL bool string_equal_ascii(mvm_vm_t* vm, mvm_value_t s, const char* ascii);
MVM_INTERNAL int string_compare(mvm_vm_t* vm, mvm_value_t a, mvm_value_t b);
// Concatenates n string values held in GC-visible slots. May GC.
MVM_INTERNAL mvm_err_t string_concat(mvm_vm_t* vm, mvm_value_t* const* parts, int n,
                                     mvm_value_t* out);
MVM_INTERNAL mvm_err_t string_unit_at(mvm_vm_t* vm, mvm_value_t s, uint32_t i, mvm_value_t* out);
// True and *out_index when s is a canonical array index that fits int31 ("0", "17"; not "01").
MVM_INTERNAL bool string_array_index(mvm_vm_t* vm, mvm_value_t s, int32_t* out_index);

// ---- convert.c (JS abstract operations) ----
MVM_INTERNAL bool to_boolean(mvm_vm_t* vm, mvm_value_t v);
MVM_INTERNAL mvm_err_t to_string(mvm_vm_t* vm, mvm_value_t v, mvm_value_t* out);
// ToPrimitive with the default hint: objects through a user valueOf/toString if any. May GC,
// may re-enter.
MVM_INTERNAL mvm_err_t to_primitive(mvm_vm_t* vm, mvm_value_t v, mvm_value_t* out);
// ToNumber including objects with a user valueOf/toString. May GC, may re-enter.
MVM_INTERNAL mvm_err_t to_numeric(mvm_vm_t* vm, mvm_value_t v, num_t* out);
MVM_INTERNAL num_t to_number(mvm_vm_t* vm, mvm_value_t v);  // v primitive or not; no GC
// NEG, TO_NUMBER, BIT_NOT, INC, DEC (opcodes) of any value: the interpreter's slow path for
// them (the integer-only build throws when the result is no int31). May GC, may re-enter.
MVM_INTERNAL mvm_err_t op_unary(mvm_vm_t* vm, int op, mvm_value_t a, mvm_value_t* out);
MVM_INTERNAL mvm_value_t typeof_string(mvm_vm_t* vm, mvm_value_t v);
MVM_INTERNAL mvm_type_t value_kind(mvm_vm_t* vm, mvm_value_t v);
MVM_INTERNAL bool value_is_callable(mvm_vm_t* vm, mvm_value_t v);
MVM_INTERNAL bool value_is_object(mvm_vm_t* vm, mvm_value_t v);  // object, array or function
MVM_INTERNAL bool strict_equals(mvm_vm_t* vm, mvm_value_t a, mvm_value_t b);
MVM_INTERNAL mvm_err_t loose_equals(mvm_vm_t* vm, mvm_value_t a, mvm_value_t b, bool* out);
// op is the opcode (OP_ADD .. OP_USHR, OP_LT .. OP_GE). May GC.
MVM_INTERNAL mvm_err_t op_binary(mvm_vm_t* vm, int op, mvm_value_t a, mvm_value_t b,
                                 mvm_value_t* out);

// ---- object.c ----
MVM_INTERNAL mvm_err_t object_new(mvm_vm_t* vm, mvm_value_t proto, mvm_value_t* out);
// An object literal's OBJECT (NEW_OBJECT_KEYS): the n values (at most OBJECT_KEYS_MAX, a GC
// root such as the value stack) of the keys of the ROM key list keys, held inline. May GC.
MVM_INTERNAL mvm_err_t object_new_inline(mvm_vm_t* vm, mvm_value_t keys, const mvm_value_t* values,
                                         uint32_t n, mvm_value_t* out);
MVM_INTERNAL mvm_err_t array_new(mvm_vm_t* vm, uint32_t capacity, mvm_value_t* out);
MVM_INTERNAL mvm_err_t array_push(mvm_vm_t* vm, mvm_value_t* arr_slot, mvm_value_t v);
MVM_INTERNAL uint32_t array_length(mvm_vm_t* vm, mvm_value_t arr);
MVM_INTERNAL mvm_value_t array_get(mvm_vm_t* vm, mvm_value_t arr, uint32_t i);  // hole as is
// Canonical property key: non-negative int31 stays; strings that are array indexes become ints;
// everything else becomes a string. May GC.
MVM_INTERNAL mvm_err_t key_normalize(mvm_vm_t* vm, mvm_value_t key, mvm_value_t* out);
// obj[key] with JS semantics (throws on undefined/null). key need not be normalized. May GC.
MVM_INTERNAL mvm_err_t prop_get(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key, mvm_value_t* out);
MVM_INTERNAL mvm_err_t prop_set(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key, mvm_value_t v);
// Defines an own property (object literals): no setters, no proto walk. May GC.
MVM_INTERNAL mvm_err_t prop_define(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key, mvm_value_t v);
// The instructions a VM built with MVM_FULL_LANGUAGE 0 leaves out (what Microvium's language
// leaves out too): vm.c throws a TypeError at each, verify.c refuses an image using one
// (hostlib/lean.py has the same list for `mvc build --lean-language`; tests/mcu compares).
#define VM_LEAN_LEFT_OUT(X)                                                                  \
  X(EQ) X(NE) X(IN) X(INSTANCEOF) X(DELETE_ELEM) X(REST) X(ITER_NEXT) X(ITER_REST)            \
  X(APPEND_SPREAD) X(CALL_ARRAY) X(SUPER_CALL) X(FOR_IN_KEYS) X(OBJECT_SPREAD) X(GET_SUPER)
// Only `delete` (MVM_FULL_LANGUAGE) and JSON.parse's reviver delete properties.
#define VM_HAS_DELETE (MVM_FULL_LANGUAGE || MVM_LIB_JSON)
MVM_INTERNAL mvm_err_t prop_delete(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key);
MVM_INTERNAL mvm_err_t prop_has(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key, bool* out);
// Own property lookup on an OBJECT (no proto walk); key normalized. No GC.
MVM_INTERNAL bool object_get_own(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key, mvm_value_t* out);
MVM_INTERNAL mvm_err_t own_keys(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t* out_array);
MVM_INTERNAL mvm_err_t instance_of(mvm_vm_t* vm, mvm_value_t v, mvm_value_t ctor, bool* out);
// f.prototype of a JS function, created on first use. May GC.
MVM_INTERNAL mvm_err_t function_prototype(mvm_vm_t* vm, mvm_value_t f, mvm_value_t* out);
MVM_INTERNAL mvm_value_t function_name(mvm_vm_t* vm, mvm_value_t f);  // string or undefined
// ROM offset of the FUNCTION behind a ROM function or closure value, or 0.
MVM_INTERNAL uint32_t function_rom(mvm_vm_t* vm, mvm_value_t f);
// Low-level PROPS maintenance shared with builtins.c (exports table). May GC.
MVM_INTERNAL mvm_err_t props_put(mvm_vm_t* vm, mvm_value_t* props_slot, mvm_value_t key,
                                 mvm_value_t v);
MVM_INTERNAL int32_t props_find(mvm_vm_t* vm, mvm_value_t props, mvm_value_t key);

// ---- builtins.c ----
MVM_INTERNAL mvm_err_t builtin_call(mvm_vm_t* vm, uint32_t index, mvm_value_t this_value,
                                    mvm_value_t* args, uint8_t argc, bool construct,
                                    mvm_value_t* out);
MVM_INTERNAL mvm_err_t builtin_get_prop(mvm_vm_t* vm, uint32_t index, mvm_value_t key,
                                        mvm_value_t* out);
MVM_INTERNAL mvm_err_t error_prototype(mvm_vm_t* vm, uint32_t kind, mvm_value_t* out);
// Makes an error object of kind with message (string value or undefined). May GC.
MVM_INTERNAL mvm_err_t error_new(mvm_vm_t* vm, uint32_t kind, mvm_value_t message,
                                 mvm_value_t* out);
// Throws a new error: message = prefix + ToString(part) + suffix (part 0: none). Returns
// ERR_THROW, or MVM_E_OUT_OF_MEMORY when even the error cannot be made.
MVM_INTERNAL mvm_err_t throw_error(mvm_vm_t* vm, uint32_t kind, const char* prefix,
                                   mvm_value_t part, const char* suffix);
#if !MVM_ERROR_MESSAGES
// The core's sentences are left out with their literals; what the message names stays.
#define throw_error(vm, kind, prefix, part, suffix) (throw_error)((vm), (kind), "", (part), NULL)
#endif
// Error-like objects (proto chain reaches an error prototype): kind or -1.
MVM_INTERNAL int error_kind_of(mvm_vm_t* vm, mvm_value_t v);
MVM_INTERNAL const char* builtin_name(uint32_t index);
// The BUILTIN table's global name of index, "_" for methods.
MVM_INTERNAL const char* builtin_global_name(uint32_t index);
// The builtins with a global name (globalThis lookup): their count, their indexes and their
// names, which follow one another, each ending in its NUL.
MVM_INTERNAL uint32_t builtin_globals(const uint8_t** indexes, const char** names);
MVM_INTERNAL mvm_err_t import_resolve(mvm_vm_t* vm, uint16_t id, mvm_value_t* out);
// The import table as full entries with room for extra more (vm_imports_full), and import index's
// HOSTFN (made the first time: a full table's).
MVM_INTERNAL mvm_err_t imports_make_full(mvm_vm_t* vm, uint32_t extra);
// An allocation for nglobals globals and nimports imports (full entries or host functions
// only), or NULL when that is no bytes. Fails (MVM_E_OUT_OF_MEMORY) only when malloc does.
MVM_INTERNAL mvm_err_t tables_alloc(mvm_vm_t* vm, uint32_t nglobals, uint32_t nimports,
                                    bool full, mvm_value_t** out);
MVM_INTERNAL mvm_err_t import_value(mvm_vm_t* vm, uint32_t index, mvm_value_t* out);

// ---- vm.c ----
// Calls the function at VM_RUN(vm).sp[-argc-2] with this at VM_RUN(vm).sp[-argc-1] and argc arguments above;
// pops them all and returns the result. construct: NEW semantics. May GC, may re-enter.
MVM_INTERNAL mvm_err_t vm_call(mvm_vm_t* vm, uint8_t argc, bool construct, mvm_value_t* out);
// Line of a code offset in a function (0 when there is no line table); *out_file gets the file.
MVM_INTERNAL uint32_t vm_line_of(mvm_vm_t* vm, uint32_t func, uint32_t pc, mvm_value_t* out_file);

// ---- load.c ----
// Whether this build has the image checks (MVM_VERIFY_IMAGES; the build API loads units, which
// are always checked).
#define VM_VERIFIES (MVM_VERIFY_IMAGES || MVM_INCLUDE_BUILD_API)
// True when the allocation at ROM offset off lies inside the ROM, off is 4-aligned and the
// allocation has the given type (TC_INVALID: any string type).
MVM_INTERNAL bool rom_alloc_ok(const uint8_t* rom, uint32_t rom_len, uint32_t off, uint32_t type);
// Checks the global names table: a CONSTS of `count` ROM strings (or NO_OFFSET).
MVM_INTERNAL bool rom_names_ok(const uint8_t* rom, uint32_t rom_len, uint32_t names,
                               uint32_t count);
// A zeroed VM struct; with VM_TABLES_TRAIL followed by `tables` bytes for its globals and import
// table (in an arena, arena_reserve_vm made room for them).
MVM_INTERNAL mvm_vm_t* vm_struct_new(mvm_arena_t* arena, size_t tables,
                                     mvm_resolve_import_t resolve, void* context);
// Walks and checks a whole ROM (see load.c). On success *out_starts is a bitmap of allocation
// starts (one bit per 4 bytes, MVM_MALLOC'd, caller frees). MVM_E_INVALID_IMAGE when bad.
// hostfns: an image's ROM, which may hold host functions (a snapshot moves them there); their
// import indexes are checked against the image's imports later (snapshot.c heap_check).
MVM_INTERNAL mvm_err_t rom_validate(const uint8_t* rom, uint32_t rom_len, bool hostfns,
                                    mvm_arena_t* arena, void* context, uint8_t** out_starts);
// Whether ROM offset off is an allocation start (starts: rom_validate's bitmap) of that type.
MVM_INTERNAL bool rom_start_of(const uint8_t* rom, uint32_t rom_len, const uint8_t* starts,
                               uint32_t off, uint32_t type);
// A value a ROM or heap field may hold that points into a validated ROM (or is immediate).
MVM_INTERNAL bool rom_value_ok(const uint8_t* rom, uint32_t rom_len, const uint8_t* starts,
                               mvm_value_t v);
// A key list a function's constants may name (NEW_OBJECT_KEYS): load.c.
MVM_INTERNAL bool rom_key_list_ok(const uint8_t* rom, uint32_t rom_len, const uint8_t* starts,
                                  mvm_value_t v);

// ---- verify.c ----
// Checks every function's operands in a ROM that rom_validate accepted (see verify.c): constant,
// local, argument, global, builtin indexes, jump targets on instruction starts, no fall-through
// at the end; starts: rom_validate's, for the values LOAD_ROM_GLOBAL carries (an image's), or
// NULL (a unit's code has none). MVM_E_INVALID_IMAGE when bad.
MVM_INTERNAL mvm_err_t rom_verify_code(const uint8_t* rom, uint32_t rom_len, const uint8_t* starts,
                                       uint32_t global_count, mvm_arena_t* arena, void* context);
// Bytes of an instruction with opcode op (opcode and operands).
MVM_INTERNAL uint32_t opcode_size(uint8_t op);

// ---- snapshot.c ----
MVM_INTERNAL uint32_t crc32_ieee(const uint8_t* data, size_t len, uint32_t crc);

// ---- lib*.c: the builtins library (lib.h) ----
// Math, JSON, globalThis: builtin values that are objects, not functions.
MVM_INTERNAL bool lib_is_namespace(uint32_t index);
MVM_INTERNAL bool lib_is_constructor(uint32_t index);
// JS name of a library builtin (for `f.name`), or NULL.
MVM_INTERNAL const char* lib_name(uint32_t index);
// Calls a library builtin; args[-1] is `this` (builtin_call's contract). May GC, may re-enter.
MVM_INTERNAL mvm_err_t lib_call(mvm_vm_t* vm, uint32_t index, mvm_value_t* args, uint8_t argc,
                                bool construct, mvm_value_t* out);
// Properties of a builtin value (Math.floor, Math.PI, Number.isNaN, f.length); key normalized.
MVM_INTERNAL mvm_err_t lib_builtin_prop(mvm_vm_t* vm, uint32_t index, mvm_value_t key,
                                        mvm_value_t* out);
// Library methods of a value found nowhere else ([].map, "s".slice, (1).toFixed,
// ({}).hasOwnProperty); undefined when none. key normalized.
MVM_INTERNAL mvm_err_t lib_value_method(mvm_vm_t* vm, mvm_value_t v, mvm_value_t key,
                                        mvm_value_t* out);
// globalThis.key = v and delete globalThis.key: the program's own globals object. May GC.
MVM_INTERNAL mvm_err_t lib_global_set(mvm_vm_t* vm, mvm_value_t key, mvm_value_t v);
MVM_INTERNAL mvm_err_t lib_global_delete(mvm_vm_t* vm, mvm_value_t key);
// String(Math) and friends: "[object Math]".
MVM_INTERNAL mvm_err_t lib_namespace_string(mvm_vm_t* vm, uint32_t index, mvm_value_t* out);
// Uint8Array values (BYTES, lib_bytes.c): element access, length, ToString ("1,2,3").
MVM_INTERNAL mvm_err_t bytes_get(mvm_vm_t* vm, mvm_value_t b, mvm_value_t key, mvm_value_t* out);
MVM_INTERNAL mvm_err_t bytes_set(mvm_vm_t* vm, mvm_value_t b, mvm_value_t key, mvm_value_t v);
MVM_INTERNAL uint32_t bytes_length(mvm_vm_t* vm, mvm_value_t b);
MVM_INTERNAL mvm_err_t bytes_to_string(mvm_vm_t* vm, mvm_value_t b, mvm_value_t* out);
// TypeError when v is frozen (lib_object.c); for the write paths outside object.c.
MVM_INTERNAL mvm_err_t lib_check_writable(mvm_vm_t* vm, mvm_value_t v);
// Every optional family compiled in (MVM_LIB_*, MVM_ASYNC in mvm_port_default.h)?
#define MVM_ALL_FAMILIES                                                                     \
  (MVM_LIB_MATH && MVM_LIB_NUMBER && MVM_LIB_STRING && MVM_LIB_ARRAY && MVM_LIB_OBJECT &&   \
   MVM_LIB_JSON && MVM_LIB_BYTES && MVM_ASYNC)
#if !MVM_ALL_FAMILIES
// False for a global builtin (LOAD_BUILTIN operand) of a family compiled out (lib.c).
MVM_INTERNAL bool lib_builtin_present(uint32_t index);
#endif

// ---- The full language subset: property cells, iteration, classes, promises, async ----

// PROPERTY cell flags (object.c): an accessor pair, or a hidden (non-enumerable) property.
enum { PROP_CELL_ACCESSOR = 1, PROP_CELL_HIDDEN = 2 };
// A PROPS value that is a PROPERTY cell (hdr, u32 flags, a, b), and its flags.
static inline bool value_is_cell(mvm_vm_t* vm, mvm_value_t v) {
  return value_is_heap(v) && header_type(rd32(heap_ptr(vm, v))) == TC_PROPERTY;
}
static inline uint32_t cell_flags(mvm_vm_t* vm, mvm_value_t cell) {
  return rd32(heap_ptr(vm, cell) + 4);
}
// DEFINE_PROP operand bits, also prop_define_ex's flags.
enum { DEFINE_HIDDEN = 1, DEFINE_GETTER = 2, DEFINE_SETTER = 4 };
// FUNCTION flags byte (docs/internals.md section 3): FN_FLAG_METHOD marks methods, accessors
// and async functions, which (like arrows) are not constructors and have no `prototype`.
enum { FN_FLAG_ARROW = 1, FN_FLAG_MODULE = 2, FN_FLAG_CLASS = 4, FN_FLAG_METHOD = 8 };

// object.c. super.x: home[key] (home the parent's prototype, or the parent class), with a
// getter called on receiver (the method's this). May GC, may re-enter.
MVM_INTERNAL mvm_err_t prop_get_super(mvm_vm_t* vm, mvm_value_t home, mvm_value_t key,
                                      mvm_value_t receiver, mvm_value_t* out);
// object.c. True for a JS function that `new` accepts (not an arrow, method or async function).
MVM_INTERNAL bool function_is_constructor(mvm_vm_t* vm, mvm_value_t f);
// object.c. Defines an own property (object literals, classes): flags DEFINE_*; a getter or
// setter joins an existing accessor of the same key. key need not be normalized. May GC.
MVM_INTERNAL mvm_err_t prop_define_ex(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key,
                                      mvm_value_t v, uint32_t flags);
// obj's prototype = proto (OBJECT or null); for a function, its static parent. May GC.
MVM_INTERNAL mvm_err_t object_set_proto(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t proto);
// slots[0] = target object, slots[1] = source: copies the source's own enumerable properties
// (object spread; getters run). Both slots GC-visible. May GC, may re-enter.
MVM_INTERNAL mvm_err_t object_spread(mvm_vm_t* vm, mvm_value_t* slots);
// The keys for-in visits: enumerable string keys, own then inherited, JS order. May GC.
MVM_INTERNAL mvm_err_t for_in_keys(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t* out_array);

// iter.c: iteration over arrays (by index) and strings (by code point); anything else throws
// "is not iterable". slots are GC-visible stack slots.
// slots[0] = iterable, slots[1] = index -> slots[0] = value, slots[1] = next index,
// slots[2] = done (true: value undefined, index unchanged).
MVM_INTERNAL mvm_err_t iter_next(mvm_vm_t* vm, mvm_value_t* slots);
// slots[0] = iterable, slots[1] = index -> slots[0] = array of the remaining values.
MVM_INTERNAL mvm_err_t iter_rest(mvm_vm_t* vm, mvm_value_t* slots);
// slots[0] = array, slots[1] = iterable: appends every value of the iterable to the array.
MVM_INTERNAL mvm_err_t iter_append_all(mvm_vm_t* vm, mvm_value_t* slots);
// A new array of n values read from src (GC-visible slots, e.g. the stack). May GC.
MVM_INTERNAL mvm_err_t array_from_slots(mvm_vm_t* vm, const mvm_value_t* src, uint32_t n,
                                        mvm_value_t* out);

// vm.c. Calls f with this and argc arguments from C (getters, setters, valueOf, promise jobs):
// args are copied first, so they may point anywhere. May GC, may re-enter.
MVM_INTERNAL mvm_err_t vm_call_function(mvm_vm_t* vm, mvm_value_t f, mvm_value_t this_value,
                                        const mvm_value_t* args, uint32_t argc,
                                        mvm_value_t* out);
// Runs the frame on top of the frame stack (a resumed async function) to its next RETURN or
// AWAIT. The frame must have FRAME_ENTRY.
MVM_INTERNAL mvm_err_t vm_run_frame(mvm_vm_t* vm);

// promise.c: promises, their builtins and the job queue.
MVM_INTERNAL mvm_err_t promise_new(mvm_vm_t* vm, mvm_value_t* out);
// Resolves (threw false) or rejects (threw true) promise p with v; resolving with a thenable
// adopts its state (through a job, as JS does). May GC.
MVM_INTERNAL mvm_err_t promise_settle(mvm_vm_t* vm, mvm_value_t p, mvm_value_t v, bool threw);
// AWAIT: the async function on top of the frame stack suspends until VM_RUN(vm).sp[-1] settles.
MVM_INTERNAL mvm_err_t async_await(mvm_vm_t* vm);
// Runs jobs until the queue is empty (after the outermost call). Fatal errors only.
MVM_INTERNAL mvm_err_t jobs_drain(mvm_vm_t* vm);
MVM_INTERNAL mvm_err_t promise_builtin(mvm_vm_t* vm, uint32_t index, mvm_value_t this_value,
                                       mvm_value_t* args, uint8_t argc, bool construct,
                                       mvm_value_t* out);
// Promise.resolve and friends (key normalized).
MVM_INTERNAL mvm_err_t promise_static_prop(mvm_vm_t* vm, mvm_value_t key, mvm_value_t* out);
// p.then and friends for a PROMISE value (key normalized).
MVM_INTERNAL mvm_value_t promise_method(mvm_vm_t* vm, mvm_value_t key);
// Calls a RESOLVER (the resolve or reject function given to an executor). May GC.
MVM_INTERNAL mvm_err_t resolver_call(mvm_vm_t* vm, mvm_value_t f, const mvm_value_t* args,
                                     uint32_t argc, mvm_value_t* out);

#endif
