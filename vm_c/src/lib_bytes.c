/* lib_bytes.c: Uint8Array, as its own allocation type BYTES (hdr, u32 length, the bytes).
 *
 * Why a type of its own rather than an array of numbers: a byte costs one byte (not a 4-byte
 * value slot), the collector never scans the contents (no references), and writes wrap modulo
 * 256 as JS requires. There is no ArrayBuffer: each Uint8Array owns its bytes, so `subarray`
 * (which would share them) is not provided, and `slice` copies as in JS.
 */
#include "lib.h"

static uint8_t* bytes_data(mvm_vm_t* vm, mvm_value_t b) { return value_ptr(vm, b) + 8; }

uint32_t bytes_length(mvm_vm_t* vm, mvm_value_t b) { return rd32(value_ptr(vm, b) + 4); }

#if MVM_LIB_BYTES  // (used by the optional family only)
// A new zero-filled Uint8Array of len bytes. May GC.
static mvm_err_t bytes_new(mvm_vm_t* vm, uint32_t len, mvm_value_t* out) {
  uint64_t size = 8 + (uint64_t)len;
  if (size >= ALLOC_MAX_SIZE || size > vm_heap_limit(vm)) {
    return lib_range_error(vm, "Invalid typed array length");
  }
  uint32_t off = heap_alloc(vm, (uint32_t)size, TC_BYTES);
  if (off == 0) return MVM_E_OUT_OF_MEMORY;
  uint8_t* p = heap_ptr(vm, off);
  wr32(p + 4, len);
  MVM_MEMSET(p + 8, 0, header_size(rd32(p)) - 8);
  *out = value_from_heap_offset(off);
  return MVM_E_OK;
}
#endif

// ---- Host API (mvm.h) ----

mvm_err_t mvm_new_uint8array(mvm_vm_t* vm, const uint8_t* data, size_t len, mvm_value_t* out) {
  if (!vm || !out || (!data && len)) return MVM_E_INVALID_ARGUMENT;
  if (len > (size_t)INT31_MAX) return MVM_E_OUT_OF_MEMORY;
  uint64_t size = 8 + (uint64_t)len;
  if (size >= ALLOC_MAX_SIZE) return MVM_E_OUT_OF_MEMORY;
  uint32_t off = heap_alloc(vm, (uint32_t)size, TC_BYTES);  // no throw: the host is outside JS
  if (off == 0) return MVM_E_OUT_OF_MEMORY;
  uint8_t* p = heap_ptr(vm, off);
  wr32(p + 4, (uint32_t)len);
  MVM_MEMSET(p + 8, 0, header_size(rd32(p)) - 8);
  if (len) MVM_MEMCPY(p + 8, data, len);
  *out = value_from_heap_offset(off);
  return MVM_E_OK;
}

mvm_err_t mvm_uint8array_data(mvm_vm_t* vm, mvm_value_t v, uint8_t** out_data, size_t* out_len) {
  if (!vm || !out_data || !out_len) return MVM_E_INVALID_ARGUMENT;
  if (!value_is_heap(v) || value_type(vm, v) != TC_BYTES) return MVM_E_WRONG_TYPE;
  *out_data = heap_ptr(vm, v) + 8;
  *out_len = bytes_length(vm, v);
  return MVM_E_OK;
}

// JS ToUint8: modulo 2^8 of the truncated number; NaN and infinities are 0.
static uint8_t to_uint8(mvm_vm_t* vm, mvm_value_t v) {
  if (value_is_int(v)) return (uint8_t)(uint32_t)value_as_int(v);
  return (uint8_t)(uint32_t)lib_to_int32(vm, v);
}

mvm_err_t bytes_get(mvm_vm_t* vm, mvm_value_t b, mvm_value_t key, mvm_value_t* out) {
  *out = VAL_UNDEFINED;
  if (value_is_int(key)) {
    uint32_t i = (uint32_t)value_as_int(key);
    if (i < bytes_length(vm, b)) *out = value_from_int(bytes_data(vm, b)[i]);
    return MVM_E_OK;
  }
  if (string_equal(vm, key, ENGINE_STR(LENGTH))) {
    *out = value_from_int((int32_t)bytes_length(vm, b));
    return MVM_E_OK;
  }
  return lib_value_method(vm, b, key, out);
}

