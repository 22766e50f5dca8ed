/* lib_json.c: JSON.stringify and JSON.parse.
 *
 * stringify follows the spec's SerializeJSONProperty: toJSON methods, a replacer function or
 * key list, the gap (number or string indentation), cycles (TypeError), undefined and functions
 * skipped in objects and written as null in arrays, numbers as JS prints them (non-finite ones
 * as null), strings escaped with \uXXXX for control characters and lone surrogates. It recurses
 * in C, one level per nesting level, up to MVM_JSON_MAX_DEPTH (mvm_port_default.h; RangeError
 * beyond), so deep data cannot exhaust a small C stack.
 *
 * parse is iterative: its open containers live on the VM value stack (two slots per level), so
 * its nesting is bounded by the VM stack (RangeError when full), not by the C stack. It accepts
 * exactly RFC 8259 JSON and throws SyntaxError otherwise. A reviver is supported.
 */
#include "lib.h"

#if MVM_LIB_JSON  // the family is optional (mvm_port_default.h)

// ---- stringify ----

typedef struct json_out {
  lib_sb_t sb;
  mvm_value_t* gap;       // slot: the indentation unit ("" when compact)
  mvm_value_t* replacer;  // slot: replacer function, or undefined
  mvm_value_t* allow;     // slot: array of the keys to keep (replacer array), or undefined
  mvm_value_t* to_json;   // slot: the string "toJSON"
  uint32_t depth;
} json_out_t;

// Open containers, for the cycle check.
typedef struct json_open {
  const mvm_value_t* value;
  const struct json_open* up;
} json_open_t;

static mvm_err_t quote(mvm_vm_t* vm, lib_sb_t* sb, const mvm_value_t* s) {
  static const char hex[] = "0123456789abcdef";
  mvm_err_t err = sb_unit(vm, sb, '"');
  uint32_t len = string_view(vm, *s).len, run = 0;
  for (uint32_t i = 0; !err && i < len; i++) {
    string_view_t sv = string_view(vm, *s);
    uint16_t c = view_unit(&sv, i);
    char esc = c == '"' ? '"' : c == '\\' ? '\\' : c == '\b' ? 'b' : c == '\f' ? 'f'
             : c == '\n' ? 'n' : c == '\r' ? 'r' : c == '\t' ? 't' : 0;
    bool lone = false;
    if (c >= 0xD800 && c <= 0xDBFF) {  // a high surrogate needs its low one right after
      lone = !(i + 1 < len && view_unit(&sv, i + 1) >= 0xDC00 && view_unit(&sv, i + 1) <= 0xDFFF);
      if (!lone) {
        i++;
        continue;
      }
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      lone = true;  // a low surrogate whose pair was not consumed just above
    }
    if (!esc && c >= 0x20 && !lone) continue;
    err = sb_range(vm, sb, s, run, i);
    if (!err && esc) {
      char e[2] = {'\\', esc};
      err = sb_ascii(vm, sb, e, 2);
    } else if (!err) {
      char u[6] = {'\\', 'u', hex[c >> 12], hex[(c >> 8) & 15], hex[(c >> 4) & 15], hex[c & 15]};
      err = sb_ascii(vm, sb, u, 6);
    }
    run = i + 1;
  }
  if (!err) err = sb_range(vm, sb, s, run, len);
  if (!err) err = sb_unit(vm, sb, '"');
  return err;
}

static mvm_err_t newline(mvm_vm_t* vm, json_out_t* J, uint32_t depth) {
  if (string_view(vm, *J->gap).len == 0) return MVM_E_OK;
  mvm_err_t err = sb_unit(vm, &J->sb, '\n');
  for (uint32_t i = 0; !err && i < depth; i++) err = sb_string(vm, &J->sb, J->gap);
  return err;
}

static mvm_err_t serialize(mvm_vm_t* vm, json_out_t* J, mvm_value_t* s, const json_open_t* open,
                           bool* wrote);

