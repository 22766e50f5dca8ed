/* load.c: creating a VM from a bytecode unit, freeing a VM, and the ROM bounds checks shared
 * with the image loader.
 *
 * A unit is untrusted input: every offset in its header is checked against the ROM before the
 * VM is made (docs/internals.md section 9), and the ROM is copied into a buffer the VM owns, so
 * the caller may free the unit. Globals start as HOLE (the TDZ marker).
 *
 * ROM validation (shared with images) relies on the ROM being a dense sequence of allocations
 * from offset 0, as the compiler writes it: every allocation is walked, and every reference a
 * ROM allocation holds (constants, function names, line tables) must land on the start of an
 * allocation of the right type. After that, bytecode can only reach well-formed ROM data; the
 * opcodes' operands themselves are checked at run time in safe mode.
 *
 * Every function's code is also verified once, here (code_ok): the operand stack depth is
 * computed along every path (as compiler/assemble.py does when it computes max_stack), and a
 * function is refused when an instruction pops more than the stack holds, the depth exceeds the
 * function's max_stack, two paths meet with different depths, a jump or handler leaves the code,
 * or control falls off its end. The interpreter does not check stack bounds per instruction, so
 * this is what keeps hostile bytecode inside the frame's slots (found by tests/fuzz).
 */
#include "internal.h"

static const uint16_t engine_string_offsets[] = {
#undef ENGINE_STRING
#define ENGINE_STRING(name, text) (uint16_t)offsetof(engine_rom_t, s_##name##_head),
#include "mvm_tables.h"
#undef ENGINE_STRING
};

bool engine_string_at(uint32_t off) {
  for (uint32_t i = 0; i < sizeof engine_string_offsets / sizeof engine_string_offsets[0]; i++) {
    if (off == (uint32_t)K_ENGINE_ROM_BASE + engine_string_offsets[i]) return true;
  }
  return false;
}

#if MVM_INCLUDE_BUILD_API  // snapshots only (rom_intern.c)
uint32_t engine_string_find(const uint8_t* p) {
  uint32_t h = rd32(p);
  for (uint32_t i = 0; i < sizeof engine_string_offsets / sizeof engine_string_offsets[0]; i++) {
    const uint8_t* e = (const uint8_t*)&mvm_engine_rom + engine_string_offsets[i];
    if (rd32(e) == h && MVM_MEMCMP(e + STRING_DATA, p + STRING_DATA, string_bytes(h)) == 0) {
      return (uint32_t)K_ENGINE_ROM_BASE + engine_string_offsets[i];
    }
  }
  return NO_OFFSET;
}
#endif

// A FUNCTION's code length comes from its size, padding bits and the words before its code
// (fn_code_len): 4 bytes past them leave at least one byte of code whatever the bits say (0-3;
// sizes are multiples of 4). An empty function would run whatever bytes follow, and a smaller
// size would underflow. fn (size bytes, in bounds) has its fixed fields once size >= 16.
static bool fn_size_ok(const uint8_t* fn, uint32_t size) {
  return size >= (uint32_t)FN_CONSTS + 4 && size >= fn_code_at(fn) + 4 &&
         fn_code_at(fn) >= (uint32_t)FN_CONSTS + 4 * fn_extra_words(fn);
}

bool rom_alloc_ok(const uint8_t* rom, uint32_t rom_len, uint32_t off, uint32_t type) {
  if (off >= (uint32_t)K_ENGINE_ROM_BASE) return type == TC_INVALID && engine_string_at(off);
  if ((off & 3u) || (uint64_t)off + 8 > rom_len) return false;
  uint32_t h = rd32(rom + off);
  uint32_t size = header_size(h), t = header_type(h);
  if (size < 8 || (uint64_t)off + size > rom_len) return false;
  switch (type) {
    case TC_INVALID:  // a string
      if (t == TC_STRING8) return true;  // size >= 8: at least one unit (string_bytes)
      if (t == TC_STRING16) return (string_bytes(h) & 1u) == 0;
      return false;
    case TC_FUNCTION:
      return t == TC_FUNCTION && fn_size_ok(rom + off, size);
    default:
      return t == type;
  }
}

