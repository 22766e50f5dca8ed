/* Everything else the compiler, the VM and the host must agree on, as X-macro lines.
 *
 * Like mvm_opcodes.h this file holds only X-macro lines and comments; tools/gen_opcodes.py
 * parses both and writes compiler/opcodes.py. Numbers are explicit so that they survive edits.
 * Any change to TYPE, SPECIAL, BUILTIN or SECTION numbering requires bumping
 * MVM_BYTECODE_VERSION. docs/internals.md describes each layout.
 */
#ifndef CONST
#define CONST(name, value)
#endif
#ifndef ERR
#define ERR(name, value, text)
#endif
#ifndef TYPE
#define TYPE(name, value)
#endif
#ifndef SPECIAL
#define SPECIAL(name, value)
#endif
#ifndef BUILTIN
#define BUILTIN(name, value, global)
#endif
#ifndef ERROR_KIND
#define ERROR_KIND(name, value, jsname)
#endif
#ifndef SECTION
#define SECTION(name, value)
#endif
#ifndef FEATURE
#define FEATURE(name, value)
#endif
#ifndef ENGINE_STRING
#define ENGINE_STRING(name, text)
#endif

/* Format versions. The image carries BYTECODE_VERSION; a unit carries UNIT_VERSION. */
CONST(BYTECODE_VERSION, 8)  /* 8: constant globals' values in LOAD_ROM_GLOBAL's operand; the imports' HOSTFNs in place */
CONST(UNIT_VERSION, 2)  /* 2: the FUNCTION layout of BYTECODE_VERSION 7 */
/* Host import IDs at and above this are reserved for hostlib's standard host functions. */
CONST(IMPORT_ID_RESERVED_BASE, 0xFF00)
CONST(IMPORT_ID_PRINT, 0xFF00)
/* A special value's index at and above this is a builtin function (index - BUILTIN_BASE). */
CONST(BUILTIN_BASE, 256)
/* Sentinel for "no ROM offset" in function and unit headers. */
CONST(NO_OFFSET, 0xFFFFFFFF)
/* A ROM reference at or past this offset is to the engine's own strings (ENGINE_STRING below),
 * which live in the VM's code, not in any image; an image ROM is always shorter. */
CONST(ENGINE_ROM_BASE, 0x40000000)

/* Error codes returned by every fallible API function (mvm_err_t). 0 is success. */
ERR(OK,                   0, "success")
ERR(OUT_OF_MEMORY,        1, "out of memory: the heap limit was reached")
ERR(UNCAUGHT_EXCEPTION,   2, "uncaught exception")
ERR(INVALID_IMAGE,        3, "invalid image")
ERR(IMAGE_CRC,            4, "image checksum mismatch (damaged image)")
ERR(IMAGE_VERSION,        5, "image was built for another format version")
ERR(IMAGE_PROFILE,        6, "image was built for another value profile")
ERR(IMAGE_TRUNCATED,      7, "image is truncated")
ERR(UNRESOLVED_IMPORT,    8, "the host could not resolve an import")
ERR(EXPORT_NOT_FOUND,     9, "no such export")
ERR(NOT_A_FUNCTION,      10, "value is not a function")
ERR(HOST_THROW,          11, "host function threw (result holds the exception)")
ERR(HOST_ERROR,          12, "host function failed")
ERR(INVALID_ARGUMENT,    13, "invalid argument")
ERR(INSTRUCTION_BUDGET,  14, "instruction budget exhausted")
ERR(BUFFER_TOO_SMALL,    15, "buffer too small")
ERR(WRONG_TYPE,          16, "value has the wrong type")
ERR(INVALID_UNIT,        17, "invalid bytecode unit")
ERR(STACK_OVERFLOW,      18, "stack overflow")
ERR(REENTRANT,           19, "operation not allowed while the VM is running")
ERR(IMAGE_FEATURE,       20, "image uses a builtin family, floats or a part of the language this VM was built without")

