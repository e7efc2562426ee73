/* The signed-in resident's applications: /ho-so (all of them, drafts
 * first), /ho-so/{code} (one: its timeline, the staff's messages, its
 * files and, once returned, its result), withdrawing and rating.  Every statement names the applicant,
 * so that another person's application is "not found" (404). */
#include <string.h>
#include <time.h>

#include "app/status.h"
#include "app/tracking.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/assist.h"
#include "h/h.h"
#include "h/page.h"
#include "h/upload.h"
#include "http/request.h"
#include "http/resp.h"

static unsigned long long
me(const struct request *r)
{
	return (unsigned long long)r->user->id;
}

/* /ho-so/{code} */
static const char *
myapp_url(struct arena *a, const char *code)
{
	return arena_printf(a, "/ho-so/%s", code);
}

/* "1,2 MB" and the like, for a file's size. */
static const char *
myapp_size(struct arena *a, uint64_t n)
{
	if (n < 1024)
		return arena_printf(a, "%llu byte", (unsigned long long)n);
	if (n < 1024 * 1024)
		return arena_printf(a, "%llu KB", (unsigned long long)
		    ((n + 1023) / 1024));
	return arena_printf(a, "%llu,%llu MB", (unsigned long long)
	    (n / (1024 * 1024)), (unsigned long long)
	    (n % (1024 * 1024) * 10 / (1024 * 1024)));
}

static int
myapp_late(long long status, int64_t due_at)
{
	return status_late(status, due_at / 86400, clock_day(time(NULL)));
}

/* One row of the list in section name of d. */
static void
myapps_row(struct request *r, struct tmpl_dict *d, const char *name,
    const struct row_MYAPP_LIST *v)
{
	struct tmpl_dict	*s = tmpl_section(d, name);

	tmpl_set(s, "PROCEDURE_NAME", v->procedure_name);
	tmpl_set(s, "UNIT_NAME", page_unit_name(r->a, v->unit_kind,
	    v->unit_name));
	tmpl_set(s, "STATUS_NAME", status_name(v->status));
	if (v->code == NULL) {
		tmpl_set(s, "CREATED", clock_datetime(r->a, v->created_at));
		tmpl_set(s, "RESUME_URL", arena_printf(r->a,
		    "/thu-tuc/%s/nop?ho-so=%llu", v->procedure_code,
		    (unsigned long long)v->id));
		return;
	}
	tmpl_set(s, "CODE", v->code);
	tmpl_set(s, "URL", myapp_url(r->a, v->code));
	tmpl_set(s, "SUBMITTED", clock_date(r->a, v->submitted_at));
	tmpl_set(s, "DUE_DATE", clock_date(r->a, v->due_at));
	if (myapp_late(v->status, v->due_at))
		tmpl_show(s, "LATE");
}

/* GET /ho-so */
int
h_myapps(struct request *r)
{
	struct row_MYAPP_LIST	*v;
	struct page		 p;
	size_t			 i, n, drafts = 0;

	if (db_all(r->db, r->a, MYAPP_LIST, &v, &n, "u", me(r)) != DB_OK)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Hồ sơ của tôi", "myapps.tpl");
	for (i = 0; i < n; i++) {
		if (v[i].code == NULL)
			drafts++;
		myapps_row(r, p.body, v[i].code == NULL ? "DRAFT" : "APP",
		    &v[i]);
	}
	if (drafts > 0)
		tmpl_show(p.body, "HAS_DRAFTS");
	if (n - drafts > 0)
		tmpl_show(p.body, "HAS_APPS");
	else
		tmpl_show(p.body, "NO_APPS");
	return resp_page(r, 200, &p);
}

/* Loads the user's application of the path: DB_OK, DB_NOTFOUND or
 * DB_ERR. */
static enum db_err
myapp_load(struct request *r, struct row_MYAPP_GET *v)
{
	return db_one(r->db, r->a, MYAPP_GET, v, "su", r->args[0].s, me(r));
}

/* What an event of the timeline is, for the applicant. */
static const char *
myapp_what(const struct row_MYAPP_EVENTS *e)
{
	if (strcmp(e->kind, "message") == 0)
		return "Lời nhắn của cán bộ";
	if (strcmp(e->kind, "supplied") == 0)
		return "Bạn đã gửi giấy tờ bổ sung";
	if (strcmp(e->kind, "apology") == 0)
		return "Thư xin lỗi và hẹn lại ngày trả kết quả";
	if (strcmp(e->kind, "late") == 0)
		return "Quá hạn hẹn trả kết quả";
	if (strcmp(e->kind, "approval") == 0)
		return "Kết quả đã được phê duyệt";
	return status_name(e->to_status);
}

/* The timeline, with the staff's messages; never their internal notes
 * (the statement leaves them out). */
