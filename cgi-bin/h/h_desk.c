/* The one-stop desk's queue, /mot-cua/ (issue 9): a unit's submitted
 * applications by appointment date, filtered by status, procedure,
 * channel, assignee and deadline, 50 a page, with the counts by status.
 * Overdue applications and those due within two working days are marked
 * with a word, not a colour alone.  The queries and their indexes:
 * data/st_queue.h, migration 0017. */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "app/status.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/role.h"
#include "core/text.h"
#include "core/tmpl.h"
#include "core/workday.h"
#include "data/db.h"
#include "h/desk.h"
#include "h/h.h"
#include "h/page.h"
#include "http/authz.h"
#include "http/request.h"
#include "http/resp.h"

#define DESK_PAGE	50

_Static_assert(sizeof(struct row_QUEUE_PAGE) ==
    sizeof(struct row_QUEUE_NODUE) && sizeof(struct row_QUEUE_PAGE) ==
    sizeof(struct row_QUEUE_PAGE_STATUS), "the queue's statements: one row");

/* The queue's filter, as read from the request. */
struct desk_filter {
	uint64_t	 unit, status, proc_id, assignee, page;
	const char	*proc, *channel;	/* "" for any */
	uint64_t	 due;			/* 0 none, 1 overdue, 2 soon */
	int		 no_proc;		/* a code no procedure has */
	const char	*lo, *hi;		/* the due window's days */
};

/* The unit's applications by status (QUEUE_STATUS_COUNTS): all, and
 * those without an appointment date. */
struct desk_counts {
	long long	 n[STATUS__MAX], nodue[STATUS__MAX];
};

/* The channels: applications.channel, its label. */
static const struct {
	const char	*value, *label;
} channels[] = {
	{ "online", "Trực tuyến" },
	{ "counter", "Trực tiếp tại bộ phận một cửa" },
	{ "post", "Qua bưu chính" },
};

/* The deadline filter: KEY_DUE's words in http/key.c's order (its u is
 * the index), their labels. */
static const struct {
	const char	*word, *label;
} dues[] = {
	{ "qua-han", "Quá hạn" },
	{ "sap-den-han", "Đến hạn trong 2 ngày làm việc" },
};

static const char *
channel_label(const char *value)
{
	size_t	 i;

	for (i = 0; i < sizeof(channels) / sizeof(channels[0]); i++)
		if (value != NULL && strcmp(value, channels[i].value) == 0)
			return channels[i].label;
	return "";
}

/* "dd/mm/yyyy" of day (days since 1970-01-01). */
static const char *
day_text(struct arena *a, int64_t day)
{
	int	 y, m, d;

	workday_ymd((int32_t)day, &y, &m, &d);
	return arena_printf(a, "%02d/%02d/%04d", d, m, y);
}

/* "dd/mm/yyyy" of a DATE column (read as midnight UTC); "" for NULL (0). */
const char *
desk_day(struct request *r, int64_t t)
{
	return t == 0 ? "" : day_text(r->a, t / 86400);
}

/* 1 when key k was sent with a value: the filter form sends its empty
 * choices ("Tất cả") as empty values, which mean "not given". */
int
desk_given(const struct request *r, enum key k)
{
	return r->val[k].present && r->val[k].raw != NULL &&
	    r->val[k].raw[0] != '\0';
}

/* The unit of the page: don_vi when the person is staff or leader there,
 * else (not given) the first such unit; d, when not NULL, gets the
 * choice of units (DESK_UNIT sections).  Returns 0 (found), or the HTTP
 * status to answer: 404 for a unit not theirs. */
int
desk_unit_pick(struct request *r, struct desk_unit *u,
    struct tmpl_dict *d)
{
	struct row_DESK_UNITS	*v;
	size_t			 i, n;
	int			 found = 0;

