/* arena.c: the allocator behind mvm_restore_into, over one caller-supplied buffer.
 *
 * A VM restored with mvm_restore_into makes every allocation here instead of MVM_MALLOC: the VM
 * struct, globals, the import table, the stack, and the heap spaces the collector swaps. The
 * number of live blocks is small (about ten), so a first-fit walk over an implicit list of
 * blocks is fast enough and tiny. Each block starts with one word: its size in bytes (header
 * included, a multiple of 8) with bit 0 set when the block is free. Adjacent free blocks are
 * merged while the list is walked. The arena header sits at the start of the buffer.
 *
 * Invariant: blocks tile [first, end) exactly; walking by size always lands on a header.
 */
#include "internal.h"

struct mvm_arena {
  uint8_t* first;  // first block header (8-aligned)
  uint8_t* end;
  size_t peak;     // highest number of bytes in use (headers included)
  size_t used;
};

#define ARENA_ALIGN 8u
#define ARENA_FREE 1u
// The VM struct has its own place after the arena header (arena_vm), not a block: the VM finds
// its arena from its own address (vm_arena), and needs no field for it. Its tables may follow it
// there (arena_reserve_vm).
#define ARENA_ROUND(n) (((n) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))
#define ARENA_HEADER ARENA_ROUND(sizeof(mvm_arena_t))
#define ARENA_FIXED (ARENA_HEADER + ARENA_ROUND(sizeof(mvm_vm_t)))

static size_t block_size(const uint8_t* b) {
  return *(const size_t*)(const void*)b & ~(size_t)ARENA_FREE;
}
static bool block_free(const uint8_t* b) { return (*(const size_t*)(const void*)b & ARENA_FREE) != 0; }
static void block_set(uint8_t* b, size_t size, bool is_free) {
  *(size_t*)(void*)b = size | (is_free ? ARENA_FREE : 0u);
}

mvm_arena_t* arena_init(void* buffer, size_t len) {
  uintptr_t at = ((uintptr_t)buffer + ARENA_ALIGN - 1) & ~(uintptr_t)(ARENA_ALIGN - 1);
  uintptr_t end = ((uintptr_t)buffer + len) & ~(uintptr_t)(ARENA_ALIGN - 1);
  if (!buffer || end < at || end - at < ARENA_FIXED + 64) return NULL;
  mvm_arena_t* a = (mvm_arena_t*)at;
  a->first = (uint8_t*)(at + ARENA_FIXED);
  a->end = (uint8_t*)end;
  a->used = 0;
  a->peak = 0;
  block_set(a->first, (size_t)(a->end - a->first), true);
  return a;
}

// The size of the free block b once the free blocks that follow are merged into it, so that
// freed neighbours become one block again.
static size_t merge_free(mvm_arena_t* a, uint8_t* b) {
  size_t size = block_size(b);
  while (b + size < a->end && block_free(b + size)) size += block_size(b + size);
  block_set(b, size, true);
  return size;
}

void* arena_alloc(mvm_arena_t* a, size_t n) {
  if (n > (size_t)(a->end - a->first)) return NULL;
  size_t need = (n + ARENA_ALIGN + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  for (uint8_t* b = a->first; b < a->end; b += block_size(b)) {
    if (!block_free(b)) continue;
    size_t size = merge_free(a, b);
    if (size < need) continue;
    if (size - need >= 2 * ARENA_ALIGN) {
      block_set(b + need, size - need, true);
      size = need;
    }
    block_set(b, size, false);
    a->used += size;
    if (a->used > a->peak) a->peak = a->used;
    return b + ARENA_ALIGN;
  }
  return NULL;
}

// The same, from the end of the last free block that fits: for a block that lives as long as the
// VM (a packed image's ROM), which so keeps the first block free for arena_reserve_vm.
void* arena_alloc_top(mvm_arena_t* a, size_t n) {
  if (n > (size_t)(a->end - a->first)) return NULL;
  size_t need = (n + ARENA_ALIGN + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  uint8_t* fit = NULL;
  for (uint8_t* b = a->first; b < a->end; b += block_size(b)) {
    if (block_free(b) && merge_free(a, b) >= need) fit = b;
  }
  if (!fit) return NULL;
  size_t size = block_size(fit);
  if (size - need >= 2 * ARENA_ALIGN) {
    block_set(fit, size - need, true);
    fit += size - need;
    size = need;
  }
  block_set(fit, size, false);
  a->used += size;
  if (a->used > a->peak) a->peak = a->used;
  return fit + ARENA_ALIGN;
}

// Gives the VM's fixed place n more bytes (rounded), taken from the start of the first block,
// which must be free: the tables that follow the struct (internal.h VM_TABLES_TRAIL).
bool arena_reserve_vm(mvm_arena_t* a, size_t n) {
  n = ARENA_ROUND(n);
  if (!n) return true;
  uint8_t* b = a->first;
  if (!block_free(b)) return false;
  size_t size = merge_free(a, b);
  if (size < n + 2 * ARENA_ALIGN) return false;
  a->first = b + n;
  block_set(a->first, size - n, true);
  return true;
}

void arena_free(mvm_arena_t* a, void* p) {
  if (!p) return;
  // Through uintptr_t: the block header precedes p (compilers that track where p came from
  // cannot tell that it was made by arena_alloc).
  uint8_t* b = (uint8_t*)((uintptr_t)p - ARENA_ALIGN);
  a->used -= block_size(b);
  block_set(b, block_size(b), true);
}

// The blocks' peak and the fixed part before them (arena header, VM struct, its tables).
size_t arena_peak(const mvm_arena_t* a) {
  return a ? a->peak + (size_t)(a->first - (const uint8_t*)a) : 0;
}

mvm_vm_t* arena_vm(mvm_arena_t* a) { return (mvm_vm_t*)(void*)((uint8_t*)a + ARENA_HEADER); }

mvm_arena_t* vm_arena(const mvm_vm_t* vm) {
  if (!(vm->flags & VM_IN_ARENA)) return NULL;
  return (mvm_arena_t*)(uintptr_t)((uintptr_t)vm - ARENA_HEADER);
}

size_t arena_available(const mvm_arena_t* a) { return (size_t)(a->end - a->first) - a->used; }
