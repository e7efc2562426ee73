/* Statistics (issue 12): /thong-ke, the public dashboard (the city and
 * its units, or one unit), and /mot-cua/thong-ke, the same for the staff
 * and leaders of a unit with its late applications; each table also as
 * CSV (dinh_dang=csv&bang=don-vi|thang|thu-tuc|tre-han).  The numbers
 * come from app/stats.c, the charts' geometry from core/chart.c; the
 * templates draw the SVG and the tables (templates/stats*.tpl). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/stats.h"
#include "app/status.h"
#include "core/arena.h"
#include "core/chart.h"
#include "core/clock.h"
#include "core/csv.h"
#include "core/tmpl.h"
#include "core/workday.h"
#include "data/db.h"
#include "h/desk.h"
#include "h/h.h"
#include "h/page.h"
#include "h/statsview.h"
#include "http/request.h"
#include "http/resp.h"

#define ST_DAYS_MAX	366
#define ST_LATE_MAX	500

/* The tables, in the order of key_table's words (bang=). */
enum st_table {
	ST_UNITS,	/* don-vi */
	ST_MONTHS,	/* thang */
	ST_PROCS,	/* thu-tuc */
	ST_LATE,	/* tre-han: the desk's page only */
	ST__MAX
};

static const char *const st_table_slug[ST__MAX] = {
	[ST_UNITS] = "don-vi",
	[ST_MONTHS] = "thang",
	[ST_PROCS] = "thu-tuc",
	[ST_LATE] = "tre-han",
};

/* The query string of the page's range and unit ("tu_ngay=...&..."). */
static const char *
st_query(struct request *r, const struct st_range *g)
{
	const char	*q = arena_printf(r->a, "tu_ngay=%s&den_ngay=%s",
			    workday_iso(r->a, g->from), workday_iso(r->a, g->to));

	if (g->unit != 0)
		q = arena_printf(r->a, "%s&don_vi=%llu", q,
		    (unsigned long long)g->unit);
	return q;
}

/* A table as text cells, for the page and for CSV alike. */
struct st_grid {
	const char	*caption;
	size_t		 ncols, nrows;
	const char	**head;
	const char	**cell;		/* nrows * ncols */
};

static void
st_grid_new(struct arena *a, struct st_grid *t, const char *caption,
    const char *const *head, size_t ncols, size_t nrows)
{
	t->caption = caption;
	t->ncols = ncols;
	t->nrows = nrows;
	t->head = (const char **)head;
	t->cell = arena_calloc(a, nrows * ncols + 1, sizeof(*t->cell));
}

/* The grid of the units: a row a unit, then the city's (or the one
 * unit's) total. */
static void
st_grid_units(struct request *r, const struct stats *s, struct st_grid *t)
{
	size_t	 i, j, n = statsview_ncols();

	st_grid_new(r->a, t, "Chỉ số theo đơn vị", statsview_heads(), n + 1,
	    s->nunits + (s->unit == 0));
	for (i = 0; i < s->nunits; i++) {
		t->cell[i * (n + 1)] = page_unit_name(r->a, s->units[i].kind,
		    s->units[i].name);
		for (j = 0; j < n; j++)
			t->cell[i * (n + 1) + 1 + j] = statsview_cell(r->a,
			    &s->units[i].v, j);
	}
	if (s->unit != 0)
		return;
	t->cell[i * (n + 1)] = "Toàn thành phố";
	for (j = 0; j < n; j++)
		t->cell[i * (n + 1) + 1 + j] = statsview_cell(r->a, &s->all, j);
}

static const char *const st_month_heads[] = {
	"Tháng", "Hồ sơ tiếp nhận", "Nộp trực tuyến", "Giải quyết đúng hạn",
	"Giải quyết trễ hạn", "Tỷ lệ đúng hạn",
};

static void
st_grid_months(struct request *r, const struct stats *s, struct st_grid *t)
{
	size_t	 i, n = 6;

	st_grid_new(r->a, t, "Hồ sơ theo tháng tiếp nhận", st_month_heads, n,
	    STATS_MONTHS);
	for (i = 0; i < STATS_MONTHS; i++) {
		const struct stats_month *m = &s->months[i];
		const char **c = t->cell + i * n;
		c[0] = arena_printf(r->a, "%02d/%d", m->m, m->y);
		c[1] = arena_printf(r->a, "%lld", (long long)m->received);
		c[2] = arena_printf(r->a, "%lld", (long long)m->online);
		c[3] = arena_printf(r->a, "%lld", (long long)m->on_time);
		c[4] = arena_printf(r->a, "%lld", (long long)m->late);
		c[5] = chart_pct(r->a, m->on_time, m->on_time + m->late);
	}
}

