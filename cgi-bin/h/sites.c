/* What the pages of the units' websites share (h/sites.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "app/media.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/clock.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/page.h"
#include "h/sites.h"
#include "http/request.h"
#include "http/resp.h"

/* Longest chain of successors followed (mergers upon mergers). */
#define SITES_CHAIN_MAX	16

/* Loads every unit into m. */
enum db_err
sites_map_load(struct request *r, struct sites_map *m)
{
	return db_all(r->db, r->a, SITES_UNITS_ALL, &m->v, &m->n, "");
}

/* The unit id of m, or NULL. */
const struct row_SITES_UNITS_ALL *
sites_map_find(const struct sites_map *m, uint64_t id)
{
	size_t	 i;

	for (i = 0; i < m->n; i++)
		if (m->v[i].id == id)
			return &m->v[i];
	return NULL;
}

/* The current unit that unit id merged into, through every merger since
 * (itself when current); NULL when id is unknown. */
const struct row_SITES_UNITS_ALL *
sites_map_home(const struct sites_map *m, uint64_t id)
{
	const struct row_SITES_UNITS_ALL	*u = sites_map_find(m, id), *s;
	int					 depth = 0;

	while (u != NULL && u->successor_id != 0 && depth++ < SITES_CHAIN_MAX &&
	    (s = sites_map_find(m, u->successor_id)) != NULL)
		u = s;
	return u;
}

/* Fills u (names in arena a) from the row v. */
void
sites_unit(struct arena *a, const struct row_SITES_UNITS_ALL *v,
    struct unit *u)
{
	u->id = v->id;
	u->code = v->code;
	u->kind = v->kind;
	u->name = v->name;
	u->slug = v->slug;
	u->kind_label = strcmp(v->kind, "xa") == 0 ? "Xã" : "Phường";
	u->full = page_unit_name(a, v->kind, v->name);
}

/* The unit of slug into u, and into home the current unit it merged into
 * (u itself when current: compare the ids).  DB_OK, DB_NOTFOUND or
 * DB_ERR. */
enum db_err
sites_unit_resolve(struct request *r, const char *slug, struct unit *u,
    struct unit *home)
{
	struct row_SITES_UNIT_BY_SLUG		 v;
	const struct row_SITES_UNITS_ALL	*h;
	struct sites_map			 m;
	enum db_err				 e;

	if ((e = db_one(r->db, r->a, SITES_UNIT_BY_SLUG, &v, "s", slug)) !=
	    DB_OK)
		return e;
	/* the same columns (SITES_UNIT_ROW) */
	sites_unit(r->a, (const struct row_SITES_UNITS_ALL *)&v, u);
	*home = *u;
	if (v.successor_id == 0)
		return DB_OK;
	if ((e = sites_map_load(r, &m)) == DB_OK &&
	    (h = sites_map_home(&m, v.id)) != NULL)
		sites_unit(r->a, h, home);
	return e;
}

/* For the article page /don-vi/{slug}/tin-tuc/{article}-...: home, the
 * current unit that slug names or merged into, and owner, the unit that
 * published the article, which is home or one of its predecessors.
 * DB_NOTFOUND when the article is of neither (or there is no such unit).
 * The caller redirects (301) when slug is not home's, and says "Tin của
 * {owner}, trước sáp nhập" when owner is not home. */
enum db_err
sites_article_unit(struct request *r, const char *slug, uint64_t article,
    struct unit *home, struct unit *owner)
{
	struct row_SITES_ARTICLE_IN_LINE	 v;
	const struct row_SITES_UNITS_ALL	*o;
	struct sites_map			 m;
	struct unit				 u;
	enum db_err				 e;

	if ((e = sites_unit_resolve(r, slug, &u, home)) != DB_OK ||
	    (e = db_one(r->db, r->a, SITES_ARTICLE_IN_LINE, &v, "uu",
	    (unsigned long long)home->id, (unsigned long long)article)) !=
	    DB_OK)
		return e;
	*owner = *home;
	if (v.unit_id == home->id)
		return DB_OK;
	if ((e = sites_map_load(r, &m)) == DB_OK) {
		if ((o = sites_map_find(&m, v.unit_id)) != NULL)
			sites_unit(r->a, o, owner);
		else
			e = DB_NOTFOUND;
	}
	return e;
}

/* The unit navigation: one row an entry, in its order.  A new page of the
 * unit's website is one row here (its path below /don-vi/{unit}/). */
