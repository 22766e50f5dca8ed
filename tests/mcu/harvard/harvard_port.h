/* The cortex_m port as a Harvard target would have it (harvard_sim.h): MVM_HARVARD, and the
 * ROM-read macros reading program memory by address. */
#ifndef HARVARD_PORT_H
#define HARVARD_PORT_H

#include "harvard_sim.h"

static inline uint16_t hsim_u16(const void* p) {
  return (uint16_t)(*hsim_at(p) | (*hsim_at((const uint8_t*)p + 1) << 8));
}
static inline uint32_t hsim_u32(const void* p) {
  return (uint32_t)hsim_u16(p) | ((uint32_t)hsim_u16((const uint8_t*)p + 2) << 16);
}

#define MVM_HARVARD 1
#define MVM_UNALIGNED_LE 0
#define MVM_ALIGNED_FIELDS 0
#define MVM_READ_ROM_U8(p) (*hsim_at(p))
#define MVM_READ_ROM_U16(p) hsim_u16(p)
#define MVM_READ_ROM_U32(p) hsim_u32(p)

#include "ports/cortex_m/mvm_port.h"

#endif