	if (db_all(r->db, r->a, DESK_UNITS, &v, &n, "u",
	    (unsigned long long)r->user->id) != DB_OK)
		return 500;
	for (i = 0; i < n; i++) {
		const char *full = page_unit_name(r->a, v[i].kind, v[i].name);
		int here = desk_given(r, KEY_UNIT) ?
		    v[i].unit_id == r->val[KEY_UNIT].u : i == 0;
		if (i > 0 && v[i].unit_id == v[i - 1].unit_id)
			continue;	/* staff and leader there */
		if (here && !found) {
			u->id = v[i].unit_id;
			u->slug = v[i].slug;
			u->full = full;
			found = 1;
		}
		if (d != NULL) {
			struct tmpl_dict *s = tmpl_section(d, "DESK_UNIT");
			tmpl_set(s, "UNIT_NAME", full);
			if (here)
				tmpl_show(s, "CURRENT");
			else
				tmpl_set(tmpl_section(s, "LINK"), "URL",
				    arena_printf(r->a, "%s?don_vi=%llu",
				    r->path, (unsigned long long)v[i].unit_id));
		}
	}
	return found ? 0 : 404;
}

/* The calendar from today on, into c.  Returns 0 on a database error. */
static int
desk_calendar(struct request *r, int64_t today, struct workday_cal *c)
{
	struct row_HOLIDAYS_FROM	*v;
	int32_t				*off;
	size_t				 i, n;

	if (db_all(r->db, r->a, HOLIDAYS_FROM, &v, &n, "i",
	    (long long)today) != DB_OK)
		return 0;
	off = arena_calloc(r->a, n + 1, sizeof(*off));
	for (i = 0; i < n; i++)
		off[i] = (int32_t)v[i].n;
	c->off = off;
	c->n = n;
	return 1;
}

/* The filter of the request.  Returns 0, or 400 for a status that is not
 * one of the queue's (1-10), or 500. */
static int
desk_filter_read(struct request *r, struct desk_filter *f, int64_t today,
    int64_t soon)
{
	struct row_DESK_PROC	 p;
	enum db_err		 e;

	f->status = r->val[KEY_STATUS].u;
	if (desk_given(r, KEY_STATUS) && f->status == 0)
		return 400;
	f->proc = r->val[KEY_PROC].s ? r->val[KEY_PROC].s : "";
	f->channel = r->val[KEY_CHANNEL].s ? r->val[KEY_CHANNEL].s : "";
	f->assignee = r->val[KEY_ASSIGNEE].u;
	f->due = desk_given(r, KEY_DUE) ? r->val[KEY_DUE].u + 1 : 0;
	f->page = r->val[KEY_PAGE].u ? r->val[KEY_PAGE].u : 1;
	f->proc_id = 0;
	f->no_proc = 0;
	if (*f->proc != '\0') {
		e = db_one(r->db, r->a, DESK_PROC, &p, "s", f->proc);
		if (e != DB_OK && e != DB_NOTFOUND)
			return 500;
		f->proc_id = e == DB_OK ? p.id : 0;
		f->no_proc = e == DB_NOTFOUND;
	}
	f->lo = f->due == 2 ? workday_iso(r->a, (int32_t)today) : "1900-01-01";
	f->hi = workday_iso(r->a, (int32_t)(f->due == 2 ? soon : today - 1));
	return 0;
}

/* The queue's address for f at page, with status in place of f's
 * (status: 0 for any). */
static const char *
desk_url(struct arena *a, const struct desk_filter *f, uint64_t status,
    uint64_t page)
{
	const char	*u = arena_printf(a, "/mot-cua/?don_vi=%llu",
			    (unsigned long long)f->unit);

	if (status)
		u = arena_printf(a, "%s&trang_thai=%llu", u,
		    (unsigned long long)status);
	if (*f->proc)
		u = arena_printf(a, "%s&thu_tuc=%s", u,
		    text_urlencode(a, f->proc));
	if (*f->channel)
		u = arena_printf(a, "%s&kenh=%s", u, f->channel);
	if (f->assignee)
		u = arena_printf(a, "%s&can_bo=%llu", u,
		    (unsigned long long)f->assignee);
	if (f->due)
		u = arena_printf(a, "%s&han=%s", u, dues[f->due - 1].word);
	if (page > 1)
		u = arena_printf(a, "%s&trang=%llu", u,
		    (unsigned long long)page);
	return u;
}