/* Type tags of heap and ROM allocations (the low 5 bits of an allocation header). */
TYPE(INVALID,   0)
TYPE(FLOAT64,   1)   /* hdr, 8 bytes IEEE-754 double (little-endian, unaligned) */
TYPE(STRING8,   2)   /* hdr, Latin-1 bytes (code units 0..255); hdr bits 5-6: padding after them */
TYPE(STRING16,  3)   /* hdr, u16 UTF-16 code units; hdr bits 5-6: padding after them */
TYPE(OBJECT,    4)   /* hdr, proto, props (PROPS ref or undefined); or, hdr bit 6, (proto,) keys (ROM CONSTS; or in hdr bits 15-31), values */
TYPE(PROPS,     5)   /* hdr, u32 count, (key, value) pairs; capacity from the size */
TYPE(ARRAY,     6)   /* hdr, u32 length, items (ITEMS ref or undefined), props (PROPS ref or undefined) */
TYPE(ITEMS,     7)   /* hdr, values; capacity from the size */
TYPE(CLOSURE,   8)   /* hdr, function (ROM ref), scope, props (PROPS ref or undefined) */
TYPE(SCOPE,     9)   /* hdr, parent scope (or undefined), slots */
TYPE(HOSTFN,   10)   /* hdr, u16 import id, u16 import table index */
TYPE(FUNCTION, 11)   /* ROM only: function descriptor and bytecode; header bits 5-6: padding after the code */
TYPE(CONSTS,   12)   /* ROM only: hdr, values (count from the size, at least one) */
TYPE(LINES,    13)   /* ROM only: line table */
TYPE(FORWARD,  14)   /* GC only: hdr, new offset */
TYPE(BYTES,    15)   /* Uint8Array: hdr, u32 length, length bytes; no references */
TYPE(PROPERTY, 16)   /* in PROPS values: hdr, u32 flags (1 accessor, 2 hidden), a (value or getter), b (setter) */
TYPE(PROMISE,  17)   /* hdr, u32 state (0 pending, 1 fulfilled, 2 rejected), value, reactions (ARRAY or undefined) */
TYPE(RESOLVER, 18)   /* resolve/reject function of a promise: hdr, u32 flags (1 reject, 2 done), promise, twin */
TYPE(CONTINUATION, 19) /* a suspended async frame: hdr, then values only (int31 for counts and pcs) */

/* Special values: (index << 3) | 6. */
SPECIAL(UNDEFINED, 0)
SPECIAL(NULL,      1)
SPECIAL(FALSE,     2)
SPECIAL(TRUE,      3)
SPECIAL(HOLE,      4)   /* array hole; also the TDZ marker of an uninitialised global */

/* Builtin functions implemented in C. Value = special (BUILTIN_BASE + value). The third column is
 * the global name the compiler binds to it, or _ for methods reached only through properties. */
BUILTIN(VM_IMPORT,        0, vmImport)
BUILTIN(VM_EXPORT,        1, vmExport)
BUILTIN(ERROR,            2, Error)
BUILTIN(TYPE_ERROR,       3, TypeError)
BUILTIN(RANGE_ERROR,      4, RangeError)
BUILTIN(REFERENCE_ERROR,  5, ReferenceError)
BUILTIN(SYNTAX_ERROR,     6, SyntaxError)
BUILTIN(ARRAY_PUSH,       7, _)
/* The builtins library (vm_c/src/lib*.c). Globals first, in one block, so that every global
 * builtin stays within LOAD_BUILTIN's u8 operand; methods (reached through properties) after. */
