/* async.c: suspending and resuming async functions.
 *
 * `await v` (the AWAIT instruction) copies the whole state of the running frame into a
 * CONTINUATION allocation and returns the function's promise to the caller; a promise job
 * later copies the state back onto the stack as a fresh frame and runs it from the
 * instruction after the AWAIT. Because the state is an ordinary heap allocation of values, a
 * suspended async function is reachable from the promise it waits on, collected with it, and
 * written into a snapshot and resumed after a restore like anything else.
 *
 * CONTINUATION layout: hdr, then values only (counts and code offsets as int31):
 *   [0] function (ROM ref)   [1] pc                 [2] scope
 *   [3] argc                 [4] nvalues            [5] nhandlers
 *   [6 ..] nvalues stack values: callee, this, argc arguments, the locals, then the operands
 *   then nhandlers x (sp offset from the first argument, catch pc, scope)
 * Stack and handler positions are stored relative to the frame, so the frame can come back
 * at any depth. Resuming checks every field against the function, because an image may have
 * been altered.
 */
#include "internal.h"

#if MVM_ASYNC  // optional (mvm_port_default.h); only promise.c calls into this file

enum { K_FUNC, K_PC, K_SCOPE, K_ARGC, K_NVALUES, K_NHANDLERS, K_VALUES };
// Try blocks open in one function at an await: nesting deeper than this is not resumed.
#define K_MAX_HANDLERS 32

static mvm_value_t k_get(mvm_vm_t* vm, mvm_value_t k, uint32_t i) {
  return field(vm, k, 4 + 4 * i);
}
static void k_set(mvm_vm_t* vm, mvm_value_t k, uint32_t i, mvm_value_t v) {
  set_field(vm, k, 4 + 4 * i, v);
}

// Number of handlers, at the top of the handler stack, that belong to the top frame.
static uint32_t top_frame_handlers(mvm_vm_t* vm) {
  uint32_t n = 0, fi = VM_RUN(vm).nframes - 1;
  while (n < VM_RUN(vm).nhandlers && VM_RUN(vm).handlers[VM_RUN(vm).nhandlers - 1 - n].frame == fi) n++;
  return n;
}

MVM_INTERNAL mvm_err_t async_capture(mvm_vm_t* vm, mvm_value_t* out);
MVM_INTERNAL mvm_err_t async_resume(mvm_vm_t* vm, mvm_value_t k, mvm_value_t v, bool threw);

// Saves the top frame; the operand on top of the stack (the awaited value) is left out.
mvm_err_t async_capture(mvm_vm_t* vm, mvm_value_t* out) {
  frame_t* f = &VM_RUN(vm).frames[VM_RUN(vm).nframes - 1];
  uint32_t start = f->base - 2;
  uint32_t nvalues = (uint32_t)(VM_RUN(vm).sp - VM_RUN(vm).stack) - 1 - start;
  uint32_t nh = top_frame_handlers(vm);
  uint64_t bytes = 4 + 4 * ((uint64_t)K_VALUES + nvalues + 3 * (uint64_t)nh);
  uint32_t off = bytes < ALLOC_MAX_SIZE ? heap_alloc(vm, (uint32_t)bytes, TC_CONTINUATION) : 0;
  if (off == 0) return MVM_E_OUT_OF_MEMORY;
  mvm_value_t k = value_from_heap_offset(off);
  f = &VM_RUN(vm).frames[VM_RUN(vm).nframes - 1];  // (the collector does not move frames; re-read anyway)
  k_set(vm, k, K_FUNC, value_from_rom_offset(f->func));
  k_set(vm, k, K_PC, value_from_int((int32_t)f->pc));
  k_set(vm, k, K_SCOPE, f->scope);
  k_set(vm, k, K_ARGC, value_from_int((int32_t)f->argc));
  k_set(vm, k, K_NVALUES, value_from_int((int32_t)nvalues));
  k_set(vm, k, K_NHANDLERS, value_from_int((int32_t)nh));
  for (uint32_t i = 0; i < nvalues; i++) k_set(vm, k, K_VALUES + i, VM_RUN(vm).stack[start + i]);
  for (uint32_t i = 0; i < nh; i++) {
    const handler_t* h = &VM_RUN(vm).handlers[VM_RUN(vm).nhandlers - nh + i];
    uint32_t at = K_VALUES + nvalues + 3 * i;
    k_set(vm, k, at, value_from_int((int32_t)(h->sp - f->base)));
    k_set(vm, k, at + 1, value_from_int((int32_t)h->pc));
    k_set(vm, k, at + 2, h->scope);
  }
  *out = k;
  return MVM_E_OK;
}