mvm_err_t bytes_set(mvm_vm_t* vm, mvm_value_t b, mvm_value_t key, mvm_value_t v) {
  // Indexes past the end and named properties are ignored, as JS does for typed arrays'
  // out-of-range indexes (named properties would be stored in JS; see docs/language.md).
  if (value_is_int(key) && (uint32_t)value_as_int(key) < bytes_length(vm, b)) {
    uint8_t byte = to_uint8(vm, v);  // no GC: v is a primitive or an object without valueOf
    bytes_data(vm, b)[(uint32_t)value_as_int(key)] = byte;
  }
  return MVM_E_OK;
}

mvm_err_t bytes_to_string(mvm_vm_t* vm, mvm_value_t b, mvm_value_t* out) {
  // Measured first, so the result is one allocation and nothing else needs rooting.
  uint32_t len = bytes_length(vm, b);
  uint64_t total = len ? len - 1 : 0;
  const uint8_t* d = bytes_data(vm, b);
  for (uint32_t i = 0; i < len; i++) total += d[i] >= 100 ? 3 : d[i] >= 10 ? 2 : 1;
  if (total > 0x3FFFFFFF) return MVM_E_OUT_OF_MEMORY;
  TEMP_MARK(vm);
  mvm_value_t* src = temp_push(vm, b);
  uint8_t* w;
  mvm_err_t err = string_alloc(vm, (uint32_t)total, false, &w, out);
  b = *src;
  TEMP_RESET(vm);
  if (err) return err;
  d = bytes_data(vm, b);
  for (uint32_t i = 0; i < len; i++) {
    if (i) *w++ = ',';
    uint8_t x = d[i];
    if (x >= 100) *w++ = (uint8_t)('0' + x / 100);
    if (x >= 10) *w++ = (uint8_t)('0' + x / 10 % 10);
    *w++ = (uint8_t)('0' + x % 10);
  }
  return MVM_E_OK;
}

// The rest is the optional family (mvm_port_default.h): the host API and element access
// above are core, because the host makes byte buffers with mvm_new_uint8array.
#if MVM_LIB_BYTES

// ---- Constructor ----

LIB_FN(bytes_construct) {
  if (!construct) return lib_type_error(vm, "Constructor Uint8Array requires 'new'");
  mvm_value_t src = ARG(0);
  uint32_t type = value_type(vm, src);
  if (type == TC_ARRAY || type == TC_BYTES) {
    uint32_t len = type == TC_ARRAY ? array_length(vm, src) : bytes_length(vm, src);
    mvm_err_t err = bytes_new(vm, len, out);
    if (err) return err;
    src = ARG(0);  // re-read: the allocation may have moved it
    uint8_t* dst = bytes_data(vm, *out);
    if (type == TC_BYTES) {
      MVM_MEMCPY(dst, bytes_data(vm, src), len);
    } else {
      for (uint32_t i = 0; i < len; i++) dst[i] = to_uint8(vm, array_get(vm, src, i));
    }
    return MVM_E_OK;
  }
  if (value_is_object(vm, src)) return bytes_new(vm, 0, out);  // other objects: no array-likes
  num_int_t d = src == VAL_UNDEFINED ? 0 : lib_to_integer(vm, src);
  if (d < 0 || d > (num_int_t)INT31_MAX) return lib_range_error(vm, "Invalid typed array length");
  return bytes_new(vm, (uint32_t)d, out);
}

// ---- Methods ----

static mvm_err_t this_bytes(mvm_vm_t* vm, mvm_value_t* args) {
  if (value_type(vm, THIS) == TC_BYTES) return MVM_E_OK;
  return lib_type_error(vm, "Uint8Array method called on a value that is not a Uint8Array");
}

