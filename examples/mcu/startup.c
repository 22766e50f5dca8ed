/* examples/mcu/startup.c: the vector table and reset handler of the firmware example, for the
 * MPS2-AN385 board (Cortex-M3) that qemu-system-arm emulates.
 *
 * Reset copies .data from flash to RAM, clears .bss, sets up newlib's semihosting (rdimon: printf
 * reaches the debugger or qemu's terminal) and calls exit(main()), so main's return value becomes
 * qemu's exit status. A fault prints a line and exits with status 3 instead of hanging, so a test
 * sees it; the VM is meant never to get here.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

extern uint32_t _sidata, _sdata, _edata, _sbss, _ebss, _estack;  // from mps2_an385.ld
extern void initialise_monitor_handles(void);                     // newlib rdimon
int main(void);

void Reset_Handler(void) {
  const uint32_t* src = &_sidata;
  for (uint32_t* dst = &_sdata; dst < &_edata;) *dst++ = *src++;
  for (uint32_t* dst = &_sbss; dst < &_ebss;) *dst++ = 0;
  initialise_monitor_handles();
  // CCR.UNALIGN_TRP: an unaligned word or halfword access faults, as every one does on a
  // Cortex-M0, so a firmware built for the M0 (newlib's v6-m library included) runs here as
  // it would there. BOARD_UNALIGNED_OK leaves them allowed, as on the M3 itself.
#ifndef BOARD_UNALIGNED_OK
  *(volatile uint32_t*)0xE000ED14u |= 1u << 3;
#endif
  exit(main());
}

static void fault(const char* what) {
  printf("FAULT: %s\n", what);
  exit(3);
}

void NMI_Handler(void) { fault("NMI"); }
/* The faulting instruction's address is in the frame the exception pushed on the main stack. */
void hard_fault_report(const uint32_t* frame) {
  printf("FAULT: hard fault at pc 0x%08lx\n", (unsigned long)frame[6]);
  exit(3);
}
__attribute__((naked)) void HardFault_Handler(void) {
  __asm volatile("mrs r0, msp\n\tb hard_fault_report");
}
void MemManage_Handler(void) { fault("memory management fault"); }
void BusFault_Handler(void) { fault("bus fault"); }
void UsageFault_Handler(void) { fault("usage fault"); }
void Default_Handler(void) { fault("unexpected interrupt"); }

/* exit() runs newlib's destructors, which call _fini; there is nothing to run. */
void _init(void) {}
void _fini(void) {}

/* The Cortex-M vector table: initial stack pointer, then the exception handlers. */
__attribute__((section(".vectors"), used)) const uintptr_t vector_table[16] = {
    (uintptr_t)&_estack,
    (uintptr_t)Reset_Handler,
    (uintptr_t)NMI_Handler,
    (uintptr_t)HardFault_Handler,
    (uintptr_t)MemManage_Handler,
    (uintptr_t)BusFault_Handler,
    (uintptr_t)UsageFault_Handler,
    0, 0, 0, 0,
    (uintptr_t)Default_Handler,  // SVCall
    (uintptr_t)Default_Handler,  // debug monitor
    0,
    (uintptr_t)Default_Handler,  // PendSV
    (uintptr_t)Default_Handler,  // SysTick
};
