/* promise.c: promises, the job queue, and the Promise builtins.
 *
 * A PROMISE allocation is: hdr, u32 state, value, reactions. While pending, `reactions` is an
 * ARRAY of records of REC values each (kind, x, y, target): what to do when the promise
 * settles. Settling turns each record into a job (the record plus the value and whether it is
 * a rejection) appended to the queue, an ARRAY in the VM roots (ROOT_JOBS) of JOB values per
 * job. Everything is a heap value, so pending promises, queued jobs and suspended async
 * functions (continuations, async.c) are part of a snapshot like any other object.
 *
 * The reaction kinds cover every way the subset waits on a promise, so no JS function objects
 * are needed for internal waiting:
 *   THEN      x onFulfilled, y onRejected, target the derived promise (then, catch)
 *   AWAIT     x the continuation of a suspended async function
 *   ADOPT     target the promise that was resolved with this one (it takes the same state)
 *   ALL       x [values, remaining], y the index, target the Promise.all result
 *   ALL_SETTLED, ANY  the same for Promise.allSettled (slots get {status, value|reason}) and
 *             Promise.any (slots get the rejections; the first value fulfils the result)
 *   FINALLY   x onFinally, target the derived promise
 *   FINALLY_VALUE  x the original value, y whether it was a rejection, target the promise
 *             that onFinally's result is waited on through
 * plus one job that is not a reaction: THENABLE (x a thenable, y its `then`, or undefined for
 * a promise; target the promise being resolved with it).
 *
 * Timing follows the spec's job order, so interleavings print as in Node: resolving with a
 * promise takes two extra jobs (a THENABLE job, then the ADOPT reaction), `await p` of a
 * promise one job.
 *
 * The queue is drained by the outermost mvm_call / mvm_run_main before they return
 * (api.c). Jobs are independent: an exception no handler catches is dropped (no "unhandled
 * rejection" reporting), a fatal error stops the drain.
 */
#include "internal.h"

#if MVM_ASYNC  // optional (mvm_port_default.h); the stubs at the end stand in without it

enum { PS_PENDING = 0, PS_FULFILLED = 1, PS_REJECTED = 2 };
// Kinds are stored in images: new ones are appended (ALL_SETTLED and ANY share ALL's state).
enum { R_THEN, R_AWAIT, R_ADOPT, R_ALL, R_FINALLY, R_FINALLY_VALUE, J_THENABLE, R_ALL_SETTLED,
       R_ANY };
enum { REC = 4, JOB = 6 };  // values per reaction record / per job
enum { RESOLVER_REJECT = 1, RESOLVER_DONE = 2 };
// After this many jobs the drained part of the queue is dropped, so a long chain of awaits
// does not keep every finished job alive until the queue empties.
#define JOBS_COMPACT_AT (JOB * 256)

static uint32_t promise_state(mvm_vm_t* vm, mvm_value_t p) { return rd32(heap_ptr(vm, p) + 4); }

mvm_err_t promise_new(mvm_vm_t* vm, mvm_value_t* out) {
  uint32_t off = heap_alloc(vm, 16, TC_PROMISE);
  if (off == 0) return MVM_E_OUT_OF_MEMORY;
  uint8_t* p = heap_ptr(vm, off);
  wr32(p + 4, PS_PENDING);
  wr32(p + 8, VAL_UNDEFINED);
  wr32(p + 12, VAL_UNDEFINED);
  *out = value_from_heap_offset(off);
  return MVM_E_OK;
}

// ---- The queue ----

// Appends a job: the JOB values at vals (GC-visible slots). May GC.
static mvm_err_t job_push(mvm_vm_t* vm, const mvm_value_t* vals) {
  TEMP_MARK(vm);
  mvm_value_t* q = temp_push(vm, root_get(vm, ROOT_JOBS));
  mvm_err_t err = MVM_E_OK;
  if (value_type(vm, *q) != TC_ARRAY) err = array_new(vm, 4 * JOB, q);
  for (int i = 0; i < JOB && !err; i++) err = array_push(vm, q, vals[i]);
  if (!err) err = root_store(vm, ROOT_JOBS, q);
  TEMP_RESET(vm);
  return err;
}

