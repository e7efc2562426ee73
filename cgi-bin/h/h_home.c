/* The city home, a unit's home and an article: public pages. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "h.h"
#include "request.h"
#include "resp.h"
#include "tmpl.h"
#include "valid.h"

#define HOME_NEWS	8
#define UNIT_NEWS	10

/* Columns of STMT_UNIT_* and STMT_UNITS_CURRENT. */
enum unit_col { UC_ID, UC_CODE, UC_KIND, UC_NAME, UC_SLUG, UC__MAX };

/* Columns of the STMT_NEWS_* statements (STMT_NEWS_GET adds the body). */
enum news_col {
	NC_ID, NC_SLUG, NC_TITLE, NC_SUMMARY, NC_DATE, NC_DATE_ISO,
	NC_UNIT_SLUG, NC_UNIT_KIND, NC_UNIT_NAME, NC_BODY, NC__MAX
};

struct unit {
	const char	*id, *code, *kind, *name, *slug;
	const char	*full;		/* "Phường Bãi Bông" */
	const char	*kind_label;	/* "Phường" */
};

static const char *
kind_label(const char *kind)
{
	return strcmp(kind, "xa") == 0 ? "Xã" : "Phường";
}

/* "Phường Bãi Bông" from kind "phuong" and name "Bãi Bông". */
const char *
h_unit_name(struct arena *a, const char *kind, const char *name)
{
	return arena_printf(a, "%s %s", kind_label(kind), name);
}

static void
unit_from_row(struct arena *a, struct unit *u, char **row)
{
	u->id = row[UC_ID];
	u->code = row[UC_CODE];
	u->kind = row[UC_KIND];
	u->name = row[UC_NAME];
	u->slug = row[UC_SLUG];
	u->kind_label = kind_label(u->kind);
	u->full = h_unit_name(a, u->kind, u->name);
}

/* Looks the unit up by slug.  Returns 200, 404 or 500. */
static int
unit_load(struct request *r, const char *slug, struct unit *u)
{
	struct db_rows	 rows;

	if (!valid_slug(slug, strlen(slug)))
		return 404;
	if (db_query(r->db, r->a, STMT_UNIT_BY_SLUG, &rows, "s", slug) != DB_OK)
		return 500;
	if (rows.nrows == 0)
		return 404;
	unit_from_row(r->a, u, rows.v[0]);
	return 200;
}

/* Fills one NEWS_ITEM section per row. */
static void
news_fill(struct request *r, struct tmpl_dict *d, const struct db_rows *rows)
{
	size_t	 i;

	for (i = 0; i < rows->nrows; i++) {
		char **v = rows->v[i];
		struct tmpl_dict *s = tmpl_section(d, "NEWS_ITEM");
		tmpl_set(s, "TITLE", v[NC_TITLE]);
		tmpl_set(s, "URL", arena_printf(r->a, "/don-vi/%s/tin-tuc/%s-%s",
		    v[NC_UNIT_SLUG], v[NC_ID], v[NC_SLUG]));
		tmpl_set(s, "UNIT_NAME", h_unit_name(r->a, v[NC_UNIT_KIND],
		    v[NC_UNIT_NAME]));
		tmpl_set(s, "DATE", v[NC_DATE]);
		tmpl_set(s, "DATE_ISO", v[NC_DATE_ISO]);
		tmpl_set(s, "SUMMARY", v[NC_SUMMARY]);
	}
	if (rows->nrows == 0)
		tmpl_show(d, "NO_NEWS");
}

/* Groups the current units by kind (the query orders them by kind). */
static void
home_units(struct request *r, struct tmpl_dict *d, const struct db_rows *rows)
{
	struct tmpl_dict	*group = NULL;
	const char		*kind = NULL;
	size_t			 i, n = 0;

	for (i = 0; i < rows->nrows; i++) {
		struct unit u;
		unit_from_row(r->a, &u, rows->v[i]);
		if (kind == NULL || strcmp(kind, u.kind) != 0) {
			if (group != NULL)
				tmpl_set_int(group, "KIND_COUNT", (long long)n);
			group = tmpl_section(d, "KIND_GROUP");
			tmpl_set(group, "KIND_LABEL", u.kind_label);
			kind = u.kind;
			n = 0;
		}
		struct tmpl_dict *item = tmpl_section(group, "UNIT_ITEM");
		tmpl_set(item, "UNIT_NAME", u.full);
		tmpl_set(item, "UNIT_SLUG", u.slug);
		tmpl_set(item, "UNIT_CODE", u.code);
		n++;
	}
	if (group != NULL)
		tmpl_set_int(group, "KIND_COUNT", (long long)n);
	tmpl_set_int(d, "TOTAL_UNITS", (long long)rows->nrows);
}

/* The unit whose website the request's host name serves, if any.
 * Returns 200 (u set), 404 or 500. */
static int
unit_by_host(struct request *r, struct unit *u)
{
	struct db_rows	 rows;

	if (r->host == NULL || *r->host == '\0')
		return 404;
	if (db_query(r->db, r->a, STMT_UNIT_BY_HOST, &rows, "s", r->host) !=
	    DB_OK)
		return 500;
	if (rows.nrows == 0)
		return 404;
	unit_from_row(r->a, u, rows.v[0]);
	return 200;
}

