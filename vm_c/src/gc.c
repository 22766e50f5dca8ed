/* gc.c: the semispace copying collector and the one function that lists every root.
 *
 * How it works (Cheney's algorithm). The live heap is copied into a freshly allocated space
 * ("to-space") as large as the current one, which is enough because the live data cannot exceed
 * what is allocated now. Each root is forwarded: its allocation is copied to the end of
 * to-space and the old copy is overwritten by a FORWARD header plus its new offset, so every
 * later reference to it finds the same new home. Then a scan pointer walks to-space from the
 * start; every reference field of each copied allocation is forwarded in turn, which may append
 * more allocations behind the scan pointer. When the scan pointer catches up, everything
 * reachable has been copied, in breadth-first order, compacted, and the old space is freed.
 *
 * Why copying: allocation is a bump pointer, fragmentation cannot happen, and the cost of a
 * collection is proportional to live data only, which suits programs that allocate a lot and
 * keep little. Why offsets: a copy into a new block keeps all the offsets meaning the same
 * thing, so growing the heap is a memcpy, and a snapshot of the heap is its bytes.
 *
 * The VM roots ITEMS allocation is forwarded before any other root, so it is always the first
 * allocation (offset 4) after a collection; images rely on that to find it.
 *
 * Invariants the scanner relies on: PROPS slots past `count` and ITEMS slots past the array
 * length hold undefined or stale-but-unread values (only the first `count` pairs of a PROPS are
 * scanned; ITEMS are scanned whole, so they must hold valid values everywhere); every allocation
 * is fully initialized before the next allocation can happen.
 *
 * After a collection, if the free space is smaller than the request or the heap is more than
 * half full, the space is grown (doubling, capped at heap_limit) by copying it into a larger
 * block; a space less than 1/8 full shrinks. If even the limit cannot fit the request, the
 * request fails: the heap is still valid.
 */
#include "internal.h"

typedef void (*root_visitor_t)(void* ctx, mvm_value_t* slot);

// A snapshot's marking collections (snapshot.c find_live) hold the import table's values
// weakly: an import whose host function nothing else holds is left out of the image.
#if MVM_INCLUDE_BUILD_API
#define SNAPSHOT_MARKING(vm) ((vm)->gc_snapshot != NULL && (vm)->gc_snapshot->rom_marks != NULL)
#else
#define SNAPSHOT_MARKING(vm) false
#endif

// Every root of the VM, each passed to visit once.
static void gc_visit_roots(mvm_vm_t* vm, root_visitor_t visit, void* ctx) {
  // 1. The VM roots ITEMS (error prototypes, ROM function props, exports, job queue).
  //    First, so the collector places it at heap offset 4.
  if (vm->roots) visit(ctx, &vm->roots);
  // 2. Globals (module top-level bindings).
  for (uint32_t i = 0; i < vm->global_count; i++) visit(ctx, &vm_globals(vm)[i]);
  // 3. Host handles.
  for (mvm_handle_t* h = vm->handles; h; h = h->_next) visit(ctx, &h->value);
  // 4. The import table's cached HOSTFN values (in the ROM for a table of host functions).
  if (!(vm->flags & ROM_IMPORTS) && !SNAPSHOT_MARKING(vm)) {
    for (uint32_t i = 0; i < vm->nimports; i++) visit(ctx, &vm_imports_full(vm)[i].cached);
  }
  // The rest exists only while a call runs (or a host helper holds the stack block).
  if (!VM_HAS_RUN(vm)) return;
  // 5. The value stack up to VM_RUN(vm).sp: arguments, locals, operands, host function args/results.
  for (mvm_value_t* p = VM_RUN(vm).stack; p < VM_RUN(vm).sp; p++) visit(ctx, p);
  // 6. Frames' scope registers.
  for (uint32_t i = 0; i < VM_RUN(vm).nframes; i++) visit(ctx, &VM_RUN(vm).frames[i].scope);
  // 7. Try handlers' saved scopes.
  for (uint32_t i = 0; i < VM_RUN(vm).nhandlers; i++) visit(ctx, &VM_RUN(vm).handlers[i].scope);
  // 8. Temp roots held by C helpers across allocations.
  for (uint32_t i = 0; i < VM_RUN(vm).ntemps; i++) visit(ctx, &vm_temps(vm)[i]);
  // 9. The pending exception.
  visit(ctx, &VM_RUN(vm).exception);
}

