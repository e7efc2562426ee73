/* Public tracking of an application: /tra-cuu (a page) and
 * /api/v1/track (JSON).  Anyone with the code and the last four digits of
 * the applicant's phone or ID number sees the statuses and their times,
 * the appointment date and whether it is late; nothing else about the
 * applicant.  A wrong pair and an unknown code are one statement that
 * finds no row, and one answer; lookups count against the address. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "app/status.h"
#include "app/tracking.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/clock.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"

static long	 track_limit = 30;

static const char not_found[] =
    "Không tìm thấy hồ sơ có mã và 4 chữ số xác minh này. Vui lòng kiểm "
    "tra lại mã hồ sơ trên giấy tiếp nhận và 4 chữ số cuối của số điện "
    "thoại hoặc số định danh cá nhân của người nộp.";
static const char bad_code[] =
    "Vui lòng nhập mã hồ sơ đúng dạng trên giấy tiếp nhận, ví dụ "
    "05860-261130-0001.";
static const char bad_verify[] =
    "Vui lòng nhập đúng 4 chữ số cuối của số điện thoại hoặc số định danh "
    "cá nhân của người nộp hồ sơ.";
static const char too_many[] =
    "Có quá nhiều lần tra cứu từ địa chỉ mạng này trong một giờ qua. Vui "
    "lòng thử lại sau.";

/* Reads [security] track_addr_limit (lookups an hour per address); call
 * once in the master.  Returns 1. */
int
h_track_init(void)
{
	track_limit = cfg_int("security", "track_addr_limit", 30, 1, 1000000);
	return 1;
}

/* What a lookup found: the application and its timeline. */
struct track {
	struct row_TRACK_FIND	 app;
	struct row_TRACK_EVENTS	*ev;
	size_t			 nev;
	int			 late;
	long			 wait;		/* 429: Retry-After */
	const char		*why;		/* 4xx: what is wrong */
};

/* Looks up the request's code and digits.  Returns 200 (t filled), 422
 * (t->why: which input is wrong), 429 (t->wait), 404 or 500. */
static int
track_lookup(struct request *r, struct track *t)
{
	const char	*code = r->val[KEY_APP_CODE].s,
			*digits = r->val[KEY_VERIFY].s;
	enum db_err	 e;

	memset(t, 0, sizeof(*t));
	if (code == NULL)
		t->why = bad_code;
	else if (digits == NULL)
		t->why = bad_verify;
	if (t->why != NULL)
		return 422;
	switch (track_attempt(r->db, r->a, r->remote_addr, track_limit,
	    &t->wait)) {
	case TRACK_OK:
		break;
	case TRACK_LIMITED:
		t->why = too_many;
		return 429;
	default:
		return 500;
	}
	e = db_one(r->db, r->a, TRACK_FIND, &t->app, "sss", code, digits,
	    digits);
	if (e == DB_NOTFOUND)
		t->why = not_found;
	if (e != DB_OK)
		return page_status(e);
	if (db_all(r->db, r->a, TRACK_EVENTS, &t->ev, &t->nev, "u",
	    (unsigned long long)t->app.id) != DB_OK)
		return 500;
	t->late = status_late(t->app.status, t->app.due_at / 86400,
	    clock_day(time(NULL)));
	return 200;
}

/* The found application in the page's RESULT section. */
static void
track_result(struct request *r, struct page *p, const struct track *t)
{
	struct tmpl_dict	*s = tmpl_section(p->body, "RESULT");
	size_t			 i;

	tmpl_set(s, "CODE", t->app.code);
	tmpl_set(s, "UNIT_NAME", page_unit_name(r->a, t->app.unit_kind,
	    t->app.unit_name));
	tmpl_set(s, "STATUS_NAME", status_name(t->app.status));
	tmpl_set(s, "SUBMITTED", clock_datetime(r->a, t->app.submitted_at));
	if (t->app.due_at != 0) {
		struct tmpl_dict *d = tmpl_section(s, "DUE");
		tmpl_set(d, "DUE_DATE", clock_date(r->a, t->app.due_at));
		tmpl_set(d, "DUE_ISO", clock_iso_date(r->a, t->app.due_at));
	}
	if (t->late)
		tmpl_show(s, "LATE");
	for (i = 0; i < t->nev; i++) {
		struct tmpl_dict *e = tmpl_section(s, "EVENT");
		tmpl_set(e, "STATUS_NAME", status_name(t->ev[i].to_status));
		tmpl_set(e, "AT", clock_datetime(r->a, t->ev[i].at));
		tmpl_set(e, "AT_ISO", clock_fmt(r->a, t->ev[i].at,
		    "%Y-%m-%dT%H:%M"));
	}
	if (t->nev == 0)
		tmpl_show(s, "NO_EVENTS");
}