static mvm_err_t job_push6(mvm_vm_t* vm, uint32_t kind, mvm_value_t x, mvm_value_t y,
                           mvm_value_t target, mvm_value_t v, bool threw) {
  TEMP_MARK(vm);
  mvm_value_t* vals = temp_push(vm, value_from_int((int32_t)kind));
  temp_push(vm, x);
  temp_push(vm, y);
  temp_push(vm, target);
  temp_push(vm, v);
  temp_push(vm, value_from_bool(threw));
  mvm_err_t err = job_push(vm, vals);
  TEMP_RESET(vm);
  return err;
}

// ---- Settling ----

// Fulfills or rejects pending promise p with v: its reactions become jobs. May GC.
static mvm_err_t promise_finish(mvm_vm_t* vm, mvm_value_t p, mvm_value_t v, bool threw) {
  if (promise_state(vm, p) != PS_PENDING) return MVM_E_OK;
  uint8_t* pp = heap_ptr(vm, p);
  mvm_value_t reactions = rd32(pp + 12);
  wr32(pp + 4, threw ? PS_REJECTED : PS_FULFILLED);
  wr32(pp + 8, v);
  wr32(pp + 12, VAL_UNDEFINED);
  if (value_type(vm, reactions) != TC_ARRAY) return MVM_E_OK;
  TEMP_MARK(vm);
  mvm_value_t* rs = temp_push(vm, reactions);
  mvm_value_t* vs = temp_push(vm, v);
  mvm_value_t* job = temp_push(vm, VAL_UNDEFINED);  // JOB consecutive slots
  for (int i = 1; i < JOB; i++) temp_push(vm, VAL_UNDEFINED);
  mvm_err_t err = MVM_E_OK;
  for (uint32_t r = 0; !err && r + REC <= array_length(vm, *rs); r += REC) {
    for (uint32_t i = 0; i < REC; i++) job[i] = array_get(vm, *rs, r + i);
    job[4] = *vs;
    job[5] = value_from_bool(threw);
    err = job_push(vm, job);
  }
  TEMP_RESET(vm);
  return err;
}

// Runs `what` when p settles: a reaction record, or at once a job if p has settled. May GC.
static mvm_err_t promise_react(mvm_vm_t* vm, mvm_value_t p, uint32_t kind, mvm_value_t x,
                               mvm_value_t y, mvm_value_t target) {
  uint32_t state = promise_state(vm, p);
  if (state != PS_PENDING) {
    return job_push6(vm, kind, x, y, target, field(vm, p, 8), state == PS_REJECTED);
  }
  TEMP_MARK(vm);
  mvm_value_t* ps = temp_push(vm, p);
  mvm_value_t* rec = temp_push(vm, value_from_int((int32_t)kind));
  temp_push(vm, x);
  temp_push(vm, y);
  temp_push(vm, target);
  mvm_value_t* rs = temp_push(vm, field(vm, p, 12));
  mvm_err_t err = MVM_E_OK;
  if (value_type(vm, *rs) != TC_ARRAY) err = array_new(vm, REC, rs);
  for (int i = 0; i < REC && !err; i++) err = array_push(vm, rs, rec[i]);
  if (!err) set_field(vm, *ps, 12, *rs);
  TEMP_RESET(vm);
  return err;
}

mvm_err_t promise_settle(mvm_vm_t* vm, mvm_value_t p, mvm_value_t v, bool threw) {
  if (value_type(vm, p) != TC_PROMISE || promise_state(vm, p) != PS_PENDING) return MVM_E_OK;
  if (threw) return promise_finish(vm, p, v, true);
  if (v == p) {
    TEMP_MARK(vm);
    mvm_value_t* ps = temp_push(vm, p);
    mvm_value_t* e = temp_push(vm, VAL_UNDEFINED);
    mvm_value_t* msg = temp_push(vm, VAL_UNDEFINED);
    const char* text = "Chaining cycle detected for promise #<Promise>";
    mvm_err_t err = string_new_ascii(vm, text, strlen(text), msg);
    if (!err) err = error_new(vm, EK_TYPE_ERROR, *msg, e);
    if (!err) err = promise_finish(vm, *ps, *e, true);
    TEMP_RESET(vm);
    return err;
  }
  if (value_type(vm, v) == TC_PROMISE) {  // a promise adopts another through a job, as in JS
    return job_push6(vm, J_THENABLE, v, VAL_UNDEFINED, p, VAL_UNDEFINED, false);
  }
  uint32_t t = value_type(vm, v);
  if (t != TC_OBJECT && t != TC_CLOSURE && t != TC_FUNCTION) return promise_finish(vm, p, v, false);
  // A thenable: an object whose `then` is callable (reading it may run a getter, or throw).
  TEMP_MARK(vm);
  mvm_value_t* ps = temp_push(vm, p);
  mvm_value_t* vs = temp_push(vm, v);
  mvm_value_t* then = temp_push(vm, VAL_UNDEFINED);
  mvm_err_t err = prop_get(vm, *vs, ENGINE_STR(THEN), then);
  if (err == ERR_THROW) {
    mvm_value_t e = VM_RUN(vm).exception;
    VM_RUN(vm).exception = VAL_UNDEFINED;
    err = promise_finish(vm, *ps, e, true);
  } else if (!err && value_is_callable(vm, *then)) {
    err = job_push6(vm, J_THENABLE, *vs, *then, *ps, VAL_UNDEFINED, false);
  } else if (!err) {
    err = promise_finish(vm, *ps, *vs, false);
  }
  TEMP_RESET(vm);
  return err;
}

