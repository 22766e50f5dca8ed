/* The opcode table: the one source of truth for the instruction set.
 *
 * This file holds only FMT(...) and OP(...) lines and comments. tools/gen_opcodes.py parses it
 * with a strict line regex and writes compiler/opcodes.py; tests fail when the two drift.
 *
 * OP(NAME, FORMAT, POP, PUSH): the opcode's numeric value is its position (0-based).
 * APPEND ONLY: reordering or removing an entry requires bumping MVM_BYTECODE_VERSION.
 * POP/PUSH = -1 means "depends on the operand" (CALL/NEW pop argc+2, NEW_ARRAY pops n).
 *
 * Operand formats (all multi-byte operands are little-endian, unaligned):
 *   NONE   no operand
 *   U8     one unsigned byte
 *   I8     one signed byte
 *   U16    unsigned 16-bit
 *   I16    signed 16-bit
 *   REL16  signed 16-bit jump offset, relative to the address of the NEXT instruction
 *   U8U8   two unsigned bytes (a, b)
 *   U8U16  unsigned byte a, then unsigned 16-bit b
 *
 * Stack comments: "a b -> c" means pops b (top) and a, pushes c.
 * docs/internals.md gives the full semantics of each instruction.
 *
 * Operands are verified once at load (docs/internals.md 4.1), not by the interpreter: an opcode
 * whose operand indexes something (constants, locals, arguments, globals, a table) needs its
 * check in vm_c/src/verify.c operands_ok, and one with a global index must also be listed in
 * vm_c/src/snapshot.c rom_closure (which globals a function uses decides what an image keeps).
 */
#ifndef FMT
#define FMT(name)
#endif
#ifndef OP
#define OP(name, fmt, pop, push)
#endif

FMT(NONE) FMT(U8) FMT(I8) FMT(U16) FMT(I16) FMT(REL16) FMT(U8U8) FMT(U8U16)

