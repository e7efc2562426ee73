/* A line-based diff of two texts (the newsroom's revisions): the longest
 * common subsequence of their lines, as a list of kept, removed and
 * added lines.  Pure; arena memory. */
#ifndef DIFF_H
#define DIFF_H
#include <stddef.h>

struct arena;

/* Texts longer than this many lines each are shown as all removed and
 * all added (the table would be too big). */
#define DIFF_MAX_LINES	2000

enum diff_op {
	DIFF_SAME,	/* in both */
	DIFF_DEL,	/* only in the old text */
	DIFF_ADD,	/* only in the new text */
	DIFF_OP__MAX
};

struct diff_line {
	enum diff_op	 op;
	const char	*text;	/* without its newline */
};

size_t	diff_lines(struct arena *, const char *old, const char *new_,
	    struct diff_line **out);

#endif