// PromiseResolve: v itself if it is a promise, else a new promise resolved with v. May GC.
static mvm_err_t promise_resolve_value(mvm_vm_t* vm, mvm_value_t v, mvm_value_t* out) {
  if (value_type(vm, v) == TC_PROMISE) {
    *out = v;
    return MVM_E_OK;
  }
  TEMP_MARK(vm);
  mvm_value_t* vs = temp_push(vm, v);
  mvm_value_t* p = temp_push(vm, VAL_UNDEFINED);
  mvm_err_t err = promise_new(vm, p);
  if (!err) err = promise_settle(vm, *p, *vs, false);
  *out = *p;
  TEMP_RESET(vm);
  return err;
}

// ---- Resolving functions ----

// The pair of functions an executor or a thenable's `then` gets: RESOLVER allocations that
// share "already resolved" through their twin link. out[0] resolve, out[1] reject. May GC.
static mvm_err_t resolvers_new(mvm_vm_t* vm, mvm_value_t p, mvm_value_t* out) {
  TEMP_MARK(vm);
  mvm_value_t* ps = temp_push(vm, p);
  mvm_err_t err = MVM_E_OK;
  for (int i = 0; i < 2 && !err; i++) {
    uint32_t off = heap_alloc(vm, 16, TC_RESOLVER);
    if (off == 0) {
      err = MVM_E_OUT_OF_MEMORY;
      break;
    }
    uint8_t* r = heap_ptr(vm, off);
    wr32(r + 4, i == 1 ? RESOLVER_REJECT : 0);
    wr32(r + 8, *ps);
    wr32(r + 12, VAL_UNDEFINED);
    out[i] = value_from_heap_offset(off);
  }
  if (!err) {
    set_field(vm, out[0], 12, out[1]);
    set_field(vm, out[1], 12, out[0]);
  }
  TEMP_RESET(vm);
  return err;
}

mvm_err_t resolver_call(mvm_vm_t* vm, mvm_value_t f, const mvm_value_t* args, uint32_t argc,
                        mvm_value_t* out) {
  mvm_value_t v = argc > 0 ? args[0] : VAL_UNDEFINED;  // before *out: they may alias
  *out = VAL_UNDEFINED;
  uint32_t flags = rd32(heap_ptr(vm, f) + 4);
  if (flags & RESOLVER_DONE) return MVM_E_OK;  // only the first call of either one counts
  mvm_value_t twin = field(vm, f, 12);
  set_field(vm, f, 4, flags | RESOLVER_DONE);
  if (value_type(vm, twin) == TC_RESOLVER) {
    set_field(vm, twin, 4, rd32(heap_ptr(vm, twin) + 4) | RESOLVER_DONE);
  }
  return promise_settle(vm, field(vm, f, 8), v, (flags & RESOLVER_REJECT) != 0);
}

// ---- Running jobs ----

// Calls f(v) with this undefined; *out the result, or the exception with *threw. Fatal
// errors are returned.
static mvm_err_t call_catching(mvm_vm_t* vm, mvm_value_t f, const mvm_value_t* args,
                               uint32_t argc, mvm_value_t* out, bool* threw) {
  mvm_err_t err = vm_call_function(vm, f, VAL_UNDEFINED, args, argc, out);
  *threw = err == ERR_THROW;
  if (err == ERR_THROW) {
    *out = VM_RUN(vm).exception;
    VM_RUN(vm).exception = VAL_UNDEFINED;
    return MVM_E_OK;
  }
  return err;
}

