/* vm.c: the interpreter loop, calls, returns and exception unwinding.
 *
 * Registers. While a function runs, its pc, code bounds, constants, argument and local bases
 * and sp live in C locals. Code and constants are in ROM, which never moves; args and locals
 * are stack slots, and the stack never moves either; so only sp needs care: SYNC() stores sp
 * (and pc, for error locations) into the VM before anything that may allocate, throw or
 * re-enter, because the collector scans the stack up to VM_RUN(vm).sp.
 *
 * Re-entrancy. A host function may call mvm_call, which runs a nested interpreter on the same
 * stack above the current sp. Each run() owns the frames from its entry frame up, and the
 * handlers pushed since it started: an exception with no handler in that range leaves run()
 * as MVM_E_UNCAUGHT_EXCEPTION, and the host function decides what to do with it. A fatal error
 * (out of memory, instruction budget, invalid bytecode) sets VM_RUN(vm).fatal and every run() on the
 * C stack returns it, down to the outermost API call, which resets the stack.
 *
 * Dispatch is written once with CASE/NEXT; MVM_COMPUTED_GOTO picks a label table (GCC/Clang)
 * or a switch.
 *
 * Trust. Every function's code was verified when its unit was loaded or its image restored
 * (load.c code_ok: stack depths; verify.c: opcodes, operand indexes, jump targets, no fall-off),
 * so instructions decode and use their operands without checks. Safe mode (SAFE) still checks
 * what depends on run-time values (the scope chain). A callee is either a ROM FUNCTION (every
 * one verified) or a closure of one, so calls do not re-validate functions either. A pc that
 * comes from anywhere but the code itself (a resumed continuation) must be checked to be an
 * instruction start of its function first (async.c k_code_ok).
 *
 * Budget. The instruction budget is charged one unit per backward jump taken, per call of a JS
 * function and per caught exception: every loop and every recursion pays, straight-line code
 * (bounded by the code size) does not, and the dispatch of each instruction costs nothing.
 */
#include "internal.h"

#if MVM_COMPUTED_GOTO && defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wpedantic"
#endif

// ---- Functions in ROM ----

#if defined(__GNUC__) && MVM_FORCE_INLINE  // (port option: 0 lets -Os keep one copy)
#define VM_INLINE __attribute__((always_inline)) inline
#else
#define VM_INLINE inline
#endif

#if MVM_ERROR_LOCATION  // (port option; only mvm_error_location reads line tables)
uint32_t vm_line_of(mvm_vm_t* vm, uint32_t func, uint32_t pc, mvm_value_t* out_file) {
  *out_file = VAL_UNDEFINED;
  uint32_t rom_len = vm_rom_len(vm);
  if ((uint64_t)func + FN_CONSTS > rom_len) return 0;
  uint32_t l = fn_lines(vm->rom + func);
  if (l == NO_OFFSET || (l & 3u) || (uint64_t)l + 12 > rom_len) return 0;
  const uint8_t* p = vm->rom + l;
  uint32_t size = header_size(rd32(p));
  if (header_type(rd32(p)) != TC_LINES || size < 12 || (uint64_t)l + size > rom_len) return 0;
  mvm_value_t file = rd32(p + 4);
  if (value_is_rom(file) && value_rom_offset(file) + 8 <= rom_len &&
      value_is_string(vm, file)) {
    *out_file = file;
  }
  int64_t line = rd32(p + 8);
  uint32_t cur = 0, i = 12;
  while (i < size) {
    uint64_t d[2] = {0, 0};
    for (int k = 0; k < 2; k++) {
      for (int shift = 0; i < size && shift < 35; shift += 7) {
        uint8_t b = rd8(p + i++);
        d[k] |= (uint64_t)(b & 0x7F) << shift;
        if (!(b & 0x80)) break;
      }
    }
    cur += (uint32_t)d[0];
    if (cur > pc) break;
    line += (int64_t)(d[1] >> 1) ^ -(int64_t)(d[1] & 1);
  }
  return line > 0 && line < 0x7FFFFFFF ? (uint32_t)line : 0;
}
#endif

// ---- Frames ----

// Pushes a frame for the ROM function func, whose argc arguments are the top of VM_RUN(vm).sp (with
// the callee and `this` below them). Throws RangeError when the stack or the frames run out.
// run() has an inline copy of the common case for CALL/NEW (do_call): keep them in step.
static VM_INLINE mvm_err_t frame_push(mvm_vm_t* vm, uint32_t func, mvm_value_t scope,
                                      uint32_t argc, uint32_t flags) {
  const uint8_t* fn = vm->rom + func;
  uint32_t nparams = rd8(fn + FN_NPARAMS);
  uint32_t nlocals = rd8(fn + FN_NLOCALS);
  uint32_t max_stack = rd16(fn + FN_MAX_STACK);
  uint32_t base = (uint32_t)(VM_RUN(vm).sp - VM_RUN(vm).stack) - argc;
  uint32_t nargs = argc > nparams ? argc : nparams;
  uint32_t locals = base + nargs;
  uint64_t top = (uint64_t)locals + nlocals + max_stack;
  if (MVM_UNLIKELY(VM_RUN(vm).nframes >= vm_max_frames(vm) || top > vm_stack_slots(vm))) {
    return throw_error(vm, EK_RANGE_ERROR, "Maximum call stack size exceeded", 0, NULL);
  }
  if (MVM_UNLIKELY((rd8(fn + FN_FLAGS) & FN_FLAG_CLASS) && !(flags & FRAME_CONSTRUCT))) {
    mvm_value_t name = fn_name(fn);
    return throw_error(vm, EK_TYPE_ERROR, "Class constructor ", name == VAL_UNDEFINED ? 0 : name,
                       " cannot be invoked without 'new'");
  }
  mvm_value_t* stack = VM_RUN(vm).stack;
  for (uint32_t i = base + argc; i < locals + nlocals; i++) stack[i] = VAL_UNDEFINED;
  frame_t* f = &VM_RUN(vm).frames[VM_RUN(vm).nframes++];
  f->func = func;
  f->pc = 0;
  f->base = base;
  f->locals = locals;
  f->argc = nargs;
  f->scope = scope;
  f->flags = flags;
  VM_RUN(vm).sp = stack + locals + nlocals;
  if (top > vm->stack_peak) vm->stack_peak = (vm_count_t)top;
  return MVM_E_OK;
}

// Calls a builtin or host function whose callee slot is fslot; the result replaces *fslot.
static mvm_err_t call_native(mvm_vm_t* vm, mvm_value_t* fslot, uint8_t argc, bool construct) {
  mvm_value_t f = *fslot;
  if (value_is_builtin(f)) {
    mvm_value_t r;
    mvm_err_t err = builtin_call(vm, value_builtin_index(f), fslot[1], fslot + 2, argc,
                                 construct, &r);
    if (err) return err;
    *fslot = r;
    return MVM_E_OK;
  }
  if (construct) return throw_error(vm, EK_TYPE_ERROR, "value is not a constructor", 0, NULL);
  if (value_type(vm, f) == TC_RESOLVER) {  // a promise's resolve or reject function
    mvm_value_t r;
    mvm_err_t err = resolver_call(vm, f, fslot + 2, argc, &r);
    if (!err) *fslot = r;
    return err;
  }
  const uint8_t* p = value_ptr(vm, f);
  uint16_t id = rd16(p + 4), index = rd16(p + 6);
  mvm_host_fn_t fn = index < vm->nimports ? import_fn(vm, index) : NULL;
  if (fn == NULL || import_id(vm, index) != id) {
    return throw_error(vm, EK_ERROR, "vmImport: host could not resolve import ID", 0, NULL);
  }
  *fslot = VAL_UNDEFINED;
  mvm_err_t err = fn(vm, id, fslot, fslot + 2, argc);
  if (VM_RUN(vm).fatal) return (mvm_err_t)VM_RUN(vm).fatal;
  if (err == MVM_E_OK) return MVM_E_OK;
  if (err == MVM_E_HOST_THROW) {
    VM_RUN(vm).exception = *fslot;
    return ERR_THROW;
  }
  return throw_error(vm, EK_ERROR, "host function failed (code ",
                     value_from_int((int32_t)err), ")");
}

/* A builtin spread-called with more than 255 arguments (Math.max(...big)): library functions
 * take at most 255, so the variadic ones whose results compose run in chunks of 255 over the
 * stack the arguments were spread onto: Math.max/min fold the chunk results, push appends
 * chunk by chunk, String.fromCharCode concatenates. Others throw RangeError. The accumulator
 * lives in fslot[0] (the callee is no longer needed) and `this` is copied below each chunk
 * into a consumed argument slot, so everything stays GC-visible. May GC, may re-enter. */