// Writes the property key of holder s[0] (its value already in s[2]): "key": value, with a
// leading comma when needed. Slots s: [0] holder, [1] key, [2] value (set by the caller).
static mvm_err_t member(mvm_vm_t* vm, json_out_t* J, mvm_value_t* child,
                        const json_open_t* open, bool* first, uint32_t depth) {
  // Write the key speculatively; roll back when the value turns out to be skipped.
  uint32_t mark = J->sb.len;
  mvm_err_t err = MVM_E_OK;
  if (!*first) err = sb_unit(vm, &J->sb, ',');
  if (!err) err = newline(vm, J, depth);
  if (!err) err = quote(vm, &J->sb, &child[1]);
  if (!err) err = sb_unit(vm, &J->sb, ':');
  if (!err && string_view(vm, *J->gap).len) err = sb_unit(vm, &J->sb, ' ');
  bool wrote = false;
  if (!err) err = serialize(vm, J, child, open, &wrote);
  if (err) return err;
  if (wrote) {
    *first = false;
  } else {
    J->sb.len = mark;  // sb_* only append, so truncating drops the key again
  }
  return MVM_E_OK;
}

static mvm_err_t serialize_object(mvm_vm_t* vm, json_out_t* J, mvm_value_t* s,
                                  const json_open_t* open, uint32_t depth) {
  mvm_value_t* c;  // [0] holder, [1] key, [2] value, [3] keys
  mvm_err_t err = lib_reserve(vm, 4, &c);
  if (err) return err;
  c[0] = s[2];
  if (*J->allow != VAL_UNDEFINED) {
    c[3] = *J->allow;
  } else if (value_type(vm, c[0]) == TC_BYTES) {
    uint32_t n = bytes_length(vm, c[0]);
    err = array_new(vm, n, &c[3]);
    for (uint32_t i = 0; !err && i < n; i++) err = array_push(vm, &c[3], value_from_int((int32_t)i));
  } else if (value_is_builtin(c[0])) {
    err = array_new(vm, 0, &c[3]);  // Math, JSON: their properties are not enumerable
  } else {
    err = own_keys(vm, c[0], &c[3]);
  }
  bool first = true;
  if (!err) err = sb_unit(vm, &J->sb, '{');
  for (uint32_t i = 0; !err && i < array_length(vm, c[3]); i++) {
    err = to_string(vm, array_get(vm, c[3], i), &c[1]);
    if (!err) err = prop_get(vm, c[0], c[1], &c[2]);
    if (!err) err = member(vm, J, c, open, &first, depth + 1);
  }
  if (!err && !first) err = newline(vm, J, depth);
  if (!err) err = sb_unit(vm, &J->sb, '}');
  lib_release(vm, c);
  return err;
}

static mvm_err_t serialize_array(mvm_vm_t* vm, json_out_t* J, mvm_value_t* s,
                                 const json_open_t* open, uint32_t depth) {
  mvm_value_t* c;  // [0] holder, [1] key, [2] value
  mvm_err_t err = lib_reserve(vm, 3, &c);
  if (err) return err;
  c[0] = s[2];
  uint32_t len = array_length(vm, c[0]);
  if (!err) err = sb_unit(vm, &J->sb, '[');
  for (uint32_t i = 0; !err && i < len; i++) {
    if (i) err = sb_unit(vm, &J->sb, ',');
    if (!err) err = newline(vm, J, depth + 1);
    if (!err) err = to_string(vm, value_from_int((int32_t)i), &c[1]);
    if (!err) err = prop_get(vm, c[0], value_from_int((int32_t)i), &c[2]);
    bool wrote = false;
    if (!err) err = serialize(vm, J, c, open, &wrote);
    if (!err && !wrote) err = sb_ascii(vm, &J->sb, "null", 4);
  }
  if (!err && len) err = newline(vm, J, depth);
  if (!err) err = sb_unit(vm, &J->sb, ']');
  lib_release(vm, c);
  return err;
}