BUILTIN(MATH,             8, Math)
BUILTIN(JSON,             9, JSON)
BUILTIN(NUMBER,          10, Number)
BUILTIN(STRING,          11, String)
BUILTIN(BOOLEAN,         12, Boolean)
BUILTIN(ARRAY,           13, Array)
BUILTIN(OBJECT,          14, Object)
BUILTIN(UINT8ARRAY,      15, Uint8Array)
BUILTIN(GLOBAL_THIS,     16, globalThis)
BUILTIN(IS_NAN,          17, isNaN)
BUILTIN(IS_FINITE,       18, isFinite)
BUILTIN(PARSE_INT,       19, parseInt)
BUILTIN(PARSE_FLOAT,     20, parseFloat)
BUILTIN(MATH_ABS,        21, _)
BUILTIN(MATH_CEIL,       22, _)
BUILTIN(MATH_FLOOR,      23, _)
BUILTIN(MATH_MAX,        24, _)
BUILTIN(MATH_MIN,        25, _)
BUILTIN(MATH_POW,        26, _)
BUILTIN(MATH_RANDOM,     27, _)
BUILTIN(MATH_ROUND,      28, _)
BUILTIN(MATH_SIGN,       29, _)
BUILTIN(MATH_SQRT,       30, _)
BUILTIN(MATH_TRUNC,      31, _)
/* Promises (promise.c). */
BUILTIN(PROMISE,         32, Promise)
BUILTIN(PROMISE_THEN,    33, _)
BUILTIN(PROMISE_CATCH,   34, _)
BUILTIN(PROMISE_FINALLY, 35, _)
BUILTIN(PROMISE_RESOLVE, 36, _)
BUILTIN(PROMISE_REJECT,  37, _)
BUILTIN(PROMISE_ALL,     38, _)
/* The builtins library, methods (vm_c/src/lib*.c, listed in lib.h LIB_LIST). */
BUILTIN(TO_STRING,              39, _)
BUILTIN(VALUE_OF,               40, _)
BUILTIN(BYTES_FILL,             41, _)
BUILTIN(BYTES_INDEX_OF,         42, _)
BUILTIN(BYTES_INCLUDES,         43, _)
BUILTIN(BYTES_SLICE,            44, _)
BUILTIN(BYTES_SET,              45, _)
BUILTIN(BYTES_JOIN,             46, _)
BUILTIN(NUMBER_IS_NAN,          47, _)
BUILTIN(NUMBER_IS_FINITE,       48, _)
BUILTIN(NUMBER_IS_INTEGER,      49, _)
BUILTIN(NUMBER_IS_SAFE_INTEGER,  50, _)
BUILTIN(NUMBER_TO_FIXED,        51, _)
BUILTIN(NUMBER_TO_STRING,       52, _)
BUILTIN(NUMBER_TO_PRECISION,    53, _)
BUILTIN(STRING_FROM_CHAR_CODE,  54, _)
BUILTIN(STRING_CHAR_AT,         55, _)
BUILTIN(STRING_CHAR_CODE_AT,    56, _)
BUILTIN(STRING_CODE_POINT_AT,   57, _)
BUILTIN(STRING_AT,              58, _)
BUILTIN(STRING_INDEX_OF,        59, _)
BUILTIN(STRING_LAST_INDEX_OF,   60, _)
BUILTIN(STRING_INCLUDES,        61, _)
BUILTIN(STRING_STARTS_WITH,     62, _)
BUILTIN(STRING_ENDS_WITH,       63, _)
BUILTIN(STRING_SLICE,           64, _)
BUILTIN(STRING_SUBSTRING,       65, _)
BUILTIN(STRING_SUBSTR,          66, _)
BUILTIN(STRING_SPLIT,           67, _)
BUILTIN(STRING_TRIM,            68, _)
BUILTIN(STRING_TRIM_START,      69, _)
BUILTIN(STRING_TRIM_END,        70, _)
BUILTIN(STRING_TO_UPPER_CASE,   71, _)
BUILTIN(STRING_TO_LOWER_CASE,   72, _)
BUILTIN(STRING_REPEAT,          73, _)
BUILTIN(STRING_PAD_START,       74, _)
BUILTIN(STRING_PAD_END,         75, _)
BUILTIN(STRING_CONCAT,          76, _)
BUILTIN(STRING_REPLACE,         77, _)
BUILTIN(STRING_REPLACE_ALL,     78, _)
BUILTIN(STRING_LOCALE_COMPARE,  79, _)
BUILTIN(ARRAY_IS_ARRAY,         80, _)
BUILTIN(ARRAY_FROM,             81, _)
BUILTIN(ARRAY_OF,               82, _)
BUILTIN(ARRAY_POP,              83, _)
BUILTIN(ARRAY_SHIFT,            84, _)
BUILTIN(ARRAY_UNSHIFT,          85, _)
BUILTIN(ARRAY_SLICE,            86, _)
BUILTIN(ARRAY_SPLICE,           87, _)
BUILTIN(ARRAY_CONCAT,           88, _)
BUILTIN(ARRAY_JOIN,             89, _)
BUILTIN(ARRAY_INDEX_OF,         90, _)
BUILTIN(ARRAY_LAST_INDEX_OF,    91, _)
BUILTIN(ARRAY_INCLUDES,         92, _)
BUILTIN(ARRAY_REVERSE,          93, _)
BUILTIN(ARRAY_SORT,             94, _)
BUILTIN(ARRAY_MAP,              95, _)
BUILTIN(ARRAY_FILTER,           96, _)
BUILTIN(ARRAY_REDUCE,           97, _)
BUILTIN(ARRAY_REDUCE_RIGHT,     98, _)
BUILTIN(ARRAY_FOR_EACH,         99, _)
BUILTIN(ARRAY_FIND,            100, _)
BUILTIN(ARRAY_FIND_INDEX,      101, _)
BUILTIN(ARRAY_FIND_LAST,       102, _)
BUILTIN(ARRAY_FIND_LAST_INDEX, 103, _)
BUILTIN(ARRAY_SOME,            104, _)
BUILTIN(ARRAY_EVERY,           105, _)
BUILTIN(ARRAY_FILL,            106, _)
BUILTIN(ARRAY_AT,              107, _)
BUILTIN(ARRAY_FLAT,            108, _)
BUILTIN(ARRAY_FLAT_MAP,        109, _)
BUILTIN(OBJECT_KEYS,           110, _)
BUILTIN(OBJECT_VALUES,         111, _)
BUILTIN(OBJECT_ENTRIES,        112, _)
BUILTIN(OBJECT_ASSIGN,         113, _)
BUILTIN(OBJECT_FREEZE,         114, _)
BUILTIN(OBJECT_IS_FROZEN,      115, _)
BUILTIN(OBJECT_FROM_ENTRIES,   116, _)
BUILTIN(OBJECT_CREATE,         117, _)
BUILTIN(OBJECT_GET_PROTOTYPE_OF, 118, _)
BUILTIN(OBJECT_HAS_OWN_PROPERTY, 119, _)
BUILTIN(JSON_STRINGIFY,        120, _)
BUILTIN(JSON_PARSE,            121, _)
/* Appended later (numbering above unchanged, so older images stay valid). */
BUILTIN(FUNCTION_CALL,         122, _)   /* f.call(thisArg, ...args) */
BUILTIN(FUNCTION_APPLY,        123, _)   /* f.apply(thisArg, array) */
BUILTIN(PROMISE_RACE,          124, _)
BUILTIN(PROMISE_ALL_SETTLED,   125, _)
BUILTIN(PROMISE_ANY,           126, _)

