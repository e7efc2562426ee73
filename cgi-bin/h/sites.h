/* What the pages of the units' websites share (issue 11, part A): units
 * resolved through their mergers, the article of a unit or of one of its
 * predecessors, the unit's navigation (one table), listings of articles,
 * page links, the Atom link of a page's head, the page cache's mark. */
#ifndef SITES_H
#define SITES_H
#include <stddef.h>
#include <stdint.h>

#include "data/db.h"
#include "h/page.h"

struct arena;
struct page;
struct request;
struct tmpl_dict;

/* Every unit of the database, for walking chains of successors and
 * naming an article's unit (a few dozen rows, loaded once a request). */
struct sites_map {
	struct row_SITES_UNITS_ALL	*v;
	size_t				 n;
};

/* The unit navigation's entries (templates/unit_nav.tpl). */
enum sites_nav {
	SITES_NAV_HOME,
	SITES_NAV_NEWS,
	SITES_NAV_NOTICES,
	SITES_NAV_INTRO,
	SITES_NAV_DOCUMENTS,
	SITES_NAV_SCHEDULE,
	SITES_NAV_QA,
	SITES_NAV_CONTACTS,
	SITES_NAV_NONE,
	SITES_NAV__MAX
};

enum db_err	 sites_map_load(struct request *, struct sites_map *);
const struct row_SITES_UNITS_ALL *sites_map_find(const struct sites_map *,
		    uint64_t id);
const struct row_SITES_UNITS_ALL *sites_map_home(const struct sites_map *,
		    uint64_t id);
void		 sites_unit(struct arena *, const struct row_SITES_UNITS_ALL *,
		    struct unit *);
enum db_err	 sites_unit_resolve(struct request *, const char *slug,
		    struct unit *u, struct unit *home);
enum db_err	 sites_article_unit(struct request *, const char *slug,
		    uint64_t article, struct unit *home, struct unit *owner);
void		 sites_unit_nav(struct request *, struct page *,
		    const struct unit *, enum sites_nav);
void		 sites_list_fill(struct request *, const struct sites_map *,
		    struct tmpl_dict *, const struct row_SITES_CITY_PAGE *,
		    size_t, int with_unit);
void		 sites_pager(struct request *, struct tmpl_dict *,
		    const char *base, uint64_t page, int64_t total,
		    unsigned per);
void		 sites_feed_link(struct page *, const char *url,
		    const char *title);
void		 sites_cache_public(struct request *);
const char	*sites_base_url(struct arena *);
const char	*sites_iso_utc(struct arena *, int64_t);
int		 sites_home_page(struct request *, const struct unit *);
int		 sites_render(struct request *, const char *file,
		    struct tmpl_dict *, const char *ctype);

#endif