// SerializeJSONProperty: s[0] holder, s[1] key (string), s[2] value (replaced in place by
// toJSON and the replacer). *wrote is false when the value is skipped (undefined, functions).
static mvm_err_t serialize(mvm_vm_t* vm, json_out_t* J, mvm_value_t* s, const json_open_t* open,
                           bool* wrote) {
  mvm_err_t err = MVM_E_OK;
  *wrote = false;
  uint32_t t = value_type(vm, s[2]);
  if (t == TC_OBJECT) {  // toJSON(key)
    mvm_value_t fn;
    err = prop_get(vm, s[2], *J->to_json, &fn);
    if (!err && value_is_callable(vm, fn)) err = lib_call_js(vm, fn, s[2], &s[1], 1, &s[2]);
  }
  if (!err && *J->replacer != VAL_UNDEFINED) {
    mvm_value_t argv[2] = {s[1], s[2]};
    err = lib_call_js(vm, *J->replacer, s[0], argv, 2, &s[2]);
  }
  if (err) return err;
  mvm_value_t v = s[2];
  if (v == VAL_NULL) return *wrote = true, sb_ascii(vm, &J->sb, "null", 4);
  if (v == VAL_TRUE) return *wrote = true, sb_ascii(vm, &J->sb, "true", 4);
  if (v == VAL_FALSE) return *wrote = true, sb_ascii(vm, &J->sb, "false", 5);
  if (value_is_number(vm, v)) {
#if MVM_SUPPORT_FLOAT
    double d = number_value(vm, v);
    *wrote = true;
    return d - d == 0 ? sb_number(vm, &J->sb, d) : sb_ascii(vm, &J->sb, "null", 4);
#else
    num_t n = number_value(vm, v);  // an int32, unless a damaged image's NaN or such
    *wrote = true;
    return n != NUM_NAN && n != NUM_INEXACT ? sb_number(vm, &J->sb, n)
                                            : sb_ascii(vm, &J->sb, "null", 4);
#endif
  }
  if (value_is_string(vm, v)) return *wrote = true, quote(vm, &J->sb, &s[2]);
  if (!value_is_object(vm, v) || value_is_callable(vm, v)) return MVM_E_OK;  // skipped
  for (const json_open_t* o = open; o; o = o->up) {
    if (*o->value == v) return lib_type_error(vm, "Converting circular structure to JSON");
  }
  if (J->depth >= MVM_JSON_MAX_DEPTH) return lib_range_error(vm, "Maximum call stack size exceeded");
  json_open_t here = {&s[2], open};
  uint32_t depth = J->depth++;  // the container's own level; its members are one deeper
  err = value_type(vm, v) == TC_ARRAY ? serialize_array(vm, J, s, &here, depth)
                                      : serialize_object(vm, J, s, &here, depth);
  J->depth--;
  *wrote = true;
  return err;
}

LIB_FN(json_stringify) {
  LIB_UNUSED;
  // [0] wrapper holder, [1] key "", [2] value, [3] gap, [4] replacer, [5] allow, [6] "toJSON",
  // [7] builder, [8] scratch
  mvm_value_t* r;
  mvm_err_t err = lib_reserve(vm, 9, &r);
  if (err) return err;
  r[1] = ENGINE_STR(EMPTY);
  r[2] = ARG(0);
  r[3] = ENGINE_STR(EMPTY);
  err = string_new_ascii(vm, "toJSON", 6, &r[6]);
  mvm_value_t replacer = ARG(1);
  if (!err && value_is_callable(vm, replacer)) {
    r[4] = replacer;
    err = object_new(vm, VAL_NULL, &r[0]);  // the holder the replacer sees first: {"": value}
    if (!err) err = prop_define(vm, r[0], r[1], r[2]);
  } else if (!err && value_type(vm, replacer) == TC_ARRAY) {  // the keys to keep, deduplicated
    err = array_new(vm, 0, &r[5]);
    for (uint32_t i = 0; !err && i < array_length(vm, args[1]); i++) {
      mvm_value_t k = array_get(vm, args[1], i);
      if (!value_is_string(vm, k) && !value_is_number(vm, k)) continue;
      err = to_string(vm, k, &r[8]);
      bool dup = false;
      for (uint32_t j = 0; !err && j < array_length(vm, r[5]) && !dup; j++) {
        dup = string_equal(vm, array_get(vm, r[5], j), r[8]);
      }
      if (!err && !dup) err = array_push(vm, &r[5], r[8]);
    }
  }
  mvm_value_t space = ARG(2);
  if (!err && value_is_number(vm, space)) {
    num_int_t n = lib_to_integer(vm, space);
    uint32_t k = n < 1 ? 0 : n > 10 ? 10 : (uint32_t)n;
    err = string_new_ascii(vm, "          ", k, &r[3]);
  } else if (!err && value_is_string(vm, space)) {
    err = lib_substring(vm, &args[2], 0, 10, &r[3]);
  }
  json_out_t J;
  J.gap = &r[3];
  J.replacer = &r[4];
  J.allow = &r[5];
  J.to_json = &r[6];
  J.depth = 0;
  if (!err) err = sb_init(vm, &J.sb, &r[7], 64);
  bool wrote = false;
  if (!err) err = serialize(vm, &J, r, NULL, &wrote);
  if (!err && wrote) err = sb_finish(vm, &J.sb, out);  // else undefined
  lib_release(vm, r);
  return err;
}