OP(NOP,             NONE,  0, 0)  /* -> */
OP(POP,             NONE,  1, 0)  /* a -> */
OP(DUP,             NONE,  1, 2)  /* a -> a a */
OP(DUP2,            NONE,  2, 4)  /* a b -> a b a b */
OP(SWAP,            NONE,  2, 2)  /* a b -> b a */
OP(ROT3,            NONE,  3, 3)  /* a b c -> c a b */
OP(ROT4,            NONE,  4, 4)  /* a b c d -> d a b c */
OP(PUSH_UNDEFINED,  NONE,  0, 1)  /* -> undefined */
OP(PUSH_NULL,       NONE,  0, 1)  /* -> null */
OP(PUSH_TRUE,       NONE,  0, 1)  /* -> true */
OP(PUSH_FALSE,      NONE,  0, 1)  /* -> false */
OP(PUSH_HOLE,       NONE,  0, 1)  /* -> hole (array literal elision only) */
OP(PUSH_I8,         I8,    0, 1)  /* -> int a */
OP(PUSH_I16,        I16,   0, 1)  /* -> int a */
OP(LOAD_CONST,      U16,   0, 1)  /* -> consts[a] of the current function */
OP(LOAD_BUILTIN,    U8,    0, 1)  /* -> builtin function a (mvm_tables.h BUILTIN list) */
OP(LOAD_ARG,        U8,    0, 1)  /* -> args[a] */
OP(STORE_ARG,       U8,    1, 0)  /* v -> ; args[a] = v */
OP(LOAD_LOCAL,      U8,    0, 1)  /* -> locals[a] */
OP(STORE_LOCAL,     U8,    1, 0)  /* v -> ; locals[a] = v */
OP(LOAD_GLOBAL,     U16,   0, 1)  /* -> globals[a]; ReferenceError if it holds the TDZ marker */
OP(STORE_GLOBAL,    U16,   1, 0)  /* v -> ; globals[a] = v */
OP(LOAD_SCOPED,     U8U8,  0, 1)  /* -> scope(depth a).slots[b] */
OP(STORE_SCOPED,    U8U8,  1, 0)  /* v -> ; scope(depth a).slots[b] = v */
OP(SCOPE_PUSH,      U8,    0, 0)  /* -> ; scope = new scope(parent = scope, a slots of undefined) */
OP(SCOPE_POP,       NONE,  0, 0)  /* -> ; scope = scope.parent */
OP(SCOPE_CLONE,     NONE,  0, 0)  /* -> ; scope = shallow copy of scope (same parent): per-iteration let */
OP(LOAD_THIS,       NONE,  0, 1)  /* -> this */
OP(LOAD_CALLEE,     NONE,  0, 1)  /* -> the function value being run (named function expressions) */
OP(MAKE_CLOSURE,    U16,   0, 1)  /* -> closure(consts[a] (a function), scope) */
OP(ADD,             NONE,  2, 1)  /* a b -> a + b (JS +: strings concatenate) */
OP(SUB,             NONE,  2, 1)  /* a b -> a - b */
OP(MUL,             NONE,  2, 1)  /* a b -> a * b */
OP(DIV,             NONE,  2, 1)  /* a b -> a / b */
OP(MOD,             NONE,  2, 1)  /* a b -> a % b */
OP(POW,             NONE,  2, 1)  /* a b -> a ** b */
OP(BIT_AND,         NONE,  2, 1)  /* a b -> a & b */
OP(BIT_OR,          NONE,  2, 1)  /* a b -> a | b */
OP(BIT_XOR,         NONE,  2, 1)  /* a b -> a ^ b */
OP(SHL,             NONE,  2, 1)  /* a b -> a << b */
OP(SHR,             NONE,  2, 1)  /* a b -> a >> b */
OP(USHR,            NONE,  2, 1)  /* a b -> a >>> b */
OP(NEG,             NONE,  1, 1)  /* a -> -a */
OP(TO_NUMBER,       NONE,  1, 1)  /* a -> +a */
OP(BIT_NOT,         NONE,  1, 1)  /* a -> ~a */
OP(NOT,             NONE,  1, 1)  /* a -> !a */
OP(INC,             NONE,  1, 1)  /* a -> ToNumber(a) + 1 */
OP(DEC,             NONE,  1, 1)  /* a -> ToNumber(a) - 1 */
OP(TYPEOF,          NONE,  1, 1)  /* a -> typeof a (a string) */
OP(TO_STRING,       NONE,  1, 1)  /* a -> ToString(a) (template literal substitutions) */
OP(STRICT_EQ,       NONE,  2, 1)  /* a b -> a === b */
OP(STRICT_NE,       NONE,  2, 1)  /* a b -> a !== b */
OP(EQ,              NONE,  2, 1)  /* a b -> a == b */
OP(NE,              NONE,  2, 1)  /* a b -> a != b */
OP(LT,              NONE,  2, 1)  /* a b -> a < b */
OP(LE,              NONE,  2, 1)  /* a b -> a <= b */
OP(GT,              NONE,  2, 1)  /* a b -> a > b */
OP(GE,              NONE,  2, 1)  /* a b -> a >= b */
OP(IN,              NONE,  2, 1)  /* key obj -> key in obj */
OP(INSTANCEOF,      NONE,  2, 1)  /* v ctor -> v instanceof ctor */
OP(JUMP,            REL16, 0, 0)  /* -> ; pc += a */
OP(JUMP_IF_FALSE,   REL16, 1, 0)  /* c -> ; if !c: pc += a */
OP(JUMP_IF_TRUE,    REL16, 1, 0)  /* c -> ; if c: pc += a */
OP(JUMP_IF_NULLISH, REL16, 1, 0)  /* v -> ; if v is null or undefined: pc += a */
OP(NEW_OBJECT,      NONE,  0, 1)  /* -> {} */
OP(NEW_ARRAY,       U16,  -1, 1)  /* v0 .. v(a-1) -> [v0, .., v(a-1)] (a hole value leaves a hole) */
OP(INIT_PROP,       U16,   2, 1)  /* obj v -> obj ; define own property consts[a] = v */
OP(GET_PROP,        U16,   1, 1)  /* obj -> obj[consts[a]] */
OP(SET_PROP,        U16,   2, 1)  /* obj v -> v ; obj[consts[a]] = v */
OP(GET_ELEM,        NONE,  2, 1)  /* obj key -> obj[key] */
OP(SET_ELEM,        NONE,  3, 1)  /* obj key v -> v ; obj[key] = v */
OP(DELETE_ELEM,     NONE,  2, 1)  /* obj key -> true ; delete obj[key] */
OP(APPEND,          NONE,  2, 1)  /* arr v -> arr ; arr.push(v) (array literals past 65535 elements, spread) */
OP(CALL,            U8,   -1, 1)  /* f this a0 .. a(n-1) -> result ; n = a */
OP(NEW,             U8,   -1, 1)  /* f unused a0 .. a(n-1) -> new f(a0..) ; n = a */
OP(RETURN,          NONE,  1, 0)  /* v -> ; return v to the caller */
OP(THROW,           NONE,  1, 0)  /* v -> ; throw v */
OP(TRY,             REL16, 0, 0)  /* -> ; push handler: on throw, unwind to here and jump to pc + a with the exception pushed */
OP(TRY_END,         NONE,  0, 0)  /* -> ; pop the innermost handler of this frame */
OP(THROW_ERROR,     U8U16, 0, 0)  /* -> ; throw new <error kind a>(consts[b]) (mvm_tables.h ERROR_KIND list) */
/* The full language subset (issue 3). */
OP(REST,            U8,    0, 1)  /* -> [args[a] .. args[argc-1]] (rest parameter: the arguments past the declared ones) */
OP(ITER_NEXT,       NONE,  2, 3)  /* it i -> v i2 done ; one for-of step over an array (by index) or a string (by code point) */
OP(ITER_REST,       NONE,  2, 1)  /* it i -> [the values from i on] (rest element of an array pattern) */
OP(APPEND_SPREAD,   NONE,  2, 1)  /* arr it -> arr ; appends every value of it (spread in array literals and calls) */
OP(CALL_ARRAY,      U8,    3, 1)  /* f this args -> result ; call with the elements of array args; a: 0 call, 1 new, 2 super(...) */
OP(SUPER_CALL,      U8,   -1, 1)  /* f this a0 .. a(n-1) -> result ; super(...): f's constructor code runs on this; n = a */
OP(STORE_THIS,      NONE,  1, 0)  /* v -> ; this = v (the object super(...) returned) */
OP(FOR_IN_KEYS,     NONE,  1, 2)  /* obj -> keys target ; keys: enumerable string keys, own then inherited, JS order; target: obj if an object (to skip keys deleted meanwhile), else null */
OP(DEFINE_PROP,     U8,    3, 1)  /* obj key v -> obj ; define own property key; a: bit 0 hidden (non-enumerable), bit 1 getter, bit 2 setter */
OP(SET_PROTO,       NONE,  2, 1)  /* obj proto -> obj ; obj's prototype = proto (an object or null) */
OP(OBJECT_SPREAD,   NONE,  2, 1)  /* obj src -> obj ; copies src's own enumerable properties (object spread) */
OP(ASYNC_START,     NONE,  0, 1)  /* -> p ; a new pending promise: the result of the running async function */
OP(ASYNC_SETTLE,    U8,    2, 1)  /* p v -> p ; a: 0 resolve p with v, 1 reject p with v */
OP(AWAIT,           NONE,  1, 2)  /* v -> result threw ; suspends the async function (its promise is locals[0]) until v settles */
OP(GET_SUPER,       NONE,  3, 1)  /* home key this -> home[key] ; super.x: looked up from home, a getter gets this */
/* Fused instructions (superinstructions): compiler/peephole.py rewrites the common sequences
 * in brackets; each behaves exactly as its sequence. */
