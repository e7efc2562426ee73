/* libFuzzer target: the text side of search (app/search_text.c).  The
 * input, up to a NUL, is a query, a new line, and a text (any bytes).
 * search_fold gives NULL exactly for text that is not UTF-8, and else
 * only lower-case ASCII letters, digits and single spaces inside; a
 * parsed query has 1 to SEARCH_WORDS_MAX distinct words, each a word of
 * its folded form; the snippet's segments are never empty, a marked one
 * folds to a word of the query, and the whole text (chars 0) comes back
 * as written but for its runs of white space. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "app/search_text.h"
#include "core/arena.h"

#define FZ_CHECK(c) do { if (!(c)) { \
	fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, \
	    __LINE__, #c); abort(); } } while (0)

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* f is folded text: [a-z0-9] words, one space between them. */
static void
fz_check_folded(const char *f)
{
	size_t	 i, n = strlen(f);

	FZ_CHECK(n == 0 || (f[0] != ' ' && f[n - 1] != ' '));
	for (i = 0; i < n; i++) {
		FZ_CHECK((f[i] >= 'a' && f[i] <= 'z') ||
		    (f[i] >= '0' && f[i] <= '9') || f[i] == ' ');
		FZ_CHECK(f[i] != ' ' || f[i + 1] != ' ');
	}
}

static void
fz_check_query(struct arena *a, const char *s, struct search_query *q,
    enum search_qerr e)
{
	size_t	 i, j;

	if (e == SEARCH_Q_BADUTF8) {
		FZ_CHECK(u8_check((const uint8_t *)s, strlen(s)) != NULL);
		return;
	}
	FZ_CHECK(search_fold(a, s) != NULL);
	if (e != SEARCH_Q_OK)
		return;
	FZ_CHECK(q->n >= 1 && q->n <= SEARCH_WORDS_MAX);
	fz_check_folded(q->folded);
	for (i = 0; i < q->n; i++) {
		FZ_CHECK(*q->word[i] != '\0' && strchr(q->word[i], ' ') == NULL);
		FZ_CHECK(strstr(q->folded, q->word[i]) != NULL);
		for (j = 0; j < i; j++)
			FZ_CHECK(strcmp(q->word[i], q->word[j]) != 0);
	}
}

/* The segments of text for q at chars. */
static void
fz_check_snippet(struct arena *a, const struct search_query *q,
    const char *text, size_t chars)
{
	struct search_seg	*s;
	size_t			 i, j, n = search_snippet(a, text, q, chars, &s);
	const char		*f;
	int			 known;

	for (i = 0; i < n; i++) {
		FZ_CHECK(s[i].text != NULL && *s[i].text != '\0');
		if (!s[i].mark)
			continue;
		FZ_CHECK((f = search_fold(a, s[i].text)) != NULL);
		for (known = 0, j = 0; j < q->n; j++)
			known |= strcmp(f, q->word[j]) == 0;
		FZ_CHECK(known);
	}
	if (chars == 0 && u8_check((const uint8_t *)text, strlen(text)) ==
	    NULL)
		FZ_CHECK(search_fold(a, search_segs_text(a, s, n)) != NULL &&
		    strcmp(search_fold(a, search_segs_text(a, s, n)),
		    search_fold(a, text)) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena		*a = arena_new();
	struct search_query	 q;
	enum search_qerr	 e;
	char			*s = arena_strndup(a, (const char *)data, size);
	char			*text = strchr(s, '\n');
	const char		*f;

	if (text != NULL)
		*text++ = '\0';
	else
		text = "";
	if ((f = search_fold(a, s)) != NULL)
		fz_check_folded(f);
	e = search_query_parse(a, s, &q);
	fz_check_query(a, s, &q, e);
	if (e == SEARCH_Q_OK) {
		fz_check_snippet(a, &q, text, 0);
		fz_check_snippet(a, &q, text, SEARCH_SNIPPET_CHARS);
		fz_check_snippet(a, &q, text, 7);
	}
	arena_free(a);
	return 0;
}