// ---- parse ----

typedef struct json_in {
  mvm_value_t* text;  // slot: the source string
  uint32_t pos, len;
} json_in_t;

static uint16_t peek(mvm_vm_t* vm, const json_in_t* in) {
  if (in->pos >= in->len) return 0xFFFF;  // not a character JSON allows anywhere
  string_view_t sv = string_view(vm, *in->text);
  return view_unit(&sv, in->pos);
}

static void skip_ws(mvm_vm_t* vm, json_in_t* in) {
  string_view_t sv = string_view(vm, *in->text);
  while (in->pos < in->len) {
    uint16_t c = view_unit(&sv, in->pos);
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    in->pos++;
  }
}

static mvm_err_t syntax_error(mvm_vm_t* vm, const json_in_t* in) {
  if (in->pos >= in->len) {
    return throw_error(vm, EK_SYNTAX_ERROR, "Unexpected end of JSON input", 0, NULL);
  }
  char msg[64] = "Unexpected token ";
  size_t n = strlen(msg);
  uint16_t c = peek(vm, in);
  msg[n++] = c >= 0x20 && c < 0x7F ? (char)c : '?';
  const char* tail = " in JSON at position ";
  MVM_MEMCPY(msg + n, tail, strlen(tail) + 1);
  return throw_error(vm, EK_SYNTAX_ERROR, msg, value_from_int((int32_t)in->pos), NULL);
}

static int hex_value(uint16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A string literal at in->pos (on the opening quote). Validates and measures first, then
// allocates once and decodes.
static mvm_err_t parse_string(mvm_vm_t* vm, json_in_t* in, mvm_value_t* out) {
  uint32_t start = ++in->pos, units = 0;
  bool wide = false, escapes = false;
  string_view_t sv = string_view(vm, *in->text);
  for (;;) {
    if (in->pos >= in->len) return syntax_error(vm, in);
    uint16_t c = view_unit(&sv, in->pos);
    if (c == '"') break;
    if (c < 0x20) return syntax_error(vm, in);
    if (c == '\\') {
      escapes = true;
      in->pos++;
      uint16_t e = peek(vm, in);
      if (e == 'u') {
        uint32_t v = 0;
        for (int k = 1; k <= 4; k++) {
          in->pos++;
          int h = hex_value(peek(vm, in));
          if (h < 0) return syntax_error(vm, in);
          v = v * 16 + (uint32_t)h;
        }
        c = (uint16_t)v;
      } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' ||
                 e == 'r' || e == 't') {
        c = 0;
      } else {
        return syntax_error(vm, in);
      }
    }
    wide = wide || c > 255;
    units++;
    in->pos++;
  }
  uint32_t end = in->pos++;  // past the closing quote
  if (!escapes) return lib_substring(vm, in->text, start, end, out);
  uint8_t* p;
  mvm_err_t err = string_alloc(vm, units, wide, &p, out);
  if (err || !p) return err;
  sv = string_view(vm, *in->text);
  uint32_t w = 0;
  for (uint32_t i = start; i < end; i++) {
    uint16_t c = view_unit(&sv, i);
    if (c == '\\') {
      uint16_t e = view_unit(&sv, ++i);
      switch (e) {
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'u':
          c = 0;
          for (int k = 0; k < 4; k++) c = (uint16_t)(c * 16 + hex_value(view_unit(&sv, ++i)));
          break;
        default: c = e; break;  // " \ /
      }
    }
    if (wide) wr16(p + 2 * w, c);
    else p[w] = (uint8_t)c;
    w++;
  }
  return MVM_E_OK;
}