static mvm_err_t call_builtin_chunked(mvm_vm_t* vm, mvm_value_t* fslot, uint32_t argc,
                                      bool construct) {
  uint32_t index = value_builtin_index(*fslot);
  bool fold = index == BI_MATH_MAX || index == BI_MATH_MIN;
  bool concat = index == BI_STRING_FROM_CHAR_CODE;
  if (construct || !(fold || concat || index == BI_ARRAY_PUSH)) {
    return throw_error(vm, EK_RANGE_ERROR, "too many arguments for a native function", 0,
                       NULL);
  }
  mvm_value_t* args = fslot + 2;
  fslot[0] = VAL_UNDEFINED;
  for (uint32_t i = 0; i < argc;) {
    uint32_t n = argc - i > 255 ? 255 : argc - i;
    mvm_value_t r;
    args[(int32_t)i - 1] = fslot[1];  // LIB functions read `this` below their arguments
    mvm_err_t err = builtin_call(vm, index, fslot[1], args + i, (uint8_t)n, false, &r);
    if (err) return err;
    i += n;
    if (fslot[0] == VAL_UNDEFINED || !(fold || concat)) {
      fslot[0] = r;
      continue;
    }
    args[i - 1] = r;  // i >= 510 here: the slots below are consumed arguments
    if (concat) {
      mvm_value_t* parts[2] = {&fslot[0], &args[i - 1]};
      err = string_concat(vm, parts, 2, &r);
    } else {
      args[i - 2] = fslot[0];
      args[i - 3] = fslot[1];
      err = builtin_call(vm, index, fslot[1], args + i - 2, 2, false, &r);
    }
    if (err) return err;
    fslot[0] = r;
  }
  return MVM_E_OK;
}

// Prepares `new f(...)` for a JS function: makes `this` from f.prototype into fslot[1].
static mvm_err_t construct_this(mvm_vm_t* vm, mvm_value_t* fslot) {
  if (!function_is_constructor(vm, *fslot)) {  // arrows, methods, async functions
    return throw_error(vm, EK_TYPE_ERROR, "value is not a constructor", 0, NULL);
  }
  mvm_value_t proto;
  mvm_err_t err = function_prototype(vm, *fslot, &proto);
  if (err) return err;
  if (value_type(vm, proto) != TC_OBJECT) proto = VAL_NULL;
  return object_new(vm, proto, &fslot[1]);
}

// ---- Property fast paths ----
// A constant key is a ROM string, and PROPS keys are normalized (an index is an int31), so the
// entry whose key is the constant's very reference is the property the general path (object.c)
// would find first. Two different ROM strings never have the same text (props_find), so when
// an object has no heap-string key, finding no entry by reference means it has no such key.

// The value slot of a table whose values are [at, end) of p, its keys those of a ROM key list
// (keys: its first), keyed by key's very reference, or NULL (ROM keys: no heap string, so a
// miss is sure).
static VM_INLINE uint8_t* rom_keys_slot(uint8_t* p, uint32_t at, uint32_t end,
                                        const uint8_t* keys, mvm_value_t key) {
  for (; at < end; at += 4, keys += 4) {
    if (rd32(keys) == key) return p + at;
  }
  return NULL;
}

// The value slot of the entry of obj's PROPS keyed by this very reference, or NULL. After a
// miss, *unsure says the miss proves nothing: some key is a heap string (it may have the same
// text). obj is a heap OBJECT.
static VM_INLINE uint8_t* props_slot_by_ref(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key,
                                            bool* unsure) {
  uint8_t* p = heap_ptr(vm, obj);
  uint32_t h = rd32(p);
  *unsure = false;
  if (h & HEADER_INLINE_PROPS) {  // the OBJECT holds its values (internal.h props_values_at)
    uint32_t end = (h >> 5) & OBJECT_INLINE_MAX;
    if (MVM_LIKELY(object_hdr_keys(h) != 0)) {  // an image ROM offset (below 512 KB)
      return rom_keys_slot(p, (h & OBJECT_HDR_PROTO) ? 8 : 4, end,
                           consts_values(vm->rom + object_hdr_keys_offset(h)), key);
    }
    const uint8_t* keys = consts_values(value_ptr(vm, props_rom_keys(p)));
    return rom_keys_slot(p, props_values_at(p), end, keys, key);
  }
  mvm_value_t props = rd32(p + 8);
  if (!value_is_heap(props)) return NULL;  // undefined: no own properties
  p = heap_ptr(vm, props);
  if (MVM_UNLIKELY(rd32(p) & HEADER_ROM_KEYS)) {
    const uint8_t* keys = consts_values(value_ptr(vm, rd32(p + 4)));
    return rom_keys_slot(p, 8, header_size_other(rd32(p)), keys, key);
  }
  uint8_t* end = p + 8 + 8 * rd32(p + 4);
  for (uint8_t* k = p + 8; k < end; k += 8) {
    if (rd32(k) == key) return k + 4;
  }
  for (uint8_t* k = p + 8; k < end && !*unsure; k += 8) *unsure = value_is_heap(rd32(k));
  return NULL;
}

// The value slot of obj's own plain data property keyed by this very reference, when obj is a
// heap OBJECT that is not frozen (one header test, as SET_ELEM); NULL sends the write down the
// general path (prop_set).
static VM_INLINE uint8_t* own_writable_slot(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key) {
  if (!value_is_heap(obj) || (rd32(heap_ptr(vm, obj)) & (31u | HEADER_FROZEN)) != TC_OBJECT) {
    return NULL;
  }
  bool unsure;
  uint8_t* slot = props_slot_by_ref(vm, obj, key, &unsure);
  return slot && !value_is_cell(vm, rd32(slot)) ? slot : NULL;
}

// obj[key] for a ROM string key that is a data property (plain, or hidden: a class's methods)
// of obj or of a heap OBJECT up its prototype chain, every object on the way having no
// heap-string key; false sends the read down the general path (prop_get).
static VM_INLINE bool chain_data_get(mvm_vm_t* vm, mvm_value_t obj, mvm_value_t key,
                                     mvm_value_t* out) {
  if (!value_is_rom(key)) return false;
  for (int depth = 0; depth < 8; depth++) {
    // Anything but a heap OBJECT (null ends the chain): the general path decides.
    if (!value_is_heap(obj) || header_type(rd32(heap_ptr(vm, obj))) != TC_OBJECT) return false;
    bool unsure;
    uint8_t* slot = props_slot_by_ref(vm, obj, key, &unsure);
    if (slot) {
      mvm_value_t v = rd32(slot);
      if (value_is_cell(vm, v)) {
        if (cell_flags(vm, v) & PROP_CELL_ACCESSOR) return false;
        v = field(vm, v, 8);  // a hidden data property's value
      }
      *out = v;
      return true;
    }
    if (unsure) return false;
    obj = object_proto(vm, obj);
  }
  return false;
}

// ---- Number fast paths ----

#if MVM_FAST_PATHS  // (MVM_FAST_PATHS 0: op_binary and op_unary do all of it)

// int31 + and - on the tagged words: (2x+1) + 2y = 2(x+y)+1, so one add with an overflow check
// (the int31 range is exactly the int32 range of tagged words). True when the result fits.
static VM_INLINE bool int_add(mvm_value_t a, mvm_value_t b, mvm_value_t* out) {
#if defined(__GNUC__)
  int32_t r;
  if (__builtin_add_overflow((int32_t)a, (int32_t)(b - 1u), &r)) return false;
  *out = (mvm_value_t)r;
  return true;
#else
  int32_t x = value_as_int(a) + value_as_int(b);
  *out = value_from_int(x);
  return int31_fits(x);
#endif
}
static VM_INLINE bool int_sub(mvm_value_t a, mvm_value_t b, mvm_value_t* out) {
#if defined(__GNUC__)
  int32_t r;
  if (__builtin_sub_overflow((int32_t)a, (int32_t)(b - 1u), &r)) return false;
  *out = (mvm_value_t)r;
  return true;
#else
  int32_t x = value_as_int(a) - value_as_int(b);
  *out = value_from_int(x);
  return int31_fits(x);
#endif
}

#if MVM_SUPPORT_FLOAT
// The number in v when v is an int31 or a FLOAT64 (heap or ROM); false for anything else.
static VM_INLINE bool num_of(mvm_vm_t* vm, mvm_value_t v, double* out) {
  if (value_is_int(v)) {
    *out = (double)value_as_int(v);
    return true;
  }
  const uint8_t* p;
  if (value_is_heap(v)) {
    p = vm->heap + v;
  } else if (value_is_rom(v)) {
    p = rom_at(vm->rom, value_rom_offset(v));
  } else {
    return false;
  }
  if (header_type(rd32(p)) != TC_FLOAT64) return false;
  *out = rd_f64(p + 4);
  return true;
}

// number_make, with the FLOAT64 box bump-allocated inline while the space has room. May GC.
static VM_INLINE mvm_err_t box_number(mvm_vm_t* vm, double d, mvm_value_t* out) {
  if (d >= (double)INT31_MIN && d <= (double)INT31_MAX) {
    int32_t i = (int32_t)d;
    if ((double)i == d && (i != 0 || 1.0 / d > 0)) {  // not -0
      *out = value_from_int(i);
      return MVM_E_OK;
    }
  }
#if !MVM_GC_STRESS
  uint32_t used = vm_heap_used(vm);
  if (MVM_LIKELY(heap_cap(vm) - used >= 12)) {
    uint8_t* p = vm->heap + used;
    vm_set_heap_used(vm, used + 12);
    wr32(p, header_make(12, TC_FLOAT64));
    wr_f64(p + 4, d);
    *out = value_from_heap_offset(used);
    return MVM_E_OK;
  }
#endif
  return number_make(vm, d, out);
}
#endif  // MVM_SUPPORT_FLOAT
#endif  // MVM_FAST_PATHS

// ---- The interpreter loop ----

#define READ_U8() rd8(pc++)
#define READ_I8() ((int8_t)rd8(pc++))
#define READ_U16() (pc += 2, (uint32_t)MVM_READ_ROM_U16(pc - 2))
#define READ_I16() (pc += 2, (int16_t)MVM_READ_ROM_U16(pc - 2))

#define SYNC()                              \
  do {                                      \
    rs->sp = sp;                            \
    fp->pc = (uint32_t)(pc - code);         \
  } while (0)

