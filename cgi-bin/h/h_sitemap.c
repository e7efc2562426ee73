/* /sitemap.xml (sitemaps.org 0.9) and /robots.txt.  The sitemap lists the
 * homes, the listings, every visible article, the published documents
 * and the procedures.  A sitemap holds at most 50,000 addresses: past
 * that, /sitemap.xml is an index of parts, /sitemap.xml?trang=1 the pages
 * other than articles, ?trang=2... the articles, 50,000 a part. */
#include <string.h>

#include "core/arena.h"
#include "core/clock.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "h/sites.h"
#include "http/request.h"
#include "http/resp.h"

#define MAP_MAX		50000	/* addresses a sitemap may hold */
#define MAP_PAGES_MAX	20000	/* of them, other than articles */
#define MAP_CTYPE	"application/xml; charset=utf-8"

/* The pages of the city, of every current unit and their categories. */
static const char *const city_paths[] = {
	"/", "/tin-tuc", "/don-vi-cu", "/thu-tuc", "/tra-cuu",
};
static const char *const unit_paths[] = { "", "tin-tuc", "thong-bao" };

static void
dict_free(void *d)
{
	tmpl_dict_free(d);
}

/* Adds one URL (base + path) with its day of last change (t, 0: none). */
static void
map_url(struct request *r, struct tmpl_dict *d, const char *base,
    const char *path, int64_t t)
{
	struct tmpl_dict	*s = tmpl_section(d, "URL");

	tmpl_set(s, "LOC", arena_printf(r->a, "%s%s", base, path));
	if (t != 0)
		tmpl_set(tmpl_section(s, "LASTMOD"), "DATE", clock_iso_date(r->a,
		    t));
}

/* The units' pages and categories. */
static enum db_err
map_units(struct request *r, struct tmpl_dict *d, const char *base)
{
	struct row_UNITS_CURRENT	*u;
	struct row_SITES_MAP_CATEGORIES	*c;
	size_t				 i, j, nu, nc;
	enum db_err			 e;

	if ((e = db_all(r->db, r->a, UNITS_CURRENT, &u, &nu, "")) != DB_OK ||
	    (e = db_all(r->db, r->a, SITES_MAP_CATEGORIES, &c, &nc, "")) !=
	    DB_OK)
		return e;
	for (i = 0; i < nu; i++)
		for (j = 0; j < sizeof(unit_paths) / sizeof(unit_paths[0]); j++)
			map_url(r, d, base, arena_printf(r->a, "/don-vi/%s/%s",
			    u[i].slug, unit_paths[j]), 0);
	for (i = 0; i < nc; i++)
		map_url(r, d, base, arena_printf(r->a, "/don-vi/%s/chuyen-muc/%s",
		    c[i].unit_slug, c[i].slug), 0);
	return DB_OK;
}

/* Everything but the articles: the city's and units' pages, documents,
 * procedures. */
static enum db_err
map_pages(struct request *r, const struct sites_map *m, struct tmpl_dict *d,
    const char *base)
{
	struct row_SITES_MAP_DOCUMENTS		*doc;
	struct row_SITES_MAP_PROCEDURES		*proc;
	const struct row_SITES_UNITS_ALL	*h;
	size_t					 i, n;
	enum db_err				 e;

	for (i = 0; i < sizeof(city_paths) / sizeof(city_paths[0]); i++)
		map_url(r, d, base, city_paths[i], 0);
	if ((e = map_units(r, d, base)) != DB_OK ||
	    (e = db_all(r->db, r->a, SITES_MAP_DOCUMENTS, &doc, &n, "i",
	    (long long)MAP_PAGES_MAX)) != DB_OK)
		return e;
	for (i = 0; i < n; i++)
		if ((h = sites_map_home(m, doc[i].unit_id)) != NULL)
			map_url(r, d, base, arena_printf(r->a,
			    "/don-vi/%s/van-ban/%llu", h->slug,
			    (unsigned long long)doc[i].id), doc[i].updated_at);
	if ((e = db_all(r->db, r->a, SITES_MAP_PROCEDURES, &proc, &n, "")) !=
	    DB_OK)
		return e;
	for (i = 0; i < n; i++)
		map_url(r, d, base, arena_printf(r->a, "/thu-tuc/%s",
		    proc[i].code), 0);
	return DB_OK;
}

