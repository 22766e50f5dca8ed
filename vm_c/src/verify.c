/* verify.c: bytecode operand verification, once per function when a unit is loaded or an image
 * is restored, so that the interpreter does not check operands per instruction.
 *
 * rom_validate (load.c) has already checked the ROM's allocations (every FUNCTION's header and
 * code length, its CONSTS and LINES references) and every function's operand stack depths along
 * every path. This pass decodes each function's code linearly, instruction by instruction, and
 * refuses the ROM when
 *   - an opcode is unknown, or an instruction's operands run past the end of the code;
 *   - a jump or TRY target is outside the code or not the start of an instruction;
 *   - a constant index is >= the function's constant count (LOAD_CONST, MAKE_CLOSURE,
 *     INIT_PROP, GET_PROP, SET_PROP, their short forms, THROW_ERROR, NEW_OBJECT_KEYS), MAKE_CLOSURE's constant is
 *     not a FUNCTION, NEW_OBJECT_KEYS's not a key list of as many keys as it takes values, or
 *     another's is a key list (no JS value);
 *   - a local index is >= nlocals, an argument index >= nparams, a global index >= the
 *     program's global count, a builtin index or an error kind is out of its table.
 * Since every jump lands on a decoded instruction and control cannot fall off the end of the
 * code (code_ok in load.c walks every path), every pc the interpreter can reach is the start of
 * a checked instruction. What stays checked at run
 * time (safe mode) is what depends on run-time values: the scope chain of LOAD_SCOPED and
 * STORE_SCOPED, and the callee of CALL/NEW (a ROM function is always a validated FUNCTION; a
 * closure's function was checked when the closure was made or restored).
 *
 * Opcodes whose operands need no check (counts, depths resolved at run time) are only measured.
 */
#include "internal.h"

#if VM_VERIFIES  // the whole pass (a build that trusts its images has none: MVM_VERIFY_IMAGES)

// Operand bytes of each format, and which formats are jumps.
#define VOPND_NONE 0
#define VOPND_U8 1
#define VOPND_I8 1
#define VOPND_U16 2
#define VOPND_I16 2
#define VOPND_REL16 2
#define VOPND_U8U8 2
#define VOPND_U8U16 3
#define VJUMP_NONE 0
#define VJUMP_U8 0
#define VJUMP_I8 0
#define VJUMP_U16 0
#define VJUMP_I16 0
#define VJUMP_REL16 1
#define VJUMP_U8U8 0
#define VJUMP_U8U16 0

static const uint8_t operand_bytes[] = {
#define OP(name, fmt, pop, push) VOPND_##fmt,
#include "mvm_opcodes.h"
#undef OP
#undef FMT
};
static const uint8_t is_jump[] = {
#define OP(name, fmt, pop, push) VJUMP_##fmt,
#include "mvm_opcodes.h"
#undef OP
#undef FMT
};
#if MVM_OPS_SELECTED  // the instructions this core's interpreter has (vm.c CASE)
static const uint8_t op_selected[] = {
#define OP(name, fmt, pop, push) MVM_OP_USED_##name,
#include "mvm_opcodes.h"
#undef OP
#undef FMT
};
#endif

static bool bit(const uint8_t* bits, uint32_t i) { return (bits[i >> 3] >> (i & 7u)) & 1u; }

typedef struct fn_info {
  const uint8_t* rom;
  uint32_t rom_len;
  const uint8_t* consts;  // the function's constants (FN_CONSTS)
  uint32_t nconsts;
  uint32_t nparams;
  uint32_t nlocals;
  uint32_t global_count;
  const uint8_t* starts;  // rom_validate's allocation starts (an image's), or NULL (a unit's)
} fn_info_t;

