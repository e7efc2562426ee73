/* The units' websites (issue 11, part A): a unit's home, its listings
 * (news, announcements, a category), the city's news, the units that
 * merged and their archives.  A merged unit's addresses answer 301 to
 * its successor's (through every later merger). */
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/clock.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "h/sites.h"
#include "http/request.h"
#include "http/resp.h"

#define LIST_PER	20	/* articles a listing page */

/* The page asked for (trang), 1 without one. */
static uint64_t
list_page(const struct request *r)
{
	return r->val[KEY_PAGE].u ? r->val[KEY_PAGE].u : 1;
}

/* Redirects (301) to path below the current unit home, keeping the page
 * asked for. */
static int
to_home(struct request *r, const struct unit *home, const char *path)
{
	const char	*url = arena_printf(r->a, "/don-vi/%s/%s", home->slug,
			    path);

	if (list_page(r) > 1)
		url = arena_printf(r->a, "%s?trang=%llu", url,
		    (unsigned long long)list_page(r));
	return resp_redirect(r, 301, url);
}

/* A listing page: its heading, the articles of this page, the page links;
 * 404 past the last page.  with_unit: each article names its unit. */
static int
list_answer(struct request *r, struct page *p, const char *base,
    const struct row_SITES_CITY_PAGE *v, size_t n, int64_t total,
    int with_unit)
{
	struct sites_map	 m;

	if (n == 0 && list_page(r) > 1)
		return resp_error(r, 404, NULL);
	if (sites_map_load(r, &m) != DB_OK)
		return resp_error(r, 500, NULL);
	tmpl_set(p->body, "HEADING", p->title);
	tmpl_set_int(p->body, "TOTAL", (long long)total);
	sites_list_fill(r, &m, p->body, v, n, with_unit);
	sites_pager(r, p->body, base, list_page(r), total, LIST_PER);
	if (list_page(r) > 1)
		tmpl_set_int(tmpl_section(p->body, "PAGE_NUM"), "NUM",
		    (long long)list_page(r));
	sites_cache_public(r);
	return resp_page(r, 200, p);
}

/* The title of a page of a listing: "Tin tức – trang 2". */
static const char *
list_title(struct request *r, const char *title)
{
	return list_page(r) > 1 ? arena_printf(r->a, "%s – trang %llu", title,
	    (unsigned long long)list_page(r)) : title;
}

/* A unit's articles of kind ("news" or "announcement"). */
static int
unit_kind_list(struct request *r, const char *kind, const char *path,
    const char *title, enum sites_nav nav)
{
	struct row_SITES_CITY_PAGE	*v;
	struct row_SITES_UNIT_KIND_COUNT c;
	struct unit			 u, home;
	struct page			 p;
	size_t				 n;
	enum db_err			 e;

	if ((e = sites_unit_resolve(r, r->args[0].s, &u, &home)) != DB_OK)
		return resp_error(r, page_status(e), NULL);
	if (u.id != home.id)
		return to_home(r, &home, path);
	if (db_one(r->db, r->a, SITES_UNIT_KIND_COUNT, &c, "us",
	    (unsigned long long)u.id, kind) != DB_OK ||
	    db_all(r->db, r->a, SITES_UNIT_KIND_PAGE,
	    (struct row_SITES_UNIT_KIND_PAGE **)&v, &n, "usii",
	    (unsigned long long)u.id, kind, (long long)LIST_PER,
	    (long long)((list_page(r) - 1) * LIST_PER)) != DB_OK)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, list_title(r, arena_printf(r->a, "%s – %s",
	    title, u.full)), "listing.tpl");
	sites_unit_nav(r, &p, &u, nav);
	return list_answer(r, &p, arena_printf(r->a, "/don-vi/%s/%s", u.slug,
	    path), v, n, c.n, 0);
}

/* GET /don-vi/{unit}/tin-tuc : the unit's news, newest first. */
int
h_unit_news(struct request *r)
{
	return unit_kind_list(r, "news", "tin-tuc", "Tin tức", SITES_NAV_NEWS);
}

/* GET /don-vi/{unit}/thong-bao : the unit's announcements. */
int
h_unit_notices(struct request *r)
{
	return unit_kind_list(r, "announcement", "thong-bao", "Thông báo",
	    SITES_NAV_NOTICES);
}

/* A merged unit's category: the successor's category of the same slug,
 * else the successor's news. */
static int
category_moved(struct request *r, const struct unit *home)
{
	struct row_SITES_CATEGORY_BY_SLUG	 c;
	enum db_err				 e;

	e = db_one(r->db, r->a, SITES_CATEGORY_BY_SLUG, &c, "us",
	    (unsigned long long)home->id, r->args[1].s);
	if (e == DB_ERR)
		return resp_error(r, 500, NULL);
	return to_home(r, home, e == DB_OK ? arena_printf(r->a,
	    "chuyen-muc/%s", c.slug) : "tin-tuc");
}

