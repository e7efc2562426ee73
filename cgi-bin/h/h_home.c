/* The city home and a unit's home: public pages. */
#include <string.h>

#include "core/arena.h"
#include "h/page.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/h.h"
#include "h/sites.h"
#include "http/request.h"
#include "http/resp.h"

#define HOME_NEWS	8

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

/* The home of the unit a host name serves; a merged unit's sends to
 * its successor's. */
static int
host_home(struct request *r, const struct unit *hu)
{
	struct unit	 u, home;
	enum db_err	 e;

	if ((e = sites_unit_resolve(r, hu->slug, &u, &home)) != DB_OK)
		return resp_error(r, page_status(e), NULL);
	if (u.id != home.id)
		return resp_redirect(r, 301, arena_printf(r->a, "/don-vi/%s/",
		    home.slug));
	return sites_home_page(r, &u);
}

/* GET / : the city home, with every current unit and the latest news of
 * all; on a host name of a unit, that unit's home. */
int
h_home(struct request *r)
{
	struct row_UNITS_CURRENT	*units;
	struct row_SITES_CITY_PAGE	*news;
	struct sites_map		 m;
	size_t				 nunits, nnews;
	struct page			 p;
	struct unit			 u;
	enum db_err			 e;

	if ((e = page_unit_by_host(r, &u)) != DB_NOTFOUND)
		return e == DB_OK ? host_home(r, &u) :
		    resp_error(r, page_status(e), NULL);
	if (db_all(r->db, r->a, UNITS_CURRENT, &units, &nunits, "") != DB_OK ||
	    db_all(r->db, r->a, SITES_CITY_PAGE, &news, &nnews, "ii",
	    (long long)HOME_NEWS, 0LL) != DB_OK || sites_map_load(r, &m) !=
	    DB_OK)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, NULL, "home.tpl");
	home_units(r, p.body, units, nunits);
	sites_list_fill(r, &m, p.body, news, nnews, 1);
	sites_feed_link(&p, "/feed.atom", "Tin mới các phường, xã");
	sites_cache_public(r);
	return resp_page(r, 200, &p);
}
