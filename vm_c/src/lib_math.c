/* lib_math.c: Math. `Math` is a builtin value (typeof "object"), not a heap object: its
 * functions and constants (LIB_LIST / LIB_CONSTS in lib.h) resolve in C, so a program that
 * never mentions Math carries nothing of it in its image.
 *
 * Math.random: splitmix64 over a 64-bit state in the VM struct; in the MCU profile a 31-bit
 * Weyl sequence through a 32-bit hash, its state in a roots slot (ROOT_RANDOM), so that an
 * idle VM whose program never calls Math.random keeps no state at all. The state starts at 0
 * (a fixed, documented seed: every fresh or restored VM produces the same sequence) unless the
 * host seeds it with mvm_seed_random(). It is not part of images: a restored VM starts from
 * the seed again, which keeps images deterministic.
 */
#include "lib.h"

#if MVM_LIB_MATH && MVM_SUPPORT_FLOAT  // the family is optional (mvm_port_default.h)

static mvm_err_t ret_number(mvm_vm_t* vm, double d, mvm_value_t* out) {
  return number_make(vm, d, out);
}

static double arg_num(mvm_vm_t* vm, mvm_value_t* args, uint8_t argc, uint8_t i) {
  return to_number(vm, ARG(i));
}

LIB_FN(math_abs) {
  LIB_UNUSED;
  double d = arg_num(vm, args, argc, 0);
  return ret_number(vm, d < 0 || lib_is_negative_zero(d) ? -d : d, out);
}

LIB_FN(math_floor) {
  LIB_UNUSED;
  mvm_value_t v = ARG(0);
  if (value_is_int(v)) {  // the common case: already an integer
    *out = v;
    return MVM_E_OK;
  }
  return ret_number(vm, MVM_FLOOR(to_number(vm, v)), out);
}

LIB_FN(math_ceil) {
  LIB_UNUSED;
  mvm_value_t v = ARG(0);
  if (value_is_int(v)) {
    *out = v;
    return MVM_E_OK;
  }
  // ceil(x) == -floor(-x), which also gives -0 for x in (-1, 0) as JS requires.
  return ret_number(vm, -MVM_FLOOR(-to_number(vm, v)), out);
}

LIB_FN(math_trunc) {
  LIB_UNUSED;
  mvm_value_t v = ARG(0);
  if (value_is_int(v)) {
    *out = v;
    return MVM_E_OK;
  }
  double d = to_number(vm, v);
  if (d != d || d - d != 0) return ret_number(vm, d, out);  // NaN, infinities
  return ret_number(vm, MVM_TRUNC(d), out);
}

LIB_FN(math_round) {
  LIB_UNUSED;
  mvm_value_t v = ARG(0);
  if (value_is_int(v)) {
    *out = v;
    return MVM_E_OK;
  }
  double d = to_number(vm, v);
  if (d != d || d - d != 0) return ret_number(vm, d, out);
  // floor(d + 0.5) would round 0.49999999999999994 up (the addition rounds); comparing the
  // fraction is exact. Results in (-0.5, 0) and -0 itself are -0.
  double r = MVM_FLOOR(d);
  if (d - r >= 0.5) r += 1;
  if (r == 0 && (d < 0 || lib_is_negative_zero(d))) r = -0.0;
  return ret_number(vm, r, out);
}

LIB_FN(math_sign) {
  LIB_UNUSED;
  double d = arg_num(vm, args, argc, 0);
  return ret_number(vm, d > 0 ? 1 : d < 0 ? -1 : d, out);  // NaN, +0, -0 are themselves
}

LIB_FN(math_sqrt) {
  LIB_UNUSED;
  double d = arg_num(vm, args, argc, 0);
  return ret_number(vm, d < 0 ? 0.0 / 0.0 : MVM_SQRT(d), out);
}

LIB_FN(math_pow) {
  LIB_UNUSED;
  double a = arg_num(vm, args, argc, 0), b = arg_num(vm, args, argc, 1);
  double r;
  // JS differs from C's pow on these: 1 ** NaN and (+-1) ** (+-Infinity) are NaN.
  if (b != b) {
    r = 0.0 / 0.0;
  } else if ((a == 1 || a == -1) && b - b != 0) {
    r = 0.0 / 0.0;
  } else if (b == 2) {
    r = a * a;  // correctly rounded, as V8 and `**` (convert.c js_pow)
  } else {
    r = MVM_POW(a, b);
  }
  return ret_number(vm, r, out);
}