/* The counts by status into k, each a link to the queue at that
 * status. */
static int
desk_counts(struct request *r, struct tmpl_dict *d,
    const struct desk_filter *f, struct desk_counts *k)
{
	struct row_QUEUE_STATUS_COUNTS	*v;
	long long			*by = k->n, all = 0;
	size_t				 i, n;
	struct tmpl_dict		*s;

	memset(k, 0, sizeof(*k));
	if (db_all(r->db, r->a, QUEUE_STATUS_COUNTS, &v, &n, "u",
	    (unsigned long long)f->unit) != DB_OK)
		return 0;
	for (i = 0; i < n; i++)
		if (v[i].status < STATUS__MAX) {
			by[v[i].status] = v[i].n;
			k->nodue[v[i].status] = v[i].nodue;
			all += v[i].n;
		}
	tmpl_set_int(d, "ALL_COUNT", all);
	tmpl_set(d, "ALL_URL", desk_url(r->a, f, 0, 1));
	if (f->status == 0)
		tmpl_show(d, "ALL_CURRENT");
	for (i = STATUS_SUBMITTED; i < STATUS__MAX; i++) {
		s = tmpl_section(d, "STATUS_COUNT");
		tmpl_set_int(s, "CODE", (long long)i);
		tmpl_set(s, "NAME", status_name((long long)i));
		tmpl_set_int(s, "COUNT", by[i]);
		tmpl_set(s, "URL", desk_url(r->a, f, i, 1));
		if (f->status == i)
			tmpl_show(s, "CURRENT");
	}
	return 1;
}

/* The filter form's choices, the current ones selected. */
static int
desk_choices(struct request *r, struct tmpl_dict *d,
    const struct desk_filter *f)
{
	struct row_DESK_STAFF	*v;
	struct tmpl_dict	*s;
	size_t			 i, n;

	tmpl_set_int(d, "UNIT_ID", (long long)f->unit);
	tmpl_set(d, "PROC", f->proc);
	for (i = STATUS_SUBMITTED; i < STATUS__MAX; i++) {
		s = tmpl_section(d, "STATUS_OPTION");
		tmpl_set_int(s, "VALUE", (long long)i);
		tmpl_set(s, "LABEL", status_name((long long)i));
		if (f->status == i)
			tmpl_show(s, "SELECTED");
	}
	for (i = 0; i < sizeof(channels) / sizeof(channels[0]); i++) {
		s = tmpl_section(d, "CHANNEL_OPTION");
		tmpl_set(s, "VALUE", channels[i].value);
		tmpl_set(s, "LABEL", channels[i].label);
		if (strcmp(f->channel, channels[i].value) == 0)
			tmpl_show(s, "SELECTED");
	}
	for (i = 0; i < sizeof(dues) / sizeof(dues[0]); i++) {
		s = tmpl_section(d, "DUE_OPTION");
		tmpl_set(s, "VALUE", dues[i].word);
		tmpl_set(s, "LABEL", dues[i].label);
		if (f->due == i + 1)
			tmpl_show(s, "SELECTED");
	}
	if (db_all(r->db, r->a, DESK_STAFF, &v, &n, "u",
	    (unsigned long long)f->unit) != DB_OK)
		return 0;
	for (i = 0; i < n; i++) {
		s = tmpl_section(d, "ASSIGNEE_OPTION");
		tmpl_set_int(s, "VALUE", (long long)v[i].id);
		tmpl_set(s, "LABEL", v[i].full_name);
		if (f->assignee == v[i].id)
			tmpl_show(s, "SELECTED");
	}
	if (f->status || *f->proc || *f->channel || f->assignee || f->due)
		tmpl_show(d, "FILTERED");
	return 1;
}

