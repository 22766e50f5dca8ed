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

/* Format versions. The image carries BYTECODE_VERSION; a unit carries UNIT_VERSION. */
CONST(BYTECODE_VERSION, 1)
CONST(UNIT_VERSION, 1)
/* Host import IDs at and above this are reserved for hostlib's standard host functions. */
CONST(IMPORT_ID_RESERVED_BASE, 0xFF00)
CONST(IMPORT_ID_PRINT, 0xFF00)
/* A special value's index at and above this is a builtin function (index - BUILTIN_BASE). */
CONST(BUILTIN_BASE, 256)
/* Sentinel for "no ROM offset" in function and unit headers. */
CONST(NO_OFFSET, 0xFFFFFFFF)

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

/* Type tags of heap and ROM allocations (the low 5 bits of an allocation header). */
TYPE(INVALID,   0)
TYPE(FLOAT64,   1)   /* hdr, 8 bytes IEEE-754 double (little-endian, unaligned) */
TYPE(STRING8,   2)   /* hdr, u32 length, length bytes of Latin-1 (code units 0..255) */
TYPE(STRING16,  3)   /* hdr, u32 length, length u16 UTF-16 code units */
TYPE(OBJECT,    4)   /* hdr, proto, props (PROPS ref or undefined) */
TYPE(PROPS,     5)   /* hdr, u32 count, (key, value) pairs; capacity from the size */
TYPE(ARRAY,     6)   /* hdr, u32 length, items (ITEMS ref or undefined) */
TYPE(ITEMS,     7)   /* hdr, values; capacity from the size */
TYPE(CLOSURE,   8)   /* hdr, function (ROM ref), scope, props (PROPS ref or undefined) */
TYPE(SCOPE,     9)   /* hdr, parent scope (or undefined), slots */
TYPE(HOSTFN,   10)   /* hdr, u16 import id, u16 import table index */
TYPE(FUNCTION, 11)   /* ROM only: function descriptor and bytecode */
TYPE(CONSTS,   12)   /* ROM only: hdr, u32 count, values */
TYPE(LINES,    13)   /* ROM only: line table */
TYPE(FORWARD,  14)   /* GC only: hdr, new offset */

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

/* Error kinds for THROW_ERROR and for errors the VM raises itself. */
ERROR_KIND(ERROR,           0, Error)
ERROR_KIND(TYPE_ERROR,      1, TypeError)
ERROR_KIND(RANGE_ERROR,     2, RangeError)
ERROR_KIND(REFERENCE_ERROR, 3, ReferenceError)
ERROR_KIND(SYNTAX_ERROR,    4, SyntaxError)

/* Image sections, in file order; the heap is last because it is the one that changes size. */
SECTION(ROM,      0)
SECTION(IMPORTS,  1)
SECTION(EXPORTS,  2)
SECTION(GLOBALS,  3)
SECTION(HEAP,     4)

/* Feature flags in the image header (bit numbers). An image needing a feature the VM lacks,
 * or built for another value profile, is refused. Exactly one PROFILE_* bit is set: PROFILE_HOST
 * for VMs built with MVM_PROFILE_MCU=0 (the default), PROFILE_MCU for MVM_PROFILE_MCU=1. */
FEATURE(FLOAT64,      0)
FEATURE(PROFILE_HOST, 1)
FEATURE(PROFILE_MCU,  2)   /* `mvc build --target mcu`: for a VM built with MVM_PROFILE_MCU=1 */