static mvm_err_t parse_number(mvm_vm_t* vm, json_in_t* in, mvm_value_t* out) {
  uint32_t start = in->pos;
  if (peek(vm, in) == '-') in->pos++;
  uint16_t c = peek(vm, in);
  if (c == '0') {
    in->pos++;
  } else if (c >= '1' && c <= '9') {
    while (peek(vm, in) >= '0' && peek(vm, in) <= '9') in->pos++;
  } else {
    return syntax_error(vm, in);
  }
  if (peek(vm, in) == '.') {
    in->pos++;
    if (!(peek(vm, in) >= '0' && peek(vm, in) <= '9')) return syntax_error(vm, in);
    while (peek(vm, in) >= '0' && peek(vm, in) <= '9') in->pos++;
  }
  if (peek(vm, in) == 'e' || peek(vm, in) == 'E') {
    in->pos++;
    if (peek(vm, in) == '+' || peek(vm, in) == '-') in->pos++;
    if (!(peek(vm, in) >= '0' && peek(vm, in) <= '9')) return syntax_error(vm, in);
    while (peek(vm, in) >= '0' && peek(vm, in) <= '9') in->pos++;
  }
  string_view_t sv = string_view(vm, *in->text);
  uint32_t w = sv.wide ? 2 : 1;
  return number_make(vm, number_parse(sv.data + w * start, in->pos - start, sv.wide), out);
}

static bool literal(mvm_vm_t* vm, json_in_t* in, const char* word) {
  size_t n = strlen(word);
  string_view_t sv = string_view(vm, *in->text);
  if (in->len - in->pos < n) return false;
  for (size_t k = 0; k < n; k++) {
    if (view_unit(&sv, in->pos + (uint32_t)k) != (uint8_t)word[k]) return false;
  }
  in->pos += (uint32_t)n;
  return true;
}

// Parses the whole text into *out. Open containers: two stack slots each (container, key).
static mvm_err_t parse_text(mvm_vm_t* vm, json_in_t* in, mvm_value_t* value, mvm_value_t* out) {
  mvm_value_t* base = VM_RUN(vm).sp;  // level k is base[2k] (container) and base[2k + 1] (key)
  uint32_t levels = 0;
  mvm_err_t err = MVM_E_OK;
  for (;;) {
    // A value.
    skip_ws(vm, in);
    uint16_t c = peek(vm, in);
    bool opened = false;
    if (c == '{' || c == '[') {
      mvm_value_t* lv;
      err = lib_reserve(vm, 2, &lv);
      if (err) break;
      levels++;
      err = c == '{' ? object_new(vm, VAL_NULL, &lv[0]) : array_new(vm, 0, &lv[0]);
      if (err) break;
      in->pos++;
      skip_ws(vm, in);
      uint16_t close = c == '{' ? '}' : ']';
      if (peek(vm, in) == close) {  // empty container: it is the value
        in->pos++;
        *value = lv[0];
        levels--;
        lib_release(vm, lv);
      } else if (c == '{') {
        if (peek(vm, in) != '"') return syntax_error(vm, in);
        err = parse_string(vm, in, &lv[1]);
        if (err) break;
        skip_ws(vm, in);
        if (peek(vm, in) != ':') return syntax_error(vm, in);
        in->pos++;
        opened = true;
      } else {
        opened = true;
      }
    } else if (c == '"') {
      err = parse_string(vm, in, value);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      err = parse_number(vm, in, value);
    } else if (literal(vm, in, "true")) {
      *value = VAL_TRUE;
    } else if (literal(vm, in, "false")) {
      *value = VAL_FALSE;
    } else if (literal(vm, in, "null")) {
      *value = VAL_NULL;
    } else {
      return syntax_error(vm, in);
    }
    if (err) break;
    if (opened) continue;  // the first member's value comes next
    // A complete value: store it into the innermost container, then see what follows.
    for (;;) {
      if (levels == 0) {
        skip_ws(vm, in);
        if (in->pos != in->len) return syntax_error(vm, in);
        *out = *value;
        VM_RUN(vm).sp = base;
        return MVM_E_OK;
      }
      mvm_value_t* lv = base + 2 * (levels - 1);
      bool is_array = value_type(vm, lv[0]) == TC_ARRAY;
      err = is_array ? array_push(vm, &lv[0], *value) : prop_define(vm, lv[0], lv[1], *value);
      if (err) break;
      skip_ws(vm, in);
      uint16_t d = peek(vm, in);
      if (d == ',') {
        in->pos++;
        if (!is_array) {
          skip_ws(vm, in);
          if (peek(vm, in) != '"') return syntax_error(vm, in);
          err = parse_string(vm, in, &lv[1]);
          if (err) break;
          skip_ws(vm, in);
          if (peek(vm, in) != ':') return syntax_error(vm, in);
          in->pos++;
        }
        break;  // next value
      }
      if (d != (is_array ? ']' : '}')) return syntax_error(vm, in);
      in->pos++;
      *value = lv[0];  // the container is complete: it is the value one level up
      levels--;
      VM_RUN(vm).sp = lv;
    }
    if (err) break;
  }
  VM_RUN(vm).sp = base;
  return err;
}