static int
myapp_events(struct request *r, struct page *p,
    const struct row_MYAPP_GET *v)
{
	struct row_MYAPP_EVENTS	*ev;
	size_t			 i, n;

	if (db_all(r->db, r->a, MYAPP_EVENTS, &ev, &n, "uu",
	    (unsigned long long)v->id, me(r)) != DB_OK)
		return 0;
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p->body, "EVENT");
		tmpl_set(s, "STATUS_NAME", myapp_what(&ev[i]));
		tmpl_set(s, "AT", clock_datetime(r->a, ev[i].at));
		tmpl_set(s, "AT_ISO", clock_fmt(r->a, ev[i].at,
		    "%Y-%m-%dT%H:%M"));
		if (ev[i].due_at != 0)
			tmpl_set(tmpl_section(s, "DUE"), "DATE",
			    clock_date(r->a, ev[i].due_at));
		if (ev[i].note != NULL && *ev[i].note != '\0')
			tmpl_set(tmpl_section(s, strcmp(ev[i].kind,
			    "supplied") == 0 ? "MINE" : "NOTE"), "TEXT",
			    ev[i].note);
	}
	if (n == 0)
		tmpl_show(p->body, "NO_EVENTS");
	return 1;
}

/* The files: names and sizes, each a link to its download
 * (/ho-so/{code}/tep/{id}, h/h_file.c). */
static int
myapp_files(struct request *r, struct page *p,
    const struct row_MYAPP_GET *v)
{
	struct row_MYAPP_FILES	*f;
	size_t			 i, n;

	if (db_all(r->db, r->a, MYAPP_FILES, &f, &n, "uu",
	    (unsigned long long)v->id, me(r)) != DB_OK)
		return 0;
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p->body, "FILE");
		tmpl_set(s, "NAME", f[i].filename);
		tmpl_set(s, "URL", arena_printf(r->a, "%s/tep/%llu",
		    myapp_url(r->a, v->code), (unsigned long long)f[i].id));
		tmpl_set(s, "SIZE", myapp_size(r->a, f[i].size));
		if (strcmp(f[i].kind, "result") == 0)
			tmpl_show(s, "RESULT");
	}
	if (n == 0)
		tmpl_show(p->body, "NO_FILES");
	return 1;
}

/* What the applicant can do now: send the documents asked for (the
 * upload form of h/h_upload.c), withdraw, rate, or read the rating.
 * Returns 1/0 (a database error). */
static int
myapp_actions(struct request *r, struct page *p,
    const struct row_MYAPP_GET *v)
{
	struct tmpl_dict	*s;

	if (v->status == STATUS_SUPPLEMENT) {
		tmpl_show(p->body, v->supplied_at != 0 ? "SUPPLIED" :
		    "SUPPLEMENT");
		if (!upload_supply(r, p->body, v->code, v->version))
			return 0;
	}
	if (status_can_withdraw(v->status)) {
		s = tmpl_section(p->body, "WITHDRAW");
		tmpl_set(s, "ACTION_URL", arena_printf(r->a, "%s/rut",
		    myapp_url(r->a, v->code)));
		tmpl_set_int(s, "VERSION", (long long)v->version);
	}
	if (status_can_rate(v->status) && v->rating == 0) {
		s = tmpl_section(p->body, "RATE");
		tmpl_set(s, "ACTION_URL", arena_printf(r->a, "%s/danh-gia",
		    myapp_url(r->a, v->code)));
		tmpl_set(s, "VAL_COMMENT", r->val[KEY_COMMENT].raw);
		if (r->val[KEY_RATING].valid && r->val[KEY_RATING].u >= 1)
			tmpl_show(s, arena_printf(r->a, "CHECKED_%llu",
			    (unsigned long long)r->val[KEY_RATING].u));
	}
	if (v->rating != 0) {
		s = tmpl_section(p->body, "RATED");
		tmpl_set_int(s, "RATING", v->rating);
		tmpl_set(s, "RATED_AT", clock_datetime(r->a, v->rated_at));
		if (v->rating_comment != NULL && *v->rating_comment != '\0')
			tmpl_set(tmpl_section(s, "COMMENT"), "TEXT",
			    v->rating_comment);
	}
	return 1;
}

/* Fills the page of application v.  Returns 1/0 (a database error). */
static int
myapp_page(struct request *r, struct page *p, const struct row_MYAPP_GET *v)
{
	resp_page_new(r, p, arena_printf(r->a, "Hồ sơ %s", v->code),
	    "myapp.tpl");
	tmpl_set(p->body, "CODE", v->code);
	tmpl_set(p->body, "PROCEDURE_NAME", v->procedure_name);
	tmpl_set(p->body, "UNIT_NAME", page_unit_name(r->a, v->unit_kind,
	    v->unit_name));
	tmpl_set(p->body, "STATUS_NAME", status_name(v->status));
	tmpl_set(p->body, "CHANNEL", strcmp(v->channel, "online") == 0 ?
	    "Trực tuyến" : strcmp(v->channel, "post") == 0 ?
	    "Qua bưu chính" : "Trực tiếp tại bộ phận một cửa");
	tmpl_set(p->body, "SUBMITTED", clock_datetime(r->a, v->submitted_at));
	tmpl_set(p->body, "RECEIVED", clock_datetime(r->a, v->received_at));
	tmpl_set(p->body, "DUE_DATE", clock_date(r->a, v->due_at));
	if (myapp_late(v->status, v->due_at))
		tmpl_show(p->body, "LATE");
	assist_show(r, p->body, v->id);
	return myapp_actions(r, p, v) && myapp_events(r, p, v) &&
	    myapp_files(r, p, v);
}