LIB_FN(bytes_fill) {
  LIB_UNUSED;
  mvm_err_t err = this_bytes(vm, args);
  if (err) return err;
  uint32_t len = bytes_length(vm, THIS);
  uint8_t v = to_uint8(vm, ARG(0));
  uint32_t start = lib_relative(vm, ARG(1), len, 0), end = lib_relative(vm, ARG(2), len, len);
  uint8_t* d = bytes_data(vm, THIS);
  for (uint32_t i = start; i < end; i++) d[i] = v;
  *out = THIS;
  return MVM_E_OK;
}

// indexOf / includes: a number argument that is an integer 0..255 can match.
static int32_t bytes_find(mvm_vm_t* vm, mvm_value_t* args, uint8_t argc) {
  uint32_t len = bytes_length(vm, THIS);
  mvm_value_t x = ARG(0);
  if (!value_is_int(x) || value_as_int(x) < 0 || value_as_int(x) > 255) return -1;
  uint32_t from = lib_relative(vm, ARG(1), len, 0);
  const uint8_t* d = bytes_data(vm, THIS);
  for (uint32_t i = from; i < len; i++) {
    if (d[i] == (uint8_t)value_as_int(x)) return (int32_t)i;
  }
  return -1;
}

LIB_FN(bytes_index_of) {
  LIB_UNUSED;
  mvm_err_t err = this_bytes(vm, args);
  if (!err) *out = value_from_int(bytes_find(vm, args, argc));
  return err;
}

LIB_FN(bytes_includes) {
  LIB_UNUSED;
  mvm_err_t err = this_bytes(vm, args);
  if (!err) *out = value_from_bool(bytes_find(vm, args, argc) >= 0);
  return err;
}

LIB_FN(bytes_slice) {
  LIB_UNUSED;
  mvm_err_t err = this_bytes(vm, args);
  if (err) return err;
  uint32_t len = bytes_length(vm, THIS);
  uint32_t start = lib_relative(vm, ARG(0), len, 0), end = lib_relative(vm, ARG(1), len, len);
  uint32_t n = end > start ? end - start : 0;
  err = bytes_new(vm, n, out);
  if (!err && n) MVM_MEMCPY(bytes_data(vm, *out), bytes_data(vm, THIS) + start, n);
  return err;
}

// u8.set(source, offset = 0): copies an array or Uint8Array in; RangeError when it overflows.
LIB_FN(bytes_set_from) {
  LIB_UNUSED;
  mvm_err_t err = this_bytes(vm, args);
  if (err) return err;
  mvm_value_t src = ARG(0);
  uint32_t type = value_type(vm, src);
  if (type != TC_ARRAY && type != TC_BYTES) return lib_type_error(vm, "set: source is not an array");
  num_int_t off = lib_to_integer(vm, ARG(1));
  uint32_t len = bytes_length(vm, THIS);
  uint32_t n = type == TC_ARRAY ? array_length(vm, src) : bytes_length(vm, src);
  if (off < 0 || off + n > (num_int_t)len) return lib_range_error(vm, "offset is out of bounds");
  uint8_t* d = bytes_data(vm, THIS) + (uint32_t)off;
  if (type == TC_BYTES) {
    MVM_MEMMOVE(d, bytes_data(vm, src), n);
  } else {
    for (uint32_t i = 0; i < n; i++) d[i] = to_uint8(vm, array_get(vm, src, i));
  }
  return MVM_E_OK;
}

LIB_FN(bytes_join) {
  LIB_UNUSED;
  mvm_err_t err = this_bytes(vm, args);
  if (err) return err;
  if (ARG(0) == VAL_UNDEFINED) return bytes_to_string(vm, THIS, out);
  mvm_value_t* r;
  err = lib_reserve(vm, 2, &r);
  if (err) return err;
  err = to_string(vm, ARG(0), &r[0]);
  lib_sb_t sb;
  if (!err) err = sb_init(vm, &sb, &r[1], 16);
  for (uint32_t i = 0; !err && i < bytes_length(vm, THIS); i++) {
    if (i) err = sb_string(vm, &sb, &r[0]);
    if (!err) err = sb_number(vm, &sb, bytes_data(vm, THIS)[i]);
  }
  if (!err) err = sb_finish(vm, &sb, out);
  lib_release(vm, r);
  return err;
}

#endif  // MVM_LIB_BYTES