#if VM_VERIFIES  // the checks of a ROM, to rom_validate
bool rom_names_ok(const uint8_t* rom, uint32_t rom_len, uint32_t names, uint32_t count) {
  if (names == NO_OFFSET) return true;
  if (!rom_alloc_ok(rom, rom_len, names, TC_CONSTS)) return false;
  if (consts_count(rom + names) != count) return false;
  for (uint32_t i = 0; i < count; i++) {  // undefined: a global no image code can see (snapshot.c)
    mvm_value_t v = rd32(consts_values(rom + names) + 4 * i);
    if (v != VAL_UNDEFINED &&
        (!value_is_rom(v) || !rom_alloc_ok(rom, rom_len, value_rom_offset(v), TC_INVALID))) {
      return false;
    }
  }
  return true;
}

static bool bit_get(const uint8_t* bits, uint32_t off) {
  return (bits[off >> 5] >> ((off >> 2) & 7)) & 1;
}

bool rom_value_ok(const uint8_t* rom, uint32_t rom_len, const uint8_t* starts, mvm_value_t v) {
  if (value_is_int(v)) return true;
  if (value_is_special(v)) {
    uint32_t i = value_special_index(v);
    return i < SP__END || (i >= (uint32_t)K_BUILTIN_BASE && i < (uint32_t)K_BUILTIN_BASE + BI__COUNT);
  }
  if (!value_is_rom(v)) return false;  // the ROM cannot refer to the heap
  uint32_t off = value_rom_offset(v);
  if (off >= (uint32_t)K_ENGINE_ROM_BASE) return engine_string_at(off);
  if (off >= rom_len || !bit_get(starts, off)) return false;
  uint32_t t = header_type(rd32(rom + off));
  return t == TC_FLOAT64 || t == TC_STRING8 || t == TC_STRING16 || t == TC_FUNCTION ||
         t == TC_HOSTFN;
}

// A reference to a key list (an object literal's, NEW_OBJECT_KEYS), the one value a function's
// constants may hold that is no JS value: a CONSTS of ROM strings, at most OBJECT_KEYS_MAX.
// verify.c lets only NEW_OBJECT_KEYS use it; a constant global may not be one (snapshot.c).
bool rom_key_list_ok(const uint8_t* rom, uint32_t rom_len, const uint8_t* starts, mvm_value_t v) {
  if (!value_is_image_rom(v)) return false;
  uint32_t off = value_rom_offset(v);
  if (off >= rom_len || !bit_get(starts, off) || header_type(rd32(rom + off)) != TC_CONSTS) {
    return false;
  }
  uint32_t n = consts_count(rom + off);
  if (n > OBJECT_KEYS_MAX) return false;
  for (uint32_t i = 0; i < n; i++) {
    mvm_value_t k = rd32(consts_values(rom + off) + 4 * i);
    if (!value_is_rom(k) || !rom_value_ok(rom, rom_len, starts, k)) return false;
    if (value_rom_offset(k) >= (uint32_t)K_ENGINE_ROM_BASE) continue;  // an engine string
    uint32_t t = header_type(rd32(rom + value_rom_offset(k)));
    if (t != TC_STRING8 && t != TC_STRING16) return false;
  }
  return true;
}

// A string a function or line table names: an engine string, or a ROM allocation start.
static bool rom_string_ok(const uint8_t* rom, uint32_t rom_len, const uint8_t* starts,
                          mvm_value_t v) {
  if (!value_is_rom(v) || !rom_alloc_ok(rom, rom_len, value_rom_offset(v), TC_INVALID)) {
    return false;
  }
  return value_rom_offset(v) >= (uint32_t)K_ENGINE_ROM_BASE || bit_get(starts, value_rom_offset(v));
}

bool rom_start_of(const uint8_t* rom, uint32_t rom_len, const uint8_t* starts, uint32_t off,
                  uint32_t type) {
  return off < rom_len && !(off & 3u) && bit_get(starts, off) &&
         header_type(rd32(rom + off)) == type;
}

