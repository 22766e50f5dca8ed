/* heap.c: bump allocation in the current heap space, and the VM's fixed-size memory.
 *
 * Invariants:
 * - The heap is one malloc'd block of heap_cap bytes; [0, 4) is a pad word that holds heap_cap
 *   (heap_empty_space, shared and read-only, for a heap of the pad alone), allocations follow
 *   back to back up to heap_used, each starting with its header. Offsets, not pointers, name
 *   allocations, so the block may be replaced (by the collector) without fixing up values.
 * - heap_alloc is the only way to make room; when the bump pointer would pass heap_cap it asks
 *   the collector (gc.c), which compacts and, if needed, grows the space up to heap_limit.
 * - The value stack, frame array and handler array are allocated once, at the VM's first call
 *   (when the VM is made, for mvm_restore_into), or with MVM_STACK_ON_DEMAND for each outermost
 *   call only (vm_stack_acquire/vm_stack_release).
 */
#include "internal.h"

uint32_t heap_alloc(mvm_vm_t* vm, uint32_t size, uint32_t type) {
  size = (size + 3u) & ~3u;
  if (size < 8) size = 8;
  if (size >= ALLOC_MAX_SIZE) return 0;
  uint32_t at = vm_heap_used(vm);
  bool collect = heap_cap(vm) - at < size;
#if MVM_GC_STRESS
  // Every allocation collects while the heap is small, which is where nearly every test runs;
  // past that, one allocation in each 4 KB does, so a test with a large heap (arrays/large.js)
  // costs a few copies of it, not one per allocation.
  collect = collect || at <= MVM_GC_STRESS_ALWAYS || (at >> 12) != ((at + size) >> 12);
#endif
  if (MVM_UNLIKELY(collect)) {
    if (!gc_collect(vm, size)) return 0;
  }
  uint32_t off = vm_heap_used(vm);
  vm_set_heap_used(vm, off + size);
  wr32(vm->heap + off, header_make(size, type));
  vm_charge_budget(vm, size >> 6);  // join, repeat, JSON...: work that allocates (internal.h)
  return off;
}

uint32_t heap_alloc_values(mvm_vm_t* vm, uint32_t size, uint32_t type) {
  uint32_t off = heap_alloc(vm, size, type);
  if (off == 0) return 0;
  uint32_t end = off + header_size_other(rd32(vm->heap + off));  // as heap_alloc wrote it
  for (uint32_t p = off + 4; p < end; p += 4) wr32(vm->heap + p, VAL_UNDEFINED);
  return off;
}

const heap_pad_t heap_empty_space = {{4, 0, 0, 0}};

void heap_release(mvm_vm_t* vm) {
  if (heap_is_own(vm)) VM_FREE(vm, vm->heap);
  vm->heap = NULL;
}

void heap_use_empty_space(mvm_vm_t* vm) {
  heap_release(vm);
  vm->heap = (uint8_t*)(uintptr_t)heap_empty_space.bytes;  // never written: capacity 4
  vm_set_heap_used(vm, 4);
}

mvm_err_t heap_init(mvm_vm_t* vm, uint32_t capacity) {
  if (capacity < 64) capacity = 64;
  capacity = (capacity + 3u) & ~3u;
  vm->heap = (uint8_t*)VM_MALLOC(vm, capacity);
  if (!vm->heap) return MVM_E_OUT_OF_MEMORY;
  wr32(vm->heap, capacity);
  vm_set_heap_used(vm, 4);
  vm_set_heap_peak(vm, 4);
  return MVM_E_OK;
}

// The engine strings, laid out as mvm_tables.h describes: the header (size << 5, the padding
// count in bits 5-6, STRING8; little-endian), then the text and its zero padding.
#define ENGINE_STR_UNITS(text) ((uint32_t)sizeof(text) - 1u)
#define ENGINE_STR_SIZE(text) (STRING_DATA + ((ENGINE_STR_UNITS(text) + 3u) & ~3u))
#define ENGINE_STR_WORD(text) \
  ((ENGINE_STR_SIZE(text) << 5) | ((ENGINE_STR_SIZE(text) - STRING_DATA - ENGINE_STR_UNITS(text)) << 5) | TC_STRING8)
#define ENGINE_STR_HEAD(text) \
  {(uint8_t)ENGINE_STR_WORD(text), (uint8_t)(ENGINE_STR_WORD(text) >> 8), 0, 0}