// InternalizeJSONProperty: calls the reviver bottom-up. s: [0] holder, [1] key, [2] result.
static mvm_err_t revive(mvm_vm_t* vm, const mvm_value_t* reviver, mvm_value_t* s,
                        uint32_t depth) {
  mvm_value_t* c;  // [0] holder (this value), [1] key, [2] revived child, [3] keys
  mvm_err_t err = lib_reserve(vm, 4, &c);
  if (err) return err;
  err = prop_get(vm, s[0], s[1], &c[0]);
  uint32_t t = err ? TC_INVALID : value_type(vm, c[0]);
  if (!err && (t == TC_OBJECT || t == TC_ARRAY)) {
    if (depth >= MVM_JSON_MAX_DEPTH) {
      err = lib_range_error(vm, "Maximum call stack size exceeded");
    } else {
      err = own_keys(vm, c[0], &c[3]);
    }
    for (uint32_t i = 0; !err && i < array_length(vm, c[3]); i++) {
      c[1] = array_get(vm, c[3], i);
      err = revive(vm, reviver, c, depth + 1);
      if (!err) {
        err = c[2] == VAL_UNDEFINED ? prop_delete(vm, c[0], c[1]) : prop_set(vm, c[0], c[1], c[2]);
      }
    }
  }
  if (!err) {
    mvm_value_t argv[2] = {s[1], c[0]};
    err = lib_call_js(vm, *reviver, s[0], argv, 2, &s[2]);
  }
  lib_release(vm, c);
  return err;
}

LIB_FN(json_parse) {
  LIB_UNUSED;
  mvm_value_t* r;  // [0] text, [1] value, [2] reviver, [3] holder, [4] key, [5] revived
  mvm_err_t err = lib_reserve(vm, 6, &r);
  if (err) return err;
  err = to_string(vm, ARG(0), &r[0]);
  json_in_t in;
  in.text = &r[0];
  in.pos = 0;
  in.len = err ? 0 : string_view(vm, r[0]).len;
  if (!err) err = parse_text(vm, &in, &r[1], &r[1]);
  if (!err && value_is_callable(vm, ARG(1))) {
    r[2] = ARG(1);
    r[4] = ENGINE_STR(EMPTY);
    err = object_new(vm, VAL_NULL, &r[3]);
    if (!err) err = prop_define(vm, r[3], r[4], r[1]);
    if (!err) err = revive(vm, &r[2], &r[3], 0);
    if (!err) r[1] = r[5];
  }
  if (!err) *out = r[1];
  lib_release(vm, r);
  return err;
}

#endif  // MVM_LIB_JSON
