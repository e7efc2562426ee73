/* A very small test harness: each case is a function; RUN prints
 * "PASS name" or "FAIL name: why" and the program exits non-zero when any
 * case failed.  tests/run counts the lines. */
#ifndef T_H
#define T_H
#include <stdio.h>
#include <string.h>

static int t_failed, t_passed, t_case_failed;

#define CHECK(c) do { if (!(c)) { \
	printf("  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #c); \
	t_case_failed = 1; } } while (0)
#define CHECK_STR(a, b) do { const char *t_a = (a), *t_b = (b); \
	if (t_a == NULL || t_b == NULL || strcmp(t_a, t_b) != 0) { \
	printf("  %s:%d: \"%s\" != \"%s\"\n", __FILE__, __LINE__, \
	    t_a ? t_a : "(null)", t_b ? t_b : "(null)"); \
	t_case_failed = 1; } } while (0)
#define CHECK_INT(a, b) do { long long t_a = (long long)(a), \
	t_b = (long long)(b); if (t_a != t_b) { \
	printf("  %s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, \
	    #a, t_a, t_b); t_case_failed = 1; } } while (0)
#define RUN(fn) do { t_case_failed = 0; fn(); \
	if (t_case_failed) { t_failed++; printf("FAIL %s\n", #fn); } \
	else { t_passed++; printf("PASS %s\n", #fn); } } while (0)
#define T_END() (t_failed ? 1 : 0)

#endif
