/* The JSON API of the units' websites (README: "JSON API"), field names
 * stable:
 *   GET /api/v1/units[?all=1]        the current units (all=1: the merged
 *                                    ones too, with their successor)
 *   GET /api/v1/news[?unit=&page=]   visible articles, newest first
 * A malformed parameter answers 400 {"error": "<Vietnamese>"}. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "app/media.h"
#include "core/arena.h"
#include "core/clock.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "h/sites.h"
#include "http/request.h"
#include "http/resp.h"

#define API_PER		20

/* Answers o (stolen) with status; {"error": why} when o is NULL.  A 500
 * because the database is away is a 503 with Retry-After. */
static int
api_answer(struct request *r, int status, json_t *o, const char *why)
{
	if (status == 500 && db_down(r->db)) {
		status = 503;
		why = "Hệ thống tạm thời không truy cập được cơ sở dữ liệu. "
		    "Vui lòng thử lại sau ít phút.";
		resp_header(r, "Retry-After", "10");
	}
	if (status == 200)
		sites_cache_public(r);
	return resp_json(r, status, o, why);
}

/* The 400 of a malformed parameter k, or 0 when every one is fine. */
static int
api_bad(struct request *r, enum key k, const char *why)
{
	if (r->val[k].present && !r->val[k].valid)
		return api_answer(r, 400, NULL, why);
	return 0;
}

/* A unit as the API gives it. */
static json_t *
api_unit(struct request *r, const struct sites_map *m,
    const struct row_SITES_UNITS_ALL *u)
{
	const struct row_SITES_UNITS_ALL	*s = sites_map_find(m,
						    u->successor_id);
	json_t					*o;

	o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}",
	    "code", u->code, "slug", u->slug, "kind", u->kind,
	    "name", u->name, "full_name", page_unit_name(r->a, u->kind, u->name),
	    "url", arena_printf(r->a, "%s/don-vi/%s/", sites_base_url(r->a),
	    u->slug), "valid_from", clock_iso_date(r->a, u->valid_from));
	if (o == NULL)
		return NULL;
	json_object_set_new(o, "valid_to", u->valid_to != 0 ?
	    json_string(clock_iso_date(r->a, u->valid_to)) : json_null());
	json_object_set_new(o, "successor", s != NULL ? json_string(s->slug) :
	    json_null());
	return o;
}

/* GET /api/v1/units */
int
h_api_units(struct request *r)
{
	struct sites_map	 m;
	json_t			*list;
	size_t			 i;
	int			 all, st;

	if ((st = api_bad(r, KEY_ALL, "Tham số all không hợp lệ: chỉ nhận "
	    "all=1.")) != 0)
		return st;
	all = r->val[KEY_ALL].s != NULL && strcmp(r->val[KEY_ALL].s, "1") == 0;
	if (r->val[KEY_ALL].s != NULL && !all)
		return api_answer(r, 400, NULL, "Tham số all không hợp lệ: chỉ "
		    "nhận all=1.");
	if (sites_map_load(r, &m) != DB_OK)
		return api_answer(r, 500, NULL, NULL);
	list = json_array();
	for (i = 0; i < m.n; i++)
		if (all || m.v[i].valid_to == 0)
			json_array_append_new(list, api_unit(r, &m, &m.v[i]));
	return api_answer(r, 200, json_pack("{s:o}", "units", list), NULL);
}

/* One article as the API gives it. */
static json_t *
api_article(struct request *r, const struct sites_map *m, const char *base,
    const struct row_SITES_CITY_PAGE *v)
{
	const struct row_SITES_UNITS_ALL	*own = sites_map_find(m,
						    v->unit_id);
	const struct row_SITES_UNITS_ALL	*home = sites_map_home(m,
						    v->unit_id);
	json_t					*o;

	if (own == NULL || home == NULL)
		return json_null();
	o = json_pack("{s:I, s:{s:s, s:s}, s:s, s:s, s:s, s:s, s:s}",
	    "id", (json_int_t)v->id,
	    "unit", "slug", own->slug, "name", page_unit_name(r->a, own->kind,
	    own->name),
	    "kind", v->kind, "title", v->title, "summary", v->summary,
	    "url", arena_printf(r->a, "%s%s", base, page_article_url(r->a,
	    home->slug, v->id, v->slug)),
	    "published_at", sites_iso_utc(r->a, v->published_at));
	if (o == NULL)
		return json_null();
	json_object_set_new(o, "category", v->category_slug != NULL ?
	    json_pack("{s:s, s:s}", "slug", v->category_slug, "name",
	    v->category_name) : json_null());
	json_object_set_new(o, "image", v->thumb_sha256 != NULL ?
	    json_pack("{s:s, s:s}", "url", arena_printf(r->a, "%s%s", base,
	    media_url(r->a, v->thumb_sha256, v->thumb_mime)), "alt",
	    v->lead_alt) : json_null());
	return o;
}

