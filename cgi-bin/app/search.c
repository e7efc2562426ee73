/* The search index (table search_docs): one row per published article,
 * document and procedure, its title and text folded so that a query
 * matches whatever the diacritics and the case.  Whoever changes a source
 * row calls search_sync in the same transaction; the row is made again
 * from the source, or dropped when the source is not public. */
#include <string.h>

#include "app/search.h"
#include "core/arena.h"
#include "core/text.h"
#include "data/db.h"

/* search_docs.kind, by enum search_kind. */
static const char *const search_kinds[SEARCH_KIND__MAX] = {
	"article",	/* SEARCH_ARTICLE */
	"document",	/* SEARCH_DOCUMENT */
	"procedure",	/* SEARCH_PROCEDURE */
};

/* Folds UTF-8 text s for the index and for queries: no diacritics ("đ"
 * is "d"), lower case, every run of what is not a letter or digit one
 * space; ASCII only.  Returns arena memory, or NULL if s is not UTF-8. */
char *
search_fold(struct arena *a, const char *s)
{
	char	*u, *o;
	size_t	 i, n = 0;

	if ((u = text_unaccent(a, s)) == NULL)
		return NULL;
	o = arena_alloc(a, strlen(u) + 1);
	for (i = 0; u[i] != '\0'; i++) {
		unsigned char c = (unsigned char)u[i];
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			o[n++] = (char)c;
		else if (c >= 'A' && c <= 'Z')
			o[n++] = (char)(c - 'A' + 'a');
		else if (n > 0 && o[n - 1] != ' ')
			o[n++] = ' ';
	}
	while (n > 0 && o[n - 1] == ' ')
		n--;
	o[n] = '\0';
	return o;
}

/* The source row of kind k and id, in the shape of SEARCH_ARTICLE_SRC
 * (the other sources have the same columns). */
static enum db_err
search_source(struct db *db, struct arena *a, enum search_kind k,
    uint64_t id, struct row_SEARCH_ARTICLE_SRC *r)
{
	unsigned long long	 i = (unsigned long long)id;

	switch (k) {
	case SEARCH_ARTICLE:
		return db_one(db, a, SEARCH_ARTICLE_SRC, r, "u", i);
	case SEARCH_DOCUMENT:
		return db_one(db, a, SEARCH_DOCUMENT_SRC,
		    (struct row_SEARCH_DOCUMENT_SRC *)(void *)r, "u", i);
	default:
		return DB_NOTFOUND;
	}
}

/* Makes the index row of the source kind k, id again from the source, or
 * drops it when the source is gone or not public.  Call it in the
 * transaction that changes the source.  Returns DB_OK or the failure. */
enum db_err
search_sync(struct db *db, struct arena *a, enum search_kind k, uint64_t id)
{
	struct row_SEARCH_ARTICLE_SRC	 r;
	enum db_err			 e;
	char				*title, *body;

	e = search_source(db, a, k, id, &r);
	if (e == DB_NOTFOUND || (e == DB_OK && !r.visible))
		return db_exec(db, STMT_SEARCH_DROP, NULL, NULL, "su",
		    search_kinds[k], (unsigned long long)id);
	if (e != DB_OK)
		return e;
	if ((title = search_fold(a, r.title)) == NULL ||
	    (body = search_fold(a, r.body)) == NULL)
		return DB_ERR;
	return db_exec(db, STMT_SEARCH_PUT, NULL, NULL, "suussssin",
	    search_kinds[k], (unsigned long long)id,
	    (unsigned long long)r.unit_id, r.title, r.url, title, body,
	    (long long)r.published_at, (unsigned long long)r.expires_at);
}
