/* ports/host/mvm_port.h: the desktop port (the cffi module hostlib._mvm, the C tests, the
 * command-line tools). Big limits, computed-goto dispatch, safe mode, and exact number
 * formatting through the C library (mvm_port.c). Everything not set here comes from
 * mvm_port_default.h. */
#ifndef MVM_PORT_HOST_H
#define MVM_PORT_HOST_H

// Guarded so that a build can still override them with -D (tests, benchmarks).
#ifndef MVM_DEFAULT_MAX_HEAP
#define MVM_DEFAULT_MAX_HEAP (64u * 1024u * 1024u)
#endif
/* The first heap space: 32 KB on hosts (the default 4 KB suits microcontrollers). A program that
 * allocates steadily collects 8x less often, and a collection costs the live data only. */
#ifndef MVM_INITIAL_HEAP
#define MVM_INITIAL_HEAP (32u * 1024u)
#endif
#ifndef MVM_DEFAULT_STACK_SLOTS
#define MVM_DEFAULT_STACK_SLOTS 65536u
#endif
#ifndef MVM_DEFAULT_MAX_FRAMES
#define MVM_DEFAULT_MAX_FRAMES 10000u
#endif
#ifndef MVM_COMPUTED_GOTO
#define MVM_COMPUTED_GOTO 1
#endif
#ifndef MVM_SAFE_MODE
#define MVM_SAFE_MODE 1
#endif

/* Shortest round-trip digits and decimal parsing via snprintf/strtod (mvm_port.c). */
int mvm_host_dtoa(double d, char* digits, int* out_n);
double mvm_host_strtod(const char* s);
#define MVM_DTOA(d, digits, out_n) mvm_host_dtoa((d), (digits), (out_n))
#define MVM_STRTOD(s) mvm_host_strtod(s)

#endif
