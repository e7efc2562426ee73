/* What the statistics' pages (h/h_stats.c) and API (h/h_stats_api.c)
 * share: the range asked for; the indicators as one table of columns
 * (head, JSON name, kind), which makes the page's table, its CSV and the
 * JSON alike; the charts, drawn by templates from the geometry counted
 * here (core/chart.c). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/stats.h"
#include "core/arena.h"
#include "core/chart.h"
#include "core/clock.h"
#include "core/tmpl.h"
#include "core/workday.h"
#include "h/desk.h"
#include "h/page.h"
#include "h/statsview.h"
#include "http/request.h"

#define SV_DAYS_MAX	366

/* The range asked for: tu_ngay and den_ngay, days of the city; by
 * default the twelve months up to today (this month's days so far).
 * Returns NULL, or why the range is refused. */
const char *
statsview_range(struct request *r, struct st_range *g)
{
	int	 f = desk_given(r, KEY_FROM), t = desk_given(r, KEY_TO);
	int	 y, m, d;

	g->to = t ? (int32_t)r->val[KEY_TO].u : (int32_t)clock_day(time(NULL));
	workday_ymd(g->to, &y, &m, &d);
	stats_month_back(y, m, STATS_MONTHS - 1, &y, &m);
	g->from = f ? (int32_t)r->val[KEY_FROM].u : workday_civil(y, m, 1);
	if (g->from > g->to)
		return "Ngày bắt đầu (tu_ngay) sau ngày kết thúc (den_ngay).";
	if (g->to - g->from + 1 > SV_DAYS_MAX)
		return "Khoảng thời gian dài hơn 366 ngày: hãy chọn khoảng "
		    "ngắn hơn.";
	return NULL;
}

enum sv_kind {
	SV_COUNT,	/* a count: field a */
	SV_PCT,		/* a share: a / b, as a per cent */
	SV_RATIO,	/* a / b, two decimals */
	SV_DAYS_AVG,	/* the average processing time */
	SV_P90,		/* its 90th percentile */
	SV__MAX
};

struct sv_col {
	const char	*head, *json;
	enum sv_kind	 kind;
	int		 kpi;		/* in the page's summary */
	size_t		 a, b;
};

#define SV_F(x)	offsetof(struct stats_ind, x)

/* The indicators, in the order of the tables and the CSV (README:
 * "Statistics" defines each). */
static const struct sv_col sv_cols[] = {
	{ "Hồ sơ tiếp nhận", "received", SV_COUNT, 1, SV_F(received), 0 },
	{ "Nộp trực tuyến", "online", SV_COUNT, 0, SV_F(online), 0 },
	{ "Nộp trực tiếp", "counter", SV_COUNT, 0, SV_F(counter), 0 },
	{ "Qua bưu chính", "post", SV_COUNT, 0, SV_F(post), 0 },
	{ "Tỷ lệ nộp trực tuyến", "online_share", SV_PCT, 1, SV_F(online),
	    SV_F(received) },
	{ "Đã giải quyết", "finished", SV_COUNT, 0, SV_F(finished), 0 },
	{ "Giải quyết đúng hạn", "on_time", SV_COUNT, 0, SV_F(on_time), 0 },
	{ "Giải quyết trễ hạn", "late", SV_COUNT, 0, SV_F(late), 0 },
	{ "Tỷ lệ giải quyết đúng hạn", "on_time_rate", SV_PCT, 1,
	    SV_F(on_time), SV_F(finished) },
	{ "Đang giải quyết, còn hạn", "pending", SV_COUNT, 0, SV_F(pending),
	    0 },
	{ "Đang quá hạn", "overdue", SV_COUNT, 1, SV_F(overdue), 0 },
	{ "Thời gian xử lý trung bình (ngày làm việc)", "days_avg",
	    SV_DAYS_AVG, 1, 0, 0 },
	{ "Thời gian xử lý, phân vị 90 (ngày làm việc)", "days_p90", SV_P90,
	    1, 0, 0 },
	{ "Yêu cầu bổ sung hồ sơ", "supplements", SV_COUNT, 0,
	    SV_F(supplements), 0 },
	{ "Yêu cầu bổ sung trên một hồ sơ", "supplements_per_application",
	    SV_RATIO, 1, SV_F(supplements), SV_F(received) },
	{ "Hồ sơ trực tiếp được số hóa", "digitised", SV_COUNT, 0,
	    SV_F(digitised), 0 },
	{ "Tỷ lệ số hóa hồ sơ trực tiếp", "digitised_share", SV_PCT, 1,
	    SV_F(digitised), SV_F(counter) },
	{ "Lượt đánh giá", "ratings", SV_COUNT, 0, SV_F(ratings), 0 },
	{ "Đánh giá hài lòng (4–5 điểm)", "satisfied", SV_COUNT, 0,
	    SV_F(satisfied), 0 },
	{ "Điểm đánh giá trung bình (1–5)", "rating_avg", SV_RATIO, 1,
	    SV_F(rating_sum), SV_F(ratings) },
	{ "Tỷ lệ hài lòng", "satisfied_share", SV_PCT, 1, SV_F(satisfied),
	    SV_F(ratings) },
	{ "Tin bài đã đăng", "articles", SV_COUNT, 1, SV_F(articles), 0 },
	{ "Câu hỏi đã trả lời", "answers", SV_COUNT, 1, SV_F(answers), 0 },
};