// The slots of the job being run (GC-visible temp roots).
enum { J_KIND, J_X, J_Y, J_TARGET, J_VALUE, J_THREW };

static mvm_err_t run_then(mvm_vm_t* vm, mvm_value_t* job) {
  bool threw = job[J_THREW] == VAL_TRUE;
  mvm_value_t handler = threw ? job[J_Y] : job[J_X];
  if (!value_is_callable(vm, handler)) {  // no handler: the state passes through
    return promise_settle(vm, job[J_TARGET], job[J_VALUE], threw);
  }
  mvm_err_t err = call_catching(vm, handler, &job[J_VALUE], 1, &job[J_VALUE], &threw);
  if (err) return err;
  return promise_settle(vm, job[J_TARGET], job[J_VALUE], threw);
}

// Replaces job[J_VALUE] by the allSettled record {status, value} or {status, reason}. May GC.
static mvm_err_t settled_record(mvm_vm_t* vm, mvm_value_t* job) {
  bool threw = job[J_THREW] == VAL_TRUE;
  TEMP_MARK(vm);
  mvm_value_t* rec = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* key = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* str = temp_push(vm, VAL_UNDEFINED);
  const char* status = threw ? "rejected" : "fulfilled";
  const char* name = threw ? "reason" : "value";
  mvm_err_t err = object_new(vm, VAL_NULL, rec);
  if (!err) err = string_new_ascii(vm, "status", 6, key);
  if (!err) err = string_new_ascii(vm, status, strlen(status), str);
  if (!err) err = prop_set(vm, *rec, *key, *str);
  if (!err) err = string_new_ascii(vm, name, strlen(name), key);
  if (!err) err = prop_set(vm, *rec, *key, job[J_VALUE]);
  if (!err) job[J_VALUE] = *rec;
  TEMP_RESET(vm);
  return err;
}

// Promise.any's rejection when every input rejected. There is no AggregateError constructor in
// the subset: an Error whose own `name` says AggregateError, with the reasons as `errors`.
static mvm_err_t aggregate_error(mvm_vm_t* vm, mvm_value_t errors, mvm_value_t* out) {
  TEMP_MARK(vm);
  mvm_value_t* errs = temp_push(vm, errors);
  mvm_value_t* e = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* s = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* key = temp_push(vm, VAL_UNDEFINED);
  const char* text = "All promises were rejected";
  mvm_err_t err = string_new_ascii(vm, text, strlen(text), s);
  if (!err) err = error_new(vm, EK_ERROR, *s, e);
  if (!err) err = string_new_ascii(vm, "errors", 6, key);
  if (!err) err = prop_set(vm, *e, *key, *errs);
  if (!err) err = string_new_ascii(vm, "AggregateError", 14, s);
  if (!err) err = string_new_ascii(vm, "name", 4, key);
  if (!err) err = prop_set(vm, *e, *key, *s);
  *out = *e;
  TEMP_RESET(vm);
  return err;
}

static mvm_err_t run_all(mvm_vm_t* vm, mvm_value_t* job) {
  int32_t kind = value_as_int(job[J_KIND]);
  bool threw = job[J_THREW] == VAL_TRUE;
  if (kind == R_ALL && threw) return promise_settle(vm, job[J_TARGET], job[J_VALUE], true);
  if (kind == R_ANY && !threw) return promise_settle(vm, job[J_TARGET], job[J_VALUE], false);
  if (kind == R_ALL_SETTLED) {
    mvm_err_t err = settled_record(vm, job);
    if (err) return err;
  }
  mvm_value_t state = job[J_X];  // [values, remaining]; checked, since images are untrusted
  if (value_type(vm, state) != TC_ARRAY || array_length(vm, state) < 2 ||
      !value_is_int(job[J_Y]) || !value_is_int(array_get(vm, state, 1)) ||
      value_type(vm, array_get(vm, state, 0)) != TC_ARRAY) {
    return MVM_E_OK;
  }
  mvm_value_t values = array_get(vm, state, 0);
  uint32_t index = (uint32_t)value_as_int(job[J_Y]);
  int32_t remaining = value_as_int(array_get(vm, state, 1)) - 1;
  if (index < array_length(vm, values)) {
    set_field(vm, array_items(vm, values), 4 + 4 * index, job[J_VALUE]);
  }
  set_field(vm, array_items(vm, state), 8, value_from_int(remaining));
  if (remaining > 0) return MVM_E_OK;
  if (kind == R_ANY) {
    mvm_err_t err = aggregate_error(vm, values, &job[J_VALUE]);
    return err ? err : promise_settle(vm, job[J_TARGET], job[J_VALUE], true);
  }
  return promise_settle(vm, job[J_TARGET], values, false);
}