/* The page of articles of the API's query into v, n, total. */
static enum db_err
api_news_load(struct request *r, uint64_t unit, uint64_t page,
    struct row_SITES_CITY_PAGE **v, size_t *n, int64_t *total)
{
	struct row_SITES_UNIT_ALL_COUNT	 c;
	enum db_err			 e;

	if (unit == 0) {
		if ((e = db_one(r->db, r->a, SITES_CITY_COUNT,
		    (struct row_SITES_CITY_COUNT *)&c, "")) == DB_OK)
			e = db_all(r->db, r->a, SITES_CITY_PAGE, v, n, "ii",
			    (long long)API_PER, (long long)((page - 1) *
			    API_PER));
	} else if ((e = db_one(r->db, r->a, SITES_UNIT_ALL_COUNT, &c, "u",
	    (unsigned long long)unit)) == DB_OK)
		e = db_all(r->db, r->a, SITES_UNIT_ALL_PAGE,
		    (struct row_SITES_UNIT_ALL_PAGE **)v, n, "uii",
		    (unsigned long long)unit, (long long)API_PER,
		    (long long)((page - 1) * API_PER));
	*total = e == DB_OK ? c.n : 0;
	return e;
}

/* The unit the unit parameter names (current or merged): its id, 0 for
 * none asked; -1 answered (400/404/500). */
static int64_t
api_news_unit(struct request *r, const struct sites_map *m)
{
	size_t	 i;

	if (r->val[KEY_API_UNIT].s == NULL)
		return 0;
	for (i = 0; i < m->n; i++)
		if (strcmp(m->v[i].slug, r->val[KEY_API_UNIT].s) == 0)
			return (int64_t)m->v[i].id;
	api_answer(r, 404, NULL, "Không có đơn vị này (tham số unit: mã "
	    "định danh của đơn vị, ví dụ ba-hang).");
	return -1;
}

/* GET /api/v1/news?unit=&page= : news of every unit (without unit: the
 * news of the whole city, announcements of each unit with it). */
int
h_api_news(struct request *r)
{
	struct row_SITES_CITY_PAGE	*v;
	struct sites_map		 m;
	const char			*base = sites_base_url(r->a);
	uint64_t			 page;
	int64_t				 unit, total;
	json_t				*list;
	size_t				 i, n;
	int				 st;

	if ((st = api_bad(r, KEY_API_UNIT, "Tham số unit không hợp lệ: mã "
	    "định danh của đơn vị, ví dụ ba-hang.")) != 0 ||
	    (st = api_bad(r, KEY_API_PAGE, "Tham số page không hợp lệ: số "
	    "trang từ 1 đến 10000.")) != 0)
		return st;
	page = r->val[KEY_API_PAGE].u ? r->val[KEY_API_PAGE].u : 1;
	if (sites_map_load(r, &m) != DB_OK)
		return api_answer(r, 500, NULL, NULL);
	if ((unit = api_news_unit(r, &m)) < 0)
		return r->status;
	if (api_news_load(r, (uint64_t)unit, page, &v, &n, &total) != DB_OK)
		return api_answer(r, 500, NULL, NULL);
	list = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(list, api_article(r, &m, base, &v[i]));
	return api_answer(r, 200, json_pack("{s:I, s:i, s:I, s:o}", "page",
	    (json_int_t)page, "per_page", API_PER, "total", (json_int_t)total,
	    "news", list), NULL);
}