/* Error kinds for THROW_ERROR and for errors the VM raises itself. */
ERROR_KIND(ERROR,           0, Error)
ERROR_KIND(TYPE_ERROR,      1, TypeError)
ERROR_KIND(RANGE_ERROR,     2, RangeError)
ERROR_KIND(REFERENCE_ERROR, 3, ReferenceError)
ERROR_KIND(SYNTAX_ERROR,    4, SyntaxError)

/* The parts of an image, in file order; the heap is last because it is the one that changes
 * size. Since format 3 they follow one another packed, with no section table (docs 10). */
SECTION(ROM,      0)
SECTION(IMPORTS,  1)
SECTION(EXPORTS,  2)
SECTION(GLOBALS,  3)
SECTION(HEAP,     4)

/* Feature flags in the image header (bit numbers). An image needing a feature the VM lacks,
 * or built for another value profile, is refused. Exactly one PROFILE_* bit is set: PROFILE_HOST
 * for VMs built with MVM_PROFILE_MCU=0 (the default), PROFILE_MCU for MVM_PROFILE_MCU=1. */
FEATURE(FLOAT64,      0)   /* the ROM or heap holds a FLOAT64 (MVM_SUPPORT_FLOAT=0 refuses it) */
FEATURE(PROFILE_HOST, 1)
FEATURE(PROFILE_MCU,  2)   /* `mvc build --target mcu`: for a VM built with MVM_PROFILE_MCU=1 */
FEATURE(PACKED_ROM,   3)   /* the ROM is packed (restore expands it into RAM); without it, used in place */
/* Bit 4 was version 7's ROM_GLOBALS (a CONSTS of the constant globals): an image with it is refused. */
FEATURE(ROM_IMPORTS,  5)   /* the ROM starts with the imports' host functions, import i's at 8 * i (their ids; the packed part has only their count) */
FEATURE(NO_ROOTS,     6)   /* the heap has no VM roots ITEMS (every slot was undefined): its allocation at offset 4 is the program's */
FEATURE(RAW_HEAP,     7)   /* the heap is stored as it is in RAM, not packed (`mvc build --target mcu --raw-heap`) */

/* The engine's strings: the texts the VM itself produces or looks up (typeof results, property
 * names it reads, conversions). They are STRING8 allocations in the VM's read-only data, laid
 * out in this order from ENGINE_ROM_BASE, each 4 + (length rounded up to 4) bytes, the empty
 * string 8. The compiler refers to them instead of putting these texts in a ROM, so no image
 * carries them and no VM copies them into its heap. Appending keeps older images valid; any
 * other change requires bumping BYTECODE_VERSION. */
ENGINE_STRING(UNDEFINED, "undefined")
ENGINE_STRING(NULL, "null")
ENGINE_STRING(TRUE, "true")
ENGINE_STRING(FALSE, "false")
ENGINE_STRING(OBJECT, "object")
ENGINE_STRING(BOOLEAN, "boolean")
ENGINE_STRING(NUMBER, "number")
ENGINE_STRING(STRING, "string")
ENGINE_STRING(FUNCTION, "function")
ENGINE_STRING(LENGTH, "length")
ENGINE_STRING(PROTOTYPE, "prototype")
ENGINE_STRING(CONSTRUCTOR, "constructor")
ENGINE_STRING(MESSAGE, "message")
ENGINE_STRING(NAME, "name")
ENGINE_STRING(EMPTY, "")
ENGINE_STRING(OBJECT_OBJECT, "[object Object]")
ENGINE_STRING(NAN, "NaN")
ENGINE_STRING(INFINITY, "Infinity")
ENGINE_STRING(NEG_INFINITY, "-Infinity")
ENGINE_STRING(PUSH, "push")
ENGINE_STRING(PROTO, "__proto__")
ENGINE_STRING(VALUE_OF, "valueOf")
ENGINE_STRING(TO_STRING, "toString")
ENGINE_STRING(THEN, "then")