/* GET /tra-cuu?ma=&xac-minh=: the form, and the answer below it. */
int
h_track(struct request *r)
{
	struct page	 p;
	struct track	 t;
	int		 st;

	resp_page_new(r, &p, "Tra cứu hồ sơ", "track.tpl");
	tmpl_set(p.body, "VAL_CODE", r->val[KEY_APP_CODE].raw);
	tmpl_set(p.body, "VAL_VERIFY", r->val[KEY_VERIFY].raw);
	if (!r->val[KEY_APP_CODE].present && !r->val[KEY_VERIFY].present)
		return resp_page(r, 200, &p);
	resp_header(r, "Cache-Control", "no-store");	/* an answer: not shared */
	st = track_lookup(r, &t);
	if (st == 500)
		return resp_error(r, 500, NULL);
	if (st == 200) {
		track_result(r, &p, &t);
		return resp_page(r, 200, &p);
	}
	if (st == 429)
		resp_header(r, "Retry-After", arena_printf(r->a, "%ld",
		    t.wait));
	if (t.why == bad_code)
		resp_field_error(&p, "ERR_CODE", bad_code);
	else if (t.why == bad_verify)
		resp_field_error(&p, "ERR_VERIFY", bad_verify);
	else
		resp_form_error(&p, t.why);
	return resp_page(r, st, &p);
}

/* t (UTC seconds) as ISO 8601 in UTC, "2026-11-30T01:02:03Z". */
static const char *
iso_utc(struct arena *a, int64_t t)
{
	time_t		 tt = (time_t)t;
	struct tm	 tm;
	char		 buf[32];

	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		return arena_strdup(a, "");
	return arena_strdup(a, buf);
}

/* The found application as a JSON object (a new reference). */
static json_t *
track_json(struct request *r, const struct track *t)
{
	json_t	*o, *tl;
	size_t	 i;

	tl = json_array();
	for (i = 0; i < t->nev; i++)
		json_array_append_new(tl, json_pack("{s:I, s:s, s:s}",
		    "status", (json_int_t)t->ev[i].to_status, "name",
		    status_name(t->ev[i].to_status), "at",
		    iso_utc(r->a, t->ev[i].at)));
	o = json_pack("{s:s, s:s, s:{s:I, s:s}, s:s?, s:b, s:o}",
	    "code", t->app.code,
	    "unit", page_unit_name(r->a, t->app.unit_kind, t->app.unit_name),
	    "status", "code", (json_int_t)t->app.status, "name",
	    status_name(t->app.status),
	    "due_date", t->app.due_at != 0 ? clock_iso_date(r->a,
	    t->app.due_at) : NULL,
	    "late", t->late, "timeline", tl);
	if (o != NULL && t->app.submitted_at != 0)
		json_object_set_new(o, "submitted_at", json_string(iso_utc(r->a,
		    t->app.submitted_at)));
	return o;
}

/* Answers o (stolen) with status; {"error": why} when o is NULL: an
 * answer about one application, never kept by a cache. */
static int
api_answer(struct request *r, int status, json_t *o, const char *why)
{
	resp_header(r, "Cache-Control", "no-store");
	return resp_json(r, status, o, why);
}

/* GET /api/v1/track?ma=&xac-minh=: the same lookup as /tra-cuu, in
 * JSON; errors as {"error": "<Vietnamese>"}, with the page's statuses
 * (400 for a missing or malformed input). */
int
h_api_track(struct request *r)
{
	struct track	 t;
	int		 st;

	st = track_lookup(r, &t);
	if (st == 200)
		return api_answer(r, 200, track_json(r, &t), NULL);
	if (st == 500 && db_down(r->db)) {
		resp_header(r, "Retry-After", "10");
		return api_answer(r, 503, NULL, "Hệ thống tạm thời không truy "
		    "cập được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.");
	}
	if (st == 429)
		resp_header(r, "Retry-After", arena_printf(r->a, "%ld",
		    t.wait));
	return api_answer(r, st == 422 ? 400 : st, NULL, t.why);
}