// max (want_max) or min over the arguments: NaN wins, and +0 > -0.
static mvm_err_t min_max(mvm_vm_t* vm, mvm_value_t* args, uint8_t argc, bool want_max,
                         mvm_value_t* out) {
  double best = want_max ? -1.0 / 0.0 : 1.0 / 0.0;
  bool nan = false;
  for (uint8_t i = 0; i < argc; i++) {
    double d = to_number(vm, args[i]);  // every argument is converted, as in JS
    if (d != d) {
      nan = true;
      continue;
    }
    if (want_max ? (d > best || (d == 0 && best == 0 && !lib_is_negative_zero(d)))
                 : (d < best || (d == 0 && best == 0 && lib_is_negative_zero(d)))) {
      best = d;
    }
  }
  return ret_number(vm, nan ? 0.0 / 0.0 : best, out);
}

LIB_FN(math_max) {
  LIB_UNUSED;
  return min_max(vm, args, argc, true, out);
}

LIB_FN(math_min) {
  LIB_UNUSED;
  return min_max(vm, args, argc, false, out);
}

#if VM_RANDOM_IN_ROOTS
// The MCU state: 31 bits, as the int31 value in ROOT_RANDOM holds them.
static uint32_t random_state(mvm_vm_t* vm) {
  mvm_value_t v = root_get(vm, ROOT_RANDOM);
  return value_is_int(v) ? (uint32_t)value_as_int(v) & 0x7FFFFFFFu : 0u;
}
static mvm_err_t random_state_set(mvm_vm_t* vm, uint32_t state) {
  mvm_value_t v = value_from_int((int32_t)(state << 1) >> 1);  // the 31 bits, sign-extended
  return root_store(vm, ROOT_RANDOM, &v);  // an int: no slot to keep visible to the GC
}
#endif

static mvm_err_t math_random_next(mvm_vm_t* vm, double* out) {
#if VM_RANDOM_IN_ROOTS
  // A 31-bit Weyl sequence (the odd step keeps the period 2^31) through a 32-bit integer hash
  // (Wellons' lowbias32: two multiply rounds), for boards without a 64-bit multiply.
  uint32_t x = (random_state(vm) + 0x1E3779B9u) & 0x7FFFFFFFu;
  mvm_err_t err = random_state_set(vm, x);  // makes the roots slot the first time: may GC
  if (err) return err;
  x = (x ^ (x >> 16)) * 0x7FEB352Du;
  x = (x ^ (x >> 15)) * 0x846CA68Bu;
  x ^= x >> 16;
  *out = (double)x * (1.0 / 4294967296.0);
  return MVM_E_OK;
#else
  // splitmix64 (Steele, Lea, Flood 2014): passes BigCrush, one add and three xor-multiplies.
  uint64_t z = ((uint64_t)vm->random_state[1] << 32 | vm->random_state[0]) + 0x9E3779B97F4A7C15ull;
  vm->random_state[0] = (uint32_t)z;
  vm->random_state[1] = (uint32_t)(z >> 32);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  *out = (double)(z >> 11) * (1.0 / 9007199254740992.0);  // 53 random bits in [0, 1)
  return MVM_E_OK;
#endif
}

LIB_FN(math_random) {
  LIB_UNUSED;
  double d;
  mvm_err_t err = math_random_next(vm, &d);
  return err ? err : ret_number(vm, d, out);
}

#elif MVM_LIB_MATH
// The integer-only build (MVM_SUPPORT_FLOAT=0): the same functions over integers. A result that
// is no integer (Math.sqrt(2), Math.random(), Math.max() which is -Infinity, anything of NaN)
// throws the build's RangeError; an integer past int32 (Math.abs(-2147483648)) is
// number_make_result's to refuse or wrap.

// ToNumber of argument i; a string holding a non-integer ("1.5") throws, naming it.
static mvm_err_t int_arg(mvm_vm_t* vm, mvm_value_t* args, uint8_t argc, uint8_t i, num_t* out) {
  *out = to_number(vm, ARG(i));
  if (*out != NUM_INEXACT) return MVM_E_OK;
  return throw_error(vm, EK_RANGE_ERROR, "", ARG(i), NUM_NOT_INTEGER);
}

// r as a value, or the RangeError naming form (with x for '#').
static mvm_err_t int_result(mvm_vm_t* vm, const char* form, num_t x, int64_t r, mvm_value_t* out) {
  if (x == NUM_NAN) return number_not_integer(vm, form, x, 0);
  return number_make_result(vm, r, form, x, 0, out);
}

LIB_FN(math_abs) {
  LIB_UNUSED;
  num_t x;
  mvm_err_t err = int_arg(vm, args, argc, 0, &x);
  if (err) return err;
  return int_result(vm, "Math.abs(#)", x, x < 0 && x != NUM_NAN ? -x : x, out);  // no -INT64_MIN
}