// Operand bytes per opcode, to walk code instruction by instruction.
#define K_OPND_NONE 0
#define K_OPND_U8 1
#define K_OPND_I8 1
#define K_OPND_U16 2
#define K_OPND_I16 2
#define K_OPND_REL16 2
#define K_OPND_U8U8 2
#define K_OPND_U8U16 3
static const uint8_t k_operand_bytes[] = {
#define OP(name, fmt, pop, push) K_OPND_##fmt,
#include "mvm_opcodes.h"
#undef OP
#undef FMT
};

// The loader verified every instruction reachable from pc 0, and the interpreter relies on
// it; so a resumed frame must restart just after an AWAIT, and its handlers at instruction
// starts. Walks the code once: true when pc follows an AWAIT and every handler pc in
// hpcs[0..nh) starts an instruction.
static bool k_code_ok(const uint8_t* fn, uint32_t pc, const uint32_t* hpcs, uint32_t nh) {
  const uint8_t* code = fn_code(fn);
  uint32_t len = fn_code_len(fn), found = 0;
  bool after_await = false;
  for (uint32_t at = 0; at < len && rd8(code + at) < OP__COUNT;) {
    uint32_t next = at + 1 + k_operand_bytes[rd8(code + at)];
    if (next == pc && rd8(code + at) == OP_AWAIT) after_await = true;
    for (uint32_t i = 0; i < nh; i++) found += hpcs[i] == at;
    at = next;
  }
  return after_await && found == nh;
}

static bool k_int(mvm_vm_t* vm, mvm_value_t k, uint32_t i, uint32_t limit, uint32_t* out) {
  mvm_value_t v = k_get(vm, k, i);
  if (!value_is_int(v) || value_as_int(v) < 0 || (uint32_t)value_as_int(v) > limit) return false;
  *out = (uint32_t)value_as_int(v);
  return true;
}

// Checks a continuation against its function; on success fills the frame geometry.
static bool k_valid(mvm_vm_t* vm, mvm_value_t k, uint32_t* func, uint32_t* pc, uint32_t* argc,
                    uint32_t* nvalues, uint32_t* nh) {
  if (value_type(vm, k) != TC_CONTINUATION) return false;
  uint32_t slots = (alloc_size(value_ptr(vm, k)) - 4) / 4;
  if (slots < K_VALUES) return false;
  mvm_value_t fv = k_get(vm, k, K_FUNC);
  if (!value_is_rom(fv) || !rom_alloc_ok(vm->rom, vm_rom_len(vm), value_rom_offset(fv), TC_FUNCTION)) {
    return false;
  }
  *func = value_rom_offset(fv);
  const uint8_t* fn = vm->rom + *func;
  uint32_t nlocals = rd8(fn + FN_NLOCALS);
  if (!k_int(vm, k, K_PC, fn_code_len(fn), pc) || !k_int(vm, k, K_ARGC, 0xFFFF, argc) ||
      !k_int(vm, k, K_NVALUES, slots - K_VALUES, nvalues) ||
      !k_int(vm, k, K_NHANDLERS, (slots - K_VALUES - *nvalues) / 3, nh)) {
    return false;
  }
  uint32_t operands_at = *argc + nlocals;  // relative to the first argument
  if (*argc < rd8(fn + FN_NPARAMS) || (uint64_t)operands_at + 2 > *nvalues ||
      *nvalues - operands_at > rd16(fn + FN_MAX_STACK)) {  // operands + AWAIT's 2 results
    return false;
  }
  mvm_value_t scope = k_get(vm, k, K_SCOPE);
  if (scope != VAL_UNDEFINED && value_type(vm, scope) != TC_SCOPE) return false;
  uint32_t hpcs[K_MAX_HANDLERS];
  if (*nh > K_MAX_HANDLERS) return false;
  for (uint32_t i = 0; i < *nh; i++) {
    uint32_t at = K_VALUES + *nvalues + 3 * i, sp;
    mvm_value_t hs = k_get(vm, k, at + 2);
    if (!k_int(vm, k, at, *nvalues - 2, &sp) || sp < operands_at ||
        !k_int(vm, k, at + 1, fn_code_len(fn), &hpcs[i]) ||
        (hs != VAL_UNDEFINED && value_type(vm, hs) != TC_SCOPE)) {
      return false;
    }
  }
  return k_code_ok(fn, *pc, hpcs, *nh);
}

