/* mvm_opcodes_enum.h: opcode numbers for hand-assembled test bytecode, from the opcode table. */
#ifndef MVM_OPCODES_ENUM_H
#define MVM_OPCODES_ENUM_H
#ifndef MVM_INTERNAL_H  // internal.h already has this enum
enum {
#define OP(name, fmt, pop, push) OP_##name,
#include "mvm_opcodes.h"
#undef OP
#undef FMT
  OP__COUNT
};
#endif
#endif
