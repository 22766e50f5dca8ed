/* ports/esp8266/mvm_port.h: the ESP8266 (Xtensa lx106), with the image in flash. Build the core
 * with
 *   -DMVM_PORT_HEADER='"ports/esp8266/mvm_port.h"'
 * and load images made by `mvc build --target mcu`. Everything but the reads of the image is
 * the cortex_m port's (ports/cortex_m/mvm_port.h: the MCU profile, a 16 KB heap, the stack
 * per call...).
 *
 * The ESP8266 maps its flash into the address space, but a load from flash must be an aligned
 * 32-bit word: a byte or 16-bit load raises LoadStoreError (the Arduino core's pgm_read_byte
 * works around it the same way). An image kept in flash (`PROGMEM`, ICACHE_RODATA_ATTR, so that
 * it takes no RAM) is therefore read through MVM_HARVARD's macros, which load the aligned word
 * and take the bytes from it. Those loads are valid in RAM too, so the macros need no address
 * test, and the heap, which the same code reads, goes through them as well. An image in RAM
 * needs none of this: -DMVM_HARVARD=0 reads it with plain loads.
 */
#ifndef MVM_PORT_ESP8266_H
#define MVM_PORT_ESP8266_H

#include <stdint.h>

#ifndef MVM_HARVARD
#define MVM_HARVARD 1
#endif
#if MVM_HARVARD
#define MVM_UNALIGNED_LE 0
#define MVM_ALIGNED_FIELDS 0
/* may_alias: the word holds bytes the core also reads and writes as bytes. */
typedef uint32_t mvm_esp_word_t __attribute__((may_alias));
static inline uint32_t mvm_esp_word(const void* p) {
  return *(const mvm_esp_word_t*)(const void*)((uintptr_t)p & ~(uintptr_t)3);
}
static inline uint8_t mvm_esp_u8(const void* p) {
  return (uint8_t)(mvm_esp_word(p) >> (8u * ((uintptr_t)p & 3u)));
}
static inline uint16_t mvm_esp_u16(const void* p) {
  return (uint16_t)(mvm_esp_u8(p) | (mvm_esp_u8((const uint8_t*)p + 1) << 8));
}
/* A field (4-aligned) is one load; an operand in the code, byte by byte. */
static inline uint32_t mvm_esp_u32(const void* p) {
  if (((uintptr_t)p & 3u) == 0) return mvm_esp_word(p);
  return (uint32_t)mvm_esp_u16(p) | ((uint32_t)mvm_esp_u16((const uint8_t*)p + 2) << 16);
}
#define MVM_READ_ROM_U8(p) mvm_esp_u8(p)
#define MVM_READ_ROM_U16(p) mvm_esp_u16(p)
#define MVM_READ_ROM_U32(p) mvm_esp_u32(p)
#endif

#include "../cortex_m/mvm_port.h"

#endif
