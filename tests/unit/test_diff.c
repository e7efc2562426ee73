/* Unit tests of core/diff.c: line diffs written out by hand. */
#include <stdlib.h>

#include "core/arena.h"
#include "core/diff.h"
#include "t.h"

/* The diff of old and new_ as one string: a line each, prefixed with
 * ' ', '-' or '+'. */
static const char *
show(struct arena *a, const char *old, const char *new_)
{
	struct diff_line	*d;
	size_t			 i, n = diff_lines(a, old, new_, &d);
	const char		*s = "";

	for (i = 0; i < n; i++)
		s = arena_printf(a, "%s%c%s|", s, " -+"[d[i].op], d[i].text);
	return s;
}

static void
test_diff_same(void)
{
	struct arena	*a = arena_new();

	CHECK_STR(show(a, "a\nb\nc", "a\nb\nc"), " a| b| c|");
	CHECK_STR(show(a, "", ""), "");
	arena_free(a);
}

static void
test_diff_empty_sides(void)
{
	struct arena	*a = arena_new();

	CHECK_STR(show(a, "", "x\ny\n"), "+x|+y|");
	CHECK_STR(show(a, "x\ny", ""), "-x|-y|");
	arena_free(a);
}

static void
test_diff_change_one_line(void)
{
	struct arena	*a = arena_new();

	CHECK_STR(show(a, "a\nb\nc", "a\nB\nc"), " a|-b|+B| c|");
	arena_free(a);
}

static void
test_diff_insert_and_delete(void)
{
	struct arena	*a = arena_new();

	CHECK_STR(show(a, "a\nc", "a\nb\nc"), " a|+b| c|");
	CHECK_STR(show(a, "a\nb\nc", "a\nc"), " a|-b| c|");
	CHECK_STR(show(a, "x\na\nb", "a\nb\ny"), "-x| a| b|+y|");
	arena_free(a);
}

static void
test_diff_blank_lines_and_final_newline(void)
{
	struct arena	*a = arena_new();

	CHECK_STR(show(a, "a\n\nb\n", "a\n\nb"), " a| | b|");
	CHECK_STR(show(a, "a\n\n\nb", "a\n\nb"), " a| |-| b|");
	arena_free(a);
}

/* Past DIFF_MAX_LINES: all removed, then all added, nothing lost. */
static void
test_diff_too_long(void)
{
	struct arena		*a = arena_new();
	struct diff_line	*d;
	char			*big = malloc(2 * (DIFF_MAX_LINES + 1) + 1);
	size_t			 i, n;

	for (i = 0; i < DIFF_MAX_LINES + 1; i++) {
		big[2 * i] = 'x';
		big[2 * i + 1] = '\n';
	}
	big[2 * i] = '\0';
	n = diff_lines(a, big, "y", &d);
	CHECK_INT(n, DIFF_MAX_LINES + 2);
	CHECK_INT(d[0].op, DIFF_DEL);
	CHECK_INT(d[n - 1].op, DIFF_ADD);
	CHECK_STR(d[n - 1].text, "y");
	free(big);
	arena_free(a);
}

int
main(void)
{
	RUN(test_diff_same);
	RUN(test_diff_empty_sides);
	RUN(test_diff_change_one_line);
	RUN(test_diff_insert_and_delete);
	RUN(test_diff_blank_lines_and_final_newline);
	RUN(test_diff_too_long);
	return T_END();
}