/* GET /don-vi/{unit}/chuyen-muc/{category} : a category's articles. */
int
h_unit_category(struct request *r)
{
	struct row_SITES_CITY_PAGE		*v;
	struct row_SITES_CATEGORY_BY_SLUG	 c;
	struct row_SITES_CATEGORY_COUNT		 k;
	struct unit				 u, home;
	struct page				 p;
	size_t					 n;
	enum db_err				 e;

	if ((e = sites_unit_resolve(r, r->args[0].s, &u, &home)) != DB_OK)
		return resp_error(r, page_status(e), NULL);
	if (u.id != home.id)
		return category_moved(r, &home);
	if ((e = db_one(r->db, r->a, SITES_CATEGORY_BY_SLUG, &c, "us",
	    (unsigned long long)u.id, r->args[1].s)) != DB_OK)
		return resp_error(r, page_status(e), NULL);
	if (db_one(r->db, r->a, SITES_CATEGORY_COUNT, &k, "u",
	    (unsigned long long)c.id) != DB_OK ||
	    db_all(r->db, r->a, SITES_CATEGORY_PAGE,
	    (struct row_SITES_CATEGORY_PAGE **)&v, &n, "uii",
	    (unsigned long long)c.id, (long long)LIST_PER,
	    (long long)((list_page(r) - 1) * LIST_PER)) != DB_OK)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, list_title(r, arena_printf(r->a, "%s – %s",
	    c.name, u.full)), "listing.tpl");
	sites_unit_nav(r, &p, &u, SITES_NAV_NONE);
	sites_feed_link(&p, arena_printf(r->a, "/don-vi/%s/chuyen-muc/%s/"
	    "feed.atom", u.slug, c.slug), arena_printf(r->a, "%s – %s",
	    c.name, u.full));
	return list_answer(r, &p, arena_printf(r->a, "/don-vi/%s/chuyen-muc/%s",
	    u.slug, c.slug), v, n, k.n, 0);
}

/* GET /tin-tuc : the news of every unit, newest first. */
int
h_news(struct request *r)
{
	struct row_SITES_CITY_PAGE	*v;
	struct row_SITES_CITY_COUNT	 c;
	struct page			 p;
	size_t				 n;

	if (db_one(r->db, r->a, SITES_CITY_COUNT, &c, "") != DB_OK ||
	    db_all(r->db, r->a, SITES_CITY_PAGE, &v, &n, "ii",
	    (long long)LIST_PER, (long long)((list_page(r) - 1) * LIST_PER)) !=
	    DB_OK)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, list_title(r, "Tin tức các phường, xã"),
	    "listing.tpl");
	sites_feed_link(&p, "/feed.atom", "Tin mới các phường, xã");
	return list_answer(r, &p, "/tin-tuc", v, n, c.n, 1);
}

/* GET /don-vi-cu : the units that merged, when, and into what. */
int
h_units_earlier(struct request *r)
{
	struct row_SITES_UNITS_MERGED	*v;
	struct sites_map		 m;
	struct page			 p;
	size_t				 i, n;

	if (db_all(r->db, r->a, SITES_UNITS_MERGED, &v, &n, "") != DB_OK ||
	    sites_map_load(r, &m) != DB_OK)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Các đơn vị trước sáp nhập", "units_earlier.tpl");
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p.body, "UNIT_ITEM");
		const struct row_SITES_UNITS_ALL *h = sites_map_home(&m,
		    v[i].id);
		tmpl_set(s, "UNIT_NAME", page_unit_name(r->a, v[i].kind,
		    v[i].name));
		tmpl_set(s, "UNIT_SLUG", v[i].slug);
		tmpl_set(s, "UNIT_CODE", v[i].code);
		tmpl_set(s, "FROM", clock_date(r->a, v[i].valid_from));
		tmpl_set(s, "TO", clock_date(r->a, v[i].valid_to));
		tmpl_set(s, "FROM_ISO", clock_iso_date(r->a, v[i].valid_from));
		tmpl_set(s, "TO_ISO", clock_iso_date(r->a, v[i].valid_to));
		tmpl_set(s, "SUCCESSOR", page_unit_name(r->a,
		    v[i].successor_kind, v[i].successor_name));
		if (h != NULL && h->successor_id == 0) {
			struct tmpl_dict *now = tmpl_section(s, "NOW");
			tmpl_set(now, "HOME_SLUG", h->slug);
			tmpl_set(now, "HOME_NAME", page_unit_name(r->a, h->kind,
			    h->name));
		}
	}
	if (n == 0)
		tmpl_show(p.body, "NO_UNITS");
	sites_cache_public(r);
	return resp_page(r, 200, &p);
}

/* GET /don-vi-cu/{unit} : everything a merged unit published, which now
 * lives under its successor's address.  A current unit has no archive:
 * 301 to its home. */
int
h_unit_archive(struct request *r)
{
	struct row_SITES_CITY_PAGE	*v;
	struct row_SITES_UNIT_ALL_COUNT	 c;
	struct unit			 u, home;
	struct page			 p;
	size_t				 n;
	enum db_err			 e;

	if ((e = sites_unit_resolve(r, r->args[0].s, &u, &home)) != DB_OK)
		return resp_error(r, page_status(e), NULL);
	if (u.id == home.id)
		return resp_redirect(r, 301, arena_printf(r->a, "/don-vi/%s/",
		    u.slug));
	if (db_one(r->db, r->a, SITES_UNIT_ALL_COUNT, &c, "u",
	    (unsigned long long)u.id) != DB_OK ||
	    db_all(r->db, r->a, SITES_UNIT_ALL_PAGE,
	    (struct row_SITES_UNIT_ALL_PAGE **)&v, &n, "uii",
	    (unsigned long long)u.id, (long long)LIST_PER,
	    (long long)((list_page(r) - 1) * LIST_PER)) != DB_OK)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, list_title(r, arena_printf(r->a, "Tin bài của %s "
	    "(trước sáp nhập)", u.full)), "listing.tpl");
	page_unit_header(&p, &home);
	{
		struct tmpl_dict *s = tmpl_section(p.body, "ARCHIVE");
		tmpl_set(s, "HOME_NAME", home.full);
		tmpl_set(s, "HOME_SLUG", home.slug);
	}
	return list_answer(r, &p, arena_printf(r->a, "/don-vi-cu/%s", u.slug),
	    v, n, c.n, 0);
}