/* The deadline clock runs at 2, 4 and 6 (app/late.c). */
static int
desk_clock_runs(uint64_t status)
{
	return status == STATUS_RECEIVED || status == STATUS_PROCESSING ||
	    status == STATUS_PAYMENT;
}

/* One row of the queue, its deadline marked. */
static void
desk_row(struct request *r, struct tmpl_dict *d,
    const struct row_QUEUE_PAGE *v, int64_t today, int64_t soon)
{
	struct tmpl_dict	*s = tmpl_section(d, "APP");
	int64_t			 due = v->due_at / 86400;

	tmpl_set(s, "CODE", v->code);
	tmpl_set(s, "URL", arena_printf(r->a, "/mot-cua/ho-so/%s", v->code));
	tmpl_set(s, "PROCEDURE_NAME", v->proc_name);
	tmpl_set(s, "APPLICANT", v->applicant);
	tmpl_set(s, "CHANNEL", channel_label(v->channel));
	tmpl_set(s, "STATUS_NAME", status_name((long long)v->status));
	tmpl_set(s, "SUBMITTED", v->submitted_at ? clock_date(r->a,
	    v->submitted_at) : "");
	tmpl_set(s, "DUE_DATE", v->due_at ? day_text(r->a, due) : "");
	tmpl_set(s, "ASSIGNEE", v->assignee ? v->assignee : "");
	if (v->due_at && desk_clock_runs(v->status) && due < today) {
		tmpl_show(s, "OVERDUE");
		tmpl_set(s, "ROW_CLASS", "is-overdue");
	} else if (v->due_at && desk_clock_runs(v->status) && due <= soon) {
		tmpl_show(s, "SOON");
		tmpl_set(s, "ROW_CLASS", "is-soon");
	}
}

/* The queue's filter as the statements' parameters (data/st_queue.h). */
#define DESK_ARGS(f) (unsigned long long)(f)->unit, \
	(unsigned long long)(f)->status, (unsigned long long)(f)->status, \
	(unsigned long long)(f)->proc_id, (unsigned long long)(f)->proc_id, \
	(f)->channel, (f)->channel, (unsigned long long)(f)->assignee, \
	(unsigned long long)(f)->assignee, (unsigned long long)(f)->due, \
	(f)->lo, (f)->hi

/* How many applications match f, and how many of those have no
 * appointment date, into c: from the counts by status k when f is the
 * status alone or nothing, else counted (QUEUE_COUNT).  Returns 1/0. */
static int
desk_total(struct request *r, const struct desk_filter *f,
    const struct desk_counts *k, struct row_QUEUE_COUNT *c)
{
	size_t	 i;

	if (*f->proc != '\0' || *f->channel != '\0' || f->assignee ||
	    f->due)
		return db_one(r->db, r->a, QUEUE_COUNT, c, "uuuuussuuuss",
		    DESK_ARGS(f)) == DB_OK;
	c->n = c->nodue = 0;
	for (i = STATUS_SUBMITTED; i < STATUS__MAX; i++)
		if (f->status == 0 || f->status == i) {
			c->n += k->n[i];
			c->nodue += k->nodue[i];
		}
	return 1;
}

/* The filter's page of applications: those with an appointment date,
 * then those without (QUEUE_NODUE), *total in all.  The page's statement
 * is the one whose key serves the filter (data/st_queue.h); the three
 * have the same columns, so one row type reads them. */