static const char *const st_proc_heads[] = {
	"Mã thủ tục", "Tên thủ tục", "Hồ sơ tiếp nhận", "Nộp trực tuyến",
	"Giải quyết đúng hạn", "Giải quyết trễ hạn", "Đang quá hạn",
	"Tỷ lệ đúng hạn",
};

static void
st_grid_procs(struct request *r, const struct stats *s, struct st_grid *t)
{
	size_t	 i, n = 8;

	st_grid_new(r->a, t, "Thủ tục được tiếp nhận nhiều nhất",
	    st_proc_heads, n, s->nprocs);
	for (i = 0; i < s->nprocs; i++) {
		const struct stats_proc *p = &s->procs[i];
		const char **c = t->cell + i * n;
		c[0] = p->code;
		c[1] = p->name;
		c[2] = arena_printf(r->a, "%lld", (long long)p->received);
		c[3] = arena_printf(r->a, "%lld", (long long)p->online);
		c[4] = arena_printf(r->a, "%lld", (long long)p->on_time);
		c[5] = arena_printf(r->a, "%lld", (long long)p->late);
		c[6] = arena_printf(r->a, "%lld", (long long)p->overdue);
		c[7] = chart_pct(r->a, p->on_time, p->on_time + p->late);
	}
}

static const char *const st_late_heads[] = {
	"Mã hồ sơ", "Tên thủ tục", "Ngày nhận", "Ngày hẹn trả",
	"Ngày có kết quả", "Trạng thái",
};

/* The late applications of unit g->unit (finished late, or overdue now),
 * their codes into *codes for the links. */
static int
st_grid_late(struct request *r, const struct st_range *g, struct st_grid *t)
{
	struct row_STATS_LATE	*v;
	long long		 off = clock_offset();
	size_t			 i, n, k = 6;

	if (db_all(r->db, r->a, STATS_LATE, &v, &n, "iiuiii", off,
	    (long long)clock_day(time(NULL)), (unsigned long long)g->unit,
	    (long long)g->from * 86400 - off,
	    ((long long)g->to + 1) * 86400 - off, (long long)ST_LATE_MAX) !=
	    DB_OK)
		return 0;
	st_grid_new(r->a, t, "Hồ sơ trễ hạn và quá hạn", st_late_heads, k, n);
	for (i = 0; i < n; i++) {
		const char **c = t->cell + i * k;
		c[0] = v[i].code;
		c[1] = v[i].proc_name;
		c[2] = v[i].received_at ? clock_date(r->a, v[i].received_at) : "";
		c[3] = desk_day(r, v[i].due_at);
		c[4] = v[i].decided_at ? clock_date(r->a, v[i].decided_at) : "";
		c[5] = status_name((long long)v[i].status);
	}
	return 1;
}

/* A grid as CSV: UTF-8 with a BOM, CRLF, an attachment. */
static int
st_csv(struct request *r, const struct st_grid *t, const char *name,
    const struct st_range *g)
{
	char	*buf = NULL;
	size_t	 len = 0, i, j;
	FILE	*f;

	if ((f = open_memstream(&buf, &len)) == NULL)
		return resp_error(r, 500, NULL);
	fputs("\xef\xbb\xbf", f);
	for (i = 0; i <= t->nrows; i++) {
		for (j = 0; j < t->ncols; j++)
			fprintf(f, "%s%s", j ? "," : "", csv_cell(r->a, i == 0 ?
			    t->head[j] : t->cell[(i - 1) * t->ncols + j]));
		fputs("\r\n", f);
	}
	if (fclose(f) != 0) {
		free(buf);
		return resp_error(r, 500, NULL);
	}
	arena_defer(r->a, free, buf);
	resp_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"thong-ke-%s-%s-%s.csv\"", name,
	    workday_iso(r->a, g->from), workday_iso(r->a, g->to)));
	resp_header(r, "Cache-Control", "private, no-store");
	return resp_text(r, 200, "text/csv; charset=utf-8", buf, len);
}

/* A grid into the template include marker; the first column of a row is
 * its header cell; url_col, if >= 0, links that column to
 * /mot-cua/ho-so/{cell}. */
