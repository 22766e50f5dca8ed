/* ports/host/mvm_port.c: number conversion hooks of the host port, using the C library.
 *
 * The core never includes stdio; this port file may. mvm_host_dtoa finds the shortest digit
 * string that reads back as the same double, which is what ECMAScript's Number::toString needs:
 * for 1..17 significant digits, the correctly rounded "%.*e" string, and failing that its
 * neighbour one unit away in the last digit on the other side of d; the first that round-trips
 * through MVM_STRTOD wins (17 digits always do). MVM_STRTOD is the C library's strtod on the
 * host port (glibc's is exact) and the core's exact reader on ports/cortex_m with
 * MVM_DTOA_SNPRINTF (newlib's strtod misrounds some halfway cases). The neighbour matters
 * where d sits next to a tie: 2^-24 is 5.9604644775390625e-8, whose 16-digit rounding (...062,
 * ties to even) reads back as another double while 5.960464477539063e-8 reads back as 2^-24,
 * so JS prints the latter.
 */
#include <stdio.h>
#include <stdlib.h>
#include "mvm.h"

// "D.DDDDe[+-]XX" (or "De[+-]XX"): its digits (NUL-terminated) and its decimal exponent.
static int split_e(const char* s, char* digits, int* exponent) {
  int k = 0;
  for (; *s && *s != 'e'; s++) {
    if (*s >= '0' && *s <= '9') digits[k++] = *s;
  }
  digits[k] = '\0';
  *exponent = (*s == 'e') ? atoi(s + 1) : 0;
  return k;
}

// Moves digits (k of them, the value 0.D1..Dk * 10^(*exponent + 1)) one unit in the last digit,
// up or down, keeping the first digit non-zero; returns the new count.
static int step_last_digit(char* digits, int k, int* exponent, int up) {
  int i = k - 1;
  if (up) {
    while (i >= 0 && digits[i] == '9') digits[i--] = '0';
    if (i >= 0) {
      digits[i]++;
    } else {  // 9.99 + 0.01 = 10.0
      digits[0] = '1';
      (*exponent)++;
    }
  } else {
    while (digits[i] == '0') digits[i--] = '9';  // stops: the first digit is not 0
    digits[i]--;
    if (digits[0] == '0') {  // 1.00 - 0.01 = 0.99
      for (int j = 0; j < k; j++) digits[j] = digits[j + 1];
      k--;
      (*exponent)--;
    }
  }
  return k;
}

int mvm_host_dtoa(double d, char* digits, int* out_n) {
  char buf[40];
  int k = 1, exponent = 0;
  for (int precision = 1; precision <= 17; precision++) {
    snprintf(buf, sizeof buf, "%.*e", precision - 1, d);
    k = split_e(buf, digits, &exponent);
    double back = MVM_STRTOD(buf);
    if (back == d || precision == 17) break;
    char other[24];
    int other_exponent = exponent;
    for (int j = 0; j <= k; j++) other[j] = digits[j];
    int other_k = step_last_digit(other, k, &other_exponent, back < d);
    other[other_k] = '\0';
    snprintf(buf, sizeof buf, "0.%se%d", other, other_exponent + 1);
    if (MVM_STRTOD(buf) == d) {
      for (int j = 0; j <= other_k; j++) digits[j] = other[j];
      k = other_k;
      exponent = other_exponent;
      break;
    }
  }
  while (k > 1 && digits[k - 1] == '0') k--;
  digits[k] = '\0';
  *out_n = exponent + 1;
  return k;
}

// Declared by the host port's header; cortex_m (MVM_DTOA_SNPRINTF) takes only the digits.
double mvm_host_strtod(const char* s);

double mvm_host_strtod(const char* s) {
  return strtod(s, NULL);
}
