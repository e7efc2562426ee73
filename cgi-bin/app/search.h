/* The search index over what the public sites publish: articles,
 * documents and procedures, with their words folded (app/search.c); the
 * search itself; folding, queries and snippets (app/search_text.h). */
#ifndef SEARCH_H
#define SEARCH_H
#include <stdint.h>

#include "app/search_text.h"
#include "data/db.h"

struct arena;

enum search_kind {
	SEARCH_ARTICLE,		/* articles.id */
	SEARCH_DOCUMENT,	/* documents.id */
	SEARCH_PROCEDURE,	/* procedures.id */
	SEARCH_KIND__MAX
};

#define SEARCH_PAGE	20	/* hits a page */

/* A search: the parsed query, a unit (0: every one; a unit keeps the
 * city-wide procedures), a kind (SEARCH_KIND__MAX: every kind), a page
 * from 1. */
struct search_filter {
	struct search_query	 q;
	uint64_t		 unit;
	enum search_kind	 kind;
	uint64_t		 page;
};

enum db_err	 search_sync(struct db *, struct arena *, enum search_kind,
		    uint64_t id);
int		 search_reindex(struct db *);
enum db_err	 search_find(struct db *, struct arena *,
		    const struct search_filter *, struct row_SEARCH_FIND **,
		    size_t *, int64_t *total);
const char	*search_kind_name(enum search_kind);
enum search_kind search_kind_of(const char *);

#endif