typedef struct gc_state {
  uint8_t* from;
  uint8_t* to;
  uint32_t to_used;
  gc_snapshot_t* snap;  // vm->gc_snapshot: marks or remaps ROM references (snapshot.c)
} gc_state_t;
// Only a VM with the build API snapshots: without it the snapshot paths compile out.
#if MVM_INCLUDE_BUILD_API
#define GC_SNAP(g) ((g)->snap)
#else
#define GC_SNAP(g) ((gc_snapshot_t*)NULL)
#endif

// Snapshot collections (snapshot.c): every ROM reference a root or a live heap value holds is
// recorded in snap->rom_marks, or rewritten through snap->rom_map (the tree-shaken ROM's
// offsets); with snap->trim, PROPS lose their unused capacity.
static mvm_value_t rom_ref_seen(gc_state_t* g, mvm_value_t v) {
  uint32_t off = value_rom_offset(v);
  if (off >= g->snap->rom_len) return v;
  if (g->snap->rom_marks) g->snap->rom_marks[off >> 5] |= (uint8_t)(1u << ((off >> 2) & 7));
  if (g->snap->rom_map) return value_from_rom_offset(g->snap->rom_map[off >> 2]);
  return v;
}

static mvm_value_t forward(gc_state_t* g, mvm_value_t v);

// A snapshot collection's copy of the PROPS at old to to-space offset dst; returns its size
// there. keys: the ROM CONSTS rom_intern.c planned for its keys, or NO_OFFSET.
static uint32_t snapshot_copy_props(gc_state_t* g, const uint8_t* old, uint32_t dst,
                                    uint32_t keys) {
  uint32_t h = rd32(old), size = header_size(h);
  uint8_t* to = g->to + dst;
  if (h & HEADER_ROM_KEYS) {
    // Its keys' reference, which the scan does not visit, is marked or moved here.
    MVM_MEMCPY(to, old, size);
    wr32(to + 4, forward(g, rd32(old + 4)));
    return size;
  }
  uint32_t count = rd32(old + 4);
  if (keys != NO_OFFSET) {  // the values alone stay, after a reference to the keys
    size = 8 + 4 * count;
    wr32(to, header_make(size, TC_PROPS) | HEADER_ROM_KEYS);
    wr32(to + 4, value_from_rom_offset(keys));
    for (uint32_t i = 0; i < count; i++) wr32(to + 8 + 4 * i, rd32(old + 12 + 8 * i));
    return size;
  }
  if (g->snap->trim && (uint64_t)8 + 8 * (uint64_t)count < size) size = 8 + 8 * count;
  MVM_MEMCPY(to, old, size);
  wr32(to, header_make(size, TC_PROPS));
  return size;
}

// Writes an OBJECT holding the n values at vals (stride bytes apart) inline at to (internal.h
// object_inline_layout); returns its size.
static uint32_t write_inline_object(uint8_t* to, uint32_t frozen, mvm_value_t proto,
                                    mvm_value_t keys, const uint8_t* vals, uint32_t stride,
                                    uint32_t n) {
  uint32_t at = object_inline_layout(to, frozen, proto, keys, n);
  for (uint32_t i = 0; i < n; i++) wr32(to + at + 4 * i, rd32(vals + stride * i));
  return at + 4 * n;
}