// ---- Bytecode verification: operand stack depths ----

#define VERIFY_FMT_NONE 0
#define VERIFY_FMT_U8 1
#define VERIFY_FMT_I8 1
#define VERIFY_FMT_U16 2
#define VERIFY_FMT_I16 2
#define VERIFY_FMT_REL16 2
#define VERIFY_FMT_U8U8 2
#define VERIFY_FMT_U8U16 3
#define VERIFY_REL_NONE 0
#define VERIFY_REL_U8 0
#define VERIFY_REL_I8 0
#define VERIFY_REL_U16 0
#define VERIFY_REL_I16 0
#define VERIFY_REL_REL16 1
#define VERIFY_REL_U8U8 0
#define VERIFY_REL_U8U16 0

typedef struct op_shape {
  uint8_t operand;  // operand bytes
  int8_t pop;       // -1: CALL/NEW (operand + 2), NEW_ARRAY (operand)
  int8_t push;
  uint8_t rel16;    // the operand is a jump offset (JUMP*, TRY)
} op_shape_t;

static const op_shape_t op_shapes[] = {
#define OP(name, fmt, pop, push) {VERIFY_FMT_##fmt, pop, push, VERIFY_REL_##fmt},
#include "mvm_opcodes.h"
#undef OP
#undef FMT
};

typedef struct verifier {
  uint16_t* depth;  // depth before the instruction at each code offset (valid where seen)
  uint8_t* seen;    // bitmap: a depth was recorded at this offset
  uint32_t* work;   // offsets whose instructions are still to be walked
  uint32_t nwork;
} verifier_t;

// Bytes of scratch that code_ok needs for code of code_len bytes (see verifier_t).
static size_t verifier_bytes(uint32_t code_len) {
  return 2 * ((size_t)code_len + 1) + 4 + 4 * ((size_t)code_len / 3 + 2) + (size_t)code_len / 8 + 1;
}

// Records depth d at offset at: a new offset goes on the work list; a known one must agree.
static bool verify_flow(verifier_t* v, uint32_t at, uint32_t d) {
  if ((v->seen[at >> 3] >> (at & 7u)) & 1u) return v->depth[at] == d;
  v->seen[at >> 3] = (uint8_t)(v->seen[at >> 3] | (1u << (at & 7u)));
  v->depth[at] = (uint16_t)d;
  v->work[v->nwork++] = at;
  return true;
}

static bool code_ok(const uint8_t* fn, verifier_t* v) {
  const uint8_t* code = fn_code(fn);
  uint32_t len = fn_code_len(fn);
  uint32_t max_stack = rd16(fn + FN_MAX_STACK);
  if (len == 0) return false;
  MVM_MEMSET(v->seen, 0, len / 8 + 1);
  v->nwork = 0;
  verify_flow(v, 0, 0);
  while (v->nwork) {
    uint32_t pc = v->work[--v->nwork];
    uint32_t d = v->depth[pc];
    // Walks a straight line of code from pc; jump targets go on the work list (each offset is
    // recorded once, and only jumps add entries: at most len / 3 + 1 of them).
    for (;;) {
      uint8_t op = rd8(code + pc);
      if (op >= OP__COUNT) return false;
      const op_shape_t* s = &op_shapes[op];
      uint32_t next = pc + 1 + s->operand;
      if (next > len) return false;
      uint32_t pop = (uint32_t)s->pop;
      if (s->pop < 0) {
        pop = op == OP_NEW_ARRAY         ? rd16u(code + pc + 1)
              : op == OP_NEW_OBJECT_KEYS ? (uint32_t)rd8(code + pc + 1)
                                         : (uint32_t)rd8(code + pc + 1) + 2;
      }
      if (d < pop) return false;
      uint32_t after = d - pop + (uint32_t)s->push;
      if (after > max_stack) return false;
      if (s->rel16) {
        int64_t target = (int64_t)next + (int16_t)rd16u(code + pc + 1);
        uint32_t td = op == OP_TRY ? d + 1 : after;  // a handler starts with the exception pushed
        if (target < 0 || target >= (int64_t)len || td > max_stack) return false;
        if (!verify_flow(v, (uint32_t)target, td)) return false;
      }
      if (op == OP_JUMP || op == OP_RETURN || op == OP_THROW || op == OP_THROW_ERROR) break;
      if (next >= len) return false;  // control falls off the end
      if ((v->seen[next >> 3] >> (next & 7u)) & 1u) {
        if (v->depth[next] != after) return false;
        break;
      }
      v->seen[next >> 3] = (uint8_t)(v->seen[next >> 3] | (1u << (next & 7u)));
      v->depth[next] = (uint16_t)after;
      pc = next;
      d = after;
    }
  }
  return true;
}