OP(INC_LOCAL,       U8,    0, 0)  /* -> ; locals[a] = ToNumber(locals[a]) + 1  [LOAD_LOCAL a; INC; STORE_LOCAL a] */
OP(DEC_LOCAL,       U8,    0, 0)  /* -> ; locals[a] = ToNumber(locals[a]) - 1  [LOAD_LOCAL a; DEC; STORE_LOCAL a] */
OP(JUMP_IF_NOT_LT,  REL16, 2, 0)  /* a b -> ; if !(a < b): pc += rel  [LT; JUMP_IF_FALSE] */
OP(JUMP_IF_NOT_LE,  REL16, 2, 0)  /* a b -> ; if !(a <= b): pc += rel  [LE; JUMP_IF_FALSE] */
OP(JUMP_IF_NOT_GT,  REL16, 2, 0)  /* a b -> ; if !(a > b): pc += rel  [GT; JUMP_IF_FALSE] */
OP(JUMP_IF_NOT_GE,  REL16, 2, 0)  /* a b -> ; if !(a >= b): pc += rel  [GE; JUMP_IF_FALSE] */
OP(JUMP_IF_STRICT_NE, REL16, 2, 0)  /* a b -> ; if a !== b: pc += rel  [STRICT_EQ; JUMP_IF_FALSE] */
OP(JUMP_IF_STRICT_EQ, REL16, 2, 0)  /* a b -> ; if a === b: pc += rel  [STRICT_NE; JUMP_IF_FALSE] */
OP(LOAD_GLOBAL_FN,  U16,   0, 2)  /* -> globals[a] undefined (a callee and its this)  [LOAD_GLOBAL a; PUSH_UNDEFINED] */
OP(ADD_I8,          I8,    1, 1)  /* v -> v + a (JS +)  [PUSH_I8 a; ADD] */
OP(SUB_I8,          I8,    1, 1)  /* v -> v - a  [PUSH_I8 a; SUB] */
OP(LOAD_LOCAL2,     U8U8,  0, 2)  /* -> locals[a] locals[b]  [LOAD_LOCAL a; LOAD_LOCAL b] */
/* The constant globals of an image: mvm_snapshot rewrites the loads of each global that no code
 * stores to and that holds no heap reference to these, whose operand is the global's value
 * itself (a value below 2^16: a ROM reference into the first 32 KB, an int31 from 0 to 16383,
 * a special). The compiler never emits them. */