const engine_rom_space_t mvm_engine_rom = {{
#undef ENGINE_STRING
#define ENGINE_STRING(name, text) ENGINE_STR_HEAD(text), text,
#include "mvm_tables.h"
#undef ENGINE_STRING
}};
// The header encoding above keeps the size in its low 16 bits.
typedef char mvm_check_engine_rom[sizeof(engine_rom_t) < 2048 ? 1 : -1];

mvm_err_t roots_create(mvm_vm_t* vm) {
  uint32_t off = heap_alloc_values(vm, 4 + 4 * ROOT__COUNT, TC_ITEMS);
  if (off == 0) return MVM_E_OUT_OF_MEMORY;
  vm->roots = value_from_heap_offset(off);
  uint32_t props = heap_alloc_values(vm, 8 + 8 * 4, TC_PROPS);
  if (props == 0) return MVM_E_OUT_OF_MEMORY;
  wr32(vm->heap + props + 4, 0);
  root_set(vm, ROOT_EXPORTS, value_from_heap_offset(props));
  return MVM_E_OK;
}

mvm_err_t roots_full(mvm_vm_t* vm) {
  if (roots_count(vm) >= ROOT__COUNT) return MVM_E_OK;
  uint32_t off = heap_alloc(vm, roots_bytes(), TC_ITEMS);
  if (off == 0) return MVM_E_OUT_OF_MEMORY;
  // After the collection heap_alloc may have run; read only when the VM has roots (n > 0).
  uint32_t n = roots_count(vm);
  const uint8_t* old = vm->heap + vm->roots;
  for (uint32_t i = 0; i < ROOT__COUNT; i++) {
    wr32(vm->heap + off + 4 + 4 * i, i < n ? rd32(old + 4 + 4 * i) : VAL_UNDEFINED);
  }
  vm->roots = value_from_heap_offset(off);
  return MVM_E_OK;
}

mvm_err_t root_store(mvm_vm_t* vm, uint32_t i, const mvm_value_t* slot) {
  mvm_err_t err = roots_full(vm);
  if (!err) root_set(vm, i, *slot);
  return err;
}

// Images carry only the roots slots in use (snapshot.c): a restored VM that builds an exports
// table, and a VM right after mvm_snapshot, gets a full roots ITEMS from these (any other
// restored VM uses the image's roots until roots_full).
uint32_t roots_bytes(void) { return 4 + 4 * ROOT__COUNT; }

void roots_build(mvm_vm_t* vm, const uint8_t* slots, uint32_t nslots) {
  uint32_t items = vm_heap_used(vm);
  uint8_t* p = vm->heap + items;
  wr32(p, header_make(roots_bytes(), TC_ITEMS));
  for (uint32_t i = 0; i < ROOT__COUNT; i++) {
    wr32(p + 4 + 4 * i, i < nslots ? rd32(slots + 4 * i) : VAL_UNDEFINED);
  }
  vm_set_heap_used(vm, items + roots_bytes());
  vm->roots = value_from_heap_offset(items);
}

mvm_err_t vm_alloc_runtime(mvm_vm_t* vm, const mvm_config_t* cfg) {
  mvm_config_t c;
  if (cfg) {
    c = *cfg;
  } else {
    MVM_MEMSET(&c, 0, sizeof c);
  }
  uint32_t limit = heap_limit_of(c.max_heap_bytes);
#if MVM_CONFIG_HEAP_LIMIT
  vm->heap_limit = limit;
#else
  // A VM in a caller's buffer keeps its limit as its heap's fixed size (snapshot.c restore).
  if (!vm_arena(vm) && limit != heap_limit_of(0)) return MVM_E_INVALID_ARGUMENT;
#endif
  // The MCU profile's counts are 16 bits (vm_count_t): at most 65,535 slots, 32,759 frames.
  uint32_t slots = c.stack_slots ? c.stack_slots : MVM_DEFAULT_STACK_SLOTS;
  uint32_t frames = c.max_frames ? c.max_frames : MVM_DEFAULT_MAX_FRAMES;
#if MVM_CONFIG_STACK_LIMITS
  vm->stack_slots = (vm_count_t)VM_CLAMP(slots, 64u, VM_SLOTS_MAX);
  vm->max_frames = (vm_count_t)VM_CLAMP(frames, 4u, VM_FRAMES_MAX);
#else
  if (slots != MVM_DEFAULT_STACK_SLOTS || frames != MVM_DEFAULT_MAX_FRAMES) {
    return MVM_E_INVALID_ARGUMENT;
  }
#endif
#if MVM_INSTRUCTION_BUDGET
  vm->budget_limit = c.instruction_budget;
#else
  if (c.instruction_budget) return MVM_E_INVALID_ARGUMENT;
#endif

#if !MVM_STACK_ON_DEMAND
  // A VM in a caller's buffer gets its stack now (the arena is sized for it); any other VM at
  // its first call (call_with), so that a restore only copies the image.
  if (vm_arena(vm)) {
    mvm_err_t err = vm_stack_acquire(vm);
    if (err) return err;
  }
  if (!VM_HAS_RUN(vm)) vm->run.exception = VAL_UNDEFINED;  // before the first call
#endif
  uint32_t initial = MVM_INITIAL_HEAP;
  if (initial > limit) initial = limit;
  return heap_init(vm, initial);
}

