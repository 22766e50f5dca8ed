/* board_clock.h: instructions on the emulated board. The mps2-an385's CMSDK timer 0 counts
 * down at 25 MHz; tools/mcu_ram.py runs qemu with `-icount shift=0`, where each instruction
 * takes one nanosecond of the board's time, so a tick is exactly 40 instructions (checked:
 * a loop of 2e7 instructions takes 500,000 ticks). The count is the same on every machine. */
#ifndef BOARD_CLOCK_H
#define BOARD_CLOCK_H
#include <stdint.h>

#define BOARD_TIMER0 ((volatile uint32_t*)0x40000000u)  // CTRL, VALUE, RELOAD
#define BOARD_INSTRUCTIONS_PER_TICK 40u

static inline void board_clock_start(void) {
  BOARD_TIMER0[1] = 0xFFFFFFFFu;
  BOARD_TIMER0[2] = 0xFFFFFFFFu;
  BOARD_TIMER0[0] = 1u;
}

// Ticks since board_clock_start (wraps after 2^32 ticks, 172 G instructions).
static inline uint32_t board_clock_ticks(void) { return 0xFFFFFFFFu - BOARD_TIMER0[1]; }
#endif