// finally(f): f() runs, then the derived promise waits for f's result and takes the
// original state (or the rejection f's result brings), as the spec's thenFinally does.
static mvm_err_t run_finally(mvm_vm_t* vm, mvm_value_t* job) {
  bool threw = job[J_THREW] == VAL_TRUE;
  if (!value_is_callable(vm, job[J_X])) {
    return promise_settle(vm, job[J_TARGET], job[J_VALUE], threw);
  }
  TEMP_MARK(vm);
  mvm_value_t* r = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* waiter = temp_push(vm, VAL_UNDEFINED);
  bool f_threw;
  mvm_err_t err = call_catching(vm, job[J_X], NULL, 0, r, &f_threw);
  if (!err && f_threw) {
    err = promise_settle(vm, job[J_TARGET], *r, true);
  } else if (!err) {
    err = promise_resolve_value(vm, *r, r);  // a promise, so promise_react may read it
    if (!err) err = promise_new(vm, waiter);
    if (!err) {
      err = promise_react(vm, *r, R_FINALLY_VALUE, job[J_VALUE], job[J_THREW], *waiter);
    }
    if (!err) err = promise_settle(vm, job[J_TARGET], *waiter, false);
  }
  TEMP_RESET(vm);
  return err;
}

static mvm_err_t run_thenable(mvm_vm_t* vm, mvm_value_t* job) {
  if (job[J_Y] == VAL_UNDEFINED) {  // a promise: wait for it directly
    if (value_type(vm, job[J_X]) != TC_PROMISE) return MVM_E_OK;
    return promise_react(vm, job[J_X], R_ADOPT, VAL_UNDEFINED, VAL_UNDEFINED, job[J_TARGET]);
  }
  TEMP_MARK(vm);
  mvm_value_t* fns = temp_push(vm, VAL_UNDEFINED);
  temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* r = temp_push(vm, VAL_UNDEFINED);
  mvm_err_t err = resolvers_new(vm, job[J_TARGET], fns);
  if (!err) err = vm_call_function(vm, job[J_Y], job[J_X], fns, 2, r);
  if (err == ERR_THROW) {  // then() threw: reject, unless it already resolved
    *r = VM_RUN(vm).exception;
    VM_RUN(vm).exception = VAL_UNDEFINED;
    err = resolver_call(vm, fns[1], r, 1, r);
  }
  TEMP_RESET(vm);
  return err;
}

MVM_INTERNAL mvm_err_t async_resume(mvm_vm_t* vm, mvm_value_t k, mvm_value_t v, bool threw);

static mvm_err_t run_job(mvm_vm_t* vm, mvm_value_t* job) {
  bool threw = job[J_THREW] == VAL_TRUE;
  switch (value_as_int(job[J_KIND])) {
    case R_THEN: return run_then(vm, job);
    case R_AWAIT: return async_resume(vm, job[J_X], job[J_VALUE], threw);
    case R_ADOPT: return promise_settle(vm, job[J_TARGET], job[J_VALUE], threw);
    case R_ALL: case R_ALL_SETTLED: case R_ANY: return run_all(vm, job);
    case R_FINALLY: return run_finally(vm, job);
    case R_FINALLY_VALUE:
      if (threw) return promise_settle(vm, job[J_TARGET], job[J_VALUE], true);
      return promise_settle(vm, job[J_TARGET], job[J_X], job[J_Y] == VAL_TRUE);
    case J_THENABLE: return run_thenable(vm, job);
    default: return MVM_E_OK;  // an image can hold anything: unknown jobs are dropped
  }
}

