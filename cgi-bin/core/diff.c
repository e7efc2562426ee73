/* A line-based diff (core/diff.h): the classic table of the longest
 * common subsequence of the lines, walked from the start. */
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/diff.h"

/* The lines of s into *lines (arena memory, without their newlines);
 * returns how many.  A final newline does not start another line. */
static size_t
diff_split(struct arena *a, const char *s, const char ***lines)
{
	size_t		 n = 0, i = 0;
	const char	*p, *nl;

	for (p = s; *p != '\0'; p = nl ? nl + 1 : p + strlen(p)) {
		nl = strchr(p, '\n');
		n++;
		if (nl == NULL)
			break;
	}
	*lines = arena_calloc(a, n + 1, sizeof(**lines));
	for (p = s; i < n; p = nl + 1, i++) {
		nl = strchr(p, '\n');
		(*lines)[i] = nl ? arena_strndup(a, p, (size_t)(nl - p)) :
		    arena_strdup(a, p);
		if (nl == NULL)
			break;
	}
	return n;
}

/* The table: L[i][j] is the length of the longest common subsequence of
 * x[i..] and y[j..]; (n + 1) * (m + 1) cells. */
static uint32_t *
diff_table(struct arena *a, const char **x, size_t n, const char **y,
    size_t m)
{
	uint32_t	*L = arena_calloc(a, (n + 1) * (m + 1), sizeof(*L));
	size_t		 i, j, w = m + 1;

	for (i = n; i-- > 0; )
		for (j = m; j-- > 0; )
			L[i * w + j] = strcmp(x[i], y[j]) == 0 ?
			    L[(i + 1) * w + j + 1] + 1 :
			    L[(i + 1) * w + j] > L[i * w + j + 1] ?
			    L[(i + 1) * w + j] : L[i * w + j + 1];
	return L;
}

static void
diff_push(struct diff_line *out, size_t *k, enum diff_op op, const char *t)
{
	out[*k].op = op;
	out[*k].text = t;
	(*k)++;
}

/* The lines of old and new_ as kept, removed and added, in order (a
 * removal before the addition that replaces it), into *out (arena
 * memory); returns how many. */
size_t
diff_lines(struct arena *a, const char *old, const char *new_,
    struct diff_line **out)
{
	const char	**x, **y;
	size_t		  n = diff_split(a, old, &x), m = diff_split(a, new_, &y);
	size_t		  i = 0, j = 0, k = 0, w = m + 1;
	uint32_t	 *L = NULL;

	*out = arena_calloc(a, n + m + 1, sizeof(**out));
	if (n <= DIFF_MAX_LINES && m <= DIFF_MAX_LINES)
		L = diff_table(a, x, n, y, m);
	while (i < n || j < m) {
		if (L != NULL && i < n && j < m && strcmp(x[i], y[j]) == 0) {
			diff_push(*out, &k, DIFF_SAME, x[i++]);
			j++;
		} else if (i < n && (j == m || L == NULL ||
		    L[(i + 1) * w + j] >= L[i * w + j + 1]))
			diff_push(*out, &k, DIFF_DEL, x[i++]);
		else
			diff_push(*out, &k, DIFF_ADD, y[j++]);
	}
	return k;
}
