/* The city home and a unit's home: public pages. */
#include <string.h>

#include "core/arena.h"
#include "core/clock.h"
#include "h/page.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/h.h"
#include "http/request.h"
#include "http/resp.h"

#define HOME_NEWS	8
#define UNIT_NEWS	10

/* Fills one NEWS_ITEM section per row. */
static void
news_fill(struct request *r, struct tmpl_dict *d,
    const struct row_NEWS_LATEST *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(d, "NEWS_ITEM");
		tmpl_set(s, "TITLE", v[i].title);
		tmpl_set(s, "URL", page_article_url(r->a, v[i].unit_slug,
		    v[i].id, v[i].slug));
		tmpl_set(s, "UNIT_NAME", page_unit_name(r->a, v[i].unit_kind,
		    v[i].unit_name));
		tmpl_set(s, "DATE", clock_date(r->a, v[i].published_at));
		tmpl_set(s, "DATE_ISO", clock_iso_date(r->a,
		    v[i].published_at));
		tmpl_set(s, "SUMMARY", v[i].summary);
	}
	if (n == 0)
		tmpl_show(d, "NO_NEWS");
}

/* Groups the current units by kind (the query orders them by kind). */
static void
home_units(struct request *r, struct tmpl_dict *d,
    const struct row_UNITS_CURRENT *v, size_t nrows)
{
	struct tmpl_dict	*group = NULL;
	const char		*kind = NULL;
	size_t			 i, n = 0;

	for (i = 0; i < nrows; i++) {
		struct tmpl_dict *item;
		if (kind == NULL || strcmp(kind, v[i].kind) != 0) {
			if (group != NULL)
				tmpl_set_int(group, "KIND_COUNT", (long long)n);
			group = tmpl_section(d, "KIND_GROUP");
			tmpl_set(group, "KIND_LABEL", strcmp(v[i].kind, "xa") ==
			    0 ? "Xã" : "Phường");
			kind = v[i].kind;
			n = 0;
		}
		item = tmpl_section(group, "UNIT_ITEM");
		tmpl_set(item, "UNIT_NAME", page_unit_name(r->a, v[i].kind,
		    v[i].name));
		tmpl_set(item, "UNIT_SLUG", v[i].slug);
		tmpl_set(item, "UNIT_CODE", v[i].code);
		n++;
	}
	if (group != NULL)
		tmpl_set_int(group, "KIND_COUNT", (long long)n);
	tmpl_set_int(d, "TOTAL_UNITS", (long long)nrows);
}

static int	unit_page(struct request *, const struct unit *);

/* GET / : the city home, with every current unit and the latest news of
 * all; on a host name of a unit, that unit's home. */
int
h_home(struct request *r)
{
	struct row_UNITS_CURRENT	*units;
	struct row_NEWS_LATEST		*news;
	size_t				 nunits, nnews;
	struct page			 p;
	struct unit			 u;
	enum db_err			 e;

	if ((e = page_unit_by_host(r, &u)) != DB_NOTFOUND)
		return e == DB_OK ? unit_page(r, &u) :
		    resp_error(r, page_status(e), NULL);
	if (db_all(r->db, r->a, UNITS_CURRENT, &units, &nunits, "") != DB_OK ||
	    db_all(r->db, r->a, NEWS_LATEST, &news, &nnews, "i",
	    (long long)HOME_NEWS) != DB_OK)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, NULL, "home.tpl");
	home_units(r, p.body, units, nunits);
	news_fill(r, p.body, news, nnews);
	return resp_page(r, 200, &p);
}

/* A unit's home with a page ("trang") of its news, newest first. */
static int
unit_page(struct request *r, const struct unit *u)
{
	uint64_t		 page = r->val[KEY_PAGE].u ? r->val[KEY_PAGE].u : 1;
	struct row_NEWS_BY_UNIT	*news;
	size_t			 n;
	struct page		 p;
	int			 more;

	/* One row more than shown tells whether an older page exists. */
	if (db_all(r->db, r->a, NEWS_BY_UNIT, &news, &n, "uii",
	    (unsigned long long)u->id, (long long)UNIT_NEWS + 1,
	    (long long)((page - 1) * UNIT_NEWS)) != DB_OK)
		return resp_error(r, 500, NULL);
	if (n == 0 && page > 1)
		return resp_error(r, 404, NULL);
	if ((more = n > UNIT_NEWS))
		n = UNIT_NEWS;
	resp_page_new(r, &p, u->full, "unit.tpl");
	page_unit_header(&p, u);
	tmpl_set(p.body, "UNIT_KIND", u->kind_label);
	tmpl_set(p.body, "UNIT_CODE", u->code);
	/* the same columns (DB_NEWS_ROW) */
	news_fill(r, p.body, (const struct row_NEWS_LATEST *)news, n);
	if (page > 1)
		tmpl_set(tmpl_section(p.body, "PREV"), "URL", page == 2 ?
		    arena_printf(r->a, "/don-vi/%s/", u->slug) :
		    arena_printf(r->a, "/don-vi/%s/?trang=%llu", u->slug,
		    (unsigned long long)page - 1));
	if (more)
		tmpl_set(tmpl_section(p.body, "NEXT"), "URL", arena_printf(r->a,
		    "/don-vi/%s/?trang=%llu", u->slug,
		    (unsigned long long)page + 1));
	return resp_page(r, 200, &p);
}

/* GET /don-vi/{unit}/ */
int
h_unit(struct request *r)
{
	struct unit	 u;
	enum db_err	 e;

	if ((e = page_unit_load(r, r->args[0].s, &u)) != DB_OK)
		return resp_error(r, page_status(e), NULL);
	return unit_page(r, &u);
}