// Loads the registers of frame fp. code_len, nconsts and nlocals are only for opcodes that
// check them at run time; where no opcode reads them, the compiler drops them.
#define ENTER_FRAME()                                                     \
  do {                                                                    \
    const uint8_t* fn_ = rom + fp->func;                                  \
    uint32_t at_ = fn_code_at(fn_);                                       \
    code = fn_ + at_;                                                     \
    code_len = fn_code_end(fn_) - at_;                                    \
    pc = code + fp->pc;                                                   \
    nlocals = rd8(fn_ + FN_NLOCALS);                                      \
    consts = fn_ + FN_CONSTS;                                             \
    nconsts = fn_nconsts(fn_);                                            \
    args = stack + fp->base;                                              \
    locals = stack + fp->locals;                                          \
  } while (0)
#define LOAD_FRAME()                                                      \
  do {                                                                    \
    fp = &rs->frames[rs->nframes - 1];                                    \
    ENTER_FRAME();                                                        \
  } while (0)
// ENTER_FRAME for a RETURN into fp, with the code the frame kept when it called
// (SAVE_CALLER); a frame that calls a JS function from run() always goes through SAVE_CALLER.
#define RESUME_FRAME()                                                    \
  do {                                                                    \
    const uint8_t* fn_ = rom + fp->func;                                  \
    code = fp->ret_code;                                                  \
    code_len = fn_code_end(fn_) - (uint32_t)(code - fn_);                 \
    pc = code + fp->pc;                                                   \
    nlocals = rd8(fn_ + FN_NLOCALS);                                      \
    consts = fn_ + FN_CONSTS;                                             \
    nconsts = fn_nconsts(fn_);                                            \
    args = stack + fp->base;                                              \
    locals = stack + fp->locals;                                          \
  } while (0)
#define SAVE_CALLER()                                                     \
  do {                                                                    \
    fp->pc = (uint32_t)(pc - code);                                       \
    fp->ret_code = code;                                                  \
  } while (0)

// Leaves the opcode with an error: a pending exception (ERR_THROW) or a fatal code.
#define FAIL(e)          \
  do {                   \
    err = (e);           \
    goto handle_error;   \
  } while (0)
#define CHECK(call)                       \
  do {                                    \
    err = (call);                         \
    if (MVM_UNLIKELY(err)) goto handle_error; \
  } while (0)

#if MVM_SAFE_MODE
#define SAFE(cond)                                 \
  do {                                             \
    if (MVM_UNLIKELY(!(cond))) goto invalid_code;  \
  } while (0)
#else
#define SAFE(cond) ((void)0)
#endif

// Charges one unit of the budget (backward jumps, calls, caught exceptions: see the top).
// BUDGET_SAVE/BUDGET_LOAD move the interpreter's count to and from the run state around what
// may charge it (native calls) or end run().
#if !MVM_INSTRUCTION_BUDGET
#define CHECK_BUDGET() ((void)0)
#define BUDGET_SAVE() ((void)0)
#define BUDGET_LOAD() ((void)0)
#else
#define BUDGET_SAVE() (rs->budget = budget)
#define BUDGET_LOAD() (budget = rs->budget)
#define CHECK_BUDGET()                         \
  do {                                         \
    if (MVM_UNLIKELY(--budget == 0)) {         \
      if (vm->budget_limit == 0) {             \
        budget = UINT32_MAX;                   \
      } else {                                 \
        SYNC();                                \
        err = MVM_E_INSTRUCTION_BUDGET;        \
        goto fatal;                            \
      }                                        \
    }                                          \
  } while (0)
#endif

// Opcodes and pc bounds were verified at load: only the tracing hook remains.
#define FETCH_CHECK() MVM_TRACE_INSTRUCTION(vm, fp->func, (uint32_t)(pc - code))

#if MVM_COMPUTED_GOTO
#define CASE_1(name) L_##name:
#define NEXT()                        \
  do {                                \
    FETCH_CHECK();                    \
    goto* dispatch_table[rd8(pc++)];    \
  } while (0)
#else
#define CASE_1(name) case OP_##name:
#define NEXT() goto next
#endif
// With MVM_OPS_SELECTED (a `mvc build --core-config` header), an instruction whose
// MVM_OP_USED_<name> is 0 has no label: no dispatch reaches its handler, which follows another
// one's NEXT or jump, so the compiler drops it, and whatever only it called. No handler falls
// into the next one (GCC's -Wimplicit-fallthrough=5 finds none), so removing a label changes
// no other path; labels stacked on one handler keep the used ones.
#if MVM_OPS_SELECTED
#define CASE(name) CASE_SEL_(MVM_OP_USED_##name, name)
#define CASE_SEL_(used, name) CASE_SEL__(used, name)
#define CASE_SEL__(used, name) CASE_##used(name)
#define CASE_0(name)
#define TABLE_SEL_(used, name) TABLE_SEL__(used, name)
#define TABLE_SEL__(used, name) TABLE_##used(name)
#define TABLE_1(name) &&L_##name,
#define TABLE_0(name) &&invalid_code,
#else
#define CASE(name) CASE_1(name)
#define TABLE_SEL_(used, name) &&L_##name,
#endif

// Relative jump (targets were verified at load); a backward one charges the budget.
#define JUMP_BY(rel)                                                  \
  do {                                                                \
    int32_t rel_ = (rel);                                             \
    pc += rel_;                                                       \
    if (rel_ < 0) CHECK_BUDGET();                                     \
  } while (0)

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)

