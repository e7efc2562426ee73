/* The register of a unit's applications (Sổ theo dõi hồ sơ, Mẫu 07),
 * /mot-cua/so-theo-doi: those received in a date range (this month by
 * default), one row each with the register's columns, 100 a page, or
 * the whole range as CSV (dinh_dang=csv).  The CSV is bounded, not
 * streamed: at most REG_CSV_MAX rows in one file (a unit's month is a
 * few thousand); a range with more is refused (400) with a word to
 * choose a shorter one. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/status.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/csv.h"
#include "core/tmpl.h"
#include "core/workday.h"
#include "data/db.h"
#include "h/desk.h"
#include "h/h.h"
#include "http/request.h"
#include "http/resp.h"

#define REG_PAGE	100
#define REG_CSV_MAX	20000
#define REG_DAYS_MAX	366

/* The register's range: days since 1970-01-01, the city's. */
struct reg_range {
	int64_t		 from, to;
};

/* The columns of Mẫu 07, in order. */
static const char *const reg_heads[] = {
	"STT", "Mã hồ sơ", "Tên thủ tục", "Người nộp", "Địa chỉ, số điện thoại",
	"Ngày nhận", "Ngày hẹn trả", "Ngày có kết quả", "Ngày trả kết quả",
	"Trạng thái", "Ghi chú",
};

static int64_t
month_first(int64_t day)
{
	int	 y, m, d;

	workday_ymd((int32_t)day, &y, &m, &d);
	return workday_civil(y, m, 1);
}

static int64_t
month_last(int64_t day)
{
	int	 y, m, d;

	workday_ymd((int32_t)day, &y, &m, &d);
	return workday_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1;
}

/* The range asked for: tu_ngay and den_ngay, the missing one from the
 * other's month, both missing: this month.  Returns NULL, or why it is
 * refused. */
static const char *
reg_range_read(struct request *r, struct reg_range *g)
{
	int64_t	 today = clock_day(time(NULL));
	int	 f = desk_given(r, KEY_FROM), t = desk_given(r, KEY_TO);

	g->from = f ? (int64_t)r->val[KEY_FROM].u : month_first(t ?
	    (int64_t)r->val[KEY_TO].u : today);
	g->to = t ? (int64_t)r->val[KEY_TO].u : month_last(g->from);
	if (g->from > g->to)
		return "Ngày bắt đầu (tu_ngay) sau ngày kết thúc (den_ngay).";
	if (g->to - g->from + 1 > REG_DAYS_MAX)
		return "Khoảng thời gian dài hơn 366 ngày: hãy chọn khoảng "
		    "ngắn hơn.";
	return NULL;
}

/* The local day of a UTC instant as "dd/mm/yyyy" ("" for 0). */
static const char *
reg_date(struct request *r, int64_t t)
{
	return t == 0 ? "" : clock_date(r->a, t);
}

/* The register's note: late (marked, or decided after the appointment)
 * and how the result was returned. */
static const char *
reg_note(struct request *r, const struct row_REG_PAGE *v)
{
	int	 late = v->late_at != 0 || (v->decided_at != 0 &&
		    v->due_at != 0 && clock_day(v->decided_at) >
		    v->due_at / 86400);
	const char *via = v->returned_via == NULL ? "" :
	    strcmp(v->returned_via, "online") == 0 ? "Trả kết quả trực tuyến" :
	    "Trả kết quả tại bộ phận một cửa";

	if (late && *via)
		return arena_printf(r->a, "Trễ hạn; %s", via);
	return late ? "Trễ hạn" : via;
}

