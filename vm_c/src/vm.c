/* vm.c: the interpreter loop, calls, returns and exception unwinding.
 *
 * Registers. While a function runs, its pc, code bounds, constants, argument and local bases
 * and sp live in C locals. Code and constants are in ROM, which never moves; args and locals
 * are stack slots, and the stack never moves either; so only sp needs care: SYNC() stores sp
 * (and pc, for error locations) into the VM before anything that may allocate, throw or
 * re-enter, because the collector scans the stack up to vm->sp.
 *
 * Re-entrancy. A host function may call mvm_call, which runs a nested interpreter on the same
 * stack above the current sp. Each run() owns the frames from its entry frame up, and the
 * handlers pushed since it started: an exception with no handler in that range leaves run()
 * as MVM_E_UNCAUGHT_EXCEPTION, and the host function decides what to do with it. A fatal error
 * (out of memory, instruction budget, invalid bytecode) sets vm->fatal and every run() on the
 * C stack returns it, down to the outermost API call, which resets the stack.
 *
 * Dispatch is written once with CASE/NEXT; MVM_COMPUTED_GOTO picks a label table (GCC/Clang)
 * or a switch.
 */
#include "internal.h"

#if MVM_COMPUTED_GOTO && defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wpedantic"
#endif

// ---- Functions in ROM ----

#if MVM_SAFE_MODE
// Checks that a ROM offset holds a well-formed FUNCTION (and its CONSTS) inside the ROM.
static bool function_valid(mvm_vm_t* vm, uint32_t func) {
  if ((func & 3u) || (uint64_t)func + FN_CODE > vm->rom_len) return false;
  const uint8_t* fn = vm->rom + func;
  uint32_t h = rd32(fn);
  uint32_t size = header_size(h);
  if (header_type(h) != TC_FUNCTION || (uint64_t)func + size > vm->rom_len) return false;
  if ((uint64_t)FN_CODE + rd32(fn + FN_CODE_LEN) > size) return false;
  uint32_t c = rd32(fn + FN_CONSTS);
  if (c != NO_OFFSET) {
    if ((c & 3u) || (uint64_t)c + 8 > vm->rom_len) return false;
    uint32_t ch = rd32(vm->rom + c);
    if (header_type(ch) != TC_CONSTS || (uint64_t)c + header_size(ch) > vm->rom_len) return false;
    if (8 + 4 * (uint64_t)rd32(vm->rom + c + 4) > header_size(ch)) return false;
  }
  return true;
}
#endif