static const struct {
	enum sites_nav	 id;
	const char	*label;
	const char	*path;
} sites_nav_rows[] = {
	{ SITES_NAV_HOME, "Trang chủ", "" },
	{ SITES_NAV_NEWS, "Tin tức", "tin-tuc" },
	{ SITES_NAV_NOTICES, "Thông báo", "thong-bao" },
	{ SITES_NAV_INTRO, "Giới thiệu", "gioi-thieu" },
	{ SITES_NAV_DOCUMENTS, "Văn bản", "van-ban" },
	{ SITES_NAV_SCHEDULE, "Lịch công tác", "lich-cong-tac" },
	{ SITES_NAV_QA, "Hỏi đáp", "hoi-dap" },
	{ SITES_NAV_CONTACTS, "Liên hệ", "lien-he" },
};

/* Puts the unit's header and navigation (templates/unit_nav.tpl, the
 * UNIT_NAV include of the page's body) on p, cur marked as the page. */
void
sites_unit_nav(struct request *r, struct page *p, const struct unit *u,
    enum sites_nav cur)
{
	struct tmpl_dict	*nav, *item, *box;
	size_t			 i;

	page_unit_header(p, u);
	nav = tmpl_include(p->body, "UNIT_NAV", "unit_nav.tpl");
	tmpl_set(nav, "UNIT_NAME", u->full);
	for (i = 0; i < sizeof(sites_nav_rows) / sizeof(sites_nav_rows[0]);
	    i++) {
		item = tmpl_section(nav, "NAV_ITEM");
		tmpl_set(item, "LABEL", sites_nav_rows[i].label);
		tmpl_set(item, "URL", arena_printf(r->a, "/don-vi/%s/%s",
		    u->slug, sites_nav_rows[i].path));
		if (sites_nav_rows[i].id == cur)
			tmpl_show(item, "CURRENT");
	}
	box = tmpl_include(nav, "SEARCH_BOX", "search_box.tpl");
	tmpl_set(box, "BOX_ID", "tim-kiem-don-vi");
	box = tmpl_section(box, "IN_UNIT");
	tmpl_set_int(box, "UNIT_ID", (long long)u->id);
	tmpl_set(box, "UNIT_NAME", u->full);
	sites_feed_link(p, arena_printf(r->a, "/don-vi/%s/feed.atom", u->slug),
	    arena_printf(r->a, "Tin mới của %s", u->full));
}

/* One listing item's fields into s. */
static void
sites_item(struct request *r, const struct sites_map *m,
    struct tmpl_dict *s, const struct row_SITES_CITY_PAGE *v, int with_unit)
{
	const struct row_SITES_UNITS_ALL	*home = sites_map_home(m,
						    v->unit_id);
	const struct row_SITES_UNITS_ALL	*own = sites_map_find(m,
						    v->unit_id);
	struct tmpl_dict			*c;

	tmpl_set(s, "TITLE", v->title);
	tmpl_set(s, "URL", page_article_url(r->a, home ? home->slug : "",
	    v->id, v->slug));
	tmpl_set(s, "DATE", clock_date(r->a, v->published_at));
	tmpl_set(s, "DATE_ISO", clock_iso_date(r->a, v->published_at));
	tmpl_set(s, "SUMMARY", v->summary);
	if (strcmp(v->kind, "announcement") == 0)
		tmpl_show(s, "NOTICE_KIND");
	if (with_unit && own != NULL)
		tmpl_set(tmpl_section(s, "ITEM_UNIT"), "UNIT_NAME",
		    page_unit_name(r->a, own->kind, own->name));
	if (v->category_slug != NULL && home != NULL && home == own) {
		c = tmpl_section(s, "CATEGORY");
		tmpl_set(c, "NAME", v->category_name);
		tmpl_set(c, "URL", arena_printf(r->a, "/don-vi/%s/chuyen-muc/%s",
		    home->slug, v->category_slug));
	}
	if (v->thumb_sha256 != NULL) {
		c = tmpl_section(s, "IMAGE");
		tmpl_set(c, "SRC", media_url(r->a, v->thumb_sha256,
		    v->thumb_mime));
		tmpl_set(c, "ALT", v->lead_alt);
	}
}

/* One ITEM section of d per article (rows of SITES_LIST_ROW), each with
 * the partial article_item.tpl as its ARTICLE_ITEM; with_unit: each names
 * its unit.  NO_ITEMS when there is none. */
void
sites_list_fill(struct request *r, const struct sites_map *m,
    struct tmpl_dict *d, const struct row_SITES_CITY_PAGE *v, size_t n,
    int with_unit)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		sites_item(r, m, tmpl_include(tmpl_section(d, "ITEM"),
		    "ARTICLE_ITEM", "article_item.tpl"), &v[i], with_unit);
	if (n == 0)
		tmpl_show(d, "NO_ITEMS");
}