static bool const_ok(const fn_info_t* f, uint32_t k) { return k < f->nconsts; }
// The ROM type of constant k (a validated ROM value), or TC_INVALID for an immediate or engine one.
static uint32_t const_type(const fn_info_t* f, uint32_t k) {
  mvm_value_t v = rd32(f->consts + 4 * k);
  return value_is_image_rom(v) ? header_type(rd32(f->rom + value_rom_offset(v))) : TC_INVALID;
}
// A constant the code uses as a value, key or message: any but a key list (NEW_OBJECT_KEYS's).
static bool value_const_ok(const fn_info_t* f, uint32_t k) {
  return const_ok(f, k) && const_type(f, k) != TC_CONSTS;
}

// Checks the operands of the instruction at code + pc (whose bytes lie inside the code).
static bool operands_ok(const fn_info_t* f, const uint8_t* code, uint32_t pc) {
  const uint8_t* a = code + pc + 1;
  switch (rd8(code + pc)) {
    case OP_LOAD_CONST:
    case OP_INIT_PROP:
    case OP_GET_PROP:
    case OP_SET_PROP:
      return value_const_ok(f, rd16u(a));
    case OP_LOAD_CONST8:
    case OP_GET_PROP8:
    case OP_SET_PROP8:
      return value_const_ok(f, rd8(a));
    case OP_MAKE_CLOSURE:  // a ROM value checked by rom_validate
      return const_ok(f, rd16u(a)) && const_type(f, rd16u(a)) == TC_FUNCTION;
    case OP_NEW_OBJECT_KEYS: {  // a key list (load.c rom_key_list_ok) of rd8(a) keys
      uint32_t k = rd16u(a + 1);
      if (!const_ok(f, k) || const_type(f, k) != TC_CONSTS || rd8(a) == 0) return false;
      return consts_count(f->rom + value_rom_offset(rd32(f->consts + 4 * k))) == rd8(a);
    }
    case OP_THROW_ERROR:
      return rd8(a) < EK__COUNT && value_const_ok(f, rd16u(a + 1));
    case OP_LOAD_BUILTIN:
      return rd8(a) < BI__COUNT;
    case OP_LOAD_ARG:
    case OP_STORE_ARG:
      return rd8(a) < f->nparams;
    case OP_LOAD_LOCAL:
    case OP_STORE_LOCAL:
    case OP_INC_LOCAL:
    case OP_DEC_LOCAL:
      return rd8(a) < f->nlocals;
    case OP_LOAD_LOCAL2:
      return rd8(a) < f->nlocals && rd8(a + 1) < f->nlocals;
    case OP_LOAD_GLOBAL:
    case OP_STORE_GLOBAL:
    case OP_LOAD_GLOBAL_FN:
      return rd16u(a) < f->global_count;
    case OP_LOAD_ROM_GLOBAL:  // a constant global's value (never in its TDZ)
    case OP_LOAD_ROM_GLOBAL_FN: {
      mvm_value_t v = rd16u(a);
      return f->starts && v != VAL_HOLE && rom_value_ok(f->rom, f->rom_len, f->starts, v);
    }
    default:
      return true;
  }
}

// Verifies one FUNCTION; marks is scratch of at least code_len / 8 + 1 bytes.
static bool function_ok(const fn_info_t* f, const uint8_t* fn, uint8_t* marks) {
  const uint8_t* code = fn_code(fn);
  uint32_t len = fn_code_len(fn);
  if (len == 0) return false;
  MVM_MEMSET(marks, 0, len / 8 + 1);
  uint32_t pc = 0;
  while (pc < len) {
    uint8_t op = rd8(code + pc);
    if (op >= OP__COUNT) return false;
    uint32_t next = pc + 1 + operand_bytes[op];
    if (next > len || !operands_ok(f, code, pc)) return false;
    marks[pc >> 3] = (uint8_t)(marks[pc >> 3] | (1u << (pc & 7u)));
    pc = next;
  }
  for (pc = 0; pc < len; pc += 1 + operand_bytes[rd8(code + pc)]) {
    if (!is_jump[rd8(code + pc)]) continue;
    int64_t target = (int64_t)pc + 3 + (int16_t)rd16u(code + pc + 1);
    if (target < 0 || target >= (int64_t)len || !bit(marks, (uint32_t)target)) return false;
  }
  return true;
}


