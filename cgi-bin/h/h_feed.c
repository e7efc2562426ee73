/* Atom 1.0 feeds (RFC 4287): the city's news (/feed.atom), a unit's
 * articles (/don-vi/{unit}/feed.atom), a category's
 * (/don-vi/{unit}/chuyen-muc/{category}/feed.atom).  Written through an
 * XML template (templates/feed.xml), every value escaped as XML.  Entry
 * ids are tag URIs that name the article alone, so that an article keeps
 * its id when its unit merges and its address moves. */
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "h/sites.h"
#include "http/request.h"
#include "http/resp.h"

#define FEED_ENTRIES	20
#define FEED_CTYPE	"application/atom+xml; charset=utf-8"
#define FEED_TAG_DATE	"2022"	/* since when the site's name is ours */

struct feed {
	const char	*path;		/* the feed's own, below the site */
	const char	*alternate;	/* the page it follows */
	const char	*title;
	const char	*author;
	const char	*tag;		/* its part of the feed's tag URI */
};

/* The host name of the site's address, the authority of tag URIs. */
static const char *
feed_authority(struct arena *a)
{
	const char	*b = sites_base_url(a), *s = strstr(b, "://");

	s = s != NULL ? s + 3 : b;
	return arena_strndup(a, s, strcspn(s, ":/"));
}

static void
dict_free(void *d)
{
	tmpl_dict_free(d);
}

/* One ENTRY per article. */
static void
feed_entries(struct request *r, const struct sites_map *m,
    struct tmpl_dict *d, const struct row_SITES_CITY_PAGE *v, size_t n,
    const char *base, const char *auth)
{
	const struct row_SITES_UNITS_ALL	*home, *own;
	struct tmpl_dict			*s, *c;
	size_t					 i;

	for (i = 0; i < n; i++) {
		home = sites_map_home(m, v[i].unit_id);
		own = sites_map_find(m, v[i].unit_id);
		s = tmpl_section(d, "ENTRY");
		tmpl_set(s, "ID", arena_printf(r->a, "tag:%s,%s:bai-viet/%llu",
		    auth, FEED_TAG_DATE, (unsigned long long)v[i].id));
		tmpl_set(s, "TITLE", v[i].title);
		tmpl_set(s, "URL", arena_printf(r->a, "%s%s", base,
		    page_article_url(r->a, home ? home->slug : "", v[i].id,
		    v[i].slug)));
		tmpl_set(s, "PUBLISHED", sites_iso_utc(r->a, v[i].published_at));
		tmpl_set(s, "UPDATED", sites_iso_utc(r->a,
		    v[i].updated_at > v[i].published_at ? v[i].updated_at :
		    v[i].published_at));
		tmpl_set(s, "SUMMARY", v[i].summary);
		tmpl_set(s, "AUTHOR", own ? page_unit_name(r->a, own->kind,
		    own->name) : "");
		if (v[i].category_slug != NULL) {
			c = tmpl_section(s, "CATEGORY");
			tmpl_set(c, "TERM", v[i].category_slug);
			tmpl_set(c, "LABEL", v[i].category_name);
		}
	}
}

/* The newest instant of the entries (the feed's updated): now when there
 * is none. */
static int64_t
feed_updated(const struct row_SITES_CITY_PAGE *v, size_t n)
{
	int64_t	 t = 0;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (v[i].updated_at > t)
			t = v[i].updated_at;
		if (v[i].published_at > t)
			t = v[i].published_at;
	}
	return t != 0 ? t : (int64_t)time(NULL);
}

/* Answers the feed f of the articles v (n). */
static int
feed_answer(struct request *r, const struct feed *f,
    const struct row_SITES_CITY_PAGE *v, size_t n)
{
	struct tmpl_dict	*d = tmpl_dict_new("feed");
	const char		*base = sites_base_url(r->a);
	const char		*auth = feed_authority(r->a);
	struct sites_map	 m;

	arena_defer(r->a, dict_free, d);
	if (sites_map_load(r, &m) != DB_OK)
		return resp_error(r, 500, NULL);
	tmpl_set(d, "FEED_ID", arena_printf(r->a, "tag:%s,%s:%s", auth,
	    FEED_TAG_DATE, f->tag));
	tmpl_set(d, "TITLE", f->title);
	tmpl_set(d, "UPDATED", sites_iso_utc(r->a, feed_updated(v, n)));
	tmpl_set(d, "SELF", arena_printf(r->a, "%s%s", base, f->path));
	tmpl_set(d, "ALTERNATE", arena_printf(r->a, "%s%s", base,
	    f->alternate));
	tmpl_set(d, "AUTHOR", f->author);
	feed_entries(r, &m, d, v, n, base, auth);
	sites_cache_public(r);
	return sites_render(r, "feed.xml", d, FEED_CTYPE);
}