/* The address of page n of the listing at base (page 1: base itself). */
static const char *
sites_page_url(struct arena *a, const char *base, uint64_t n)
{
	return n <= 1 ? base : arena_printf(a, "%s?trang=%llu", base,
	    (unsigned long long)n);
}

/* One PAGE_ITEM (or a GAP) of the page links. */
static void
sites_page_item(struct request *r, struct tmpl_dict *d, const char *base,
    uint64_t n, uint64_t cur)
{
	struct tmpl_dict	*s = tmpl_section(d, "PAGE_ITEM");

	tmpl_set_int(s, "NUM", (long long)n);
	if (n == cur)
		tmpl_show(s, "CURRENT");
	else
		tmpl_set(tmpl_section(s, "LINK"), "URL", sites_page_url(r->a,
		    base, n));
}

/* The page links of a listing (templates/pager.tpl as the PAGER include
 * of d): the first, the last, two on each side of the current page, gaps
 * between, and the previous and next pages with rel=prev/next. */
void
sites_pager(struct request *r, struct tmpl_dict *d, const char *base,
    uint64_t page, int64_t total, unsigned per)
{
	uint64_t		 pages = total > 0 ? ((uint64_t)total + per - 1) /
				    per : 1, n;
	struct tmpl_dict	*p;

	if (pages <= 1)
		return;
	p = tmpl_include(d, "PAGER", "pager.tpl");
	if (page > 1)
		tmpl_set(tmpl_section(p, "PREV"), "URL", sites_page_url(r->a,
		    base, page - 1));
	if (page < pages)
		tmpl_set(tmpl_section(p, "NEXT"), "URL", sites_page_url(r->a,
		    base, page + 1));
	for (n = 1; n <= pages; n++) {
		if (n == 1 || n == pages || (n + 2 >= page && n <= page + 2)) {
			sites_page_item(r, p, base, n, page);
			continue;
		}
		/* a gap, then on to the window or to the last page */
		tmpl_show(tmpl_section(p, "PAGE_ITEM"), "GAP");
		n = n < page ? page - 3 : pages - 1;
	}
}

/* The Atom feed of the page, as <link rel="alternate"> in its head. */
void
sites_feed_link(struct page *p, const char *url, const char *title)
{
	struct tmpl_dict	*s = tmpl_section(p->layout, "FEED");

	tmpl_set(s, "FEED_URL", url);
	tmpl_set(s, "FEED_TITLE", title);
}

/* Marks the answer as the same for every anonymous reader: nginx may keep
 * it until the end of the current second (X-Accel-Expires: @<now>, which
 * nginx takes off the answer), so that no reader sees it more than a
 * second after a change.  Never for a signed-in user nor an answer that
 * sets a cookie. */
void
sites_cache_public(struct request *r)
{
	size_t	 i;

	if (r->user != NULL || (r->sess != NULL && !r->sess->anon))
		return;
	for (i = 0; i < r->nhdrs; i++)
		if (strcasecmp(r->hdrs[i].name, "Set-Cookie") == 0 ||
		    strcasecmp(r->hdrs[i].name, "Cache-Control") == 0)
			return;
	resp_header(r, "X-Accel-Expires", arena_printf(r->a, "@%lld",
	    (long long)time(NULL)));
}

/* The site's address without a final slash ([site] base_url), in a. */
const char *
sites_base_url(struct arena *a)
{
	const char	*b = cfg_str("site", "base_url", "http://127.0.0.1:8080");
	size_t		 n = strlen(b);

	return arena_strndup(a, b, n > 0 && b[n - 1] == '/' ? n - 1 : n);
}

/* t as ISO 8601 in UTC: 2026-12-01T04:05:06Z. */
const char *
sites_iso_utc(struct arena *a, int64_t t)
{
	time_t		 tt = (time_t)t;
	struct tm	 tm;
	char		 buf[32];

	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		return "1970-01-01T00:00:00Z";
	return arena_strdup(a, buf);
}

static void
sites_free(void *p)
{
	free(p);
}

/* Answers 200 with the template file (not in the layout: a feed, a
 * sitemap) expanded with d, as ctype.  d is the caller's. */
int
sites_render(struct request *r, const char *file, struct tmpl_dict *d,
    const char *ctype)
{
	char	*out;
	size_t	 len;

	if (!tmpl_render(file, d, &out, &len))
		return resp_error(r, 500, NULL);
	arena_defer(r->a, sites_free, out);
	return resp_text(r, 200, ctype, out, len);
}