/* The cells of one row, in reg_heads' order. */
static void
reg_cells(struct request *r, const struct row_REG_PAGE *v, uint64_t n,
    const char **c)
{
	c[0] = arena_printf(r->a, "%llu", (unsigned long long)n);
	c[1] = v->code;
	c[2] = v->proc_name;
	c[3] = v->applicant;
	c[4] = v->phone ? v->phone : "";
	c[5] = reg_date(r, v->received_at);
	c[6] = desk_day(r, v->due_at);
	c[7] = reg_date(r, v->decided_at);
	c[8] = reg_date(r, v->returned_at);
	c[9] = status_name((long long)v->status);
	c[10] = reg_note(r, v);
}

#define REG_COLS	(sizeof(reg_heads) / sizeof(reg_heads[0]))

/* The range as CSV: UTF-8 with a BOM (so that spreadsheet programs read
 * it as UTF-8), CRLF line ends, an attachment. */
static int
reg_csv(struct request *r, const struct desk_unit *u,
    const struct reg_range *g, int64_t lo, int64_t hi)
{
	struct row_REG_PAGE	*v;
	const char		*c[REG_COLS];
	char			*buf = NULL;
	size_t			 len = 0, i, j, n;
	FILE			*f;

	if (db_all(r->db, r->a, REG_PAGE, &v, &n, "uiiii",
	    (unsigned long long)u->id, (long long)lo, (long long)hi,
	    (long long)REG_CSV_MAX, 0LL) != DB_OK ||
	    (f = open_memstream(&buf, &len)) == NULL)
		return resp_error(r, 500, NULL);
	fputs("\xef\xbb\xbf", f);
	for (j = 0; j < REG_COLS; j++)
		fprintf(f, "%s%s", j ? "," : "", csv_cell(r->a, reg_heads[j]));
	fputs("\r\n", f);
	for (i = 0; i < n; i++) {
		reg_cells(r, &v[i], i + 1, c);
		for (j = 0; j < REG_COLS; j++)
			fprintf(f, "%s%s", j ? "," : "", csv_cell(r->a, c[j]));
		fputs("\r\n", f);
	}
	if (fclose(f) != 0) {
		free(buf);
		return resp_error(r, 500, NULL);
	}
	arena_defer(r->a, free, buf);
	resp_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"so-theo-doi-%s-%s-%s.csv\"", u->slug,
	    workday_iso(r->a, (int32_t)g->from),
	    workday_iso(r->a, (int32_t)g->to)));
	resp_header(r, "Cache-Control", "private, no-store");
	return resp_text(r, 200, "text/csv; charset=utf-8", buf, len);
}

/* The page's links: the CSV of the range, the other pages. */
static void
reg_links(struct request *r, struct tmpl_dict *d, const struct desk_unit *u,
    const struct reg_range *g, uint64_t page, long long total)
{
	const char	*base = arena_printf(r->a,
			    "/mot-cua/so-theo-doi?don_vi=%llu&tu_ngay=%s"
			    "&den_ngay=%s", (unsigned long long)u->id,
			    workday_iso(r->a, (int32_t)g->from),
			    workday_iso(r->a, (int32_t)g->to));
	uint64_t	 pages = total > 0 ? ((uint64_t)total + REG_PAGE - 1) /
			    REG_PAGE : 1;

	tmpl_set(d, "CSV_URL", arena_printf(r->a, "%s&dinh_dang=csv", base));
	tmpl_set_int(d, "TOTAL", total);
	tmpl_set_int(d, "PAGE", (long long)page);
	tmpl_set_int(d, "PAGES", (long long)pages);
	if (page > 1)
		tmpl_set(tmpl_section(d, "PREV"), "URL", arena_printf(r->a,
		    "%s&trang=%llu", base, (unsigned long long)(page > pages ?
		    pages : page - 1)));
	if (page < pages)
		tmpl_set(tmpl_section(d, "NEXT"), "URL", arena_printf(r->a,
		    "%s&trang=%llu", base, (unsigned long long)page + 1));
	if (total > REG_CSV_MAX)
		tmpl_show(d, "CSV_TOO_BIG");
	else
		tmpl_show(d, "CSV");
}