mvm_err_t jobs_drain(mvm_vm_t* vm) {
  TEMP_MARK(vm);
  mvm_value_t* job = temp_push(vm, VAL_UNDEFINED);
  for (int i = 1; i < JOB; i++) temp_push(vm, VAL_UNDEFINED);
  uint32_t head = 0;
  mvm_err_t err = MVM_E_OK;
  for (;;) {
    mvm_value_t q = root_get(vm, ROOT_JOBS);
    if (value_type(vm, q) != TC_ARRAY || head + JOB > array_length(vm, q)) break;
    for (uint32_t i = 0; i < JOB; i++) job[i] = array_get(vm, q, head + i);
    head += JOB;
    if (head >= JOBS_COMPACT_AT) {  // drop the finished part: move the rest to the front
      uint32_t len = array_length(vm, q);
      uint8_t* items = heap_ptr(vm, array_items(vm, q));
      MVM_MEMMOVE(items + 4, items + 4 + 4 * head, 4 * (size_t)(len - head));
      for (uint32_t i = len - head; i < len; i++) wr32(items + 4 + 4 * i, VAL_UNDEFINED);
      set_field(vm, q, 4, len - head);
      head = 0;
    }
    if (!value_is_int(job[J_KIND])) continue;
    if (!vm_take_budget(vm)) {
      err = MVM_E_INSTRUCTION_BUDGET;
      break;
    }
    err = run_job(vm, job);
    if (err == ERR_THROW) {  // nothing waits for this job's exception
      VM_RUN(vm).exception = VAL_UNDEFINED;
      err = MVM_E_OK;
    }
    if (err) break;
  }
  // Done, or the call ends with a fatal error (the budget, memory): either way its jobs go
  // with it. Kept, they would run again from the first at the next call, those already run
  // too, and an endless chain of them would spend every later call's budget.
  root_set(vm, ROOT_JOBS, VAL_UNDEFINED);
  TEMP_RESET(vm);
  return err;
}

// ---- AWAIT (the continuation itself is async.c) ----

MVM_INTERNAL mvm_err_t async_capture(mvm_vm_t* vm, mvm_value_t* out);

mvm_err_t async_await(mvm_vm_t* vm) {
  mvm_err_t err = promise_resolve_value(vm, VM_RUN(vm).sp[-1], &VM_RUN(vm).sp[-1]);
  if (err) return err;
  TEMP_MARK(vm);
  mvm_value_t* k = temp_push(vm, VAL_UNDEFINED);
  err = async_capture(vm, k);
  if (!err) err = promise_react(vm, VM_RUN(vm).sp[-1], R_AWAIT, *k, VAL_UNDEFINED, VAL_UNDEFINED);
  TEMP_RESET(vm);
  return err;
}

// ---- Builtins ----

static mvm_err_t this_promise(mvm_vm_t* vm, mvm_value_t this_value, const char* method) {
  if (value_type(vm, this_value) == TC_PROMISE) return MVM_E_OK;
  (void)method;  // unused without MVM_ERROR_MESSAGES
  return throw_error(vm, EK_TYPE_ERROR, method, 0,
                     " called on a value that is not a promise");
}

// then/catch/finally: a derived promise that the reaction settles. May GC.
static mvm_err_t promise_then(mvm_vm_t* vm, mvm_value_t p, uint32_t kind, mvm_value_t x,
                              mvm_value_t y, mvm_value_t* out) {
  TEMP_MARK(vm);
  mvm_value_t* ps = temp_push(vm, p);
  mvm_value_t* xs = temp_push(vm, x);
  mvm_value_t* ys = temp_push(vm, y);
  mvm_value_t* d = temp_push(vm, VAL_UNDEFINED);
  mvm_err_t err = promise_new(vm, d);
  if (!err) err = promise_react(vm, *ps, kind, *xs, *ys, *d);
  *out = *d;
  TEMP_RESET(vm);
  return err;
}

static mvm_err_t promise_construct(mvm_vm_t* vm, mvm_value_t executor, mvm_value_t* out) {
  if (!value_is_callable(vm, executor)) {
    return throw_error(vm, EK_TYPE_ERROR, "Promise resolver ", executor, " is not a function");
  }
  TEMP_MARK(vm);
  mvm_value_t* ex = temp_push(vm, executor);
  mvm_value_t* p = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* fns = temp_push(vm, VAL_UNDEFINED);
  temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* r = temp_push(vm, VAL_UNDEFINED);
  mvm_err_t err = promise_new(vm, p);
  if (!err) err = resolvers_new(vm, *p, fns);
  if (!err) err = vm_call_function(vm, *ex, VAL_UNDEFINED, fns, 2, r);
  if (err == ERR_THROW) {  // the executor threw: reject, unless it resolved first
    *r = VM_RUN(vm).exception;
    VM_RUN(vm).exception = VAL_UNDEFINED;
    err = resolver_call(vm, fns[1], r, 1, r);
  }
  *out = *p;
  TEMP_RESET(vm);
  return err;
}

