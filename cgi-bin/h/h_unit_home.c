/* A unit's home (GET /don-vi/{unit}/, and / on a host name of the unit):
 * pinned announcements, the latest news and announcements, the latest of
 * each category, the leaders' schedule of the coming days, the public
 * services, and the units it was made of. */
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

#define HOME_PINNED	5
#define HOME_LATEST	6
#define HOME_NOTICES	4
#define HOME_CATEGORY	3
#define HOME_DAYS	7	/* the schedule's days ahead, today included */

static const char *const weekdays[7] = {
	"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy",
	"Chủ nhật"
};

/* The local midnight days from today, as MariaDB reads a DATETIME. */
static const char *
local_midnight(struct arena *a, int days)
{
	time_t		 t = time(NULL) + clock_offset() + (time_t)days * 86400;
	struct tm	 tm;
	char		 buf[32];

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, sizeof(buf), "%Y-%m-%d 00:00:00", &tm) == 0)
		return "1970-01-01 00:00:00";
	return arena_strdup(a, buf);
}

/* The schedule of the coming days, grouped by day. */
static enum db_err
home_schedule(struct request *r, struct tmpl_dict *d, const struct unit *u)
{
	struct row_SITES_SCHEDULE	*v;
	struct tmpl_dict		*day = NULL, *s;
	size_t				 i, n;
	enum db_err			 e;

	if ((e = db_all(r->db, r->a, SITES_SCHEDULE, &v, &n, "uss",
	    (unsigned long long)u->id, local_midnight(r->a, 0),
	    local_midnight(r->a, HOME_DAYS))) != DB_OK)
		return e;
	for (i = 0; i < n; i++) {
		if (i == 0 || strcmp(v[i].day, v[i - 1].day) != 0) {
			day = tmpl_section(d, "SCHEDULE_DAY");
			tmpl_set(day, "WEEKDAY", weekdays[v[i].weekday % 7]);
			tmpl_set(day, "DAY", arena_printf(r->a, "%.2s/%.2s/%.4s",
			    v[i].day + 8, v[i].day + 5, v[i].day));
		}
		s = tmpl_section(day, "SCHEDULE_ITEM");
		tmpl_set(s, "TIME", v[i].hhmm);
		tmpl_set(s, "ISO", v[i].iso);
		tmpl_set(s, "CONTENT", v[i].content);
		if (*v[i].place != '\0')
			tmpl_set(tmpl_section(s, "PLACE"), "PLACE", v[i].place);
		if (*v[i].presider != '\0')
			tmpl_set(tmpl_section(s, "PRESIDER"), "PRESIDER",
			    v[i].presider);
		if (*v[i].participants != '\0')
			tmpl_set(tmpl_section(s, "PARTICIPANTS"),
			    "PARTICIPANTS", v[i].participants);
	}
	if (n == 0)
		tmpl_show(d, "NO_SCHEDULE");
	return DB_OK;
}

/* The latest articles of each category that has any. */
static enum db_err
home_categories(struct request *r, const struct sites_map *m,
    struct tmpl_dict *d, const struct unit *u)
{
	struct row_SITES_CATEGORIES	*c;
	struct row_SITES_CITY_PAGE	*v;
	struct tmpl_dict		*s;
	size_t				 i, nc, n;
	enum db_err			 e;

	if ((e = db_all(r->db, r->a, SITES_CATEGORIES, &c, &nc, "u",
	    (unsigned long long)u->id)) != DB_OK)
		return e;
	for (i = 0; e == DB_OK && i < nc; i++) {
		e = db_all(r->db, r->a, SITES_CATEGORY_PAGE,
		    (struct row_SITES_CATEGORY_PAGE **)&v, &n, "uii",
		    (unsigned long long)c[i].id, (long long)HOME_CATEGORY, 0LL);
		if (e != DB_OK || n == 0)
			continue;
		s = tmpl_section(d, "CATEGORY_BLOCK");
		tmpl_set(s, "NAME", c[i].name);
		tmpl_set(s, "SLUG", c[i].slug);
		tmpl_set_int(s, "N", (long long)i);
		sites_list_fill(r, m, s, v, n, 0);
	}
	return e;
}

/* One list of the home (pinned, latest news, announcements) into the
 * include name of d, from rows v. */