/* GET /feed.atom : the news of every unit. */
int
h_feed(struct request *r)
{
	struct row_SITES_CITY_PAGE	*v;
	struct feed			 f;
	size_t				 n;

	if (db_all(r->db, r->a, SITES_CITY_PAGE, &v, &n, "ii",
	    (long long)FEED_ENTRIES, 0LL) != DB_OK)
		return resp_error(r, 500, NULL);
	f.path = "/feed.atom";
	f.alternate = "/tin-tuc";
	f.title = "Tin mới các phường, xã";
	f.author = "Ủy ban nhân dân thành phố Phổ Yên";
	f.tag = "tin-tuc";
	return feed_answer(r, &f, v, n);
}

/* The unit of the path, current: 301 to its successor's address of the
 * same feed when it merged (suffix: the feed's path below the unit). */
static int
feed_unit(struct request *r, struct unit *u, const char *suffix)
{
	struct unit	 home;
	enum db_err	 e;

	if ((e = sites_unit_resolve(r, r->args[0].s, u, &home)) != DB_OK)
		return resp_error(r, page_status(e), NULL);
	if (u->id != home.id)
		return resp_redirect(r, 301, arena_printf(r->a, "/don-vi/%s/%s",
		    home.slug, suffix));
	return 0;
}

/* GET /don-vi/{unit}/feed.atom : the unit's articles, both kinds. */
int
h_unit_feed(struct request *r)
{
	struct row_SITES_CITY_PAGE	*v;
	struct feed			 f;
	struct unit			 u;
	size_t				 n;
	int				 st;

	if ((st = feed_unit(r, &u, "feed.atom")) != 0)
		return st;
	if (db_all(r->db, r->a, SITES_UNIT_ALL_PAGE,
	    (struct row_SITES_UNIT_ALL_PAGE **)&v, &n, "uii",
	    (unsigned long long)u.id, (long long)FEED_ENTRIES, 0LL) != DB_OK)
		return resp_error(r, 500, NULL);
	f.path = arena_printf(r->a, "/don-vi/%s/feed.atom", u.slug);
	f.alternate = arena_printf(r->a, "/don-vi/%s/", u.slug);
	f.title = arena_printf(r->a, "Tin mới của %s", u.full);
	f.author = u.full;
	f.tag = arena_printf(r->a, "don-vi/%s", u.slug);
	return feed_answer(r, &f, v, n);
}

/* GET /don-vi/{unit}/chuyen-muc/{category}/feed.atom */
int
h_unit_category_feed(struct request *r)
{
	struct row_SITES_CITY_PAGE		*v;
	struct row_SITES_CATEGORY_BY_SLUG	 c;
	struct feed				 f;
	struct unit				 u;
	size_t					 n;
	enum db_err				 e;
	int					 st;

	if ((st = feed_unit(r, &u, arena_printf(r->a, "chuyen-muc/%s/"
	    "feed.atom", r->args[1].s))) != 0)
		return st;
	if ((e = db_one(r->db, r->a, SITES_CATEGORY_BY_SLUG, &c, "us",
	    (unsigned long long)u.id, r->args[1].s)) != DB_OK)
		return resp_error(r, page_status(e), NULL);
	if (db_all(r->db, r->a, SITES_CATEGORY_PAGE,
	    (struct row_SITES_CATEGORY_PAGE **)&v, &n, "uii",
	    (unsigned long long)c.id, (long long)FEED_ENTRIES, 0LL) != DB_OK)
		return resp_error(r, 500, NULL);
	f.path = arena_printf(r->a, "/don-vi/%s/chuyen-muc/%s/feed.atom",
	    u.slug, c.slug);
	f.alternate = arena_printf(r->a, "/don-vi/%s/chuyen-muc/%s", u.slug,
	    c.slug);
	f.title = arena_printf(r->a, "%s – %s", c.name, u.full);
	f.author = u.full;
	f.tag = arena_printf(r->a, "don-vi/%s/chuyen-muc/%s", u.slug, c.slug);
	return feed_answer(r, &f, v, n);
}