// Promise.all, allSettled, any (kind R_ALL, R_ALL_SETTLED, R_ANY) and race (R_THEN with no
// handlers: the first input to settle settles the result, later ones find it settled).
static mvm_err_t promise_all(mvm_vm_t* vm, uint32_t kind, mvm_value_t iterable,
                             mvm_value_t* out) {
  TEMP_MARK(vm);
  mvm_value_t* result = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* items = temp_push(vm, iterable);  // then: the array of elements
  temp_push(vm, value_from_int(0));
  mvm_value_t* state = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* values = temp_push(vm, VAL_UNDEFINED);
  mvm_value_t* q = temp_push(vm, VAL_UNDEFINED);
  mvm_err_t err = promise_new(vm, result);
  if (!err) err = iter_rest(vm, items);  // any iterable the subset has, as an array
  uint32_t n = err ? 0 : array_length(vm, *items);
  if (!err) err = array_new(vm, n, values);
  for (uint32_t i = 0; !err && i < n; i++) err = array_push(vm, values, VAL_UNDEFINED);
  if (!err) err = array_new(vm, 2, state);
  if (!err) err = array_push(vm, state, *values);
  if (!err) err = array_push(vm, state, value_from_int((int32_t)n));
  for (uint32_t i = 0; !err && i < n; i++) {
    err = promise_resolve_value(vm, array_get(vm, *items, i), q);
    if (!err && kind == R_THEN) {
      err = promise_react(vm, *q, R_THEN, VAL_UNDEFINED, VAL_UNDEFINED, *result);
    } else if (!err) {
      err = promise_react(vm, *q, kind, *state, value_from_int((int32_t)i), *result);
    }
  }
  if (!err && n == 0 && kind == R_ANY) {
    err = aggregate_error(vm, *values, q);
    if (!err) err = promise_settle(vm, *result, *q, true);
  } else if (!err && n == 0 && kind != R_THEN) {  // an empty race stays pending, as in JS
    err = promise_settle(vm, *result, *values, false);
  }
  *out = *result;
  TEMP_RESET(vm);
  return err;
}

mvm_err_t promise_builtin(mvm_vm_t* vm, uint32_t index, mvm_value_t this_value,
                          mvm_value_t* args, uint8_t argc, bool construct, mvm_value_t* out) {
  mvm_value_t a0 = argc > 0 ? args[0] : VAL_UNDEFINED;
  mvm_value_t a1 = argc > 1 ? args[1] : VAL_UNDEFINED;
  mvm_err_t err;
  *out = VAL_UNDEFINED;
  switch (index) {
    case BI_PROMISE:
      if (!construct) {
        return throw_error(vm, EK_TYPE_ERROR,
                           "Promise constructor cannot be invoked without 'new'", 0, NULL);
      }
      return promise_construct(vm, a0, out);
    case BI_PROMISE_THEN:
      err = this_promise(vm, this_value, "Promise.prototype.then");
      return err ? err : promise_then(vm, this_value, R_THEN, a0, a1, out);
    case BI_PROMISE_CATCH:
      err = this_promise(vm, this_value, "Promise.prototype.catch");
      return err ? err : promise_then(vm, this_value, R_THEN, VAL_UNDEFINED, a0, out);
    case BI_PROMISE_FINALLY:
      err = this_promise(vm, this_value, "Promise.prototype.finally");
      return err ? err : promise_then(vm, this_value, R_FINALLY, a0, VAL_UNDEFINED, out);
    case BI_PROMISE_RESOLVE:
      return promise_resolve_value(vm, a0, out);
    case BI_PROMISE_REJECT: {
      TEMP_MARK(vm);
      mvm_value_t* r = temp_push(vm, a0);
      mvm_value_t* p = temp_push(vm, VAL_UNDEFINED);
      err = promise_new(vm, p);
      if (!err) err = promise_finish(vm, *p, *r, true);
      *out = *p;
      TEMP_RESET(vm);
      return err;
    }
    case BI_PROMISE_ALL:
      return promise_all(vm, R_ALL, a0, out);
    case BI_PROMISE_ALL_SETTLED:
      return promise_all(vm, R_ALL_SETTLED, a0, out);
    case BI_PROMISE_ANY:
      return promise_all(vm, R_ANY, a0, out);
    case BI_PROMISE_RACE:
      return promise_all(vm, R_THEN, a0, out);
    default:
      return throw_error(vm, EK_TYPE_ERROR, "value is not a function", 0, NULL);
  }
}