OP(LOAD_ROM_GLOBAL,    U16, 0, 1)  /* -> a (a value) */
OP(LOAD_ROM_GLOBAL_FN, U16, 0, 2)  /* -> a undefined (a callee and its this) */
/* An object literal whose properties all have plain names (no computed key, accessor, method,
 * spread, __proto__ or repeated name): one allocation with its key list in the ROM, as a
 * snapshot writes an object built at build time (value.h HEADER_INLINE_PROPS), not an OBJECT
 * and a PROPS grown one INIT_PROP at a time. */
OP(NEW_OBJECT_KEYS,    U8U16, -1, 1)  /* v0 .. v(a-1) -> {k0: v0, ..} ; consts[b] a key list (a ROM CONSTS of a strings), 1 <= a <= 124 */
/* Short forms: the compiler writes these for a constant index under 256 (compiler/peephole.py),
 * one byte less than the U16 instruction each behaves exactly as. */
OP(LOAD_CONST8,     U8,    0, 1)  /* -> consts[a]  [LOAD_CONST a] */
OP(GET_PROP8,       U8,    1, 1)  /* obj -> obj[consts[a]]  [GET_PROP a] */
OP(SET_PROP8,       U8,    2, 1)  /* obj v -> v ; obj[consts[a]] = v  [SET_PROP a] */