static void
home_list(struct request *r, const struct sites_map *m, struct tmpl_dict *d,
    const char *section, const struct row_SITES_CITY_PAGE *v, size_t n)
{
	if (n > 0)
		sites_list_fill(r, m, tmpl_section(d, section), v, n, 0);
}

/* The lists of articles of the home. */
static enum db_err
home_lists(struct request *r, const struct sites_map *m, struct tmpl_dict *d,
    const struct unit *u)
{
	struct row_SITES_CITY_PAGE	*v;
	size_t				 n;
	enum db_err			 e;

	if ((e = db_all(r->db, r->a, SITES_PINNED,
	    (struct row_SITES_PINNED **)&v, &n, "ui", (unsigned long long)u->id,
	    (long long)HOME_PINNED)) == DB_OK)
		home_list(r, m, d, "PINNED", v, n);
	if (e == DB_OK && (e = db_all(r->db, r->a, SITES_UNIT_KIND_PAGE,
	    (struct row_SITES_UNIT_KIND_PAGE **)&v, &n, "usii",
	    (unsigned long long)u->id, "news", (long long)HOME_LATEST, 0LL)) ==
	    DB_OK) {
		home_list(r, m, d, "LATEST", v, n);
		if (n == 0)
			tmpl_show(d, "NO_NEWS");
	}
	if (e == DB_OK && (e = db_all(r->db, r->a, SITES_UNIT_KIND_PAGE,
	    (struct row_SITES_UNIT_KIND_PAGE **)&v, &n, "usii",
	    (unsigned long long)u->id, "announcement", (long long)HOME_NOTICES,
	    0LL)) == DB_OK)
		home_list(r, m, d, "NOTICES", v, n);
	return e;
}

/* The units that merged into u, each with its archive. */
static enum db_err
home_predecessors(struct request *r, struct tmpl_dict *d,
    const struct unit *u)
{
	struct row_SITES_UNIT_PREDECESSORS	*v;
	struct tmpl_dict			*s = NULL;
	size_t					 i, n;
	enum db_err				 e;

	if ((e = db_all(r->db, r->a, SITES_UNIT_PREDECESSORS, &v, &n, "u",
	    (unsigned long long)u->id)) != DB_OK)
		return e;
	for (i = 0; i < n; i++) {
		if (s == NULL)
			s = tmpl_section(d, "PREDECESSORS");
		struct tmpl_dict *item = tmpl_section(s, "PRED_ITEM");
		tmpl_set(item, "NAME", page_unit_name(r->a, v[i].kind,
		    v[i].name));
		tmpl_set(item, "SLUG", v[i].slug);
	}
	return DB_OK;
}

/* The home of the current unit u. */
int
sites_home_page(struct request *r, const struct unit *u)
{
	struct sites_map	 m;
	struct page		 p;
	enum db_err		 e;

	resp_page_new(r, &p, u->full, "unit.tpl");
	sites_unit_nav(r, &p, u, SITES_NAV_HOME);
	tmpl_set(p.body, "UNIT_KIND", u->kind_label);
	tmpl_set(p.body, "UNIT_CODE", u->code);
	if ((e = sites_map_load(r, &m)) == DB_OK &&
	    (e = home_lists(r, &m, p.body, u)) == DB_OK &&
	    (e = home_categories(r, &m, p.body, u)) == DB_OK &&
	    (e = home_schedule(r, p.body, u)) == DB_OK)
		e = home_predecessors(r, p.body, u);
	if (e != DB_OK)
		return resp_error(r, 500, NULL);
	sites_cache_public(r);
	return resp_page(r, 200, &p);
}

/* GET /don-vi/{unit}/ : a merged unit's answers 301 to its successor's;
 * a page of news (trang, the old home's) to the news listing. */
int
h_unit(struct request *r)
{
	struct unit	 u, home;
	enum db_err	 e;

	if ((e = sites_unit_resolve(r, r->args[0].s, &u, &home)) != DB_OK)
		return resp_error(r, page_status(e), NULL);
	if (u.id != home.id)
		return resp_redirect(r, 301, arena_printf(r->a, "/don-vi/%s/",
		    home.slug));
	if (r->val[KEY_PAGE].u > 1)
		return resp_redirect(r, 301, arena_printf(r->a,
		    "/don-vi/%s/tin-tuc?trang=%llu", u.slug,
		    (unsigned long long)r->val[KEY_PAGE].u));
	return sites_home_page(r, &u);
}