#if !MVM_FULL_LANGUAGE
// The instructions a VM built with MVM_FULL_LANGUAGE 0 runs (vm.c leaves the others out).
static bool in_lean_language(uint8_t op) {
  switch (op) {
#define LEAN_OP(name) case OP_##name:
    VM_LEAN_LEFT_OUT(LEAN_OP)
#undef LEAN_OP
      return false;
    default:
      return true;
  }
}
#endif

mvm_err_t rom_verify_code(const uint8_t* rom, uint32_t rom_len, const uint8_t* starts,
                          uint32_t global_count, mvm_arena_t* arena, void* context) {
  uint32_t longest = 0;
  for (uint32_t at = 0; at < rom_len; at += header_size(rd32(rom + at))) {
    if (header_type(rd32(rom + at)) != TC_FUNCTION) continue;
    uint32_t len = fn_code_len(rom + at);
    if (len > longest) longest = len;
  }
  // Every FUNCTION is checked, even when all have empty code: empty code is refused (a call
  // would run whatever bytes follow).
  uint8_t* marks = (uint8_t*)mem_alloc(arena, longest / 8 + 1, context);
  if (!marks) return MVM_E_OUT_OF_MEMORY;
  bool ok = true;
  fn_info_t f;
  f.rom = rom;
  f.rom_len = rom_len;
  f.global_count = global_count;
  f.starts = starts;
  for (uint32_t at = 0; ok && at < rom_len; at += header_size(rd32(rom + at))) {
    const uint8_t* fn = rom + at;
    if (header_type(rd32(fn)) != TC_FUNCTION) continue;
    f.consts = fn + FN_CONSTS;
    f.nconsts = fn_nconsts(fn);
    f.nparams = rd8(fn + FN_NPARAMS);
    f.nlocals = rd8(fn + FN_NLOCALS);
    ok = function_ok(&f, fn, marks);
  }
  mem_free(arena, marks, context);
  if (!ok) return MVM_E_INVALID_IMAGE;
#if !MVM_ALL_FAMILIES || !MVM_FULL_LANGUAGE || MVM_OPS_SELECTED
  // A VM built without some library families (MVM_LIB_*, MVM_ASYNC) refuses code that names a
  // global of a missing family (Math, JSON, Array...) or is async: it could not run as built;
  // so does one built without the full language (MVM_FULL_LANGUAGE 0) for code using what it
  // leaves out, and one built for another image's instructions (MVM_OPS_SELECTED). Methods
  // found by name at run time (s.slice) are not known here; calling a missing one throws a
  // catchable TypeError instead.
  for (uint32_t at = 0; at < rom_len; at += header_size(rd32(rom + at))) {
    const uint8_t* fn = rom + at;
    if (header_type(rd32(fn)) != TC_FUNCTION) continue;
    const uint8_t* code = fn_code(fn);
    uint32_t len = fn_code_len(fn);
    for (uint32_t pc = 0; pc < len; pc += 1 + operand_bytes[rd8(code + pc)]) {
#if !MVM_ALL_FAMILIES
      if (rd8(code + pc) == OP_LOAD_BUILTIN && !lib_builtin_present(rd8(code + pc + 1))) {
        return MVM_E_IMAGE_FEATURE;
      }
      if (!MVM_ASYNC && (rd8(code + pc) == OP_ASYNC_START || rd8(code + pc) == OP_AWAIT)) {
        return MVM_E_IMAGE_FEATURE;
      }
#endif
#if !MVM_FULL_LANGUAGE
      if (!in_lean_language(rd8(code + pc))) return MVM_E_IMAGE_FEATURE;
#endif
#if MVM_OPS_SELECTED
      if (!op_selected[rd8(code + pc)]) return MVM_E_IMAGE_FEATURE;
#endif
    }
  }
#endif
  return MVM_E_OK;
}

uint32_t opcode_size(uint8_t op) { return op < OP__COUNT ? 1u + operand_bytes[op] : 1u; }
#endif  // VM_VERIFIES