// The n values of a CONSTS or a FUNCTION's constants: ROM values, or key lists.
static bool consts_values_ok(const uint8_t* rom, uint32_t rom_len, const uint8_t* starts,
                             const uint8_t* values, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    mvm_value_t v = rd32(values + 4 * i);
    if (!rom_value_ok(rom, rom_len, starts, v) && !rom_key_list_ok(rom, rom_len, starts, v)) {
      return false;
    }
  }
  return true;
}

mvm_err_t rom_validate(const uint8_t* rom, uint32_t rom_len, bool hostfns, mvm_arena_t* arena,
                       void* context, uint8_t** out_starts) {
  *out_starts = NULL;
  size_t bitmap_len = rom_len / 32 + 1;
  uint8_t* starts = (uint8_t*)mem_alloc(arena, bitmap_len, context);
  if (!starts) return MVM_E_OUT_OF_MEMORY;
  MVM_MEMSET(starts, 0, bitmap_len);
  bool ok = (rom_len & 3u) == 0;
#if !MVM_SUPPORT_FLOAT
  bool floats = false;  // a FLOAT64: MVM_E_IMAGE_FEATURE, for images and units alike
#endif
  uint32_t longest_code = 0;
  for (uint32_t at = 0; ok && at < rom_len;) {
    uint32_t h = rd32(rom + at), size = header_size(h), t = header_type(h);
    ok = size >= 8 && !(size & 3u) && size <= rom_len - at;
    if (!ok) break;
    switch (t) {
#if MVM_SUPPORT_FLOAT
      case TC_FLOAT64: ok = size >= 12; break;
#else
      case TC_FLOAT64: {  // an int32 past int31 is a number here too; any other is a float
        int32_t i;
        ok = size >= 12 && float64_to_int32(rd32(rom + at + 4), rd32(rom + at + 8), &i);
        floats = floats || (size >= 12 && !ok);
        break;
      }
#endif
      case TC_STRING8: break;  // any size >= 8 is a string of at least one unit
      case TC_STRING16: ok = (string_bytes(h) & 1u) == 0; break;
      case TC_CONSTS: break;  // any size: its values fill it
      case TC_LINES: ok = size >= 12; break;
      case TC_HOSTFN: ok = hostfns && size == 8; break;
      case TC_FUNCTION:
        ok = fn_size_ok(rom + at, size);
        if (ok) {
          uint32_t len = fn_code_len(rom + at);
          if (len > longest_code) longest_code = len;
        }
        break;
      default: ok = false; break;
    }
    starts[at >> 5] = (uint8_t)(starts[at >> 5] | (1u << ((at >> 2) & 7)));
    at += size;
  }
  for (uint32_t at = 0; ok && at < rom_len; at += header_size(rd32(rom + at))) {
    const uint8_t* p = rom + at;
    switch (header_type(rd32(p))) {
      case TC_CONSTS:
        ok = consts_values_ok(rom, rom_len, starts, consts_values(p), consts_count(p));
        break;
      case TC_FUNCTION: {
        // Its constants as a CONSTS's values; a name word holds a string, a lines word a LINES.
        ok = consts_values_ok(rom, rom_len, starts, p + FN_CONSTS, fn_nconsts(p));
        // (A LINES word holding NO_OFFSET names nothing: it is refused, as any non-LINES.)
        uint32_t f = rd8(p + FN_FLAGS);
        bool lines_ok = !(f & FN_FLAG_LINES) ||
                        rom_start_of(rom, rom_len, starts, fn_lines(p), TC_LINES);
        ok = ok && !(f & ~(uint32_t)FN_FLAGS_ALL) &&
             rd8(p + FN_LENGTH) <= rd8(p + FN_NPARAMS) && lines_ok &&
             (!(f & FN_FLAG_NAMED) || rom_string_ok(rom, rom_len, starts, fn_name(p)));
        break;
      }
      case TC_LINES: {
        mvm_value_t file = rd32(p + 4);
        ok = file == VAL_UNDEFINED || rom_string_ok(rom, rom_len, starts, file);
        break;
      }
      default:
        break;
    }
  }
  // Scratch for the verifier, sized for the longest function and shared by all of them.
  uint8_t* scratch = NULL;
  if (ok && longest_code) {
    scratch = (uint8_t*)mem_alloc(arena, verifier_bytes(longest_code), context);
    if (!scratch) {
      mem_free(arena, starts, context);
      return MVM_E_OUT_OF_MEMORY;
    }
    verifier_t v;
    v.depth = (uint16_t*)(void*)scratch;
    v.work = (uint32_t*)(void*)(scratch + ((2 * ((size_t)longest_code + 1) + 3) & ~(size_t)3));
    v.seen = (uint8_t*)(v.work + longest_code / 3 + 2);
    for (uint32_t at = 0; ok && at < rom_len; at += header_size(rd32(rom + at))) {
      if (header_type(rd32(rom + at)) == TC_FUNCTION) ok = code_ok(rom + at, &v);
    }
    mem_free(arena, scratch, context);
  }
  if (!ok) {
    mem_free(arena, starts, context);
#if !MVM_SUPPORT_FLOAT
    if (floats) return MVM_E_IMAGE_FEATURE;
#endif
    return MVM_E_INVALID_IMAGE;
  }
  *out_starts = starts;
  return MVM_E_OK;
}
#endif  // VM_VERIFIES