// floor, ceil, trunc and round of an integer are the integer.
static mvm_err_t integer_identity(mvm_vm_t* vm, mvm_value_t* args, uint8_t argc,
                                  const char* form, mvm_value_t* out) {
  num_t x;
  mvm_err_t err = int_arg(vm, args, argc, 0, &x);
  return err ? err : int_result(vm, form, x, x, out);
}

LIB_FN(math_floor) {
  LIB_UNUSED;
  return integer_identity(vm, args, argc, "Math.floor(#)", out);
}

LIB_FN(math_ceil) {
  LIB_UNUSED;
  return integer_identity(vm, args, argc, "Math.ceil(#)", out);
}

LIB_FN(math_trunc) {
  LIB_UNUSED;
  return integer_identity(vm, args, argc, "Math.trunc(#)", out);
}

LIB_FN(math_round) {
  LIB_UNUSED;
  return integer_identity(vm, args, argc, "Math.round(#)", out);
}

LIB_FN(math_sign) {
  LIB_UNUSED;
  num_t x;
  mvm_err_t err = int_arg(vm, args, argc, 0, &x);
  return err ? err : int_result(vm, "Math.sign(#)", x, x > 0 ? 1 : x < 0 ? -1 : 0, out);
}

LIB_FN(math_sqrt) {
  LIB_UNUSED;
  num_t x;
  mvm_err_t err = int_arg(vm, args, argc, 0, &x);
  if (err) return err;
  // The integer square root, bit by bit (no division): exact only for perfect squares. x is at
  // most NUM_MAX (2^53, a string's value), below 4 * 2^52.
  uint64_t n = x > 0 ? (uint64_t)x : 0, root = 0;
  for (uint64_t bit = (uint64_t)1 << 52; bit; bit >>= 2) {
    if (n >= root + bit) {
      n -= root + bit;
      root = (root >> 1) + bit;
    } else {
      root >>= 1;
    }
  }
  if (x < 0 || n != 0) return number_not_integer(vm, "Math.sqrt(#)", x, 0);
  return int_result(vm, "Math.sqrt(#)", x, (int64_t)root, out);
}

LIB_FN(math_pow) {
  LIB_UNUSED;
  return op_binary(vm, OP_POW, ARG(0), ARG(1), out);  // Math.pow(a, b) is a ** b
}

// max (want_max) or min over the arguments: none gives -+Infinity and any NaN gives NaN, both
// no integer.
static mvm_err_t min_max(mvm_vm_t* vm, mvm_value_t* args, uint8_t argc, bool want_max,
                         mvm_value_t* out) {
  num_t best = NUM_NAN;
  for (uint8_t i = 0; i < argc; i++) {
    num_t x;
    mvm_err_t err = int_arg(vm, args, argc, i, &x);  // every argument is converted, as in JS
    if (err) return err;
    if (x == NUM_NAN) return number_not_integer(vm, want_max ? "Math.max(NaN)" : "Math.min(NaN)",
                                                0, 0);
    if (i == 0 || (want_max ? x > best : x < best)) best = x;
  }
  if (argc == 0) return number_not_integer(vm, want_max ? "Math.max()" : "Math.min()", 0, 0);
  return number_make_result(vm, best, want_max ? "Math.max(#)" : "Math.min(#)", best, 0, out);
}

LIB_FN(math_max) {
  LIB_UNUSED;
  return min_max(vm, args, argc, true, out);
}

LIB_FN(math_min) {
  LIB_UNUSED;
  return min_max(vm, args, argc, false, out);
}

LIB_FN(math_random) {
  LIB_UNUSED;
  return number_not_integer(vm, "Math.random()", 0, 0);
}

#endif  // MVM_LIB_MATH

// Part of the API in every build (the seed is just stored; nothing to seed without Math).
mvm_err_t mvm_seed_random(mvm_vm_t* vm, uint64_t seed) {
  if (!vm) return MVM_E_INVALID_ARGUMENT;
#if !VM_HAS_RANDOM
  (void)seed;
  return MVM_E_OK;
#elif VM_RANDOM_IN_ROOTS
  uint32_t state = ((uint32_t)seed ^ (uint32_t)(seed >> 32)) & 0x7FFFFFFFu;
  if (state == 0 && root_get(vm, ROOT_RANDOM) == VAL_UNDEFINED) return MVM_E_OK;  // as it is
  return random_state_set(vm, state);
#else
  vm->random_state[0] = (uint32_t)seed;
  vm->random_state[1] = (uint32_t)(seed >> 32);
  return MVM_E_OK;
#endif
}