// Rejects the promise of a continuation that cannot run (its locals[0], by convention) with the
// RangeError of a full stack. The promise is read first and held as a root: making the error
// may collect, which moves the continuation (found by the MCU-profile fuzzer, whose small stack
// and heap reach this path).
static mvm_err_t k_abandon(mvm_vm_t* vm, mvm_value_t k, uint32_t argc, uint32_t nvalues) {
  TEMP_MARK(vm);
  mvm_value_t* promise =
      temp_push(vm, 2 + argc < nvalues ? k_get(vm, k, K_VALUES + 2 + argc) : VAL_UNDEFINED);
  mvm_err_t err = throw_error(vm, EK_RANGE_ERROR, "Maximum call stack size exceeded", 0, NULL);
  if (err == ERR_THROW) {
    mvm_value_t e = VM_RUN(vm).exception;
    VM_RUN(vm).exception = VAL_UNDEFINED;
    err = *promise == VAL_UNDEFINED ? MVM_E_OK : promise_settle(vm, *promise, e, true);
  }
  TEMP_RESET(vm);
  return err;
}

mvm_err_t async_resume(mvm_vm_t* vm, mvm_value_t k, mvm_value_t v, bool threw) {
  uint32_t func, pc, argc, nvalues, nh;
  if (!k_valid(vm, k, &func, &pc, &argc, &nvalues, &nh)) return MVM_E_OK;  // dropped
  const uint8_t* fn = vm->rom + func;
  mvm_value_t* start = VM_RUN(vm).sp;
  uint32_t base = (uint32_t)(start - VM_RUN(vm).stack) + 2;
  // Twice max_stack: the saved operand count is checked against max_stack but not against
  // the exact depth at pc, so an altered image may start up to max_stack deeper.
  uint64_t top = (uint64_t)base + argc + rd8(fn + FN_NLOCALS) + 2u * rd16(fn + FN_MAX_STACK);
  if (top > vm_stack_slots(vm) || VM_RUN(vm).nframes >= vm_max_frames(vm) ||
      VM_RUN(vm).nhandlers + nh > vm_max_handlers(vm)) {
    return k_abandon(vm, k, argc, nvalues);
  }
  for (uint32_t i = 0; i < nvalues; i++) start[i] = k_get(vm, k, K_VALUES + i);
  frame_t* f = &VM_RUN(vm).frames[VM_RUN(vm).nframes++];
  f->func = func;
  f->pc = pc;
  f->base = base;
  f->locals = base + argc;
  f->argc = argc;
  f->scope = k_get(vm, k, K_SCOPE);
  f->flags = FRAME_ENTRY;
  for (uint32_t i = 0; i < nh; i++) {
    uint32_t at = K_VALUES + nvalues + 3 * i;
    handler_t* h = &VM_RUN(vm).handlers[VM_RUN(vm).nhandlers++];
    h->frame = VM_RUN(vm).nframes - 1;
    h->sp = base + (uint32_t)value_as_int(k_get(vm, k, at));
    h->pc = (uint32_t)value_as_int(k_get(vm, k, at + 1));
    h->scope = k_get(vm, k, at + 2);
  }
  // AWAIT's results: the value and whether it is to be thrown (the compiled code throws it).
  start[nvalues] = v;
  start[nvalues + 1] = value_from_bool(threw);
  VM_RUN(vm).sp = start + nvalues + 2;
  mvm_err_t err = vm_run_frame(vm);
  VM_RUN(vm).sp = start;
  return err;
}

#endif  // MVM_ASYNC
