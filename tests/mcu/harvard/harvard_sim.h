/* The simulated flash of a Harvard target (harvard_port.h, tests/mcu/test_harvard.py).
 *
 * On a Harvard MCU (AVR with the image in PROGMEM) a plain C read of the image reads data memory
 * at the same address: wrong bytes, silently. Here an image is restored from an address that
 * cannot be read at all, so a plain read faults at once. [HSIM_BASE, HSIM_BASE + HSIM_SPAN) is
 * the simulated flash; its readable copy is HSIM_SPAN further up (harvard_place.c maps both).
 * hsim_at gives the byte a program-memory read of an address reaches, as avr-gcc's __memx
 * pointers tell the spaces apart by address: any other address is data memory, read as it is. */
#ifndef HARVARD_SIM_H
#define HARVARD_SIM_H

#include <stddef.h>
#include <stdint.h>

#define HSIM_BASE ((uintptr_t)0x5a0000000000u)
#define HSIM_SPAN ((uintptr_t)1 << 28)

static inline const uint8_t* hsim_at(const void* p) {
  uintptr_t a = (uintptr_t)p;
  return (const uint8_t*)(a - HSIM_BASE < HSIM_SPAN ? a + HSIM_SPAN : a);
}

/* The readable copy of the simulated flash (mapped at the first call): what is written there
 * is read at HSIM_BASE. */
uint8_t* hsim_flash(void);
/* Where mvm_unit_run puts an image before restoring it: into the simulated flash (it takes the
 * image's buffer). */
uint8_t* hsim_place(uint8_t* image, size_t len);
#define MVM_UNIT_RUN_PLACE_IMAGE(image, len) hsim_place((image), (len))

#endif