static int
desk_rows(struct request *r, struct tmpl_dict *d,
    const struct desk_filter *f, const struct desk_counts *k,
    int64_t today, int64_t soon, long long *total)
{
	struct row_QUEUE_COUNT	 c;
	struct row_QUEUE_PAGE	*v, *w;
	unsigned long long	 off;
	enum stmt		 page = f->status ? STMT_QUEUE_PAGE_STATUS :
				    STMT_QUEUE_PAGE;
	size_t			 i, n = 0, m = 0;
	long long		 dated;

	*total = 0;
	if (f->no_proc)
		return 1;
	if (!desk_total(r, f, k, &c))
		return 0;
	*total = c.n;
	dated = c.n - c.nodue;
	off = (f->page - 1) * DESK_PAGE;
	if ((long long)off < dated && db_all_(r->db, r->a, page, &v, &n,
	    "uuuuussuuussuu", DESK_ARGS(f), (unsigned long long)DESK_PAGE,
	    off) != DB_OK)
		return 0;
	off = (long long)off > dated ? off - (unsigned long long)dated : 0;
	if (n < DESK_PAGE && c.nodue > 0 && db_all_(r->db, r->a,
	    STMT_QUEUE_NODUE, &w, &m, "uuuuussuuussuu", DESK_ARGS(f),
	    (unsigned long long)(DESK_PAGE - n), off) != DB_OK)
		return 0;
	for (i = 0; i < n; i++)
		desk_row(r, d, &v[i], today, soon);
	for (i = 0; i < m; i++)
		desk_row(r, d, &w[i], today, soon);
	return 1;
}

/* PAGE, PAGES, PREV and NEXT (sections: URL) keeping the filter. */
static void
desk_pager(struct request *r, struct tmpl_dict *d,
    const struct desk_filter *f, long long total)
{
	uint64_t	 pages = total > 0 ? ((uint64_t)total + DESK_PAGE - 1) /
			    DESK_PAGE : 1;

	tmpl_set_int(d, "TOTAL", total);
	tmpl_set_int(d, "PAGE", (long long)f->page);
	tmpl_set_int(d, "PAGES", (long long)pages);
	if (f->page > 1)
		tmpl_set(tmpl_section(d, "PREV"), "URL", desk_url(r->a, f,
		    f->status, f->page > pages ? pages : f->page - 1));
	if (f->page < pages)
		tmpl_set(tmpl_section(d, "NEXT"), "URL", desk_url(r->a, f,
		    f->status, f->page + 1));
}

/* GET /mot-cua/ */
int
h_desk(struct request *r)
{
	struct desk_filter	 f;
	struct desk_counts	 k;
	struct desk_unit	 u;
	struct workday_cal	 cal;
	struct page		 p;
	int64_t			 today = clock_day(time(NULL)), soon;
	long long		 total;
	int			 st;

	resp_page_new(r, &p, "Bộ phận một cửa", "desk.tpl");
	if ((st = desk_unit_pick(r, &u, p.body)) != 0)
		return resp_error(r, st, NULL);
	if (!desk_calendar(r, today, &cal))
		return resp_error(r, 500, NULL);
	soon = workday_due(&cal, (int32_t)today, 2);
	if ((st = desk_filter_read(r, &f, today, soon)) != 0)
		return resp_error(r, st, st == 400 ?
		    "Trạng thái không hợp lệ: chọn từ 1 đến 10." : NULL);
	f.unit = u.id;
	tmpl_set(p.body, "UNIT_NAME", u.full);
	tmpl_set(p.body, "REGISTER_URL", arena_printf(r->a,
	    "/mot-cua/so-theo-doi?don_vi=%llu", (unsigned long long)u.id));
	if (authz_has(r->user, ROLE_BIT(ROLE_STAFF), u.id))
		tmpl_set(tmpl_section(p.body, "INTAKE"), "URL", arena_printf(
		    r->a, "/mot-cua/tiep-nhan?don_vi=%llu",
		    (unsigned long long)u.id));
	tmpl_set(p.body, "TODAY", day_text(r->a, today));
	tmpl_set(p.body, "SOON_DATE", day_text(r->a, soon));
	if (!desk_counts(r, p.body, &f, &k) || !desk_choices(r, p.body,
	    &f) || !desk_rows(r, p.body, &f, &k, today, soon, &total))
		return resp_error(r, 500, NULL);
	if (total == 0)
		tmpl_show(p.body, "NO_APPLICATIONS");
	else
		tmpl_show(p.body, "HAS_APPS");
	if (f.no_proc)
		tmpl_set(tmpl_section(p.body, "NO_PROC"), "PROC", f.proc);
	desk_pager(r, p.body, &f, total);
	return resp_page(r, 200, &p);
}