mvm_vm_t* vm_struct_new(mvm_arena_t* arena, size_t tables, mvm_resolve_import_t resolve,
                        void* context) {
#if !VM_TABLES_TRAIL
  tables = 0;  // their own allocation (tables_alloc)
#endif
  size_t bytes = sizeof(mvm_vm_t) + tables;
  mvm_vm_t* vm = arena ? arena_vm(arena) : (mvm_vm_t*)mem_alloc(NULL, bytes, context);
  if (!vm) return NULL;
  MVM_MEMSET(vm, 0, bytes);
  if (arena) vm->flags = VM_IN_ARENA;
  vm->context = context;
#if VM_KEEPS_RESOLVER
  vm->resolve = resolve;
#else
  (void)resolve;  // restore resolves every import of the image itself
#endif
#if !MVM_STACK_ON_DEMAND
  vm->run.exception = VAL_UNDEFINED;
#endif
  vm_clear_error_location(vm);
  return vm;
}

#if MVM_INCLUDE_BUILD_API
static const uint8_t unit_magic[8] = {'M', 'V', 'M', 'U', 'N', 'I', 'T', 0};
#define UNIT_HEADER_SIZE 28u

mvm_err_t mvm_new_from_unit(const uint8_t* unit, size_t unit_len, const mvm_config_t* cfg,
                            mvm_resolve_import_t resolve, void* context, mvm_vm_t** out_vm) {
  if (!out_vm) return MVM_E_INVALID_ARGUMENT;
  *out_vm = NULL;
  if (!unit) return MVM_E_INVALID_ARGUMENT;
  if (unit_len < UNIT_HEADER_SIZE || MVM_MEMCMP(unit, unit_magic, 8) != 0) {
    return MVM_E_INVALID_UNIT;
  }
  if (rd16(unit + 8) != K_UNIT_VERSION) return MVM_E_INVALID_UNIT;
  uint32_t global_count = rd16(unit + 10);
  uint32_t rom_len = rd32(unit + 12);
  uint32_t entry = rd32(unit + 16);
  uint32_t names = rd32(unit + 20);
  uint32_t export_count = rd16(unit + 24);
  uint64_t rom_at = ((uint64_t)UNIT_HEADER_SIZE + 8 * (uint64_t)export_count + 3) & ~(uint64_t)3;
  if (rom_at + rom_len > unit_len || rom_len >= (uint32_t)K_ENGINE_ROM_BASE) {
    return MVM_E_INVALID_UNIT;
  }
  const uint8_t* rom = unit + rom_at;
  if (!rom_alloc_ok(rom, rom_len, entry, TC_FUNCTION)) return MVM_E_INVALID_UNIT;
  uint8_t* starts;
  mvm_err_t verr = rom_validate(rom, rom_len, false, NULL, context, &starts);
  if (verr) return verr == MVM_E_INVALID_IMAGE ? MVM_E_INVALID_UNIT : verr;
  bool entry_ok = rom_value_ok(rom, rom_len, starts, value_from_rom_offset(entry));
  mem_free(NULL, starts, context);
  if (!entry_ok) return MVM_E_INVALID_UNIT;
  verr = rom_verify_code(rom, rom_len, NULL, global_count, NULL, context);
  if (verr) return verr == MVM_E_INVALID_IMAGE ? MVM_E_INVALID_UNIT : verr;
  if (!rom_names_ok(rom, rom_len, names, global_count)) return MVM_E_INVALID_UNIT;
  for (uint32_t i = 0; i < export_count; i++) {
    const uint8_t* e = unit + UNIT_HEADER_SIZE + 8 * i;
    if (!rom_alloc_ok(rom, rom_len, rd32(e), TC_INVALID) || rd16(e + 4) >= global_count) {
      return MVM_E_INVALID_UNIT;
    }
  }

  mvm_vm_t* vm = vm_struct_new(NULL, 0, resolve, context);
  if (!vm) return MVM_E_OUT_OF_MEMORY;
  mvm_err_t err = MVM_E_OK;
  uint8_t* rom_copy = rom_buffer_new(vm_arena(vm), rom_len, vm->context);
  vm->rom = rom_copy;
  if (rom_copy) vm->flags = ROM_OWNED;  // a unit's VM is never in an arena
  err = tables_alloc(vm, global_count, 0, true, &vm->globals);
  if (export_count) {
    vm->unit_exports = (unit_export_t*)VM_MALLOC(vm, sizeof(unit_export_t) * export_count);
  }
  if (!rom_copy || (export_count && !vm->unit_exports)) err = MVM_E_OUT_OF_MEMORY;
  if (!err) {
    MVM_MEMCPY(rom_copy, rom, rom_len);
    vm->entry = entry;
    rom_buffer_set_names(rom_copy, names);
    vm->global_count = (vm_count_t)global_count;
    for (uint32_t i = 0; i < global_count; i++) vm->globals[i] = VAL_HOLE;
    for (uint32_t i = 0; i < export_count; i++) {
      const uint8_t* e = unit + UNIT_HEADER_SIZE + 8 * i;
      vm->unit_exports[i].name = rd32(e);
      vm->unit_exports[i].slot = rd16(e + 4);
    }
    vm->unit_export_count = export_count;
    err = vm_alloc_runtime(vm, cfg);
  }
  if (!err) err = roots_create(vm);
  if (err) {
    mvm_free(vm);
    return err;
  }
  *out_vm = vm;
  return MVM_E_OK;
}

#endif  // MVM_INCLUDE_BUILD_API

void mvm_free(mvm_vm_t* vm) {
  if (!vm) return;
  vm_release_memory(vm);
  if (!vm_arena(vm)) mem_free(NULL, vm, vm->context);  // else in the buffer, not a block
}

void mvm_free_buffer(void* buffer) {
  if (buffer) MVM_FREE(buffer, NULL);
}
