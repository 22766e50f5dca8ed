/* test.h: a minimal unit-test harness for the C tests (no dependencies beyond stdio).
 *
 *   TEST(name) { CHECK(cond); CHECK_EQ_INT(a, b); CHECK_EQ_STR(a, b); }
 *   int main(void) { RUN(name); ...; return test_summary("file"); }
 *
 * A failed check prints file:line and the expression and fails the current test; the summary
 * line "NAME: N passed, N failed" is what the Makefile adds up. */
#ifndef MVM_TEST_H
#define MVM_TEST_H
#include <stdio.h>
#include <string.h>

static int test_passed, test_failed, test_current_failed;

#define TEST(name) static void test_##name(void)
#define RUN(name)                                                            \
  do {                                                                       \
    test_current_failed = 0;                                                 \
    test_##name();                                                           \
    if (test_current_failed) { test_failed++; printf("FAIL %s\n", #name); } \
    else test_passed++;                                                      \
  } while (0)
#define CHECK(cond)                                                          \
  do {                                                                       \
    if (!(cond)) {                                                           \
      printf("  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond);      \
      test_current_failed = 1;                                               \
    }                                                                        \
  } while (0)
#define CHECK_EQ_INT(a, b)                                                   \
  do {                                                                       \
    long long a_ = (long long)(a), b_ = (long long)(b);                      \
    if (a_ != b_) {                                                          \
      printf("  %s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, a_, b_); \
      test_current_failed = 1;                                               \
    }                                                                        \
  } while (0)
#define CHECK_EQ_STR(a, b)                                                   \
  do {                                                                       \
    const char *a_ = (a), *b_ = (b);                                         \
    if (strcmp(a_, b_) != 0) {                                               \
      printf("  %s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, a_, b_); \
      test_current_failed = 1;                                               \
    }                                                                        \
  } while (0)

static int test_summary(const char* name) {
  printf("%s: %d passed, %d failed\n", name, test_passed, test_failed);
  return test_failed ? 1 : 0;
}
#endif