#define SV_NCOLS	(sizeof(sv_cols) / sizeof(sv_cols[0]))

static const char *sv_heads[SV_NCOLS + 1];

static int64_t
sv_field(const struct stats_ind *v, size_t off)
{
	int64_t	 x;

	memcpy(&x, (const char *)v + off, sizeof(x));
	return x;
}

size_t
statsview_ncols(void)
{
	return SV_NCOLS;
}

/* "Đơn vị", then every column's head. */
const char *const *
statsview_heads(void)
{
	size_t	 j;

	sv_heads[0] = "Đơn vị";
	for (j = 0; j < SV_NCOLS; j++)
		sv_heads[j + 1] = sv_cols[j].head;
	return sv_heads;
}

int
statsview_kpi(size_t j)
{
	return j < SV_NCOLS && sv_cols[j].kpi;
}

const char *
statsview_json_name(size_t j)
{
	return j < SV_NCOLS ? sv_cols[j].json : "";
}

/* Column j of v as a number; *null when it has none (a share of
 * nothing), *integer when it is a count. */
double
statsview_value(const struct stats_ind *v, size_t j, int *null, int *integer)
{
	const struct sv_col	*c = &sv_cols[j];
	int64_t			 den = c->kind == SV_PCT || c->kind == SV_RATIO ?
			    sv_field(v, c->b) : 0;

	*null = 0;
	*integer = c->kind == SV_COUNT || c->kind == SV_P90;
	if (c->kind == SV_COUNT)
		return (double)sv_field(v, c->a);
	if (c->kind == SV_DAYS_AVG || c->kind == SV_P90)
		*null = v->timed == 0;
	else
		*null = den == 0;
	if (c->kind == SV_DAYS_AVG)
		return v->days_avg;
	if (c->kind == SV_P90)
		return (double)v->days_p90;
	return stats_ratio(sv_field(v, c->a), den);
}

/* x with the given decimals and a decimal comma ("3,5"). */
static const char *
sv_decimal(struct arena *a, double x, int decimals)
{
	char	*s = arena_printf(a, "%.*f", decimals, x), *dot;

	if ((dot = strchr(s, '.')) != NULL)
		*dot = ',';
	return s;
}

/* Column j of v as the page and the CSV show it; "—" for none. */
const char *
statsview_cell(struct arena *a, const struct stats_ind *v, size_t j)
{
	const struct sv_col	*c = &sv_cols[j];
	int			 null, integer;
	double			 x = statsview_value(v, j, &null, &integer);

	if (null)
		return "—";
	if (c->kind == SV_PCT)
		return chart_pct(a, sv_field(v, c->a), sv_field(v, c->b));
	if (integer)
		return arena_printf(a, "%lld", (long long)x);
	return sv_decimal(a, x, c->kind == SV_DAYS_AVG ? 1 : 2);
}