static mvm_err_t run(mvm_vm_t* vm) {
#if MVM_COMPUTED_GOTO
  static const void* const dispatch_table[] = {
#define OP(name, fmt, pop, push) TABLE_SEL_(MVM_OP_USED_##name, name)
#include "mvm_opcodes.h"
#undef OP
#undef FMT
  };
#endif
  // The run state's block stays put for the whole call (it is released only when the outermost
  // call returns): one load of it, not one per access (MVM_STACK_ON_DEMAND).
  vm_run_t* const rs = &VM_RUN(vm);
  mvm_value_t* const stack = rs->stack;
#if MVM_FAST_PATHS  // (the call fast path's limits)
  mvm_value_t* const stack_end = stack + vm_stack_slots(vm);
  frame_t* const frames_end = rs->frames + vm_max_frames(vm);
#endif
  const uint8_t* const rom = vm->rom;
  const uint32_t frame_floor = rs->nframes - 1;
  // This run owns the handlers of its frames: none for a new call, the saved ones for a
  // resumed async function (async.c pushes them with its frame).
  uint32_t handler_floor = rs->nhandlers;
  while (handler_floor > 0 && rs->handlers[handler_floor - 1].frame >= frame_floor) {
    handler_floor--;
  }
  mvm_value_t* const entry_sp = stack + rs->frames[frame_floor].base - 2;
#if MVM_INSTRUCTION_BUDGET
  uint32_t budget = rs->budget;
#endif
  frame_t* fp;
  const uint8_t* code;
  const uint8_t* pc;
  const uint8_t* consts;
  uint32_t code_len, nconsts, nlocals;
  mvm_value_t* args;
  mvm_value_t* locals;
  mvm_value_t* sp = rs->sp;
  mvm_err_t err = MVM_E_OK;
  uint32_t n;  // argument count of a call (spread calls may exceed 255), or a binary opcode
  bool construct;
  mvm_value_t a, b, r;

  LOAD_FRAME();
  (void)code_len, (void)nconsts, (void)nlocals;  // read only by opcodes that check at run time

#if MVM_COMPUTED_GOTO
  NEXT();
#else
next:
  FETCH_CHECK();
  switch (rd8(pc++)) {
  default:  // first, so that a handler whose label is left out (MVM_OPS_SELECTED) follows a jump
    goto invalid_code;
#endif

  CASE(NOP) NEXT();
  CASE(POP) sp--; NEXT();
  CASE(DUP) a = sp[-1]; PUSH(a); NEXT();
  CASE(DUP2) a = sp[-2]; b = sp[-1]; PUSH(a); PUSH(b); NEXT();
  CASE(SWAP) a = sp[-1]; sp[-1] = sp[-2]; sp[-2] = a; NEXT();
  CASE(ROT3) {  // a b c -> c a b
    mvm_value_t c = sp[-1];
    sp[-1] = sp[-2];
    sp[-2] = sp[-3];
    sp[-3] = c;
    NEXT();
  }
  CASE(ROT4) {  // a b c d -> d a b c
    mvm_value_t d = sp[-1];
    sp[-1] = sp[-2];
    sp[-2] = sp[-3];
    sp[-3] = sp[-4];
    sp[-4] = d;
    NEXT();
  }
  CASE(PUSH_UNDEFINED) PUSH(VAL_UNDEFINED); NEXT();
  CASE(PUSH_NULL) PUSH(VAL_NULL); NEXT();
  CASE(PUSH_TRUE) PUSH(VAL_TRUE); NEXT();
  CASE(PUSH_FALSE) PUSH(VAL_FALSE); NEXT();
  CASE(PUSH_HOLE) PUSH(VAL_HOLE); NEXT();
  CASE(PUSH_I8) PUSH(value_from_int(READ_I8())); NEXT();
  CASE(PUSH_I16) PUSH(value_from_int(READ_I16())); NEXT();
  // Operand indexes were verified at load (verify.c).
  // The short forms (U8 operand) of GET_PROP and SET_PROP share their long form's body, b
  // holding the index; LOAD_CONST's is one line, kept apart so that it costs no jump.
  CASE(LOAD_CONST8) b = READ_U8(); PUSH(MVM_READ_ROM_U32(consts + 4 * b)); NEXT();
  CASE(LOAD_CONST) b = READ_U16(); PUSH(MVM_READ_ROM_U32(consts + 4 * b)); NEXT();
  CASE(LOAD_BUILTIN) {
    uint32_t k = READ_U8();
    PUSH(value_from_builtin(k));
    NEXT();
  }
  CASE(LOAD_ARG) {
    uint32_t i = READ_U8();  // < nparams <= argc
    PUSH(args[i]);
    NEXT();
  }
  CASE(STORE_ARG) {
    uint32_t i = READ_U8();
    args[i] = POP();
    NEXT();
  }
  CASE(LOAD_LOCAL) {
    uint32_t i = READ_U8();
    PUSH(locals[i]);
    NEXT();
  }
  CASE(STORE_LOCAL) {
    uint32_t i = READ_U8();
    locals[i] = POP();
    NEXT();
  }
  CASE(LOAD_GLOBAL) {
    uint32_t i = READ_U16();
    a = vm_globals(vm)[i];
    if (MVM_UNLIKELY(a == VAL_HOLE)) {
      SYNC();
      FAIL(throw_error(vm, EK_REFERENCE_ERROR, "Cannot access '", global_name(vm, i),
                       "' before initialization"));
    }
    PUSH(a);
    NEXT();
  }
  CASE(LOAD_ROM_GLOBAL) {  // a constant global's value, inlined by mvm_snapshot
    mvm_value_t v = READ_U16();
    PUSH(v);
    NEXT();
  }
  CASE(STORE_GLOBAL) {
    uint32_t i = READ_U16();
    vm_globals(vm)[i] = POP();
    NEXT();
  }
  CASE(LOAD_SCOPED) {
    uint32_t depth = READ_U8(), slot = READ_U8();
    mvm_value_t s = fp->scope;
    for (uint32_t d = 0; d < depth; d++) {
      SAFE(value_type(vm, s) == TC_SCOPE);
      s = field(vm, s, 4);
    }
    SAFE(value_type(vm, s) == TC_SCOPE && 8 + 4 * slot < header_size_other(rd32(value_ptr(vm, s))));
    PUSH(field(vm, s, 8 + 4 * slot));
    NEXT();
  }
  CASE(STORE_SCOPED) {
    uint32_t depth = READ_U8(), slot = READ_U8();
    mvm_value_t s = fp->scope;
    for (uint32_t d = 0; d < depth; d++) {
      SAFE(value_type(vm, s) == TC_SCOPE);
      s = field(vm, s, 4);
    }
    SAFE(value_is_heap(s) && value_type(vm, s) == TC_SCOPE &&
         8 + 4 * slot < header_size_other(rd32(value_ptr(vm, s))));
    set_field(vm, s, 8 + 4 * slot, POP());
    NEXT();
  }
  CASE(SCOPE_PUSH) {
    uint32_t count = READ_U8();
    SYNC();
    uint32_t off = heap_alloc_values(vm, 8 + 4 * count, TC_SCOPE);
    if (!off) FAIL(MVM_E_OUT_OF_MEMORY);
    wr32(heap_ptr(vm, off) + 4, fp->scope);
    fp->scope = value_from_heap_offset(off);
    NEXT();
  }
  CASE(SCOPE_POP) {
    SAFE(value_type(vm, fp->scope) == TC_SCOPE);
    fp->scope = field(vm, fp->scope, 4);
    NEXT();
  }
  CASE(SCOPE_CLONE) {
    SAFE(value_is_heap(fp->scope) && value_type(vm, fp->scope) == TC_SCOPE);
    SYNC();
    uint32_t size = header_size_other(rd32(value_ptr(vm, fp->scope)));
    uint32_t off = heap_alloc(vm, size, TC_SCOPE);
    if (!off) FAIL(MVM_E_OUT_OF_MEMORY);
    MVM_MEMCPY(heap_ptr(vm, off) + 4, value_ptr(vm, fp->scope) + 4, size - 4);
    fp->scope = value_from_heap_offset(off);
    NEXT();
  }
  CASE(LOAD_THIS) PUSH(args[-1]); NEXT();
  CASE(LOAD_CALLEE) PUSH(args[-2]); NEXT();
  CASE(MAKE_CLOSURE) {
    uint32_t k = READ_U16();
    mvm_value_t f = MVM_READ_ROM_U32(consts + 4 * k);  // a FUNCTION (verified)
    SYNC();
    uint32_t off = heap_alloc(vm, 16, TC_CLOSURE);
    if (!off) FAIL(MVM_E_OUT_OF_MEMORY);
    uint8_t* p = heap_ptr(vm, off);
    wr32(p + 4, f);
    wr32(p + 8, fp->scope);
    wr32(p + 12, VAL_UNDEFINED);
    PUSH(value_from_heap_offset(off));
    NEXT();
  }

  // ---- Arithmetic: int31 fast paths, then numbers, everything else through op_binary ----

#if MVM_SUPPORT_FLOAT
// Both operands numbers (int31 or FLOAT64): the boxed result of expr over x_ and y_. Boxing may
// GC; the operands are still on the stack and only the result is used afterwards.
#define NUMBER_BINARY(expr)                                \
  do {                                                     \
    double x_, y_;                                         \
    if (num_of(vm, a, &x_) && num_of(vm, b, &y_)) {        \
      double r_ = (expr);                                  \
      SYNC();                                              \
      CHECK(box_number(vm, r_, &r));                       \
      sp[-2] = r;                                          \
      sp--;                                                \
      NEXT();                                              \
    }                                                      \
  } while (0)
// A comparison of two numbers (NaN compares false).
#define NUMBER_COMPARE(cmp)                                \
  do {                                                     \
    double x_, y_;                                         \
    if (num_of(vm, a, &x_) && num_of(vm, b, &y_)) {        \
      sp[-2] = value_from_bool(x_ cmp y_);                 \
      sp--;                                                \
      NEXT();                                              \
    }                                                      \
  } while (0)
#else
// No FLOAT64 values: what the int31 fast paths leave goes to op_binary.
#define NUMBER_BINARY(expr) ((void)0)
#define NUMBER_COMPARE(cmp) ((void)0)
#endif
#if MVM_FAST_PATHS
  CASE(ADD) {
    a = sp[-2];
    b = sp[-1];
    if (MVM_LIKELY(value_is_int(a & b)) && int_add(a, b, &r)) {
      sp[-2] = r;
      sp--;
      NEXT();
    }
    NUMBER_BINARY(x_ + y_);
    n = OP_ADD;
    goto binary_slow;
  }
  CASE(SUB) {
    a = sp[-2];
    b = sp[-1];
    if (MVM_LIKELY(value_is_int(a & b)) && int_sub(a, b, &r)) {
      sp[-2] = r;
      sp--;
      NEXT();
    }
    NUMBER_BINARY(x_ - y_);
    n = OP_SUB;
    goto binary_slow;
  }
  CASE(MUL) {
    a = sp[-2];
    b = sp[-1];
    if (value_is_int(a) && value_is_int(b)) {
      int64_t x = (int64_t)value_as_int(a) * value_as_int(b);
      // A zero product with a negative factor is -0, which is a float.
      if (int31_fits(x) && (x != 0 || (value_as_int(a) >= 0 && value_as_int(b) >= 0))) {
        sp[-2] = value_from_int((int32_t)x);
        sp--;
        NEXT();
      }
    }
    NUMBER_BINARY(x_ * y_);
    n = OP_MUL;
    goto binary_slow;
  }
  CASE(DIV) {
    a = sp[-2];
    b = sp[-1];
    if (value_is_int(a) && value_is_int(b)) {
      int32_t x = value_as_int(a), y = value_as_int(b);
      if (y != 0 && x % y == 0 && !(x == 0 && y < 0)) {
        sp[-2] = value_from_int(x / y);  // |x / y| <= |x|: always fits, except INT31_MIN / -1
        if (!(x == INT31_MIN && y == -1)) {
          sp--;
          NEXT();
        }
      }
    }
    NUMBER_BINARY(x_ / y_);
    n = OP_DIV;
    goto binary_slow;
  }
  CASE(MOD) {
    a = sp[-2];
    b = sp[-1];
    if (value_is_int(a) && value_is_int(b)) {
      int32_t x = value_as_int(a), y = value_as_int(b);
      if (y != 0) {
        int32_t m = x % y;
        if (m != 0 || x >= 0) {  // a zero remainder of a negative dividend is -0
          sp[-2] = value_from_int(m);
          sp--;
          NEXT();
        }
      }
    }
    NUMBER_BINARY(number_fmod(x_, y_));
    n = OP_MOD;
    goto binary_slow;
  }
  CASE(POW) n = OP_POW; goto binary_slow;
  CASE(BIT_AND) {
    a = sp[-2];
    b = sp[-1];
    if (value_is_int(a) && value_is_int(b)) {
      sp[-2] = value_from_int(value_as_int(a) & value_as_int(b));
      sp--;
      NEXT();
    }
    n = OP_BIT_AND;
    goto binary_slow;
  }
  CASE(BIT_OR) {
    a = sp[-2];
    b = sp[-1];
    if (value_is_int(a) && value_is_int(b)) {
      sp[-2] = value_from_int(value_as_int(a) | value_as_int(b));
      sp--;
      NEXT();
    }
    n = OP_BIT_OR;
    goto binary_slow;
  }
  CASE(BIT_XOR) {
    a = sp[-2];
    b = sp[-1];
    if (value_is_int(a) && value_is_int(b)) {
      sp[-2] = value_from_int(value_as_int(a) ^ value_as_int(b));
      sp--;
      NEXT();
    }
    n = OP_BIT_XOR;
    goto binary_slow;
  }
  CASE(SHL) n = OP_SHL; goto binary_slow;
  CASE(SHR) {
    a = sp[-2];
    b = sp[-1];
    if (value_is_int(a) && value_is_int(b) && value_as_int(a) >= 0) {
      sp[-2] = value_from_int(value_as_int(a) >> (value_as_int(b) & 31));
      sp--;
      NEXT();
    }
    n = OP_SHR;
    goto binary_slow;
  }
  CASE(USHR) n = OP_USHR; goto binary_slow;

  CASE(LT) {
    a = sp[-2];
    b = sp[-1];
    if (value_is_int(a & b)) {  // tagged int31 words order as their values
      sp[-2] = value_from_bool((int32_t)a < (int32_t)b);
      sp--;
      NEXT();
    }
    NUMBER_COMPARE(<);
    n = OP_LT;
    goto binary_slow;
  }
  CASE(LE) {
    a = sp[-2];
    b = sp[-1];
    if (value_is_int(a & b)) {  // tagged int31 words order as their values
      sp[-2] = value_from_bool((int32_t)a <= (int32_t)b);
      sp--;
      NEXT();
    }
    NUMBER_COMPARE(<=);
    n = OP_LE;
    goto binary_slow;
  }
  CASE(GT) {
    a = sp[-2];
    b = sp[-1];
    if (value_is_int(a & b)) {  // tagged int31 words order as their values
      sp[-2] = value_from_bool((int32_t)a > (int32_t)b);
      sp--;
      NEXT();
    }
    NUMBER_COMPARE(>);
    n = OP_GT;
    goto binary_slow;
  }
  CASE(GE) {
    a = sp[-2];
    b = sp[-1];
    if (value_is_int(a & b)) {  // tagged int31 words order as their values
      sp[-2] = value_from_bool((int32_t)a >= (int32_t)b);
      sp--;
      NEXT();
    }
    NUMBER_COMPARE(>=);
    n = OP_GE;
    goto binary_slow;
  }

#else
  // MVM_FAST_PATHS 0: every operator through op_binary, which is what the paths above do
  // without a call; the opcode just read is the operator.
  CASE(ADD) CASE(SUB) CASE(MUL) CASE(DIV) CASE(MOD) CASE(POW) CASE(BIT_AND) CASE(BIT_OR)
  CASE(BIT_XOR) CASE(SHL) CASE(SHR) CASE(USHR) CASE(LT) CASE(LE) CASE(GT) CASE(GE)
    n = rd8(pc - 1);
    goto binary_slow;
#endif  // MVM_FAST_PATHS

binary_slow:
  // Operands stay on the stack (GC-visible) until the result is stored.
  SYNC();
  CHECK(op_binary(vm, n, sp[-2], sp[-1], &r));
  sp[-2] = r;
  sp--;
  NEXT();

#if MVM_FAST_PATHS
  CASE(NEG) {
    a = sp[-1];
    if (value_is_int(a) && value_as_int(a) != 0 && value_as_int(a) != INT31_MIN) {
      sp[-1] = value_from_int(-value_as_int(a));
      NEXT();
    }
    SYNC();
    CHECK(op_unary(vm, OP_NEG, a, &r));
    sp[-1] = r;
    NEXT();
  }
  CASE(TO_NUMBER) {
    a = sp[-1];
    if (value_is_number(vm, a)) NEXT();
    SYNC();
    CHECK(op_unary(vm, OP_TO_NUMBER, a, &r));
    sp[-1] = r;
    NEXT();
  }
  CASE(BIT_NOT) {
    a = sp[-1];
    if (value_is_int(a)) {
      sp[-1] = value_from_int(~value_as_int(a));
      NEXT();
    }
    SYNC();
    CHECK(op_unary(vm, OP_BIT_NOT, a, &r));
    sp[-1] = r;
    NEXT();
  }
  CASE(INC) {
    a = sp[-1];
    if (value_is_int(a) && value_as_int(a) < INT31_MAX) {
      sp[-1] = value_from_int(value_as_int(a) + 1);
      NEXT();
    }
    SYNC();
    CHECK(op_unary(vm, OP_INC, a, &r));
    sp[-1] = r;
    NEXT();
  }
  CASE(DEC) {
    a = sp[-1];
    if (value_is_int(a) && value_as_int(a) > INT31_MIN) {
      sp[-1] = value_from_int(value_as_int(a) - 1);
      NEXT();
    }
    SYNC();
    CHECK(op_unary(vm, OP_DEC, a, &r));
    sp[-1] = r;
    NEXT();
  }
#else
  CASE(NEG) CASE(TO_NUMBER) CASE(BIT_NOT) CASE(INC) CASE(DEC)  // the opcode is the operator
    n = rd8(pc - 1);
    SYNC();
    CHECK(op_unary(vm, n, sp[-1], &r));
    sp[-1] = r;
    NEXT();
#endif  // MVM_FAST_PATHS
  CASE(NOT) sp[-1] = value_from_bool(!to_boolean(vm, sp[-1])); NEXT();
  CASE(TYPEOF) sp[-1] = typeof_string(vm, sp[-1]); NEXT();
  CASE(TO_STRING) {
    SYNC();
    CHECK(to_string(vm, sp[-1], &r));
    sp[-1] = r;
    NEXT();
  }
  CASE(STRICT_EQ) {
    a = sp[-2];
    b = sp[-1];
    sp[-2] = value_from_bool(value_is_int(a) && value_is_int(b) ? a == b
                                                                 : strict_equals(vm, a, b));
    sp--;
    NEXT();
  }
  CASE(STRICT_NE) {
    a = sp[-2];
    b = sp[-1];
    sp[-2] = value_from_bool(value_is_int(a) && value_is_int(b) ? a != b
                                                                 : !strict_equals(vm, a, b));
    sp--;
    NEXT();
  }
#if MVM_FULL_LANGUAGE
  CASE(EQ) {
    bool eq;
    SYNC();
    CHECK(loose_equals(vm, sp[-2], sp[-1], &eq));
    sp[-2] = value_from_bool(eq);
    sp--;
    NEXT();
  }
  CASE(NE) {
    bool eq;
    SYNC();
    CHECK(loose_equals(vm, sp[-2], sp[-1], &eq));
    sp[-2] = value_from_bool(!eq);
    sp--;
    NEXT();
  }
  CASE(IN) {
    bool has;
    SYNC();
    CHECK(prop_has(vm, sp[-1], sp[-2], &has));
    sp[-2] = value_from_bool(has);
    sp--;
    NEXT();
  }
  CASE(INSTANCEOF) {
    bool is;
    SYNC();
    CHECK(instance_of(vm, sp[-2], sp[-1], &is));
    sp[-2] = value_from_bool(is);
    sp--;
    NEXT();
  }
#endif

  // ---- Control flow ----
  CASE(JUMP) {
    int32_t rel = READ_I16();
    JUMP_BY(rel);
    NEXT();
  }
  CASE(JUMP_IF_FALSE) {
    int32_t rel = READ_I16();
    a = POP();
    if (a == VAL_FALSE || (a != VAL_TRUE && !to_boolean(vm, a))) JUMP_BY(rel);
    NEXT();
  }
  CASE(JUMP_IF_TRUE) {
    int32_t rel = READ_I16();
    a = POP();
    if (a == VAL_TRUE || (a != VAL_FALSE && to_boolean(vm, a))) JUMP_BY(rel);
    NEXT();
  }
  CASE(JUMP_IF_NULLISH) {
    int32_t rel = READ_I16();
    a = POP();
    if (value_is_nullish(a)) JUMP_BY(rel);
    NEXT();
  }

  // ---- Objects and arrays ----
  CASE(NEW_OBJECT) {
    SYNC();
    CHECK(object_new(vm, VAL_NULL, &r));
    PUSH(r);
    NEXT();
  }
  CASE(NEW_ARRAY) {
    uint32_t count = READ_U16();
    SYNC();
    CHECK(array_new(vm, count, &r));
    if (count) {
      uint8_t* items = heap_ptr(vm, field(vm, r, 8));
      for (uint32_t i = 0; i < count; i++) wr32(items + 4 + 4 * i, sp[(int32_t)i - (int32_t)count]);
      set_field(vm, r, 4, count);
    }
    sp -= count;
    PUSH(r);
    NEXT();
  }
  CASE(NEW_OBJECT_KEYS) {
    uint32_t count = READ_U8();
    uint32_t k = READ_U16();
    SYNC();
    CHECK(object_new_inline(vm, MVM_READ_ROM_U32(consts + 4 * k), sp - count, count, &r));
    sp -= count;
    PUSH(r);
    NEXT();
  }
  CASE(INIT_PROP) {
    uint32_t k = READ_U16();
    SYNC();
    CHECK(prop_define(vm, sp[-2], MVM_READ_ROM_U32(consts + 4 * k), sp[-1]));
    sp--;
    NEXT();
  }
  CASE(GET_PROP8) b = READ_U8(); goto get_prop;
  CASE(GET_PROP) b = READ_U16();
  get_prop: {
    b = MVM_READ_ROM_U32(consts + 4 * b);
    if (MVM_FAST_PATHS && chain_data_get(vm, sp[-1], b, &r)) {
      sp[-1] = r;
      NEXT();
    }
    SYNC();
    CHECK(prop_get(vm, sp[-1], b, &r));
    sp[-1] = r;
    NEXT();
  }
  CASE(SET_PROP8) b = READ_U8(); goto set_prop;
  CASE(SET_PROP) b = READ_U16();
  set_prop: {
    b = MVM_READ_ROM_U32(consts + 4 * b);
    uint8_t* slot = MVM_FAST_PATHS ? own_writable_slot(vm, sp[-2], b) : NULL;
    if (slot) {
      wr32(slot, sp[-1]);
    } else {
      SYNC();
      CHECK(prop_set(vm, sp[-2], b, sp[-1]));
    }
    sp[-2] = sp[-1];
    sp--;
    NEXT();
  }
  CASE(GET_ELEM) {
    a = sp[-2];
    b = sp[-1];
    if (MVM_FAST_PATHS && value_is_int(b) && value_is_heap(a) && value_type(vm, a) == TC_ARRAY) {
      uint32_t i = (uint32_t)value_as_int(b);
      if (i < array_length(vm, a)) {  // negative indexes wrap to huge and miss
        r = array_get(vm, a, i);
        sp[-2] = r == VAL_HOLE ? VAL_UNDEFINED : r;
        sp--;
        NEXT();
      }
    }
    SYNC();
    CHECK(prop_get(vm, a, b, &r));
    sp[-2] = r;
    sp--;
    NEXT();
  }
  CASE(SET_ELEM) {
    a = sp[-3];
    b = sp[-2];
    // The header test (type and FROZEN bit at once) sends frozen arrays to prop_set.
    if (MVM_FAST_PATHS && value_is_int(b) && value_is_heap(a) &&
        (rd32(heap_ptr(vm, a)) & (31u | HEADER_FROZEN)) == TC_ARRAY &&
        (uint32_t)value_as_int(b) < array_length(vm, a)) {
      set_field(vm, array_items(vm, a), 4 + 4 * (uint32_t)value_as_int(b), sp[-1]);
    } else {
      SYNC();
      CHECK(prop_set(vm, a, b, sp[-1]));
    }
    sp[-3] = sp[-1];
    sp -= 2;
    NEXT();
  }
#if MVM_FULL_LANGUAGE
  CASE(DELETE_ELEM) {
    SYNC();
    CHECK(prop_delete(vm, sp[-2], sp[-1]));
    sp[-2] = VAL_TRUE;
    sp--;
    NEXT();
  }
#endif
  CASE(APPEND) {
    SYNC();
    if (value_type(vm, sp[-2]) != TC_ARRAY) {
      FAIL(throw_error(vm, EK_TYPE_ERROR, "APPEND: not an array", 0, NULL));
    }
    CHECK(array_push(vm, &sp[-2], sp[-1]));
    sp--;
    NEXT();
  }

  // ---- Calls ----
#if MVM_FAST_PATHS
  CASE(CALL) n = READ_U8(); goto do_call_plain;
#else
  CASE(CALL) n = READ_U8(); construct = false; goto do_call;
#endif
  CASE(NEW) n = READ_U8(); construct = true; goto do_call;

do_call:  // CALL, NEW and spread calls (CALL_ARRAY): construct says which
#if MVM_FAST_PATHS
  if (!construct) goto do_call_plain;
#endif
  {
    mvm_value_t* fslot = sp - n - 2;
    mvm_value_t f = *fslot;
    uint32_t type = value_type(vm, f);
    if (type != TC_FUNCTION && type != TC_CLOSURE) goto call_other;
    SYNC();
    CHECK_BUDGET();
    if (construct) CHECK(construct_this(vm, fslot));  // may GC: f is read again
    f = *fslot;
    uint32_t func = function_rom(vm, f);
    mvm_value_t scope = type == TC_CLOSURE ? field(vm, f, 8) : VAL_UNDEFINED;
    SAVE_CALLER();
    CHECK(frame_push(vm, func, scope, n, construct ? FRAME_CONSTRUCT : 0));
    sp = rs->sp;
    fp = &rs->frames[rs->nframes - 1];
    ENTER_FRAME();
    NEXT();
  }

#if MVM_FAST_PATHS
do_call_plain: {  // a call (not new): the hottest path of call-heavy programs
  mvm_value_t* fslot = sp - n - 2;
  mvm_value_t f = *fslot;
  uint32_t func;
  mvm_value_t scope;
  if (value_is_image_rom(f) && header_type(rd32(rom + value_rom_offset(f))) == TC_FUNCTION) {
    func = value_rom_offset(f);
    scope = VAL_UNDEFINED;
  } else if (value_is_heap(f) && header_type(rd32(vm->heap + f)) == TC_CLOSURE) {
    func = value_rom_offset(rd32(vm->heap + f + 4));
    scope = rd32(vm->heap + f + 8);
  } else {
    construct = false;
    goto call_other;
  }
  CHECK_BUDGET();
  // frame_push, inline, with the registers at hand; the general path takes what it does not
  // handle (frames or stack exhausted: RangeError; class constructors: TypeError).
  const uint8_t* fn = rom + func;
  uint32_t nparams = rd8(fn + FN_NPARAMS), nloc = rd8(fn + FN_NLOCALS);
  mvm_value_t* base = fslot + 2;
  mvm_value_t* loc = n >= nparams ? sp : base + nparams;
  mvm_value_t* top = loc + nloc + rd16(fn + FN_MAX_STACK);
  if (MVM_UNLIKELY(fp + 1 >= frames_end || top > stack_end ||
                   (rd8(fn + FN_FLAGS) & FN_FLAG_CLASS))) {
    SYNC();
    SAVE_CALLER();
    CHECK(frame_push(vm, func, scope, n, 0));
    sp = rs->sp;
    fp = &rs->frames[rs->nframes - 1];
    ENTER_FRAME();
    NEXT();
  }
  for (mvm_value_t* end = loc + nloc; sp < end; sp++) *sp = VAL_UNDEFINED;
  SAVE_CALLER();  // where the caller resumes
  fp++;
  rs->nframes++;
  fp->func = func;
  fp->pc = 0;
  fp->base = (uint32_t)(base - stack);
  fp->locals = (uint32_t)(loc - stack);
  fp->argc = (uint32_t)(loc - base);
  fp->scope = scope;
  fp->flags = 0;
  if ((uint32_t)(top - stack) > vm->stack_peak) vm->stack_peak = (vm_count_t)(top - stack);
  uint32_t code_at = fn_code_at(fn);
  code = fn + code_at;
  code_len = fn_code_end(fn) - code_at;
  pc = code;
  nlocals = nloc;
  consts = fn + FN_CONSTS;
  nconsts = fn_nconsts(fn);
  args = base;
  locals = loc;
  NEXT();
}
#endif  // MVM_FAST_PATHS

call_other: {  // builtins, host functions, promise resolvers; anything else throws
  mvm_value_t* fslot = sp - n - 2;
  mvm_value_t f = *fslot;
  uint32_t type = value_type(vm, f);
  SYNC();
  if (type == TC_HOSTFN || type == TC_RESOLVER || value_is_builtin(f)) {
    BUDGET_SAVE();
    err = n > 255 ? call_builtin_chunked(vm, fslot, n, construct)  // builtins only: CALL_ARRAY
                  : call_native(vm, fslot, (uint8_t)n, construct);
    BUDGET_LOAD();
    if (err) goto handle_error;
    sp = fslot + 1;
    NEXT();
  }
  FAIL(throw_error(vm, EK_TYPE_ERROR,
                   construct ? "value is not a constructor" : "value is not a function", 0,
                   NULL));
}

  CASE(RETURN)
#if MVM_ASYNC
  do_return:  // (AWAIT's)
#endif
  {
    mvm_value_t v = sp[-1];
    uint32_t fi = rs->nframes - 1;
    while (rs->nhandlers > handler_floor && rs->handlers[rs->nhandlers - 1].frame == fi) {
      rs->nhandlers--;
    }
    mvm_value_t* fslot = args - 2;
    uint32_t flags = fp->flags;
    if (MVM_UNLIKELY(flags & FRAME_CONSTRUCT) && !value_is_object(vm, v)) v = fslot[1];
    rs->nframes = fi;
    *fslot = v;
    sp = fslot + 1;
    if (MVM_UNLIKELY(flags & FRAME_ENTRY)) {
      rs->sp = sp;
      BUDGET_SAVE();
      return MVM_E_OK;
    }
    fp--;  // frames are contiguous: the caller's
    RESUME_FRAME();
    NEXT();
  }
  CASE(THROW) {
    rs->exception = POP();
    SYNC();
    FAIL(ERR_THROW);
  }
  CASE(TRY) {
    int32_t rel = READ_I16();
    int64_t target = (int64_t)(pc - code) + rel;  // inside the code (verified)
    if (rs->nhandlers >= vm_max_handlers(vm)) {
      SYNC();
      FAIL(throw_error(vm, EK_RANGE_ERROR, "Maximum call stack size exceeded", 0, NULL));
    }
    handler_t* h = &rs->handlers[rs->nhandlers++];
    h->frame = rs->nframes - 1;
    h->sp = (uint32_t)(sp - stack);
    h->pc = (uint32_t)target;
    h->scope = fp->scope;
    NEXT();
  }
  CASE(TRY_END) {
    if (rs->nhandlers > handler_floor &&
        rs->handlers[rs->nhandlers - 1].frame == (uint32_t)rs->nframes - 1) {
      rs->nhandlers--;
    }
    NEXT();
  }
  CASE(THROW_ERROR) {
    uint32_t kind = READ_U8();
    uint32_t k = READ_U16();
    SYNC();
    FAIL(throw_error(vm, kind, "", MVM_READ_ROM_U32(consts + 4 * k), NULL));
  }

  // ---- The full subset: rest, iteration, spread, classes, async ----
#if MVM_FULL_LANGUAGE
  CASE(REST) {
    uint32_t from = READ_U8();
    SYNC();
    CHECK(array_from_slots(vm, args + from, from < fp->argc ? fp->argc - from : 0, &r));
    PUSH(r);
    NEXT();
  }
  CASE(ITER_NEXT) {  // it i -> v i2 done: the third slot is within max_stack
    SYNC();
    CHECK(iter_next(vm, sp - 2));
    sp++;
    NEXT();
  }
  CASE(ITER_REST) {
    SYNC();
    CHECK(iter_rest(vm, sp - 2));
    sp--;
    NEXT();
  }
  CASE(APPEND_SPREAD) {
    SYNC();
    CHECK(iter_append_all(vm, sp - 2));
    sp--;
    NEXT();
  }
  CASE(CALL_ARRAY) {  // f this args -> result: spreads args over the stack, then calls
    uint32_t mode = READ_U8();
    SYNC();
    a = sp[-1];
    if (value_type(vm, a) != TC_ARRAY) {
      FAIL(throw_error(vm, EK_TYPE_ERROR, "spread: not an array", 0, NULL));
    }
    uint32_t len = array_length(vm, a);
    uint32_t callee_type = value_type(vm, sp[-3]);
    if ((uint64_t)(sp - 1 - stack) + len > vm_stack_slots(vm)) {
      FAIL(throw_error(vm, EK_RANGE_ERROR, "Maximum call stack size exceeded", 0, NULL));
    }
    if (len > 255 && callee_type != TC_FUNCTION && callee_type != TC_CLOSURE &&
        !value_is_builtin(sp[-3])) {  // (builtins: call_builtin_chunked)
      FAIL(throw_error(vm, EK_RANGE_ERROR, "too many arguments for a native function", 0,
                       NULL));
    }
    sp--;
    for (uint32_t i = 0; i < len; i++) {
      mvm_value_t v = array_get(vm, a, i);
      PUSH(v == VAL_HOLE ? VAL_UNDEFINED : v);
    }
    n = len;
    if (mode == 2) goto do_super;
    construct = mode == 1;
    goto do_call;
  }
  CASE(SUPER_CALL) n = READ_U8(); goto do_super;

do_super: {  // super(...): the parent constructor runs on the existing `this` (fslot[1])
  mvm_value_t* fslot = sp - n - 2;
  mvm_value_t f = *fslot;
  uint32_t type = value_type(vm, f);
  SYNC();
  if (type == TC_FUNCTION || type == TC_CLOSURE) {
    uint32_t func = function_rom(vm, f);
    mvm_value_t scope = type == TC_CLOSURE ? field(vm, f, 8) : VAL_UNDEFINED;
    CHECK_BUDGET();
    SAVE_CALLER();
    CHECK(frame_push(vm, func, scope, n, FRAME_CONSTRUCT));
    sp = rs->sp;
    LOAD_FRAME();
    NEXT();
  }
  if (value_is_builtin(f)) {  // class E extends Error: the builtin makes the object...
    BUDGET_SAVE();
    err = call_native(vm, fslot, (uint8_t)n, true);
    BUDGET_LOAD();
    if (err) goto handle_error;
    // ...which takes the prototype `new` chose (new.target's), as the spec's super() does.
    // (*fslot is the native constructor's new object: never one with inline properties.)
    if (value_type(vm, *fslot) == TC_OBJECT && value_type(vm, fslot[1]) == TC_OBJECT) {
      set_field(vm, *fslot, 4, object_proto(vm, fslot[1]));
    }
    sp = fslot + 1;
    NEXT();
  }
  FAIL(throw_error(vm, EK_TYPE_ERROR, "Super constructor is not a constructor", 0, NULL));
}

#endif
  CASE(STORE_THIS) args[-1] = POP(); NEXT();
#if MVM_FULL_LANGUAGE
  CASE(FOR_IN_KEYS) {  // obj -> keys target
    SYNC();
    CHECK(for_in_keys(vm, sp[-1], &r));
    a = sp[-1];
    sp[-1] = r;
    PUSH(value_is_object(vm, a) ? a : VAL_NULL);
    NEXT();
  }
#endif
  CASE(DEFINE_PROP) {
    uint32_t flags = READ_U8();
    SYNC();
    CHECK(prop_define_ex(vm, sp[-3], sp[-2], sp[-1], flags));
    sp -= 2;
    NEXT();
  }
  CASE(SET_PROTO) {
    SYNC();
    CHECK(object_set_proto(vm, sp[-2], sp[-1]));
    sp--;
    NEXT();
  }
#if MVM_FULL_LANGUAGE
  CASE(OBJECT_SPREAD) {
    SYNC();
    CHECK(object_spread(vm, sp - 2));
    sp--;
    NEXT();
  }
#endif
#if MVM_ASYNC
  CASE(ASYNC_START) {
    SYNC();
    CHECK(promise_new(vm, &r));
    PUSH(r);
    NEXT();
  }
  CASE(ASYNC_SETTLE) {
    uint32_t reject = READ_U8();
    SYNC();
    CHECK(promise_settle(vm, sp[-2], sp[-1], reject != 0));
    sp--;
    NEXT();
  }
#endif
#if MVM_FULL_LANGUAGE
  CASE(GET_SUPER) {  // home key this -> value
    SYNC();
    CHECK(prop_get_super(vm, sp[-3], sp[-2], sp[-1], &r));
    sp[-3] = r;
    sp -= 2;
    NEXT();
  }
#endif
#if MVM_ASYNC
  CASE(AWAIT) {
    // The frame is saved in a continuation that a promise job resumes; then the function
    // returns its promise (locals[0], by the compiler's convention) as RETURN would.
    SYNC();
    CHECK(async_await(vm));
    sp[-1] = locals[0];
    goto do_return;
  }
#else
  // Promises compiled out: an async function throws promise.c's catchable TypeError where it
  // starts. (A validating restore refuses its image first: verify.c.)
  CASE(ASYNC_START) CASE(ASYNC_SETTLE) CASE(AWAIT) {
    SYNC();
    FAIL(async_await(vm));
  }
#endif

#if !MVM_FULL_LANGUAGE
  // The instructions of what Microvium's language also leaves out (MVM_FULL_LANGUAGE 0):
  // code that uses them throws a TypeError the program can catch. (A validating restore
  // refuses such an image first: verify.c.)
#define LEAN_CASE(op) CASE(op)
  VM_LEAN_LEFT_OUT(LEAN_CASE) {
#undef LEAN_CASE
    SYNC();
    FAIL(throw_error(vm, EK_TYPE_ERROR, "not in this VM's language (MVM_FULL_LANGUAGE 0)", 0,
                     NULL));
  }
#endif

  // ---- Fused instructions (compiler/peephole.py): each is exactly its bracketed sequence ----
#if MVM_FAST_PATHS
  CASE(INC_LOCAL) {
    uint32_t i = READ_U8();
    a = locals[i];
    if (MVM_LIKELY(value_is_int(a)) && int_add(a, value_from_int(1), &r)) {
      locals[i] = r;
      NEXT();
    }
    SYNC();
    CHECK(op_unary(vm, OP_INC, a, &r));  // objects convert through valueOf, as INC/DEC do
    locals[i] = r;
    NEXT();
  }
  CASE(DEC_LOCAL) {
    uint32_t i = READ_U8();
    a = locals[i];
    if (MVM_LIKELY(value_is_int(a)) && int_sub(a, value_from_int(1), &r)) {
      locals[i] = r;
      NEXT();
    }
    SYNC();
    CHECK(op_unary(vm, OP_DEC, a, &r));  // objects convert through valueOf, as INC/DEC do
    locals[i] = r;
    NEXT();
  }

// Compare and jump when false: the operands stay on the stack through the slow path (GC).
#if MVM_SUPPORT_FLOAT
#define COMPARE_JUMP_NUMBERS(cmp) double x_, y_;
#define COMPARE_JUMP_FLOATS(cmp) \
  else if (num_of(vm, a, &x_) && num_of(vm, b, &y_)) { t_ = x_ cmp y_; }
#else
#define COMPARE_JUMP_NUMBERS(cmp)
#define COMPARE_JUMP_FLOATS(cmp)
#endif
#define COMPARE_JUMP(OPNAME, BINOP, cmp)                                   \
  CASE(OPNAME) {                                                           \
    int32_t rel = READ_I16();                                              \
    a = sp[-2];                                                            \
    b = sp[-1];                                                            \
    bool t_;                                                               \
    COMPARE_JUMP_NUMBERS(cmp)                                              \
    if (value_is_int(a & b)) {                                             \
      t_ = (int32_t)a cmp (int32_t)b;                                      \
    } COMPARE_JUMP_FLOATS(cmp) else {                                      \
      SYNC();                                                              \
      CHECK(op_binary(vm, OP_##BINOP, a, b, &r));                          \
      t_ = r == VAL_TRUE;                                                  \
    }                                                                      \
    sp -= 2;                                                               \
    if (!t_) JUMP_BY(rel);                                                 \
    NEXT();                                                                \
  }
  COMPARE_JUMP(JUMP_IF_NOT_LT, LT, <)
  COMPARE_JUMP(JUMP_IF_NOT_LE, LE, <=)
  COMPARE_JUMP(JUMP_IF_NOT_GT, GT, >)
  COMPARE_JUMP(JUMP_IF_NOT_GE, GE, >=)
#else
  CASE(INC_LOCAL) n = OP_INC; goto step_local;
  CASE(DEC_LOCAL) n = OP_DEC; goto step_local;
step_local: {
    uint32_t i = READ_U8();
    SYNC();
    CHECK(op_unary(vm, n, locals[i], &r));
    locals[i] = r;
    NEXT();
  }
  CASE(JUMP_IF_NOT_LT) n = OP_LT; goto compare_jump;
  CASE(JUMP_IF_NOT_LE) n = OP_LE; goto compare_jump;
  CASE(JUMP_IF_NOT_GT) n = OP_GT; goto compare_jump;
  CASE(JUMP_IF_NOT_GE) n = OP_GE; goto compare_jump;
compare_jump: {  // the operands stay on the stack through op_binary (GC)
    int32_t rel = READ_I16();
    SYNC();
    CHECK(op_binary(vm, n, sp[-2], sp[-1], &r));
    sp -= 2;
    if (r != VAL_TRUE) JUMP_BY(rel);
    NEXT();
  }
#endif  // MVM_FAST_PATHS
  CASE(JUMP_IF_STRICT_NE) {
    int32_t rel = READ_I16();
    a = sp[-2];
    b = sp[-1];
    sp -= 2;
    if (!(value_is_int(a & b) ? a == b : strict_equals(vm, a, b))) JUMP_BY(rel);
    NEXT();
  }
  CASE(JUMP_IF_STRICT_EQ) {
    int32_t rel = READ_I16();
    a = sp[-2];
    b = sp[-1];
    sp -= 2;
    if (value_is_int(a & b) ? a == b : strict_equals(vm, a, b)) JUMP_BY(rel);
    NEXT();
  }
  CASE(LOAD_GLOBAL_FN) {
    uint32_t i = READ_U16();
    a = vm_globals(vm)[i];
    if (MVM_UNLIKELY(a == VAL_HOLE)) {
      SYNC();
      FAIL(throw_error(vm, EK_REFERENCE_ERROR, "Cannot access '", global_name(vm, i),
                       "' before initialization"));
    }
    sp[0] = a;
    sp[1] = VAL_UNDEFINED;
    sp += 2;
    NEXT();
  }
  CASE(LOAD_ROM_GLOBAL_FN) {
    sp[0] = READ_U16();
    sp[1] = VAL_UNDEFINED;
    sp += 2;
    NEXT();
  }
  CASE(LOAD_LOCAL2) {
    sp[0] = locals[rd8(pc)];
    sp[1] = locals[rd8(pc + 1)];
    pc += 2;
    sp += 2;
    NEXT();
  }
#if MVM_FAST_PATHS
  CASE(ADD_I8) {
    b = value_from_int(READ_I8());
    a = sp[-1];
#if MVM_SUPPORT_FLOAT
    double x_;
#endif
    if (MVM_LIKELY(value_is_int(a)) && int_add(a, b, &r)) {
      sp[-1] = r;
      NEXT();
    }
    SYNC();
#if MVM_SUPPORT_FLOAT
    if (num_of(vm, a, &x_)) {
      CHECK(box_number(vm, x_ + value_as_int(b), &r));
    } else
#endif
    {
      CHECK(op_binary(vm, OP_ADD, a, b, &r));  // a is still on the stack; b is an int31
    }
    sp[-1] = r;
    NEXT();
  }
  CASE(SUB_I8) {
    b = value_from_int(READ_I8());
    a = sp[-1];
#if MVM_SUPPORT_FLOAT
    double x_;
#endif
    if (MVM_LIKELY(value_is_int(a)) && int_sub(a, b, &r)) {
      sp[-1] = r;
      NEXT();
    }
    SYNC();
#if MVM_SUPPORT_FLOAT
    if (num_of(vm, a, &x_)) {
      CHECK(box_number(vm, x_ - value_as_int(b), &r));
    } else
#endif
    {
      CHECK(op_binary(vm, OP_SUB, a, b, &r));
    }
    sp[-1] = r;
    NEXT();
  }
#else
  CASE(ADD_I8) n = OP_ADD; goto binary_i8;
  CASE(SUB_I8) n = OP_SUB; goto binary_i8;
binary_i8:
  b = value_from_int(READ_I8());
  SYNC();
  CHECK(op_binary(vm, n, sp[-1], b, &r));  // the left operand is still on the stack
  sp[-1] = r;
  NEXT();
#endif  // MVM_FAST_PATHS

#if !MVM_COMPUTED_GOTO
  }
#endif

handle_error:
  if (err != ERR_THROW) goto fatal;
#if MVM_ERROR_LOCATION
  vm->throw_func = fp->func;
  vm->throw_pc = fp->pc ? fp->pc - 1 : 0;
#endif
  if (rs->nhandlers > handler_floor) {
    CHECK_BUDGET();  // a throw caught in a loop is a loop without a backward jump
    handler_t* h = &rs->handlers[--rs->nhandlers];
    rs->nframes = h->frame + 1;
    fp = &rs->frames[h->frame];
    fp->pc = h->pc;
    fp->scope = h->scope;
    LOAD_FRAME();
    sp = stack + h->sp;
    PUSH(rs->exception);
    rs->exception = VAL_UNDEFINED;
    NEXT();
  }
#if MVM_ERROR_LOCATION
  vm->err_func = vm->throw_func;
  vm->err_pc = vm->throw_pc;
#endif
  rs->nframes = frame_floor;
  rs->sp = entry_sp;
  BUDGET_SAVE();
  return ERR_THROW;

#if MVM_SAFE_MODE || !MVM_COMPUTED_GOTO || MVM_OPS_SELECTED
invalid_code:
  SYNC();
  err = MVM_E_INVALID_IMAGE;
#endif
fatal:
  rs->fatal = (uint8_t)err;
  rs->nframes = frame_floor;
  rs->nhandlers = handler_floor;
  rs->sp = entry_sp;
  BUDGET_SAVE();
  return err;
}

mvm_err_t vm_call(mvm_vm_t* vm, uint8_t argc, bool construct, mvm_value_t* out) {
  mvm_value_t* fslot = VM_RUN(vm).sp - argc - 2;
  mvm_value_t f = *fslot;
  uint32_t type = value_type(vm, f);
  mvm_err_t err;
  *out = VAL_UNDEFINED;
  if (type == TC_FUNCTION || type == TC_CLOSURE) {
    if (construct) {
      err = construct_this(vm, fslot);
      if (err) {
        VM_RUN(vm).sp = fslot;
        return err;
      }
      f = *fslot;
    }
    uint32_t func = function_rom(vm, f);  // a verified FUNCTION (ROM, or a closure's)
    mvm_value_t scope = type == TC_CLOSURE ? field(vm, f, 8) : VAL_UNDEFINED;
    uint32_t flags = FRAME_ENTRY | (construct ? FRAME_CONSTRUCT : 0);
    err = frame_push(vm, func, scope, argc, flags);
    if (!err) err = run(vm);
    if (!err) *out = VM_RUN(vm).sp[-1];
  } else if (type == TC_HOSTFN || type == TC_RESOLVER || value_is_builtin(f)) {
    err = call_native(vm, fslot, argc, construct);
    if (!err) *out = *fslot;
  } else {
    err = throw_error(vm, EK_TYPE_ERROR, "value is not a function", 0, NULL);
  }
  VM_RUN(vm).sp = fslot;
  return err;
}

mvm_err_t vm_call_function(mvm_vm_t* vm, mvm_value_t f, mvm_value_t this_value,
                           const mvm_value_t* args, uint32_t argc, mvm_value_t* out) {
  // Outside any call (a host reading a getter through mvm_get) there may be no stack at all.
  // Each nesting holds a C frame, and its callers may hold temp roots across the call: both
  // are bounded, the temp roots so that the innermost level still has its reserve.
  if (!VM_HAS_RUN(vm)) {  // no stack to run on and no run state to throw into
    *out = VAL_UNDEFINED;
    return MVM_E_STACK_OVERFLOW;
  }
  if (argc > 255 || (size_t)(VM_RUN(vm).stack + vm_stack_slots(vm) - VM_RUN(vm).sp) < argc + 2 ||
      VM_RUN(vm).nested_calls >= MVM_MAX_NESTED_CALLS ||
      VM_RUN(vm).ntemps + MVM_TEMP_ROOTS_RESERVE > MVM_TEMP_ROOTS) {
    *out = VAL_UNDEFINED;
    return throw_error(vm, EK_RANGE_ERROR, "Maximum call stack size exceeded", 0, NULL);
  }
  mvm_value_t* base = VM_RUN(vm).sp;
  base[0] = f;
  base[1] = this_value;
  for (uint32_t i = 0; i < argc; i++) base[2 + i] = args[i];
  VM_RUN(vm).sp = base + 2 + argc;
  // From a host helper outside any call (mvm_get reading a getter): count as a call, so that a
  // host function it calls nests instead of starting an outermost call over this frame.
  bool outside = VM_RUN(vm).depth == 0;
  if (outside) {
    VM_RUN(vm).depth++;
    vm_refill_budget(vm);
  }
  VM_RUN(vm).nested_calls++;
  mvm_err_t err = vm_call(vm, (uint8_t)argc, false, out);
  VM_RUN(vm).nested_calls--;
  if (outside) VM_RUN(vm).depth--;
  return err;
}

mvm_err_t vm_run_frame(mvm_vm_t* vm) { return run(vm); }