/* GET /ho-so/{code}: the user's own application, or 404. */
int
h_myapp(struct request *r)
{
	struct row_MYAPP_GET	 v;
	struct page		 p;
	enum db_err		 e;

	if ((e = myapp_load(r, &v)) != DB_OK)
		return resp_error(r, page_status(e), NULL);
	if (!myapp_page(r, &p, &v))
		return resp_error(r, 500, NULL);
	return resp_page(r, 200, &p);
}

/* POST /ho-so/{code}/rut: withdraws the application at the version the
 * form was made from (phien_ban); allowed while the status is 1, 2, 4, 5
 * or 6 (status_can_withdraw).  A form older than the application is
 * refused (409): the applicant should see what changed first. */
int
h_myapp_withdraw(struct request *r)
{
	struct row_MYAPP_GET	 v;
	struct actor		 who = page_actor(r);
	enum db_err		 e;

	if ((e = myapp_load(r, &v)) != DB_OK)
		return resp_error(r, page_status(e), NULL);
	if (!r->val[KEY_VERSION].valid || r->val[KEY_VERSION].u == 0)
		return resp_error(r, 422, "Biểu mẫu rút hồ sơ thiếu thông tin "
		    "phiên bản. Vui lòng mở lại trang hồ sơ và thử lại.");
	if (!status_can_withdraw(v.status))
		return resp_error(r, 409, arena_printf(r->a, "Hồ sơ đang ở "
		    "trạng thái “%s” nên không thể rút.", status_name(v.status)));
	if (r->val[KEY_VERSION].u != v.version)
		return resp_error(r, 409, "Hồ sơ vừa được cập nhật sau khi bạn "
		    "mở trang. Vui lòng xem lại trang hồ sơ rồi thử lại.");
	switch (track_withdraw(r->db, r->a, &who, v.id, v.version,
	    v.status)) {
	case TRACK_OK:
		return resp_redirect(r, 303, arena_printf(r->a, "%s?tb=da-rut",
		    myapp_url(r->a, v.code)));
	case TRACK_STALE:
		return resp_error(r, 409, "Hồ sơ vừa được cập nhật sau khi bạn "
		    "mở trang. Vui lòng xem lại trang hồ sơ rồi thử lại.");
	default:
		return resp_error(r, 500, NULL);
	}
}

/* POST /ho-so/{code}/danh-gia: a rating of 1-5 (diem) and an optional
 * comment (nhan_xet), once the result is returned (10), once. */
int
h_myapp_rate(struct request *r)
{
	struct row_MYAPP_GET	 v;
	struct actor		 who = page_actor(r);
	struct page		 p;
	enum db_err		 e;

	if ((e = myapp_load(r, &v)) != DB_OK)
		return resp_error(r, page_status(e), NULL);
	if (!status_can_rate(v.status) || v.rating != 0)
		return resp_error(r, 409, v.rating != 0 ? "Bạn đã đánh giá hồ "
		    "sơ này." : "Chỉ có thể đánh giá sau khi đã nhận kết quả.");
	if (!r->val[KEY_RATING].valid || r->val[KEY_RATING].u == 0 ||
	    !r->val[KEY_COMMENT].valid) {
		if (!myapp_page(r, &p, &v))
			return resp_error(r, 500, NULL);
		if (!r->val[KEY_RATING].valid || r->val[KEY_RATING].u == 0)
			resp_field_error(&p, "ERR_RATING", "Vui lòng chọn mức "
			    "đánh giá từ 1 đến 5 sao.");
		if (!r->val[KEY_COMMENT].valid)
			resp_field_error(&p, "ERR_COMMENT", "Nhận xét tối đa "
			    "1.000 ký tự.");
		return resp_page(r, 422, &p);
	}
	switch (track_rate(r->db, &who, v.id, (unsigned)r->val[KEY_RATING].u,
	    r->val[KEY_COMMENT].s)) {
	case TRACK_OK:
		return resp_redirect(r, 303, arena_printf(r->a,
		    "%s?tb=da-danh-gia", myapp_url(r->a, v.code)));
	case TRACK_STALE:
		return resp_error(r, 409, "Bạn đã đánh giá hồ sơ này.");
	default:
		return resp_error(r, 500, NULL);
	}
}