/* The geometry of the horizontal bar charts (user units). */
#define SV_BAR_W	640
#define SV_BAR_LABEL	176	/* the labels end here */
#define SV_BAR_X	184
#define SV_BAR_LEN	360
#define SV_BAR_ROW	26
#define SV_BAR_H	18

/* One bar. */
struct sv_bar {
	const char	*label, *value;
	int64_t		 v;
};

/* A bar chart and its data table, into the include marker. */
static void
sv_bars(struct request *r, struct tmpl_dict *body, const char *marker,
    const char *title, const char *desc, const char *col,
    const struct sv_bar *b, size_t n, int64_t max)
{
	struct tmpl_dict	*d = tmpl_include(body, marker, "stats_bars.tpl");
	size_t			 i;

	tmpl_set(d, "ID", marker);
	tmpl_set(d, "TITLE", title);
	tmpl_set(d, "DESC", desc);
	tmpl_set(d, "COL", col);
	tmpl_set_int(d, "W", SV_BAR_W);
	tmpl_set_int(d, "H", (long long)(n * SV_BAR_ROW + 16));
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(d, "BAR");
		int len = chart_len(b[i].v, max, SV_BAR_LEN), y =
		    8 + (int)i * SV_BAR_ROW;
		tmpl_set(s, "LABEL", b[i].label);
		tmpl_set(s, "VALUE", b[i].value);
		tmpl_set_int(s, "LX", SV_BAR_LABEL);
		tmpl_set_int(s, "X", SV_BAR_X);
		tmpl_set_int(s, "Y", y);
		tmpl_set_int(s, "TY", y + 14);
		tmpl_set_int(s, "BW", len);
		tmpl_set_int(s, "BH", SV_BAR_H);
		tmpl_set_int(s, "VX", SV_BAR_X + len + 6);
	}
	tmpl_show(d, n > 0 ? "HAS_BARS" : "NO_BARS");
	(void)r;
}

/* The applications received per unit. */
void
statsview_chart_units(struct request *r, struct tmpl_dict *d,
    const struct stats *s)
{
	struct sv_bar	*b = arena_calloc(r->a, s->nunits + 1, sizeof(*b));
	int64_t		 max = 0;
	size_t		 i;

	for (i = 0; i < s->nunits; i++) {
		b[i].label = page_unit_name(r->a, s->units[i].kind,
		    s->units[i].name);
		b[i].v = s->units[i].v.received;
		b[i].value = arena_printf(r->a, "%lld", (long long)b[i].v);
		if (b[i].v > max)
			max = b[i].v;
	}
	sv_bars(r, d, "CHART_UNITS", "Hồ sơ tiếp nhận theo đơn vị",
	    arena_printf(r->a, "Biểu đồ cột ngang: số hồ sơ mỗi đơn vị tiếp "
	    "nhận từ %s đến %s; nhiều nhất %lld hồ sơ.", workday_iso(r->a,
	    s->from), workday_iso(r->a, s->to), (long long)max),
	    "Hồ sơ tiếp nhận", b, s->nunits, chart_nice(max));
}

static int
sv_rank_cmp(const void *x, const void *y)
{
	const struct sv_bar	*a = x, *b = y;

	if (a->v != b->v)
		return a->v > b->v ? -1 : 1;
	return strcmp(a->label, b->label);
}

/* The units ranked by their on-time rate (those with a finished
 * application), in tenths of a per cent. */
void
statsview_chart_rank(struct request *r, struct tmpl_dict *d,
    const struct stats *s)
{
	struct sv_bar	*b = arena_calloc(r->a, s->nunits + 1, sizeof(*b));
	size_t		 i, n = 0;

	for (i = 0; i < s->nunits; i++) {
		const struct stats_ind *v = &s->units[i].v;
		if (v->finished == 0)
			continue;
		b[n].label = page_unit_name(r->a, s->units[i].kind,
		    s->units[i].name);
		b[n].v = (v->on_time * 2000 + v->finished) / (v->finished * 2);
		b[n].value = chart_pct(r->a, v->on_time, v->finished);
		n++;
	}
	qsort(b, n, sizeof(*b), sv_rank_cmp);
	sv_bars(r, d, "CHART_RANK", "Xếp hạng đơn vị theo tỷ lệ giải quyết "
	    "đúng hạn", "Biểu đồ cột ngang: tỷ lệ hồ sơ giải quyết đúng hạn "
	    "trên số hồ sơ đã giải quyết của mỗi đơn vị, cao nhất ở trên; "
	    "thang từ 0 đến 100%.", "Tỷ lệ đúng hạn", b, n, 1000);
}

