/* string.c: string values (STRING8 Latin-1, STRING16 UTF-16), UTF-8 conversion, comparison.
 *
 * Invariants: a string made by the VM is STRING8 whenever every code unit fits in a byte, so
 * STRING16 always holds some unit > 255 (concatenation and slicing keep this). ROM strings
 * have the same layout as heap strings, and nothing here cares which one it reads. Code units
 * are compared as unsigned 16-bit numbers, which is JS's ordering.
 */
#include "internal.h"

bool value_is_string(mvm_vm_t* vm, mvm_value_t v) {
  uint32_t t = value_type(vm, v);
  return t == TC_STRING8 || t == TC_STRING16;
}

string_view_t string_view(mvm_vm_t* vm, mvm_value_t s) {
  const uint8_t* p = value_ptr(vm, s);
  string_view_t sv;
  uint32_t h = rd32(p);
  sv.wide = header_type(h) == TC_STRING16;
  sv.len = string_bytes(h) >> sv.wide;
  sv.data = p + STRING_DATA;
  return sv;
}

mvm_err_t string_alloc(mvm_vm_t* vm, uint32_t len, bool wide, uint8_t** out_data,
                       mvm_value_t* out) {
  *out_data = NULL;
  if (len == 0) {
    *out = ENGINE_STR(EMPTY);
    return MVM_E_OK;
  }
  uint64_t bytes = (uint64_t)len << wide;
  if (bytes + STRING_DATA >= ALLOC_MAX_SIZE) return MVM_E_OUT_OF_MEMORY;
  uint32_t off = heap_alloc(vm, STRING_DATA + (uint32_t)bytes, wide ? TC_STRING16 : TC_STRING8);
  if (off == 0) return MVM_E_OUT_OF_MEMORY;
  uint8_t* p = heap_ptr(vm, off);
  uint32_t h = rd32(p), pad = header_size_other(h) - STRING_DATA - (uint32_t)bytes;
  wr32(p, h | (pad << 5));
  // Zero the padding so that images are deterministic.
  MVM_MEMSET(p + STRING_DATA + bytes, 0, pad);
  *out_data = p + STRING_DATA;
  *out = value_from_heap_offset(off);
  return MVM_E_OK;
}

mvm_err_t string_new_ascii(mvm_vm_t* vm, const char* s, size_t len, mvm_value_t* out) {
  uint8_t* data;
  if (len > 0x7FFFFFFF) return MVM_E_OUT_OF_MEMORY;
  mvm_err_t err = string_alloc(vm, (uint32_t)len, false, &data, out);
  if (err) return err;
  if (len) MVM_MEMCPY(data, s, len);
  return MVM_E_OK;
}

mvm_err_t string_from_units(mvm_vm_t* vm, const uint16_t* units, uint32_t len, mvm_value_t* out) {
  bool wide = false;
  for (uint32_t i = 0; i < len; i++) {
    if (units[i] > 255) wide = true;
  }
  uint8_t* data;
  mvm_err_t err = string_alloc(vm, len, wide, &data, out);
  if (err) return err;
  for (uint32_t i = 0; i < len; i++) {
    if (wide) wr16(data + 2 * i, units[i]);
    else data[i] = (uint8_t)units[i];
  }
  return MVM_E_OK;
}

// ---- UTF-8 ----