static void
st_grid_fill(struct request *r, struct tmpl_dict *body, const char *marker,
    const struct st_grid *t, const char *csv_url, int link)
{
	struct tmpl_dict	*d = tmpl_include(body, marker, "stats_table.tpl");
	struct tmpl_dict	*row, *c;
	size_t			 i, j;

	tmpl_set(d, "CAPTION", t->caption);
	tmpl_set(d, "ID", marker);
	tmpl_set(d, "CSV_URL", csv_url);
	for (j = 0; j < t->ncols; j++)
		tmpl_set(tmpl_section(d, "HEAD"), "H", t->head[j]);
	for (i = 0; i < t->nrows; i++) {
		row = tmpl_section(d, "ROW");
		c = tmpl_section(row, link ? "LINKED" : "PLAIN");
		tmpl_set(c, "V", t->cell[i * t->ncols]);
		if (link)
			tmpl_set(c, "URL", arena_printf(r->a,
			    "/mot-cua/ho-so/%s", t->cell[i * t->ncols]));
		for (j = 1; j < t->ncols; j++)
			tmpl_set(tmpl_section(row, "CELL"), "V",
			    t->cell[i * t->ncols + j]);
	}
	tmpl_show(d, t->nrows > 0 ? "HAS_ROWS" : "NO_ROWS");
}

/* The summary of s's set (the city, or the one unit). */
static void
st_summary(struct request *r, struct tmpl_dict *d, const struct stats *s)
{
	const struct stats_ind	*v = s->unit != 0 && s->nunits == 1 ?
				    &s->units[0].v : &s->all;
	size_t			 j, n = statsview_ncols();

	for (j = 0; j < n; j++) {
		struct tmpl_dict *k;
		if (!statsview_kpi(j))
			continue;
		k = tmpl_section(d, "KPI");
		tmpl_set(k, "H", statsview_heads()[j + 1]);
		tmpl_set(k, "V", statsview_cell(r->a, v, j));
	}
}

/* The filter's choice of units, s's marked. */
static int
st_unit_choice(struct request *r, struct tmpl_dict *d, uint64_t unit,
    const char **name)
{
	struct row_UNITS_CURRENT	*v;
	size_t				 i, n;
	int				 found = unit == 0;

	if (db_all(r->db, r->a, UNITS_CURRENT, &v, &n, "") != DB_OK)
		return 500;
	for (i = 0; i < n; i++) {
		struct tmpl_dict *o = tmpl_section(d, "UNIT_OPTION");
		const char *full = page_unit_name(r->a, v[i].kind, v[i].name);
		tmpl_set_int(o, "ID", (long long)v[i].id);
		tmpl_set(o, "NAME", full);
		if (v[i].id == unit) {
			tmpl_show(o, "SELECTED");
			*name = full;
			found = 1;
		}
	}
	return found ? 0 : 404;
}

/* The page's charts, tables and links; desk: the desk's page of a unit. */
static int
st_page(struct request *r, struct page *p, const struct stats *s,
    const struct st_range *g, const char *path, int desk)
{
	struct tmpl_dict	*d = p->body;
	struct st_grid		 t;
	const char		*q = st_query(r, g), *csv;

	tmpl_set(d, "FROM", workday_iso(r->a, g->from));
	tmpl_set(d, "TO", workday_iso(r->a, g->to));
	tmpl_set(d, "FROM_DATE", clock_date(r->a, (int64_t)g->from * 86400));
	tmpl_set(d, "TO_DATE", clock_date(r->a, (int64_t)g->to * 86400));
	tmpl_set(d, "JSON_URL", arena_printf(r->a, "/api/v1/stats?%s", q));
	st_summary(r, d, s);
	csv = arena_printf(r->a, "%s?%s&dinh_dang=csv&bang=", path, q);
	if (s->unit == 0) {
		statsview_chart_units(r, d, s);
		statsview_chart_rank(r, d, s);
	}
	statsview_chart_trend(r, d, s);
	st_grid_units(r, s, &t);
	st_grid_fill(r, d, "TABLE_UNITS", &t, arena_printf(r->a, "%s%s", csv,
	    st_table_slug[ST_UNITS]), 0);
	st_grid_months(r, s, &t);
	st_grid_fill(r, d, "TABLE_MONTHS", &t, arena_printf(r->a, "%s%s", csv,
	    st_table_slug[ST_MONTHS]), 0);
	st_grid_procs(r, s, &t);
	st_grid_fill(r, d, "TABLE_PROCS", &t, arena_printf(r->a, "%s%s", csv,
	    st_table_slug[ST_PROCS]), 0);
	if (desk) {
		if (!st_grid_late(r, g, &t))
			return resp_error(r, 500, NULL);
		st_grid_fill(r, d, "TABLE_LATE", &t, arena_printf(r->a, "%s%s",
		    csv, st_table_slug[ST_LATE]), 1);
	}
	resp_header(r, "Cache-Control", desk ? "private, no-store" :
	    "public, max-age=60");
	return resp_page(r, 200, p);
}

