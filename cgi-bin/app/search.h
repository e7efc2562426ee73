/* The search index over what the public sites publish: articles,
 * documents and procedures, with their words folded (app/search.c). */
#ifndef SEARCH_H
#define SEARCH_H
#include <stdint.h>

#include "data/db.h"

struct arena;

enum search_kind {
	SEARCH_ARTICLE,		/* articles.id */
	SEARCH_DOCUMENT,	/* documents.id */
	SEARCH_PROCEDURE,	/* procedures.id */
	SEARCH_KIND__MAX
};

char		*search_fold(struct arena *, const char *);
enum db_err	 search_sync(struct db *, struct arena *, enum search_kind,
		    uint64_t id);

#endif
