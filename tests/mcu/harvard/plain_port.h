/* The cortex_m port as it ships (plain reads of the image), with harvard_sim.h's placement:
 * what test_harvard.py shows the simulation catches. */
#include "harvard_sim.h"
#include "ports/cortex_m/mvm_port.h"