// A snapshot collection's copy of the OBJECT at old to to-space offset dst, with its
// properties inline when their keys have a ROM list (planned by rom_intern.c for a plain PROPS,
// or a PROPS with ROM keys); returns its size there, or 0 to copy it as it is. The reference to
// the keys, which the scan does not visit, is marked or moved here (and the form chosen again,
// as the list may move). The scan forwards the prototype and the values.
static uint32_t snapshot_inline_object(gc_state_t* g, const uint8_t* old, uint32_t dst) {
  uint32_t h = rd32(old);
  uint8_t* to = g->to + dst;
  if (h & HEADER_INLINE_PROPS) {
    mvm_value_t proto = object_has_proto_word(old) ? rd32(old + 4) : VAL_NULL;
    return write_inline_object(to, h & HEADER_FROZEN, proto, forward(g, props_rom_keys(old)),
                               old + props_values_at(old), 4, props_count_of(old));
  }
  mvm_value_t props = rd32(old + 8);
  if (!g->snap->heap_map || !value_is_heap(props)) return 0;
  const uint8_t* ps = g->from + props;
  uint32_t ph = rd32(ps);
  if (header_type(ph) != TC_PROPS) return 0;  // already copied for another holder
  uint32_t n = props_count_of(ps), first = 12, stride = 8;
  if (n > OBJECT_KEYS_MAX) return 0;  // as it is, with a PROPS
  mvm_value_t keys;
  if (ph & HEADER_ROM_KEYS) {
    keys = rom_ref_seen(g, rd32(ps + 4));
    first = 8;
    stride = 4;
  } else if (g->snap->heap_map[props >> 2] != NO_OFFSET) {
    keys = value_from_rom_offset(g->snap->heap_map[props >> 2]);
  } else {
    return 0;
  }
  return write_inline_object(to, h & HEADER_FROZEN, rd32(old + 4), keys, ps + first, stride, n);
}

// The same for an ARRAY: with its values inline when it has any, in an ITEMS not yet copied.
// The scan forwards its named properties and values as those of any inline array.
static uint32_t snapshot_inline_array(gc_state_t* g, const uint8_t* old, uint32_t dst) {
  uint32_t h = rd32(old), len = rd32(old + 4);
  mvm_value_t items = rd32(old + 8);
  if ((h & HEADER_INLINE_ITEMS) || !g->snap->trim || len == 0 || !value_is_heap(items)) return 0;
  const uint8_t* it = g->from + items;
  if (header_type(rd32(it)) != TC_ITEMS) return 0;  // already copied for another array
  uint8_t* to = g->to + dst;
  // No word for named properties when there are none (internal.h ARRAY_NO_PROPS), but for a
  // single value: the usual layout needs 16 bytes should it ever get an ITEMS.
  mvm_value_t props = rd32(old + 12);
  uint32_t k = props == VAL_UNDEFINED && len >= 2 ? 8 : 12, size = k + 4 * len;
  wr32(to, header_make(size, TC_ARRAY) | (h & HEADER_FROZEN) | HEADER_INLINE_ITEMS);
  wr32(to + 4, k == 8 ? len | ARRAY_NO_PROPS : len);
  if (k == 12) wr32(to + 8, props);
  MVM_MEMCPY(to + k, it + 4, 4 * (size_t)len);
  return size;
}

static mvm_value_t forward(gc_state_t* g, mvm_value_t v) {
  if (!value_is_heap(v)) {
    if (MVM_UNLIKELY(GC_SNAP(g) != NULL) && value_is_rom(v)) return rom_ref_seen(g, v);
    return v;
  }
  uint8_t* old = g->from + v;
  uint32_t h = rd32(old);
  if (header_type(h) == TC_FORWARD) return rd32(old + 4);
  uint32_t size = header_size(h);
  uint32_t dst = g->to_used;
  if (MVM_UNLIKELY(GC_SNAP(g) != NULL)) {
    uint32_t rom = g->snap->heap_map ? g->snap->heap_map[v >> 2] : NO_OFFSET;
    uint32_t inlined;
    if (header_type(h) == TC_PROPS) {
      size = snapshot_copy_props(g, old, dst, rom);
    } else if (header_type(h) == TC_OBJECT && (inlined = snapshot_inline_object(g, old, dst))) {
      size = inlined;
    } else if (header_type(h) == TC_ARRAY && (inlined = snapshot_inline_array(g, old, dst))) {
      size = inlined;
    } else if (rom != NO_OFFSET) {
      return value_from_rom_offset(rom);  // a string, float or host function moved to the ROM
    } else {
      MVM_MEMCPY(g->to + dst, old, size);
    }
  } else {
    MVM_MEMCPY(g->to + dst, old, size);
  }
  // An OBJECT whose inline properties were replaced by a PROPS (object.c holder_set_props), or
  // an ARRAY whose inline values were by an ITEMS (object.c array_set_items), leaves their room
  // behind here.
  if (size > 12 &&
      (header_type(h) == TC_OBJECT || (header_type(h) == TC_ARRAY && size > 16)) &&
      !(rd32(g->to + dst) & (HEADER_INLINE_PROPS | HEADER_INLINE_ITEMS))) {
    size = header_type(h) == TC_OBJECT ? 12 : 16;
    wr32(g->to + dst, header_make(size, header_type(h)) | (h & HEADER_FROZEN));
  }
  g->to_used += size;
  wr32(old, header_make(8, TC_FORWARD));
  wr32(old + 4, dst);
  return value_from_heap_offset(dst);
}