/* Part part (0-based) of the visible articles, MAP_MAX a part. */
static enum db_err
map_articles(struct request *r, const struct sites_map *m,
    struct tmpl_dict *d, const char *base, uint64_t part)
{
	struct row_SITES_MAP_ARTICLES		*v;
	const struct row_SITES_UNITS_ALL	*h;
	size_t					 i, n;
	enum db_err				 e;

	if ((e = db_all(r->db, r->a, SITES_MAP_ARTICLES, &v, &n, "ii",
	    (long long)MAP_MAX, (long long)(part * MAP_MAX))) != DB_OK)
		return e;
	for (i = 0; i < n; i++)
		if ((h = sites_map_home(m, v[i].unit_id)) != NULL)
			map_url(r, d, base, page_article_url(r->a, h->slug,
			    v[i].id, v[i].slug), v[i].updated_at);
	return DB_OK;
}

/* The index of parts (1 + the articles' parts). */
static int
map_index(struct request *r, struct tmpl_dict *d, const char *base,
    uint64_t parts)
{
	uint64_t	 i;

	for (i = 1; i <= parts; i++)
		tmpl_set(tmpl_section(d, "PART"), "LOC", arena_printf(r->a,
		    "%s/sitemap.xml?trang=%llu", base, (unsigned long long)i));
	sites_cache_public(r);
	return sites_render(r, "sitemap_index.xml", d, MAP_CTYPE);
}

/* GET /sitemap.xml[?trang=N] */
int
h_sitemap(struct request *r)
{
	struct row_SITES_MAP_COUNT	 c;
	struct tmpl_dict		*d = tmpl_dict_new("sitemap");
	struct sites_map		 m;
	const char			*base = sites_base_url(r->a);
	uint64_t			 page = r->val[KEY_PAGE].u, parts;
	enum db_err			 e;
	int				 split;

	arena_defer(r->a, dict_free, d);
	if (db_one(r->db, r->a, SITES_MAP_COUNT, &c, "") != DB_OK ||
	    sites_map_load(r, &m) != DB_OK)
		return resp_error(r, 500, NULL);
	split = c.n + MAP_PAGES_MAX > MAP_MAX;
	parts = split ? 1 + ((uint64_t)c.n + MAP_MAX - 1) / MAP_MAX : 1;
	if (page > parts)
		return resp_error(r, 404, NULL);
	if (split && page == 0)
		return map_index(r, d, base, parts);
	e = DB_OK;
	if (page <= 1)
		e = map_pages(r, &m, d, base);
	if (e == DB_OK && (!split || page > 1))
		e = map_articles(r, &m, d, base, split ? page - 2 : 0);
	if (e != DB_OK)
		return resp_error(r, 500, NULL);
	sites_cache_public(r);
	return sites_render(r, "sitemap.xml", d, MAP_CTYPE);
}

/* GET /robots.txt : everything public may be indexed; the work areas,
 * the residents' files and the API not. */
int
h_robots(struct request *r)
{
	const char	*body = arena_printf(r->a,
			    "User-agent: *\n"
			    "Allow: /\n"
			    "Disallow: /bien-tap/\n"
			    "Disallow: /mot-cua/\n"
			    "Disallow: /quan-tri/\n"
			    "Disallow: /ho-so\n"
			    "Disallow: /tai-khoan\n"
			    "Disallow: /api/\n"
			    "\n"
			    "Sitemap: %s/sitemap.xml\n", sites_base_url(r->a));

	sites_cache_public(r);
	return resp_text(r, 200, "text/plain; charset=utf-8", body,
	    strlen(body));
}
