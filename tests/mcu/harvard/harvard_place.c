/* The simulated flash of harvard_sim.h: HSIM_SPAN bytes at HSIM_BASE that no plain read may
 * touch (PROT_NONE), then their readable copy. */
#define _GNU_SOURCE  // MAP_FIXED_NOREPLACE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "harvard_sim.h"

uint8_t* hsim_flash(void) {
  static uint8_t* copy;
  if (copy) return copy;
  void* flash = mmap((void*)HSIM_BASE, 2 * HSIM_SPAN, PROT_NONE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
  if (flash != (void*)HSIM_BASE ||
      mprotect((void*)(HSIM_BASE + HSIM_SPAN), HSIM_SPAN, PROT_READ | PROT_WRITE) != 0) {
    fprintf(stderr, "cannot map the simulated flash\n");
    exit(2);
  }
  copy = (uint8_t*)(HSIM_BASE + HSIM_SPAN);
  return copy;
}

uint8_t* hsim_place(uint8_t* image, size_t len) {
  if (len > HSIM_SPAN) {
    fprintf(stderr, "image too large for the simulated flash\n");
    exit(2);
  }
  memcpy(hsim_flash(), image, len);
  free(image);
  return (uint8_t*)HSIM_BASE;
}