static int	unit_page(struct request *, const struct unit *);

/* GET / : the city home, with every current unit and the latest news of
 * all; on a host name of a unit, that unit's home. */
int
h_home(struct request *r)
{
	struct db_rows	 units, news;
	struct page	 p;
	struct unit	 u;
	int		 st;

	if ((st = unit_by_host(r, &u)) != 404)
		return st == 200 ? unit_page(r, &u) : resp_error(r, 500, NULL);
	if (db_query(r->db, r->a, STMT_UNITS_CURRENT, &units, "") != DB_OK ||
	    db_query(r->db, r->a, STMT_NEWS_LATEST, &news, "i",
	    (long long)HOME_NEWS) != DB_OK)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, NULL, "home.tpl");
	home_units(r, p.body, &units);
	news_fill(r, p.body, &news);
	return resp_page(r, 200, &p);
}

static void
page_unit(struct page *p, const struct unit *u)
{
	struct tmpl_dict *s = tmpl_section(p->layout, "UNIT");

	tmpl_set(s, "UNIT_NAME", u->full);
	tmpl_set(s, "UNIT_SLUG", u->slug);
	tmpl_set(p->body, "UNIT_NAME", u->full);
	tmpl_set(p->body, "UNIT_SLUG", u->slug);
}

/* A unit's home with a page ("trang") of its news, newest first. */
static int
unit_page(struct request *r, const struct unit *u)
{
	uint64_t	 page = r->val[KEY_PAGE].u ? r->val[KEY_PAGE].u : 1;
	struct db_rows	 news;
	struct page	 p;
	int		 more;

	/* One row more than shown tells whether an older page exists. */
	if (db_query(r->db, r->a, STMT_NEWS_BY_UNIT, &news, "iii",
	    atoll(u->id), (long long)UNIT_NEWS + 1,
	    (long long)((page - 1) * UNIT_NEWS)) != DB_OK)
		return resp_error(r, 500, NULL);
	if (news.nrows == 0 && page > 1)
		return resp_error(r, 404, NULL);
	if ((more = news.nrows > UNIT_NEWS))
		news.nrows = UNIT_NEWS;
	resp_page_new(r, &p, u->full, "unit.tpl");
	page_unit(&p, u);
	tmpl_set(p.body, "UNIT_KIND", u->kind_label);
	tmpl_set(p.body, "UNIT_CODE", u->code);
	news_fill(r, p.body, &news);
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
	int		 st;

	if ((st = unit_load(r, r->args[0], &u)) != 200)
		return resp_error(r, st, NULL);
	return unit_page(r, &u);
}

/* One PARA section per blank-line-separated paragraph of text. */
static void
article_paras(struct request *r, struct tmpl_dict *d, const char *text)
{
	while (*text != '\0') {
		const char *end = strstr(text, "\n\n");
		size_t len = end ? (size_t)(end - text) : strlen(text);
		if (strspn(text, " \r\n\t") < len)
			tmpl_set(tmpl_section(d, "PARA"), "TEXT",
			    arena_strndup(r->a, text, len));
		text += len;
		text += strspn(text, "\r\n");
	}
}

/* GET /don-vi/{unit}/tin-tuc/{id}-{slug} : one published article; a
 * wrong or missing slug redirects to the canonical address. */
int
h_article(struct request *r)
{
	struct unit	 u;
	struct db_rows	 rows;
	struct page	 p;
	uint64_t	 id;
	char		**v;
	int		 st;

	if ((st = unit_load(r, r->args[0], &u)) != 200)
		return resp_error(r, st, NULL);
	if (!valid_id_slug(r->args[1], strlen(r->args[1]), &id))
		return resp_error(r, 404, NULL);
	if (db_query(r->db, r->a, STMT_NEWS_GET, &rows, "ui",
	    (unsigned long long)id, atoll(u.id)) != DB_OK)
		return resp_error(r, 500, NULL);
	if (rows.nrows == 0)
		return resp_error(r, 404, NULL);
	v = rows.v[0];
	if (strcmp(r->args[1], arena_printf(r->a, "%s-%s", v[NC_ID],
	    v[NC_SLUG])) != 0)
		return resp_redirect(r, 301, arena_printf(r->a,
		    "/don-vi/%s/tin-tuc/%s-%s", u.slug, v[NC_ID], v[NC_SLUG]));
	resp_page_new(r, &p, v[NC_TITLE], "article.tpl");
	page_unit(&p, &u);
	tmpl_set(p.body, "TITLE", v[NC_TITLE]);
	tmpl_set(p.body, "DATE", v[NC_DATE]);
	tmpl_set(p.body, "DATE_ISO", v[NC_DATE_ISO]);
	tmpl_set(p.body, "SUMMARY", v[NC_SUMMARY]);
	article_paras(r, p.body, v[NC_BODY]);
	return resp_page(r, 200, &p);
}