static void visit_forward(void* ctx, mvm_value_t* slot) {
  *slot = forward((gc_state_t*)ctx, *slot);
}

static void forward_field(gc_state_t* g, uint32_t at) {
  wr32(g->to + at, forward(g, rd32(g->to + at)));
}

// The items of the array at to-space offset at. A snapshot's last collection (trim) copies
// only the slots up to the array's length (the rest hold undefined), and none for an empty
// array: arrays grown by push at build time would otherwise keep up to half their ITEMS
// empty in every image. At a snapshot an ITEMS belongs to one array (join's and sort's
// scratch ITEMS exist only during a call).
static void forward_items(gc_state_t* g, uint32_t at) {
  mvm_value_t items = rd32(g->to + at + 8);
  if (MVM_UNLIKELY(GC_SNAP(g) != NULL) && g->snap->trim && value_is_heap(items) &&
      header_type(rd32(g->from + items)) == TC_ITEMS) {
    uint32_t len = rd32(g->to + at + 4);
    if (len == 0) {
      wr32(g->to + at + 8, VAL_UNDEFINED);
      return;
    }
    if ((uint64_t)4 + 4 * (uint64_t)len < header_size(rd32(g->from + items))) {
      wr32(g->from + items, header_make(4 + 4 * len, TC_ITEMS));  // forward copies this much
    }
  }
  forward_field(g, at + 8);
}

static void scan(gc_state_t* g) {
  uint32_t at = 4;
  while (at < g->to_used) {
    uint32_t h = rd32(g->to + at);
    uint32_t size = header_size(h);
    uint32_t end = at + size;
    switch (header_type(h)) {
      case TC_OBJECT: {  // proto, then props; or (proto,) ROM keys (forward dealt with them), values
        if (!(h & HEADER_INLINE_PROPS)) {
          forward_field(g, at + 4);
          forward_field(g, at + 8);
          break;
        }
        if (object_has_proto_word(g->to + at)) forward_field(g, at + 4);
        for (uint32_t p = at + props_values_at(g->to + at); p < end; p += 4) forward_field(g, p);
        break;
      }
      case TC_PROPS: {
        if (h & HEADER_ROM_KEYS) {  // values only (forward dealt with the keys' reference)
          for (uint32_t p = at + 8; p < end; p += 4) forward_field(g, p);
          break;
        }
        uint32_t count = rd32(g->to + at + 4);
        uint32_t cap = (size - 8) / 8;
        if (count > cap) count = cap;
        for (uint32_t i = 0; i < count * 2; i++) forward_field(g, at + 8 + 4 * i);
        break;
      }
      case TC_ARRAY:  // u32 length, items, named properties; or length, named properties, values
        if (h & HEADER_INLINE_ITEMS) {
          for (uint32_t p = at + 8; p < end; p += 4) forward_field(g, p);
          break;
        }
        forward_items(g, at);
        forward_field(g, at + 12);
        break;
      case TC_ITEMS:
        for (uint32_t p = at + 4; p < end; p += 4) forward_field(g, p);
        break;
      case TC_CLOSURE:
        if (GC_SNAP(g)) forward_field(g, at + 4);  // the function: a ROM reference (snapshots)
        forward_field(g, at + 8);
        forward_field(g, at + 12);
        break;
      case TC_SCOPE:
      case TC_CONTINUATION:  // values only (counts and pcs are int31)
        for (uint32_t p = at + 4; p < end; p += 4) forward_field(g, p);
        break;
      case TC_PROPERTY:  // u32 flags, getter or value, setter
      case TC_PROMISE:   // u32 state, value, reactions
      case TC_RESOLVER:  // u32 flags, promise, twin
        forward_field(g, at + 8);
        forward_field(g, at + 12);
        break;
      default:  // FLOAT64, STRING8, STRING16, HOSTFN: no references
        break;
    }
    at = end;
  }
}

