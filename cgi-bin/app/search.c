/* The search index (table search_docs): one row per published article,
 * document and procedure, its title and text folded so that a query
 * matches whatever the diacritics and the case, and its text as written
 * for the snippets.  Whoever changes a source row calls search_sync in
 * the same transaction; the row is made again from the source, or
 * dropped when the source is not public.  search_reindex makes every row
 * again (portalctl search-reindex, and the end of portalctl seed). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/search.h"
#include "core/arena.h"
#include "core/log.h"
#include "core/md.h"
#include "data/db.h"

#define REINDEX_BATCH	200	/* sources a transaction */
#define SEARCH_KEEP	200	/* hits kept of a search: its first 10 pages */

/* search_docs.kind, by enum search_kind. */
static const char *const search_kinds[SEARCH_KIND__MAX] = {
	"article",	/* SEARCH_ARTICLE */
	"document",	/* SEARCH_DOCUMENT */
	"procedure",	/* SEARCH_PROCEDURE */
};

/* The value of search_docs.kind of k ("" for none). */
const char *
search_kind_name(enum search_kind k)
{
	return (unsigned)k < SEARCH_KIND__MAX ? search_kinds[k] : "";
}

/* The kind of search_docs.kind s; SEARCH_KIND__MAX when none. */
enum search_kind
search_kind_of(const char *s)
{
	int	 k;

	for (k = 0; k < SEARCH_KIND__MAX; k++)
		if (s != NULL && strcmp(s, search_kinds[k]) == 0)
			break;
	return (enum search_kind)k;
}

/* The source row of kind k and id (every source has the columns of
 * SEARCH_ARTICLE_SRC). */
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
	case SEARCH_PROCEDURE:
		return db_one(db, a, SEARCH_PROCEDURE_SRC,
		    (struct row_SEARCH_PROCEDURE_SRC *)(void *)r, "u", i);
	default:
		return DB_NOTFOUND;
	}
}

/* The text of an article as a reader sees it: its Markdown rendered as
 * plain text (no markup, no link addresses), in arena memory; NULL if out
 * of memory. */
static char *
search_plain(struct arena *a, const char *md)
{
	size_t	 n;
	char	*s = md_text(md, strlen(md), &n), *out;

	if (s == NULL)
		return NULL;
	out = arena_strndup(a, s, n);
	free(s);
	return out;
}

/* Makes the index row of r (the source kind k, id) again, or drops it
 * when r is not public. */
static enum db_err
search_put(struct db *db, struct arena *a, enum search_kind k, uint64_t id,
    const struct row_SEARCH_ARTICLE_SRC *r)
{
	const char	*body = r->body != NULL ? r->body : "";
	char		*title, *fbody;

	if (!r->visible)
		return db_exec(db, STMT_SEARCH_DROP, NULL, NULL, "su",
		    search_kinds[k], (unsigned long long)id);
	if (k == SEARCH_ARTICLE && (body = search_plain(a, body)) == NULL)
		return DB_ERR;
	if ((title = search_fold(a, r->title)) == NULL ||
	    (fbody = search_fold(a, body)) == NULL)
		return DB_ERR;
	return db_exec(db, STMT_SEARCH_PUT, NULL, NULL, "sunsssssin",
	    search_kinds[k], (unsigned long long)id,
	    (unsigned long long)r->unit_id, r->title, r->url, title, fbody,
	    body, (long long)r->published_at,
	    (unsigned long long)r->expires_at);
}

/* Makes the index row of the source kind k, id again from the source, or
 * drops it when the source is gone or not public.  Call it in the
 * transaction that changes the source.  Returns DB_OK or the failure. */
enum db_err
search_sync(struct db *db, struct arena *a, enum search_kind k, uint64_t id)
{
	struct row_SEARCH_ARTICLE_SRC	 r;
	enum db_err			 e;

	e = search_source(db, a, k, id, &r);
	if (e == DB_NOTFOUND)
		return db_exec(db, STMT_SEARCH_DROP, NULL, NULL, "su",
		    search_kinds[k], (unsigned long long)id);
	return e == DB_OK ? search_put(db, a, k, id, &r) : e;
}