/* The range's page as HTML. */
static int
reg_html(struct request *r, struct page *p, const struct desk_unit *u,
    const struct reg_range *g, int64_t lo, int64_t hi, long long total)
{
	struct row_REG_PAGE	*v;
	const char		*c[REG_COLS];
	struct tmpl_dict	*s;
	uint64_t		 page = r->val[KEY_PAGE].u ? r->val[KEY_PAGE].u : 1;
	size_t			 i, n;

	if (db_all(r->db, r->a, REG_PAGE, &v, &n, "uiiii",
	    (unsigned long long)u->id, (long long)lo, (long long)hi,
	    (long long)REG_PAGE, (long long)((page - 1) * REG_PAGE)) != DB_OK)
		return resp_error(r, 500, NULL);
	tmpl_set(p->body, "UNIT_NAME", u->full);
	tmpl_set_int(p->body, "UNIT_ID", (long long)u->id);
	tmpl_set(p->body, "FROM", workday_iso(r->a, (int32_t)g->from));
	tmpl_set(p->body, "TO", workday_iso(r->a, (int32_t)g->to));
	tmpl_set(p->body, "DESK_URL", arena_printf(r->a, "/mot-cua/?don_vi=%llu",
	    (unsigned long long)u->id));
	tmpl_set_int(p->body, "CSV_MAX", REG_CSV_MAX);
	for (i = 0; i < n; i++) {
		reg_cells(r, &v[i], (page - 1) * REG_PAGE + i + 1, c);
		s = tmpl_section(p->body, "ROW");
		tmpl_set(s, "STT", c[0]);
		tmpl_set(s, "CODE", c[1]);
		tmpl_set(s, "PROCEDURE_NAME", c[2]);
		tmpl_set(s, "APPLICANT", c[3]);
		tmpl_set(s, "CONTACT", c[4]);
		tmpl_set(s, "RECEIVED", c[5]);
		tmpl_set(s, "DUE", c[6]);
		tmpl_set(s, "DECIDED", c[7]);
		tmpl_set(s, "RETURNED", c[8]);
		tmpl_set(s, "STATUS_NAME", c[9]);
		tmpl_set(s, "NOTE", c[10]);
	}
	tmpl_show(p->body, n > 0 ? "HAS_ROWS" : "NO_ROWS");
	reg_links(r, p->body, u, g, page, total);
	return resp_page(r, 200, p);
}

/* GET /mot-cua/so-theo-doi */
int
h_desk_register(struct request *r)
{
	struct row_REG_COUNT	 c;
	struct desk_unit	 u;
	struct reg_range	 g;
	struct page		 p;
	const char		*why;
	int64_t			 lo, hi;
	int			 st;

	resp_page_new(r, &p, "Sổ theo dõi hồ sơ", "desk_register.tpl");
	if ((st = desk_unit_pick(r, &u, NULL)) != 0)
		return resp_error(r, st, NULL);
	if ((why = reg_range_read(r, &g)) != NULL)
		return resp_error(r, 400, why);
	lo = g.from * 86400 - clock_offset();
	hi = (g.to + 1) * 86400 - clock_offset();
	if (db_one(r->db, r->a, REG_COUNT, &c, "uii", (unsigned long long)u.id,
	    (long long)lo, (long long)hi) != DB_OK)
		return resp_error(r, 500, NULL);
	if (desk_given(r, KEY_FORMAT) && c.n > REG_CSV_MAX)
		return resp_error(r, 400, arena_printf(r->a, "Khoảng thời gian "
		    "có %lld hồ sơ, quá %d hồ sơ của một tệp CSV: hãy chọn "
		    "khoảng ngắn hơn.", (long long)c.n, REG_CSV_MAX));
	if (desk_given(r, KEY_FORMAT))
		return reg_csv(r, &u, &g, lo, hi);
	return reg_html(r, &p, &u, &g, lo, hi, c.n);
}