// Moves the heap into a block of new_cap bytes (offsets unchanged).
static bool resize_space(mvm_vm_t* vm, uint32_t new_cap) {
  uint8_t* block = (uint8_t*)VM_MALLOC(vm, new_cap);
  if (!block) return false;
  MVM_MEMCPY(block, vm->heap, vm_heap_used(vm));
  heap_release(vm);
  vm->heap = block;
  wr32(block, new_cap);
  return true;
}

bool gc_collect(mvm_vm_t* vm, uint32_t need) {
  gc_state_t g;
  uint32_t cap = heap_cap(vm);
  vm_set_heap_peak(vm, vm_heap_peak(vm));
  g.from = vm->heap;
  g.to = (uint8_t*)VM_MALLOC(vm, cap);
  if (!g.to) return false;
  wr32(g.to, cap);
  g.to_used = 4;
#if MVM_INCLUDE_BUILD_API
  g.snap = vm->gc_snapshot;
#else
  g.snap = NULL;
#endif
  gc_visit_roots(vm, visit_forward, &g);
  scan(&g);
  if (SNAPSHOT_MARKING(vm)) {  // the weak import values: moved, or gone (a ROM one: find_live)
    for (uint32_t i = 0; i < vm->nimports; i++) {
      mvm_value_t* v = &vm_imports_full(vm)[i].cached;
      if (!value_is_heap(*v)) continue;
      const uint8_t* old = g.from + *v;
      *v = header_type(rd32(old)) == TC_FORWARD ? value_from_heap_offset(rd32(old + 4))
                                                 : VAL_UNDEFINED;
    }
  }
  heap_release(vm);  // g.from
  vm->heap = g.to;
  vm_set_heap_used(vm, g.to_used);
  vm->gc_count++;

  uint32_t used = vm_heap_used(vm);
  if ((uint64_t)used + need > vm_heap_limit(vm)) return false;
  // Nothing live and nothing to make room for (mvm_run_gc, a snapshot): the VM holds no space,
  // as after restoring such an image. A caller's buffer keeps its fixed one.
  if (used == 4 && need == 0 && !vm_arena(vm)) {
    heap_use_empty_space(vm);
    return true;
  }
  // A space that is mostly empty after a burst of live data shrinks back (to 4x the live data),
  // so a VM does not keep its peak footprint forever. Growth at 1/2 full, shrink at 1/8: the
  // gap keeps a steady program from resizing at every collection.
  uint64_t small = ((uint64_t)used + need) * 4;
  if (small < MVM_INITIAL_HEAP) small = MVM_INITIAL_HEAP;
  // A VM in a caller's buffer (mvm_restore_into) keeps its fixed space: no shrinking.
  if (!vm_arena(vm) && small * 2 <= cap && (uint64_t)used * 8 < cap) {
    if (resize_space(vm, (uint32_t)small)) cap = (uint32_t)small;  // else the bigger one is fine
  }
  if (cap - used < need || used > cap / 2) {
    uint64_t want = (uint64_t)cap * 2;
    uint64_t min_needed = (uint64_t)used + need;
    while (want < min_needed + min_needed / 2) want *= 2;
    if (want > vm_heap_limit(vm)) want = vm_heap_limit(vm);
    if (want > cap && !resize_space(vm, (uint32_t)want)) {
      return cap - used >= need;
    }
  }
  return true;
}