// One block: (MVM_STACK_ON_DEMAND) the run state, then the values and temp roots, the frames
// and the handlers, each part aligned for a pointer.
#define RUN_HEAD_BYTES (MVM_STACK_ON_DEMAND ? ALIGN_PTR(sizeof(vm_run_t)) : 0)

size_t vm_stack_bytes(const mvm_vm_t* vm) {
  return RUN_HEAD_BYTES + ALIGN_PTR(sizeof(mvm_value_t) * (vm_stack_slots(vm) + MVM_TEMP_ROOTS)) +
         sizeof(frame_t) * vm_max_frames(vm) + sizeof(handler_t) * vm_max_handlers(vm);
}

mvm_err_t vm_stack_acquire(mvm_vm_t* vm) {
  if (VM_HAS_RUN(vm)) return MVM_E_OK;
  uint8_t* block = (uint8_t*)VM_MALLOC(vm, vm_stack_bytes(vm));
  if (!block) return MVM_E_OUT_OF_MEMORY;
#if MVM_STACK_ON_DEMAND
  vm->run = (vm_run_t*)(void*)block;
#endif
  vm_run_t* r = &VM_RUN(vm);
  MVM_MEMSET(r, 0, sizeof *r);
  size_t at = RUN_HEAD_BYTES;
  r->stack = (mvm_value_t*)(void*)(block + at);
  at += ALIGN_PTR(sizeof(mvm_value_t) * (vm_stack_slots(vm) + MVM_TEMP_ROOTS));
  r->frames = (frame_t*)(void*)(block + at);
  r->handlers = (handler_t*)(void*)(block + at + sizeof(frame_t) * vm_max_frames(vm));
  r->sp = r->stack;
  r->exception = VAL_UNDEFINED;
  vm_refill_budget(vm);
  return MVM_E_OK;
}

void vm_run_reset(mvm_vm_t* vm) {
  vm_clear_error_location(vm);
  if (!VM_HAS_RUN(vm)) return;
  vm_run_t* r = &VM_RUN(vm);
  r->sp = r->stack;
  r->nframes = 0;
  r->nhandlers = 0;
  r->ntemps = 0;
  r->fatal = MVM_E_OK;
  r->exception = VAL_UNDEFINED;
  vm_refill_budget(vm);
}

void vm_stack_release(mvm_vm_t* vm) {
  if (!VM_HAS_RUN(vm)) return;
#if MVM_STACK_ON_DEMAND
  VM_FREE(vm, vm->run);
  vm->run = NULL;
#else
  VM_FREE(vm, vm->run.stack);
  MVM_MEMSET(&vm->run, 0, sizeof vm->run);
  vm->run.exception = VAL_UNDEFINED;
#endif
}

void vm_release_memory(mvm_vm_t* vm) {
  heap_release(vm);
  vm_stack_release(vm);
#if !VM_TABLES_TRAIL
  if (vm->globals) VM_FREE(vm, vm->globals);  // and the import table (internal.h)
  vm->globals = NULL;
#endif
#if MVM_INCLUDE_BUILD_API
  if (vm->unit_exports) VM_FREE(vm, vm->unit_exports);
  vm->unit_exports = NULL;
#endif
  if (vm->flags & ROM_OWNED) rom_buffer_free(vm_arena(vm), vm->rom, vm->context);
  vm->heap = NULL;
  vm->flags &= VM_IN_ARENA;  // mvm_free finds the arena
  vm->rom = NULL;
}
