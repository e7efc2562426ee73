/* GET /api/v1/stats?don_vi=&tu_ngay=&den_ngay=: the statistics in JSON
 * (README: "Statistics" lists the fields); errors as {"error":
 * "<Vietnamese>"}. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "app/stats.h"
#include "core/arena.h"
#include "core/workday.h"
#include "h/desk.h"
#include "h/h.h"
#include "h/page.h"
#include "h/statsview.h"
#include "http/request.h"
#include "http/resp.h"

/* Answers o (stolen) with status; {"error": why} when o is NULL. */
static int
sa_answer(struct request *r, int status, json_t *o, const char *why)
{
	resp_header(r, "Cache-Control", status == 200 ? "public, max-age=60" :
	    "no-store");
	return resp_json(r, status, o, why);
}

/* The indicators of v, one member a column. */
static json_t *
sa_ind(const struct stats_ind *v, json_t *o)
{
	size_t	 j;
	int	 null, integer;
	double	 x;

	for (j = 0; j < statsview_ncols(); j++) {
		x = statsview_value(v, j, &null, &integer);
		json_object_set_new(o, statsview_json_name(j), null ?
		    json_null() : integer ? json_integer((json_int_t)x) :
		    json_real((double)(int64_t)(x * 10000 + 0.5) / 10000));
	}
	return o;
}

static json_t *
sa_units(struct request *r, const struct stats *s)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < s->nunits; i++)
		json_array_append_new(a, sa_ind(&s->units[i].v, json_pack(
		    "{s:I, s:s, s:s}", "id", (json_int_t)s->units[i].id,
		    "slug", s->units[i].slug, "name", page_unit_name(r->a,
		    s->units[i].kind, s->units[i].name))));
	return a;
}

static json_t *
sa_months(struct request *r, const struct stats *s)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < STATS_MONTHS; i++) {
		const struct stats_month *m = &s->months[i];
		json_array_append_new(a, json_pack("{s:s, s:I, s:I, s:I, s:I}",
		    "month", arena_printf(r->a, "%04d-%02d", m->y, m->m),
		    "received", (json_int_t)m->received,
		    "online", (json_int_t)m->online,
		    "on_time", (json_int_t)m->on_time,
		    "late", (json_int_t)m->late));
	}
	return a;
}

static json_t *
sa_procs(const struct stats *s)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < s->nprocs; i++) {
		const struct stats_proc *p = &s->procs[i];
		json_array_append_new(a, json_pack("{s:s, s:s, s:I, s:I, s:I, "
		    "s:I, s:I}", "code", p->code, "name", p->name,
		    "received", (json_int_t)p->received,
		    "online", (json_int_t)p->online,
		    "on_time", (json_int_t)p->on_time,
		    "late", (json_int_t)p->late,
		    "overdue", (json_int_t)p->overdue));
	}
	return a;
}

int
h_api_stats(struct request *r)
{
	struct st_range	 g;
	struct stats	*s;
	const char	*why;
	json_t		*o;

	if ((why = statsview_range(r, &g)) != NULL)
		return sa_answer(r, 400, NULL, why);
	g.unit = desk_given(r, KEY_UNIT) ? r->val[KEY_UNIT].u : 0;
	if (stats_get(r->db, r->a, g.unit, g.from, g.to, &s) != STATS_OK)
		return sa_answer(r, 500, NULL, NULL);
	if (g.unit != 0 && s->nunits == 0)
		return sa_answer(r, 404, NULL, "Không có đơn vị này.");
	o = json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:o}",
	    "from", workday_iso(r->a, g.from), "to", workday_iso(r->a, g.to),
	    "unit", g.unit != 0 ? json_integer((json_int_t)g.unit) :
	    json_null(), "total", sa_ind(&s->all, json_object()),
	    "units", sa_units(r, s), "months", sa_months(r, s),
	    "procedures", sa_procs(s));
	return sa_answer(r, 200, o, NULL);
}