/* The batch of sources of kind k after id: at most REINDEX_BATCH (every
 * batch has the columns of SEARCH_ARTICLE_SRC). */
static enum db_err
reindex_batch(struct db *db, struct arena *a, enum search_kind k,
    uint64_t after, struct row_SEARCH_ARTICLE_SRC **rows, size_t *n)
{
	unsigned long long	 i = (unsigned long long)after;
	long long		 lim = REINDEX_BATCH;

	if (k == SEARCH_ARTICLE)
		return db_all(db, a, SEARCH_ARTICLE_BATCH,
		    (struct row_SEARCH_ARTICLE_BATCH **)(void *)rows, n, "ui",
		    i, lim);
	if (k == SEARCH_DOCUMENT)
		return db_all(db, a, SEARCH_DOCUMENT_BATCH,
		    (struct row_SEARCH_DOCUMENT_BATCH **)(void *)rows, n, "ui",
		    i, lim);
	return db_all(db, a, SEARCH_PROCEDURE_BATCH,
	    (struct row_SEARCH_PROCEDURE_BATCH **)(void *)rows, n, "ui", i, lim);
}

/* Makes the rows of every source of kind k again, a transaction a batch
 * (a, the reindex's own arena, is reset before each); *count is how many
 * sources there were.  Returns DB_OK or the failure. */
static enum db_err
reindex_kind(struct db *db, struct arena *a, enum search_kind k,
    uint64_t *count)
{
	struct row_SEARCH_ARTICLE_SRC	*rows;
	uint64_t			 after = 0;
	size_t				 i, n;
	enum db_err			 e;

	do {
		arena_reset(a);
		n = 0;
		if ((e = db_begin(db)) != DB_OK)
			break;
		e = reindex_batch(db, a, k, after, &rows, &n);
		for (i = 0; e == DB_OK && i < n; i++)
			e = search_put(db, a, k, rows[i].id, &rows[i]);
		if (e == DB_OK)
			e = db_commit(db);
		if (e != DB_OK)
			db_rollback(db);
		after = n > 0 ? rows[n - 1].id : after;
		*count += n;
	} while (e == DB_OK && n == REINDEX_BATCH);
	return e;
}

/* Makes every row of the index again from the sources, and drops the
 * rows of sources that are gone; idempotent.  Prints how many sources of
 * each kind.  Returns 0, or 1 (logged). */
int
search_reindex(struct db *db)
{
	struct arena	*a = arena_new();
	uint64_t	 n;
	enum db_err	 e = DB_OK;
	int		 k;

	for (k = 0; e == DB_OK && k < SEARCH_KIND__MAX; k++) {
		n = 0;
		if ((e = reindex_kind(db, a, (enum search_kind)k, &n)) == DB_OK)
			printf("search index: %llu %ss\n",
			    (unsigned long long)n, search_kinds[k]);
	}
	if (e == DB_OK)
		e = db_exec(db, STMT_SEARCH_PRUNE, NULL, NULL, "");
	if (e != DB_OK)
		LOGE("search index: not rebuilt");
	arena_free(a);
	return e != DB_OK;
}

/* The hits of f in SEARCH_FIND's order, straight from the index: a
 * page past the kept ones.  The page's rows carry the count; counted
 * apart only when the page has none (past the last page: the first's
 * having none means none at all). */
static enum db_err
find_direct(struct db *db, struct arena *a, const struct search_filter *f,
    struct row_SEARCH_FIND **rows, size_t *n, int64_t *total)
{
	struct row_SEARCH_COUNT	 c;
	const char		*phrase = arena_printf(a, " %s ", f->q.folded);
	const char		*kind = search_kind_name(f->kind);
	unsigned long long	 unit = (unsigned long long)f->unit;
	enum db_err		 e;

	e = db_all(db, a, SEARCH_FIND, rows, n, "ssssuussssii", phrase,
	    f->q.boolean, phrase, f->q.boolean, unit, unit, kind, kind,
	    f->q.folded, f->q.boolean, (long long)SEARCH_PAGE,
	    (long long)((f->page - 1) * SEARCH_PAGE));
	if (e != DB_OK || *n > 0 || f->page == 1)
		goto out;
	e = db_one(db, a, SEARCH_COUNT, &c, "suuss", f->q.boolean, unit, unit,
	    kind, kind);
	if (e == DB_OK)
		*total = c.n;
out:
	if (e == DB_OK && *n > 0)
		*total = (*rows)[0].total;
	return e;
}

