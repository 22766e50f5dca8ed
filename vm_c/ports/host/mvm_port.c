/* ports/host/mvm_port.c: number conversion hooks of the host port, using the C library.
 *
 * The core never includes stdio; this port file may. mvm_host_dtoa finds the shortest digit
 * string that reads back as the same double, which is what ECMAScript's Number::toString needs:
 * try 1..17 significant digits with "%.*e" and keep the first that round-trips through strtod
 * (17 digits always do).
 */
#include <stdio.h>
#include <stdlib.h>
#include "mvm.h"

int mvm_host_dtoa(double d, char* digits, int* out_n) {
  char buf[40];
  int precision;
  for (precision = 1; precision <= 17; precision++) {
    snprintf(buf, sizeof buf, "%.*e", precision - 1, d);
    if (precision == 17 || strtod(buf, NULL) == d) break;
  }
  // buf is "D.DDDDe[+-]XX" (or "De[+-]XX" at precision 1).
  int k = 0;
  const char* p = buf;
  for (; *p && *p != 'e'; p++) {
    if (*p >= '0' && *p <= '9') digits[k++] = *p;
  }
  int exponent = (*p == 'e') ? atoi(p + 1) : 0;
  while (k > 1 && digits[k - 1] == '0') k--;
  digits[k] = '\0';
  *out_n = exponent + 1;
  return k;
}

double mvm_host_strtod(const char* s) {
  return strtod(s, NULL);
}