mvm_err_t promise_static_prop(mvm_vm_t* vm, mvm_value_t key, mvm_value_t* out) {
  static const struct {
    const char* name;
    uint32_t index;
  } statics[] = {{"resolve", BI_PROMISE_RESOLVE}, {"reject", BI_PROMISE_REJECT},
                 {"all", BI_PROMISE_ALL}, {"race", BI_PROMISE_RACE},
                 {"allSettled", BI_PROMISE_ALL_SETTLED}, {"any", BI_PROMISE_ANY}};
  *out = VAL_UNDEFINED;
  if (value_is_int(key)) return MVM_E_OK;
  for (size_t i = 0; i < sizeof statics / sizeof statics[0]; i++) {
    if (string_equal_ascii(vm, key, statics[i].name)) *out = value_from_builtin(statics[i].index);
  }
  return MVM_E_OK;
}

mvm_value_t promise_method(mvm_vm_t* vm, mvm_value_t key) {
  if (value_is_int(key)) return VAL_UNDEFINED;
  if (string_equal(vm, key, ENGINE_STR(THEN))) return value_from_builtin(BI_PROMISE_THEN);
  if (string_equal_ascii(vm, key, "catch")) return value_from_builtin(BI_PROMISE_CATCH);
  if (string_equal_ascii(vm, key, "finally")) return value_from_builtin(BI_PROMISE_FINALLY);
  return VAL_UNDEFINED;
}

#else  // !MVM_ASYNC

/* Promises and async functions are compiled out. The interpreter and the property lookup still
 * call these entry points: every use of a promise throws a catchable TypeError, `Promise` and
 * p.then read as undefined, and there is never a job to run (only this file makes jobs). */
static mvm_err_t no_async(mvm_vm_t* vm) {
  return throw_error(vm, EK_TYPE_ERROR, "promises and async functions are not compiled in", 0,
                     NULL);
}

mvm_err_t promise_new(mvm_vm_t* vm, mvm_value_t* out) {
  *out = VAL_UNDEFINED;
  return no_async(vm);
}

mvm_err_t promise_settle(mvm_vm_t* vm, mvm_value_t p, mvm_value_t v, bool threw) {
  (void)p, (void)v, (void)threw;
  return no_async(vm);
}

mvm_err_t async_await(mvm_vm_t* vm) { return no_async(vm); }

mvm_err_t jobs_drain(mvm_vm_t* vm) {
  (void)vm;
  return MVM_E_OK;
}

mvm_err_t promise_builtin(mvm_vm_t* vm, uint32_t index, mvm_value_t this_value, mvm_value_t* args,
                          uint8_t argc, bool construct, mvm_value_t* out) {
  (void)index, (void)this_value, (void)args, (void)argc, (void)construct;
  *out = VAL_UNDEFINED;
  return no_async(vm);
}

mvm_err_t promise_static_prop(mvm_vm_t* vm, mvm_value_t key, mvm_value_t* out) {
  (void)vm, (void)key;
  *out = VAL_UNDEFINED;
  return MVM_E_OK;
}

mvm_value_t promise_method(mvm_vm_t* vm, mvm_value_t key) {
  (void)vm, (void)key;
  return VAL_UNDEFINED;
}

mvm_err_t resolver_call(mvm_vm_t* vm, mvm_value_t f, const mvm_value_t* args, uint32_t argc,
                        mvm_value_t* out) {
  (void)f, (void)args, (void)argc;
  *out = VAL_UNDEFINED;
  return no_async(vm);
}

#endif  // MVM_ASYNC

// Outside the MVM_ASYNC guard: without promises no value is one. A PROMISE's u32 state is
// stored as the enum's pending/fulfilled/rejected values (0, 1, 2).
mvm_promise_state_t mvm_promise_state(mvm_vm_t* vm, mvm_value_t v, mvm_value_t* out_value) {
  if (out_value) *out_value = VAL_UNDEFINED;
  if (!vm || !value_is_heap(v) || value_type(vm, v) != TC_PROMISE) return MVM_PROMISE_NONE;
  uint32_t state = rd32(heap_ptr(vm, v) + 4);
  if (state > 2) return MVM_PROMISE_NONE;  // the loader admits 0..2 only
  if (state != 0 && out_value) *out_value = rd32(heap_ptr(vm, v) + 8);
  return (mvm_promise_state_t)state;
}