// Decodes one code point at s[*i]; invalid or truncated sequences yield U+FFFD for one byte.
static uint32_t utf8_next(const uint8_t* s, size_t len, size_t* i) {
  uint8_t b = s[*i];
  if (b < 0x80) {
    (*i)++;
    return b;
  }
  int n;
  uint32_t cp, min;
  if (b >= 0xC2 && b <= 0xDF) {
    n = 1; cp = b & 0x1Fu; min = 0x80;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 2; cp = b & 0x0Fu; min = 0x800;
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 3; cp = b & 0x07u; min = 0x10000;
  } else {
    (*i)++;
    return 0xFFFD;
  }
  for (int k = 1; k <= n; k++) {
    if (*i + (size_t)k >= len || (s[*i + (size_t)k] & 0xC0) != 0x80) {
      (*i)++;
      return 0xFFFD;
    }
    cp = (cp << 6) | (s[*i + (size_t)k] & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    (*i)++;
    return 0xFFFD;
  }
  *i += (size_t)n + 1;
  return cp;
}

mvm_err_t string_from_utf8(mvm_vm_t* vm, const uint8_t* s, size_t len, mvm_value_t* out) {
  size_t units = 0;
  bool wide = false;
  for (size_t i = 0; i < len;) {
    uint32_t cp = utf8_next(s, len, &i);
    units += cp >= 0x10000 ? 2 : 1;
    if (cp > 255) wide = true;
  }
  if (units > 0x3FFFFFFF) return MVM_E_OUT_OF_MEMORY;
  uint8_t* data;
  mvm_err_t err = string_alloc(vm, (uint32_t)units, wide, &data, out);
  if (err) return err;
  size_t u = 0;
  for (size_t i = 0; i < len;) {
    uint32_t cp = utf8_next(s, len, &i);
    if (!wide) {
      data[u++] = (uint8_t)cp;
    } else if (cp >= 0x10000) {
      cp -= 0x10000;
      wr16(data + 2 * u++, (uint16_t)(0xD800 + (cp >> 10)));
      wr16(data + 2 * u++, (uint16_t)(0xDC00 + (cp & 0x3FF)));
    } else {
      wr16(data + 2 * u++, (uint16_t)cp);
    }
  }
  return MVM_E_OK;
}

static size_t utf8_encode(uint32_t cp, uint8_t* out) {
  if (cp < 0x80) {
    if (out) out[0] = (uint8_t)cp;
    return 1;
  }
  if (cp < 0x800) {
    if (out) {
      out[0] = (uint8_t)(0xC0 | (cp >> 6));
      out[1] = (uint8_t)(0x80 | (cp & 0x3F));
    }
    return 2;
  }
  if (cp < 0x10000) {
    if (out) {
      out[0] = (uint8_t)(0xE0 | (cp >> 12));
      out[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
      out[2] = (uint8_t)(0x80 | (cp & 0x3F));
    }
    return 3;
  }
  if (out) {
    out[0] = (uint8_t)(0xF0 | (cp >> 18));
    out[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (uint8_t)(0x80 | (cp & 0x3F));
  }
  return 4;
}

// Encodes s as UTF-8 into out (or only measures, out NULL): surrogate pairs are combined, lone
// surrogates become U+FFFD.
static size_t utf8_walk(mvm_vm_t* vm, mvm_value_t s, uint8_t* out) {
  string_view_t sv = string_view(vm, s);
  size_t n = 0;
  for (uint32_t i = 0; i < sv.len; i++) {
    uint32_t c = view_unit(&sv, i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < sv.len) {
      uint32_t c2 = view_unit(&sv, i + 1);
      if (c2 >= 0xDC00 && c2 <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (c2 - 0xDC00);
        i++;
      }
    }
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
    n += utf8_encode(c, out ? out + n : NULL);
  }
  return n;
}

size_t string_utf8_length(mvm_vm_t* vm, mvm_value_t s) { return utf8_walk(vm, s, NULL); }
void string_to_utf8(mvm_vm_t* vm, mvm_value_t s, uint8_t* out) { (void)utf8_walk(vm, s, out); }

// ---- Comparison ----

bool string_equal(mvm_vm_t* vm, mvm_value_t a, mvm_value_t b) {
  if (a == b) return true;
  string_view_t x = string_view(vm, a), y = string_view(vm, b);
  if (x.len != y.len) return false;
  if (x.wide == y.wide) return rd_equal(x.data, y.data, x.len * (x.wide ? 2u : 1u));
  for (uint32_t i = 0; i < x.len; i++) {
    if (view_unit(&x, i) != view_unit(&y, i)) return false;
  }
  return true;
}

bool string_equal_ascii(mvm_vm_t* vm, mvm_value_t s, const char* ascii) {
  string_view_t x = string_view(vm, s);
  size_t n = strlen(ascii);
  if (x.len != n) return false;
  if (!x.wide) return rd_equal(x.data, (const uint8_t*)ascii, n);
  return false;  // a STRING16 always holds a unit > 255, so it is never ASCII
}

int string_compare(mvm_vm_t* vm, mvm_value_t a, mvm_value_t b) {
  string_view_t x = string_view(vm, a), y = string_view(vm, b);
  uint32_t n = x.len < y.len ? x.len : y.len;
  for (uint32_t i = 0; i < n; i++) {
    uint16_t cx = view_unit(&x, i), cy = view_unit(&y, i);
    if (cx != cy) return cx < cy ? -1 : 1;
  }
  return x.len == y.len ? 0 : (x.len < y.len ? -1 : 1);
}

// ---- Building ----

mvm_err_t string_concat(mvm_vm_t* vm, mvm_value_t* const* parts, int n, mvm_value_t* out) {
  uint64_t total = 0;
  bool wide = false;
  for (int i = 0; i < n; i++) {
    string_view_t sv = string_view(vm, *parts[i]);
    total += sv.len;
    wide = wide || sv.wide;
  }
  if (total > 0x3FFFFFFF) return MVM_E_OUT_OF_MEMORY;
  uint8_t* data;
  mvm_err_t err = string_alloc(vm, (uint32_t)total, wide, &data, out);
  if (err || !data) return err;
  // Views are taken again: the allocation may have moved the parts.
  uint32_t at = 0;
  for (int i = 0; i < n; i++) {
    string_view_t sv = string_view(vm, *parts[i]);
    if (sv.wide == wide) {
      uint32_t bytes = sv.len * (wide ? 2u : 1u);
      rd_bytes(data + at * (wide ? 2u : 1u), sv.data, bytes);
    } else {  // narrow part into a wide result
      for (uint32_t k = 0; k < sv.len; k++) wr16(data + 2 * (at + k), rd8(sv.data + k));
    }
    at += sv.len;
  }
  return MVM_E_OK;
}

mvm_err_t string_unit_at(mvm_vm_t* vm, mvm_value_t s, uint32_t i, mvm_value_t* out) {
  string_view_t sv = string_view(vm, s);
  uint16_t u = view_unit(&sv, i);
  return string_from_units(vm, &u, 1, out);
}

bool string_array_index(mvm_vm_t* vm, mvm_value_t s, int32_t* out_index) {
  string_view_t sv = string_view(vm, s);
  if (sv.len == 0 || sv.len > 10 || sv.wide) return false;
  if (rd8(sv.data) == '0' && sv.len > 1) return false;
  int64_t v = 0;
  for (uint32_t i = 0; i < sv.len; i++) {
    uint8_t c = rd8(sv.data + i);
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v > INT31_MAX) return false;
  *out_index = (int32_t)v;
  return true;
}
