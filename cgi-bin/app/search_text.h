/* The text side of search, pure (no database): folding Vietnamese for
 * the index and for queries, a query's words, and the snippet of a hit
 * with the words that matched marked, found in the original text with
 * its diacritics (app/search_text.c). */
#ifndef SEARCH_TEXT_H
#define SEARCH_TEXT_H
#include <stddef.h>

struct arena;

#define SEARCH_WORDS_MAX	16	/* words of a query */
#define SEARCH_SNIPPET_CHARS	240	/* characters of a snippet */

enum search_qerr {
	SEARCH_Q_OK,
	SEARCH_Q_EMPTY,		/* no letter nor digit to look for */
	SEARCH_Q_BADUTF8,	/* not UTF-8 */
	SEARCH_Q_TOO_MANY,	/* more than SEARCH_WORDS_MAX words */
	SEARCH_Q__MAX
};

/* A query: its folded words, in order, each once (word), and the
 * forms MariaDB is given. */
struct search_query {
	const char	*word[SEARCH_WORDS_MAX];
	size_t		 n;
	const char	*folded;	/* every word, in order: "dac son" */
	const char	*boolean;	/* every word required: "+dac +son" */
};

/* A piece of a snippet: text as written, marked when it is a word of
 * the query. */
struct search_seg {
	const char	*text;
	int		 mark;
};

char		*search_fold(struct arena *, const char *);
enum search_qerr search_query_parse(struct arena *, const char *,
		    struct search_query *);
const char	*search_qerr_msg(enum search_qerr);
size_t		 search_snippet(struct arena *, const char *text,
		    const struct search_query *, size_t chars,
		    struct search_seg **);
char		*search_segs_text(struct arena *, const struct search_seg *,
		    size_t);

#endif