/* The geometry of the trend chart. */
#define SV_LINE_W	640
#define SV_LINE_H	270
#define SV_LINE_X	64
#define SV_LINE_Y	16
#define SV_LINE_PW	552
#define SV_LINE_PH	200

/* The axes of the trend: four grid lines and the months. */
static void
sv_axes(struct request *r, struct tmpl_dict *d, const struct stats *s,
    int64_t max)
{
	int	 i, step = chart_step(STATS_MONTHS, SV_LINE_PW);

	for (i = 0; i <= 4; i++) {
		struct tmpl_dict *g = tmpl_section(d, "GRID");
		tmpl_set_int(g, "Y", SV_LINE_Y + SV_LINE_PH - SV_LINE_PH * i / 4);
		tmpl_set_int(g, "X1", SV_LINE_X);
		tmpl_set_int(g, "X2", SV_LINE_X + SV_LINE_PW);
		tmpl_set_int(g, "LX", SV_LINE_X - 6);
		tmpl_set(g, "LABEL", arena_printf(r->a, "%lld",
		    (long long)(max * i / 4)));
	}
	for (i = 0; i < STATS_MONTHS; i++) {
		struct tmpl_dict *m = tmpl_section(d, "MONTH");
		tmpl_set_int(m, "X", SV_LINE_X + i * step);
		tmpl_set_int(m, "Y", SV_LINE_Y + SV_LINE_PH + 18);
		tmpl_set(m, "LABEL", arena_printf(r->a, "%02d/%02d",
		    s->months[i].m, s->months[i].y % 100));
	}
}

/* The twelve months' applications received, and those online. */
void
statsview_chart_trend(struct request *r, struct tmpl_dict *body,
    const struct stats *s)
{
	struct tmpl_dict	*d = tmpl_include(body, "CHART_TREND",
				    "stats_line.tpl");
	int64_t			 rec[STATS_MONTHS], onl[STATS_MONTHS], max = 0;
	int			 i;

	for (i = 0; i < STATS_MONTHS; i++) {
		rec[i] = s->months[i].received;
		onl[i] = s->months[i].online;
		if (rec[i] > max)
			max = rec[i];
	}
	max = 4 * chart_nice((max + 3) / 4);	/* four even steps */
	tmpl_set_int(d, "W", SV_LINE_W);
	tmpl_set_int(d, "H", SV_LINE_H);
	tmpl_set(d, "DESC", arena_printf(r->a, "Biểu đồ đường: số hồ sơ tiếp "
	    "nhận mỗi tháng (đường liền) và số hồ sơ nộp trực tuyến (đường "
	    "nét đứt), từ tháng %02d/%d đến tháng %02d/%d; trục dọc từ 0 "
	    "đến %lld.", s->months[0].m, s->months[0].y,
	    s->months[STATS_MONTHS - 1].m, s->months[STATS_MONTHS - 1].y,
	    (long long)max));
	sv_axes(r, d, s, max);
	tmpl_set(d, "RECEIVED", chart_points(r->a, rec, STATS_MONTHS, max,
	    SV_LINE_X, SV_LINE_Y, SV_LINE_PW, SV_LINE_PH));
	tmpl_set(d, "ONLINE", chart_points(r->a, onl, STATS_MONTHS, max,
	    SV_LINE_X, SV_LINE_Y, SV_LINE_PW, SV_LINE_PH));
	for (i = 0; i < STATS_MONTHS; i++) {
		struct tmpl_dict *m = tmpl_section(d, "ROW");
		tmpl_set(m, "MONTH", arena_printf(r->a, "%02d/%d",
		    s->months[i].m, s->months[i].y));
		tmpl_set_int(m, "RECEIVED", (long long)rec[i]);
		tmpl_set_int(m, "ONLINE", (long long)onl[i]);
	}
}