/* One table as CSV. */
static int
st_table_csv(struct request *r, const struct stats *s,
    const struct st_range *g, int desk)
{
	struct st_grid	 t;
	enum st_table	 k = desk_given(r, KEY_TABLE) ?
			    (enum st_table)r->val[KEY_TABLE].u : ST_UNITS;

	if (k == ST_MONTHS)
		st_grid_months(r, s, &t);
	else if (k == ST_PROCS)
		st_grid_procs(r, s, &t);
	else if (k == ST_LATE && !desk)
		return resp_error(r, 404, "Bảng hồ sơ trễ hạn chỉ có trong "
		    "trang thống kê của bộ phận một cửa.");
	else if (k == ST_LATE && !st_grid_late(r, g, &t))
		return resp_error(r, 500, NULL);
	else if (k == ST_UNITS)
		st_grid_units(r, s, &t);
	return st_csv(r, &t, st_table_slug[k], g);
}

/* The indicators of the range and unit of the page, or an error page. */
static int
st_load(struct request *r, const struct st_range *g, struct stats **s)
{
	if (stats_get(r->db, r->a, g->unit, g->from, g->to, s) != STATS_OK)
		return resp_error(r, 500, NULL);
	return 0;
}

/* GET /thong-ke: the city's statistics, or a unit's (don_vi). */
int
h_stats(struct request *r)
{
	struct st_range	 g;
	struct page	 p;
	struct stats	*s;
	const char	*why, *name = NULL;
	int		 st;

	resp_page_new(r, &p, "Thống kê dịch vụ công", "stats.tpl");
	if ((why = statsview_range(r, &g)) != NULL)
		return resp_error(r, 400, why);
	g.unit = desk_given(r, KEY_UNIT) ? r->val[KEY_UNIT].u : 0;
	if ((st = st_unit_choice(r, p.body, g.unit, &name)) != 0)
		return resp_error(r, st, st == 404 ? "Không có đơn vị này." :
		    NULL);
	if ((st = st_load(r, &g, &s)) != 0)
		return st;
	if (desk_given(r, KEY_FORMAT))
		return st_table_csv(r, s, &g, 0);
	tmpl_set(p.body, "SCOPE", name != NULL ? name : "Thành phố Phổ Yên");
	tmpl_show(p.body, "PUBLIC");
	if (g.unit != 0)
		tmpl_set(tmpl_section(p.body, "ALL_LINK"), "URL",
		    arena_printf(r->a, "/thong-ke?tu_ngay=%s&den_ngay=%s",
		    workday_iso(r->a, g.from), workday_iso(r->a, g.to)));
	return st_page(r, &p, s, &g, "/thong-ke", 0);
}

/* GET /mot-cua/thong-ke: a unit's statistics for its staff and leaders,
 * with its late applications. */
int
h_desk_stats(struct request *r)
{
	struct desk_unit u;
	struct st_range	 g;
	struct page	 p;
	struct stats	*s;
	const char	*why;
	int		 st;

	resp_page_new(r, &p, "Thống kê của bộ phận một cửa", "stats.tpl");
	if ((st = desk_unit_pick(r, &u, p.body)) != 0)
		return resp_error(r, st, NULL);
	if ((why = statsview_range(r, &g)) != NULL)
		return resp_error(r, 400, why);
	g.unit = u.id;
	if ((st = st_load(r, &g, &s)) != 0)
		return st;
	if (desk_given(r, KEY_FORMAT))
		return st_table_csv(r, s, &g, 1);
	tmpl_set(p.body, "SCOPE", u.full);
	tmpl_set_int(tmpl_section(p.body, "DESK"), "UNIT_ID", (long long)u.id);
	tmpl_set(p.body, "DESK_URL", arena_printf(r->a, "/mot-cua/?don_vi=%llu",
	    (unsigned long long)u.id));
	return st_page(r, &p, s, &g, "/mot-cua/thong-ke", 1);
}