uint32_t vm_line_of(mvm_vm_t* vm, uint32_t func, uint32_t pc, mvm_value_t* out_file) {
  *out_file = VAL_UNDEFINED;
  if ((uint64_t)func + FN_CODE > vm->rom_len) return 0;
  uint32_t l = rd32(vm->rom + func + FN_LINES);
  if (l == NO_OFFSET || (l & 3u) || (uint64_t)l + 12 > vm->rom_len) return 0;
  const uint8_t* p = vm->rom + l;
  uint32_t size = header_size(rd32(p));
  if (header_type(rd32(p)) != TC_LINES || size < 12 || (uint64_t)l + size > vm->rom_len) return 0;
  mvm_value_t file = rd32(p + 4);
  if (value_is_rom(file) && value_rom_offset(file) + 8 <= vm->rom_len &&
      value_is_string(vm, file)) {
    *out_file = file;
  }
  int64_t line = rd32(p + 8);
  uint32_t cur = 0, i = 12;
  while (i < size) {
    uint64_t d[2] = {0, 0};
    for (int k = 0; k < 2; k++) {
      for (int shift = 0; i < size && shift < 35; shift += 7) {
        uint8_t b = p[i++];
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

// ---- Frames ----

// Pushes a frame for the ROM function func, whose argc arguments are the top of vm->sp (with
// the callee and `this` below them). Throws RangeError when the stack or the frames run out.
static mvm_err_t frame_push(mvm_vm_t* vm, uint32_t func, mvm_value_t scope, uint32_t argc,
                            uint32_t flags) {
  const uint8_t* fn = vm->rom + func;
  uint32_t nparams = fn[FN_NPARAMS];
  uint32_t nlocals = rd16(fn + FN_NLOCALS);
  uint32_t max_stack = rd16(fn + FN_MAX_STACK);
  uint32_t base = (uint32_t)(vm->sp - vm->stack) - argc;
  uint32_t nargs = argc > nparams ? argc : nparams;
  uint32_t locals = base + nargs;
  uint64_t top = (uint64_t)locals + nlocals + max_stack;
  if (vm->nframes >= vm->max_frames || top > vm->stack_slots) {
    return throw_error(vm, EK_RANGE_ERROR, "Maximum call stack size exceeded", 0, NULL);
  }
  mvm_value_t* stack = vm->stack;
  for (uint32_t i = base + argc; i < locals + nlocals; i++) stack[i] = VAL_UNDEFINED;
  frame_t* f = &vm->frames[vm->nframes++];
  f->func = func;
  f->pc = 0;
  f->base = base;
  f->locals = locals;
  f->argc = nargs;
  f->scope = scope;
  f->flags = flags;
  vm->sp = stack + locals + nlocals;
  if (top > vm->stack_peak) vm->stack_peak = (uint32_t)top;
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
  const uint8_t* p = value_ptr(vm, f);
  uint16_t id = rd16(p + 4), index = rd16(p + 6);
  if (index >= vm->nimports || vm->imports[index].fn == NULL || vm->imports[index].id != id) {
    return throw_error(vm, EK_ERROR, "vmImport: host could not resolve import ID", 0, NULL);
  }
  *fslot = VAL_UNDEFINED;
  mvm_err_t err = vm->imports[index].fn(vm, id, fslot, fslot + 2, argc);
  if (vm->fatal) return vm->fatal;
  if (err == MVM_E_OK) return MVM_E_OK;
  if (err == MVM_E_HOST_THROW) {
    vm->exception = *fslot;
    return ERR_THROW;
  }
  return throw_error(vm, EK_ERROR, "host function failed (code ",
                     value_from_int((int32_t)err), ")");
}

// Prepares `new f(...)` for a JS function: makes `this` from f.prototype into fslot[1].
static mvm_err_t construct_this(mvm_vm_t* vm, mvm_value_t* fslot) {
  mvm_value_t proto;
  mvm_err_t err = function_prototype(vm, *fslot, &proto);
  if (err) return err;
  if (value_type(vm, proto) != TC_OBJECT) proto = VAL_NULL;
  return object_new(vm, proto, &fslot[1]);
}

// ---- The interpreter loop ----

#define READ_U8() (*pc++)
#define READ_I8() ((int8_t)*pc++)
#define READ_U16() (pc += 2, (uint32_t)MVM_READ_ROM_U16(pc - 2))
#define READ_I16() (pc += 2, (int16_t)MVM_READ_ROM_U16(pc - 2))

#define SYNC()                              \
  do {                                      \
    vm->sp = sp;                            \
    fp->pc = (uint32_t)(pc - code);         \
  } while (0)

#define LOAD_FRAME()                                                      \
  do {                                                                    \
    fp = &vm->frames[vm->nframes - 1];                                    \
    const uint8_t* fn_ = vm->rom + fp->func;                              \
    code = fn_ + FN_CODE;                                                 \
    code_len = rd32(fn_ + FN_CODE_LEN);                                   \
    pc = code + fp->pc;                                                   \
    nlocals = rd16(fn_ + FN_NLOCALS);                                     \
    uint32_t c_ = rd32(fn_ + FN_CONSTS);                                  \
    consts = c_ == NO_OFFSET ? NULL : vm->rom + c_ + 8;                 \
    nconsts = c_ == NO_OFFSET ? 0 : rd32(vm->rom + c_ + 4);             \
    args = stack + fp->base;                                              \
    locals = stack + fp->locals;                                          \
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

#define FETCH_CHECK()                                                 \
  do {                                                                \
    SAFE((uint32_t)(pc - code) < code_len && *pc < OP__COUNT);        \
    MVM_TRACE_INSTRUCTION(vm, fp->func, (uint32_t)(pc - code));       \
  } while (0)

#if MVM_COMPUTED_GOTO
#define CASE(name) L_##name:
#define NEXT()                        \
  do {                                \
    CHECK_BUDGET();                   \
    FETCH_CHECK();                    \
    goto* dispatch_table[*pc++];      \
  } while (0)
#else
#define CASE(name) case OP_##name:
#define NEXT() goto next
#endif

// Relative jump with a bounds check in safe mode.
#define JUMP_BY(rel)                                                  \
  do {                                                                \
    int64_t target_ = (int64_t)(pc - code) + (rel);                   \
    SAFE(target_ >= 0 && target_ <= (int64_t)code_len);               \
    pc = code + target_;                                              \
  } while (0)

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)

static mvm_err_t run(mvm_vm_t* vm) {
#if MVM_COMPUTED_GOTO
  static const void* const dispatch_table[] = {
#define OP(name, fmt, pop, push) &&L_##name,
#include "mvm_opcodes.h"
#undef OP
#undef FMT
  };
#endif
  mvm_value_t* const stack = vm->stack;
  const uint32_t frame_floor = vm->nframes - 1;
  const uint32_t handler_floor = vm->nhandlers;
  mvm_value_t* const entry_sp = stack + vm->frames[frame_floor].base - 2;
  uint32_t budget = vm->budget;
  frame_t* fp;
  const uint8_t* code;
  const uint8_t* pc;
  const uint8_t* consts;
  uint32_t code_len, nconsts, nlocals;
  mvm_value_t* args;
  mvm_value_t* locals;
  mvm_value_t* sp = vm->sp;
  mvm_err_t err = MVM_E_OK;
  uint8_t n;
  bool construct;
  mvm_value_t a, b, r;

  LOAD_FRAME();
  (void)code_len, (void)nconsts, (void)nlocals;  // read only by safe-mode checks

#if MVM_COMPUTED_GOTO
  NEXT();
#else
next:
  CHECK_BUDGET();
  FETCH_CHECK();
  switch (*pc++) {
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
  CASE(LOAD_CONST) {
    uint32_t k = READ_U16();
    SAFE(k < nconsts);
    PUSH(MVM_READ_ROM_U32(consts + 4 * k));
    NEXT();
  }
  CASE(LOAD_BUILTIN) {
    uint32_t k = READ_U8();
    SAFE(k < BI__COUNT);
    PUSH(value_from_builtin(k));
    NEXT();
  }
  CASE(LOAD_ARG) {
    uint32_t i = READ_U8();
    SAFE(i < fp->argc);
    PUSH(args[i]);
    NEXT();
  }
  CASE(STORE_ARG) {
    uint32_t i = READ_U8();
    SAFE(i < fp->argc);
    args[i] = POP();
    NEXT();
  }
  CASE(LOAD_LOCAL) {
    uint32_t i = READ_U8();
    SAFE(i < nlocals);
    PUSH(locals[i]);
    NEXT();
  }
  CASE(STORE_LOCAL) {
    uint32_t i = READ_U8();
    SAFE(i < nlocals);
    locals[i] = POP();
    NEXT();
  }
  CASE(LOAD_GLOBAL) {
    uint32_t i = READ_U16();
    SAFE(i < vm->global_count);
    a = vm->globals[i];
    if (MVM_UNLIKELY(a == VAL_HOLE)) {
      SYNC();
      mvm_value_t name = VAL_UNDEFINED;
      if (vm->global_names != NO_OFFSET) name = rd32(vm->rom + vm->global_names + 8 + 4 * i);
      FAIL(throw_error(vm, EK_REFERENCE_ERROR, "Cannot access '", name,
                       "' before initialization"));
    }
    PUSH(a);
    NEXT();
  }
  CASE(STORE_GLOBAL) {
    uint32_t i = READ_U16();
    SAFE(i < vm->global_count);
    vm->globals[i] = POP();
    NEXT();
  }
  CASE(LOAD_SCOPED) {
    uint32_t depth = READ_U8(), slot = READ_U8();
    mvm_value_t s = fp->scope;
    for (uint32_t d = 0; d < depth; d++) {
      SAFE(value_type(vm, s) == TC_SCOPE);
      s = field(vm, s, 4);
    }
    SAFE(value_type(vm, s) == TC_SCOPE && 8 + 4 * slot < alloc_size(value_ptr(vm, s)));
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
         8 + 4 * slot < alloc_size(value_ptr(vm, s)));
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
    uint32_t size = alloc_size(value_ptr(vm, fp->scope));
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
    SAFE(k < nconsts);
    mvm_value_t f = MVM_READ_ROM_U32(consts + 4 * k);
    SAFE(value_is_rom(f) && value_type(vm, f) == TC_FUNCTION);
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

  // ---- Arithmetic: int31 fast paths, everything else through op_binary ----
  CASE(ADD) {
    a = sp[-2];
    b = sp[-1];
    if (MVM_LIKELY(value_is_int(a) && value_is_int(b))) {
      int32_t x = value_as_int(a) + value_as_int(b);
      if (int31_fits(x)) {
        sp[-2] = value_from_int(x);
        sp--;
        NEXT();
      }
    }
    n = OP_ADD;
    goto binary_slow;
  }
  CASE(SUB) {
    a = sp[-2];
    b = sp[-1];
    if (MVM_LIKELY(value_is_int(a) && value_is_int(b))) {
      int32_t x = value_as_int(a) - value_as_int(b);
      if (int31_fits(x)) {
        sp[-2] = value_from_int(x);
        sp--;
        NEXT();
      }
    }
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
    if (value_is_int(a) && value_is_int(b)) {
      sp[-2] = value_from_bool(value_as_int(a) < value_as_int(b));
      sp--;
      NEXT();
    }
    n = OP_LT;
    goto binary_slow;
  }
  CASE(LE) {
    a = sp[-2];
    b = sp[-1];
    if (value_is_int(a) && value_is_int(b)) {
      sp[-2] = value_from_bool(value_as_int(a) <= value_as_int(b));
      sp--;
      NEXT();
    }
    n = OP_LE;
    goto binary_slow;
  }
  CASE(GT) {
    a = sp[-2];
    b = sp[-1];
    if (value_is_int(a) && value_is_int(b)) {
      sp[-2] = value_from_bool(value_as_int(a) > value_as_int(b));
      sp--;
      NEXT();
    }
    n = OP_GT;
    goto binary_slow;
  }
  CASE(GE) {
    a = sp[-2];
    b = sp[-1];
    if (value_is_int(a) && value_is_int(b)) {
      sp[-2] = value_from_bool(value_as_int(a) >= value_as_int(b));
      sp--;
      NEXT();
    }
    n = OP_GE;
    goto binary_slow;
  }

binary_slow:
  // Operands stay on the stack (GC-visible) until the result is stored.
  SYNC();
  CHECK(op_binary(vm, n, sp[-2], sp[-1], &r));
  sp[-2] = r;
  sp--;
  NEXT();

  CASE(NEG) {
    a = sp[-1];
    if (value_is_int(a) && value_as_int(a) != 0 && value_as_int(a) != INT31_MIN) {
      sp[-1] = value_from_int(-value_as_int(a));
      NEXT();
    }
    SYNC();
    CHECK(number_make(vm, -to_number(vm, a), &r));
    sp[-1] = r;
    NEXT();
  }
  CASE(TO_NUMBER) {
    a = sp[-1];
    if (value_is_number(vm, a)) NEXT();
    SYNC();
    CHECK(number_make(vm, to_number(vm, a), &r));
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
    CHECK(number_make(vm, (double)~number_to_int32(to_number(vm, a)), &r));
    sp[-1] = r;
    NEXT();
  }
  CASE(NOT) sp[-1] = value_from_bool(!to_boolean(vm, sp[-1])); NEXT();
  CASE(INC) {
    a = sp[-1];
    if (value_is_int(a) && value_as_int(a) < INT31_MAX) {
      sp[-1] = value_from_int(value_as_int(a) + 1);
      NEXT();
    }
    SYNC();
    CHECK(number_make(vm, to_number(vm, a) + 1, &r));
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
    CHECK(number_make(vm, to_number(vm, a) - 1, &r));
    sp[-1] = r;
    NEXT();
  }
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
  CASE(INIT_PROP) {
    uint32_t k = READ_U16();
    SAFE(k < nconsts);
    SYNC();
    CHECK(prop_define(vm, sp[-2], MVM_READ_ROM_U32(consts + 4 * k), sp[-1]));
    sp--;
    NEXT();
  }
  CASE(GET_PROP) {
    uint32_t k = READ_U16();
    SAFE(k < nconsts);
    SYNC();
    CHECK(prop_get(vm, sp[-1], MVM_READ_ROM_U32(consts + 4 * k), &r));
    sp[-1] = r;
    NEXT();
  }
  CASE(SET_PROP) {
    uint32_t k = READ_U16();
    SAFE(k < nconsts);
    SYNC();
    CHECK(prop_set(vm, sp[-2], MVM_READ_ROM_U32(consts + 4 * k), sp[-1]));
    sp[-2] = sp[-1];
    sp--;
    NEXT();
  }
  CASE(GET_ELEM) {
    a = sp[-2];
    b = sp[-1];
    if (value_is_int(b) && value_is_heap(a) && value_type(vm, a) == TC_ARRAY) {
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
    if (value_is_int(b) && value_is_heap(a) && value_type(vm, a) == TC_ARRAY &&
        (uint32_t)value_as_int(b) < array_length(vm, a)) {
      set_field(vm, field(vm, a, 8), 4 + 4 * (uint32_t)value_as_int(b), sp[-1]);
    } else {
      SYNC();
      CHECK(prop_set(vm, a, b, sp[-1]));
    }
    sp[-3] = sp[-1];
    sp -= 2;
    NEXT();
  }
  CASE(DELETE_ELEM) {
    SYNC();
    CHECK(prop_delete(vm, sp[-2], sp[-1]));
    sp[-2] = VAL_TRUE;
    sp--;
    NEXT();
  }
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
  CASE(CALL) n = READ_U8(); construct = false; goto do_call;
  CASE(NEW) n = READ_U8(); construct = true; goto do_call;

do_call: {
  mvm_value_t* fslot = sp - n - 2;
  mvm_value_t f = *fslot;
  uint32_t type = value_type(vm, f);
  SYNC();
  if (type == TC_FUNCTION || type == TC_CLOSURE) {
    if (construct) CHECK(construct_this(vm, fslot));
    f = *fslot;
    uint32_t func = function_rom(vm, f);
    mvm_value_t scope = type == TC_CLOSURE ? field(vm, f, 8) : VAL_UNDEFINED;
#if MVM_SAFE_MODE
    if (!function_valid(vm, func)) goto invalid_code;
#endif
    CHECK(frame_push(vm, func, scope, n, construct ? FRAME_CONSTRUCT : 0));
    sp = vm->sp;
    LOAD_FRAME();
    NEXT();
  }
  if (type == TC_HOSTFN || value_is_builtin(f)) {
    vm->budget = budget;
    err = call_native(vm, fslot, n, construct);
    budget = vm->budget;
    if (err) goto handle_error;
    sp = fslot + 1;
    NEXT();
  }
  FAIL(throw_error(vm, EK_TYPE_ERROR,
                   construct ? "value is not a constructor" : "value is not a function", 0,
                   NULL));
}

  CASE(RETURN) {
    mvm_value_t v = sp[-1];
    uint32_t fi = vm->nframes - 1;
    while (vm->nhandlers > handler_floor && vm->handlers[vm->nhandlers - 1].frame == fi) {
      vm->nhandlers--;
    }
    mvm_value_t* fslot = args - 2;
    uint32_t flags = fp->flags;
    if ((flags & FRAME_CONSTRUCT) && !value_is_object(vm, v)) v = fslot[1];
    vm->nframes--;
    *fslot = v;
    sp = fslot + 1;
    if (flags & FRAME_ENTRY) {
      vm->sp = sp;
      vm->budget = budget;
      return MVM_E_OK;
    }
    LOAD_FRAME();
    NEXT();
  }
  CASE(THROW) {
    vm->exception = POP();
    SYNC();
    FAIL(ERR_THROW);
  }
  CASE(TRY) {
    int32_t rel = READ_I16();
    int64_t target = (int64_t)(pc - code) + rel;
    SAFE(target >= 0 && target <= (int64_t)code_len);
    if (vm->nhandlers >= vm->max_handlers) {
      SYNC();
      FAIL(throw_error(vm, EK_RANGE_ERROR, "Maximum call stack size exceeded", 0, NULL));
    }
    handler_t* h = &vm->handlers[vm->nhandlers++];
    h->frame = vm->nframes - 1;
    h->sp = (uint32_t)(sp - stack);
    h->pc = (uint32_t)target;
    h->scope = fp->scope;
    NEXT();
  }
  CASE(TRY_END) {
    if (vm->nhandlers > handler_floor &&
        vm->handlers[vm->nhandlers - 1].frame == vm->nframes - 1) {
      vm->nhandlers--;
    }
    NEXT();
  }
  CASE(THROW_ERROR) {
    uint32_t kind = READ_U8();
    uint32_t k = READ_U16();
    SAFE(kind < EK__COUNT && k < nconsts);
    SYNC();
    FAIL(throw_error(vm, kind, "", MVM_READ_ROM_U32(consts + 4 * k), NULL));
  }

#if !MVM_COMPUTED_GOTO
  default:
    goto invalid_code;
  }
#endif

handle_error:
  if (err != ERR_THROW) goto fatal;
  vm->throw_func = fp->func;
  vm->throw_pc = fp->pc ? fp->pc - 1 : 0;
  if (vm->nhandlers > handler_floor) {
    handler_t* h = &vm->handlers[--vm->nhandlers];
    vm->nframes = h->frame + 1;
    fp = &vm->frames[h->frame];
    fp->pc = h->pc;
    fp->scope = h->scope;
    LOAD_FRAME();
    sp = stack + h->sp;
    PUSH(vm->exception);
    vm->exception = VAL_UNDEFINED;
    NEXT();
  }
  vm->err_func = vm->throw_func;
  vm->err_pc = vm->throw_pc;
  vm->nframes = frame_floor;
  vm->sp = entry_sp;
  vm->budget = budget;
  return ERR_THROW;

#if MVM_SAFE_MODE || !MVM_COMPUTED_GOTO
invalid_code:
  SYNC();
  err = MVM_E_INVALID_IMAGE;
#endif
fatal:
  vm->fatal = err;
  vm->nframes = frame_floor;
  vm->nhandlers = handler_floor;
  vm->sp = entry_sp;
  vm->budget = budget;
  return err;
}

mvm_err_t vm_call(mvm_vm_t* vm, uint8_t argc, bool construct, mvm_value_t* out) {
  mvm_value_t* fslot = vm->sp - argc - 2;
  mvm_value_t f = *fslot;
  uint32_t type = value_type(vm, f);
  mvm_err_t err;
  *out = VAL_UNDEFINED;
  if (type == TC_FUNCTION || type == TC_CLOSURE) {
    if (construct) {
      err = construct_this(vm, fslot);
      if (err) {
        vm->sp = fslot;
        return err;
      }
      f = *fslot;
    }
    uint32_t func = function_rom(vm, f);
#if MVM_SAFE_MODE
    if (!function_valid(vm, func)) {
      vm->sp = fslot;
      vm->fatal = MVM_E_INVALID_IMAGE;
      return MVM_E_INVALID_IMAGE;
    }
#endif
    mvm_value_t scope = type == TC_CLOSURE ? field(vm, f, 8) : VAL_UNDEFINED;
    uint32_t flags = FRAME_ENTRY | (construct ? FRAME_CONSTRUCT : 0);
    err = frame_push(vm, func, scope, argc, flags);
    if (!err) err = run(vm);
    if (!err) *out = vm->sp[-1];
  } else if (type == TC_HOSTFN || value_is_builtin(f)) {
    err = call_native(vm, fslot, argc, construct);
    if (!err) *out = *fslot;
  } else {
    err = throw_error(vm, EK_TYPE_ERROR, "value is not a function", 0, NULL);
  }
  vm->sp = fslot;
  return err;
}