/* Searches f to be kept: its first SEARCH_KEEP hits in order and how
 * many in all, kept under their key (into *k).  Drops a few old ones. */
static enum db_err
find_keep(struct db *db, struct arena *a, const struct search_filter *f,
    struct row_SEARCH_RANK *k)
{
	const char		*phrase = arena_printf(a, " %s ", f->q.folded);
	const char		*kind = search_kind_name(f->kind);
	unsigned long long	 unit = (unsigned long long)f->unit;
	enum db_err		 e;

	e = db_one(db, a, SEARCH_RANK, k, "susssssssuussi", f->q.boolean, unit,
	    kind, phrase, f->q.boolean, phrase, f->q.folded, f->q.boolean,
	    f->q.boolean, unit, unit, kind, kind, (long long)SEARCH_KEEP);
	if (e == DB_OK)
		e = db_exec(db, STMT_SEARCH_KEEP, NULL, NULL, "sisi",
		    k->query_key, (long long)k->total, k->hits,
		    (long long)k->valid_until);
	if (e == DB_OK)
		e = db_exec(db, STMT_SEARCH_KEEP_AGE, NULL, NULL, "");
	return e;
}

/* The kept result of f into got (query_key, total): found, or made now
 * by one request while the others asking the same wait for it (the
 * lock's name is the key).  Returns DB_OK or the failure. */
static enum db_err
find_kept(struct db *db, struct arena *a, const struct search_filter *f,
    struct row_SEARCH_KEPT *got)
{
	struct row_SEARCH_LOCK	 l;
	struct row_SEARCH_UNLOCK u;
	struct row_SEARCH_RANK	 k;
	const char		*kind = search_kind_name(f->kind);
	unsigned long long	 unit = (unsigned long long)f->unit;
	const char		*key;
	enum db_err		 e;

	e = db_one(db, a, SEARCH_KEPT, got, "sus", f->q.boolean, unit, kind);
	if (e != DB_OK || got->kept)
		goto out;
	key = got->query_key;
	if ((e = db_one(db, a, SEARCH_LOCK, &l, "s", key)) != DB_OK)
		goto out;
	e = db_one(db, a, SEARCH_KEPT, got, "sus", f->q.boolean, unit, kind);
	if (e == DB_OK && !got->kept &&
	    (e = find_keep(db, a, f, &k)) == DB_OK) {
		got->query_key = k.query_key;
		got->total = k.total;
	}
	if (l.locked && db_one(db, a, SEARCH_UNLOCK, &u, "s", key) != DB_OK)
		e = DB_ERR;
out:
	return e;
}

/* A page of hits of f into rows (n of them) and how many there are in
 * all into total.  A common query's FULLTEXT search reads thousands of
 * rows to rank them: its first SEARCH_KEEP hits are kept (table
 * search_results, while the index, the units and the visible rows stay
 * as they were), so that the same search again, or its next pages, is
 * read from there; a page past them is searched for again. */
enum db_err
search_find(struct db *db, struct arena *a, const struct search_filter *f,
    struct row_SEARCH_FIND **rows, size_t *n, int64_t *total)
{
	struct row_SEARCH_KEPT	 got;
	long long		 from = (long long)((f->page - 1) * SEARCH_PAGE);
	enum db_err		 e;

	*n = 0;
	*total = 0;
	if (from + SEARCH_PAGE > SEARCH_KEEP) {
		e = find_direct(db, a, f, rows, n, total);
		goto out;
	}
	e = find_kept(db, a, f, &got);
	if (e == DB_OK && (*total = got.total) > from)
		e = db_all(db, a, SEARCH_KEPT_PAGE,
		    (struct row_SEARCH_KEPT_PAGE **)(void *)rows, n, "sii",
		    got.query_key, from, from + SEARCH_PAGE);
out:
	return e;
}
