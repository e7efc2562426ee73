/* The one-stop desk's transitions (app/desk.h): the table, its checks,
 * and one transaction per action. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/application.h"
#include "app/desk.h"
#include "app/event.h"
#include "app/status.h"
#include "app/store.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/workday.h"
#include "data/db.h"

#define S(n)	(1u << (n))
#define OPEN	(S(1) | S(2) | S(4) | S(5) | S(6))
#define STAFF	DESK_ROLE_STAFF
#define LEADER	DESK_ROLE_LEADER

/* THE transition table (README, "The one-stop desk"). */
static const struct desk_rule rules[DESK_ACTION__MAX] = {
	/* DESK_RECEIVE */
	{ "tiep-nhan", "Tiếp nhận hồ sơ", S(1), 2, STAFF, 0, 0,
	  "status", 0, "desk_receive" },
	/* DESK_REFUSE */
	{ "tu-choi", "Từ chối tiếp nhận", S(1), 3, STAFF, DESK_NEED_NOTE, 0,
	  "status", 0, "desk_refuse" },
	/* DESK_ASSIGN */
	{ "phan-cong", "Phân công xử lý", S(2) | S(4), 4, STAFF | LEADER,
	  DESK_NEED_ASSIGNEE, 0, "status", 0, "desk_assign" },
	/* DESK_ASK_SUPPLEMENT */
	{ "yeu-cau-bo-sung", "Yêu cầu bổ sung giấy tờ", S(2) | S(4), 5, STAFF,
	  DESK_NEED_NOTE, 0, "status", 0, "desk_ask_supplement" },
	/* DESK_ACCEPT_SUPPLEMENT */
	{ "nhan-bo-sung", "Nhận giấy tờ bổ sung", S(5), 4, STAFF, 0,
	  DESK_WHEN_SUPPLIED, "status", 0, "desk_accept_supplement" },
	/* DESK_ASK_PAYMENT */
	{ "yeu-cau-thanh-toan", "Yêu cầu thực hiện nghĩa vụ tài chính", S(4),
	  6, STAFF, DESK_NEED_AMOUNT, 0, "status", 0, "desk_ask_payment" },
	/* DESK_PAID */
	{ "da-thanh-toan", "Xác nhận đã thực hiện nghĩa vụ tài chính", S(6), 4,
	  STAFF, 0, 0, "status", 0, "desk_paid" },
	/* DESK_STOP */
	{ "dung", "Dừng xử lý", S(4) | S(5) | S(6), 8, STAFF | LEADER,
	  DESK_NEED_NOTE, 0, "status", 0, "desk_stop" },
	/* DESK_RESULT */
	{ "ket-qua", "Tải lên kết quả", S(4), -1, STAFF, DESK_NEED_FILE, 0,
	  "note", 1, "desk_result" },
	/* DESK_APPROVE */
	{ "phe-duyet", "Phê duyệt kết quả", S(4), -1, LEADER, 0,
	  DESK_WHEN_APPROVABLE, "approval", 1, "desk_approve" },
	/* DESK_FINISH */
	{ "hoan-thanh", "Hoàn thành (có kết quả)", S(4), 9, STAFF, 0,
	  DESK_WHEN_RESULT, "status", 0, "desk_finish" },
	/* DESK_RETURN */
	{ "tra-ket-qua", "Trả kết quả", S(9), 10, STAFF, DESK_NEED_CHANNEL, 0,
	  "status", 0, "desk_return" },
	/* DESK_APOLOGY */
	{ "xin-loi", "Gửi thư xin lỗi và hẹn lại", OPEN, -1, STAFF,
	  DESK_NEED_NOTE | DESK_NEED_DAY, DESK_WHEN_LATE, "apology", 0,
	  "desk_apology" },
	/* DESK_NOTE */
	{ "ghi-chu", "Ghi chú nội bộ", ~S(0), -1, STAFF | LEADER,
	  DESK_NEED_NOTE, 0, "note", 1, "desk_note" },
	/* DESK_MESSAGE */
	{ "nhan-tin", "Gửi lời nhắn cho người nộp", ~S(0), -1, STAFF,
	  DESK_NEED_NOTE, 0, "message", 0, "desk_message" },
};

/* The statement of each action (annotated with enum desk_action). */
static const enum stmt stmts[DESK_ACTION__MAX] = {
	STMT_DESK_RECEIVE,		/* DESK_RECEIVE */
	STMT_DESK_REFUSE,		/* DESK_REFUSE */
	STMT_DESK_ASSIGN,		/* DESK_ASSIGN */
	STMT_DESK_ASK_SUPPLEMENT,	/* DESK_ASK_SUPPLEMENT */
	STMT_DESK_ACCEPT_SUPPLEMENT,	/* DESK_ACCEPT_SUPPLEMENT */
	STMT_DESK_ASK_PAYMENT,		/* DESK_ASK_PAYMENT */
	STMT_DESK_PAID,			/* DESK_PAID */
	STMT_DESK_STOP,			/* DESK_STOP */
	STMT_DESK_RESULT,		/* DESK_RESULT */
	STMT_DESK_APPROVE,		/* DESK_APPROVE */
	STMT_DESK_FINISH,		/* DESK_FINISH */
	STMT_DESK_RETURN,		/* DESK_RETURN */
	STMT_DESK_APOLOGY,		/* DESK_APOLOGY */
	STMT_DESK_TOUCH,		/* DESK_NOTE */
	STMT_DESK_TOUCH,		/* DESK_MESSAGE */
};

const struct desk_rule *
desk_rule(enum desk_action act)
{
	return act < DESK_ACTION__MAX ? &rules[act] : NULL;
}

/* The action named word (hanh_dong), or -1. */
int
desk_find(const char *word)
{
	int	 i;

	for (i = 0; word != NULL && i < DESK_ACTION__MAX; i++)
		if (strcmp(word, rules[i].word) == 0)
			return i;
	return -1;
}

/* Why the application's state does not allow act (its DESK_WHEN_*), or
 * NULL when it does. */
static const char *
desk_when(const struct desk_rule *d, const struct desk_state *s)
{
	if ((d->when & DESK_WHEN_SUPPLIED) && !s->supplied)
		return "Người nộp chưa gửi giấy tờ bổ sung.";
	if ((d->when & DESK_WHEN_RESULT) && s->results == 0)
		return "Chưa tải lên kết quả giải quyết (tệp PDF).";
	if ((d->when & DESK_WHEN_RESULT) && s->approval && !s->approved)
		return "Kết quả chưa được lãnh đạo phê duyệt.";
	if ((d->when & DESK_WHEN_APPROVABLE) && !s->approval)
		return "Đơn vị không yêu cầu lãnh đạo phê duyệt kết quả.";
	if ((d->when & DESK_WHEN_APPROVABLE) && s->results == 0)
		return "Chưa có kết quả để phê duyệt.";
	if ((d->when & DESK_WHEN_APPROVABLE) && s->approved)
		return "Kết quả đã được phê duyệt.";
	if ((d->when & DESK_WHEN_LATE) && !s->late)
		return "Hồ sơ chưa quá hạn hẹn trả kết quả.";
	return NULL;
}

/* Whether a person with roles (DESK_ROLE_*) may do act to an application
 * in state s: DESK_OK; DESK_FORBIDDEN (not their role); DESK_NOT_ALLOWED
 * with *why (not now).  Pure. */
enum desk_err
desk_check(enum desk_action act, unsigned roles, const struct desk_state *s,
    const char **why)
{
	const struct desk_rule	*d = desk_rule(act);

	*why = NULL;
	if (d == NULL || (d->roles & roles) == 0) {
		*why = "Bạn không có quyền thực hiện thao tác này.";
		return DESK_FORBIDDEN;
	}
	if (s->status < 0 || s->status >= STATUS__MAX ||
	    !(d->from & S(s->status))) {
		*why = "Thao tác này không áp dụng cho hồ sơ ở trạng thái "
		    "hiện tại.";
		return DESK_NOT_ALLOWED;
	}
	if ((*why = desk_when(d, s)) != NULL)
		return DESK_NOT_ALLOWED;
	return DESK_OK;
}

/* The appointment due, moved later by the working days the clock was
 * stopped: those from day paused up to today, today not counted (the
 * clock runs again from today).  Pure. */
int32_t
desk_resume_due(const struct workday_cal *cal, int32_t due, int32_t paused,
    int32_t today)
{
	unsigned	 n = 0;
	int32_t		 d;

	for (d = paused; d < today; d++)
		if (workday_is_work(cal, d))
			n++;
	return workday_due(cal, due, n);
}

/* s without white space at its ends; its lines stay (a supplement
 * request lists one document a line).  key_text made it NFC already. */
static const char *
desk_text(struct arena *a, const char *s)
{
	size_t	 n;

	if (s == NULL)
		return "";
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return arena_strndup(a, s, n);
}

/* The days off from day on into *cal (arena memory).  Returns 1/0. */
static int
desk_cal(struct db *db, struct arena *a, int32_t from, struct workday_cal *cal)
{
	struct row_HOLIDAYS_FROM	*v;
	int32_t				*off;
	size_t				 i, n;

	if (db_all(db, a, HOLIDAYS_FROM, &v, &n, "i", (long long)from) !=
	    DB_OK)
		return 0;
	off = arena_calloc(a, n + 1, sizeof(*off));
	for (i = 0; i < n; i++)
		off[i] = (int32_t)v[i].n;
	cal->off = off;
	cal->n = n;
	return 1;
}

/* The form's fields that act needs, checked; *why says what is wrong.
 * The assignee must be active staff of the unit. */
static enum desk_err
desk_args_check(struct db *db, struct arena *a, enum desk_action act,
    const struct row_DESK_LOCK *v, const struct desk_args *x,
    const char **why)
{
	const struct desk_rule	*d = &rules[act];
	struct row_DESK_STAFF_ONE so;
	struct workday_cal	 cal;
	int32_t			 today = (int32_t)clock_day(time(NULL));
	enum db_err		 e;

	*why = NULL;
	if ((d->needs & DESK_NEED_NOTE) && *desk_text(a, x->note) == '\0')
		*why = act == DESK_ASK_SUPPLEMENT ? "Vui lòng ghi các giấy tờ "
		    "cần bổ sung, mỗi giấy tờ một dòng." : act == DESK_NOTE ||
		    act == DESK_MESSAGE ? "Vui lòng nhập nội dung." :
		    "Vui lòng ghi rõ lý do.";
	else if ((d->needs & DESK_NEED_AMOUNT) && x->amount == 0)
		*why = "Vui lòng nhập số tiền (đồng), từ 1 đến 10 tỷ.";
	else if ((d->needs & DESK_NEED_CHANNEL) && (x->channel == NULL ||
	    (strcmp(x->channel, "counter") != 0 &&
	    strcmp(x->channel, "online") != 0)))
		*why = "Vui lòng chọn cách trả kết quả: tại bộ phận một cửa "
		    "hoặc trực tuyến.";
	else if ((d->needs & DESK_NEED_FILE) && (x->file == NULL ||
	    strcmp(x->file->mime, "application/pdf") != 0))
		*why = "Vui lòng chọn tệp kết quả định dạng PDF.";
	else if ((d->needs & DESK_NEED_DAY) && x->day < 0)
		*why = "Vui lòng chọn ngày hẹn trả kết quả mới.";
	else if ((d->needs & DESK_NEED_DAY) && x->day <= today)
		*why = "Ngày hẹn mới phải sau ngày hôm nay.";
	if (*why != NULL)
		return DESK_INVALID;
	if ((d->needs & DESK_NEED_DAY)) {
		if (!desk_cal(db, a, today, &cal))
			return DESK_ERR;
		if (!workday_is_work(&cal, x->day)) {
			*why = "Ngày hẹn mới phải là ngày làm việc (không phải "
			    "thứ Bảy, Chủ nhật hay ngày nghỉ lễ).";
			return DESK_INVALID;
		}
	}
	if (d->needs & DESK_NEED_ASSIGNEE) {
		e = x->assignee == 0 ? DB_NOTFOUND : db_one(db, a,
		    DESK_STAFF_ONE, &so, "uu", (unsigned long long)x->assignee,
		    (unsigned long long)v->unit_id);
		if (e == DB_NOTFOUND)
			*why = "Vui lòng chọn một cán bộ của bộ phận một cửa "
			    "đơn vị này.";
		if (e != DB_OK)
			return e == DB_NOTFOUND ? DESK_INVALID : DESK_ERR;
	}
	return DESK_OK;
}

/* The roles (DESK_ROLE_*) of user in unit. */
static int
desk_roles(struct db *db, struct arena *a, uint64_t user, uint64_t unit,
    unsigned *roles)
{
	struct row_DESK_ROLES	*v;
	size_t			 i, n;

	*roles = 0;
	if (db_all(db, a, DESK_ROLES, &v, &n, "uu", (unsigned long long)user,
	    (unsigned long long)unit) != DB_OK)
		return 0;
	for (i = 0; i < n; i++)
		*roles |= strcmp(v[i].role, "leader") == 0 ?
		    DESK_ROLE_LEADER : DESK_ROLE_STAFF;
	return 1;
}

/* The new appointment of receiving or resuming, "YYYY-MM-DD", or NULL to
 * keep it (no processing time, or nothing to move). */
static int
desk_due(struct db *db, struct arena *a, enum desk_action act,
    const struct row_DESK_LOCK *v, const char **due)
{
	struct workday_cal	 cal;
	int64_t			 now = time(NULL);
	int32_t			 paused;

	*due = NULL;
	if (act == DESK_RECEIVE && v->processing_days >= 0)
		return (*due = application_due(db, a, now,
		    v->processing_days)) != NULL;
	if (act != DESK_ACCEPT_SUPPLEMENT || v->due_at == 0 ||
	    v->paused_at == 0)
		return 1;
	paused = (int32_t)clock_day(v->paused_at);
	if (!desk_cal(db, a, paused, &cal))
		return 0;
	*due = workday_iso(a, desk_resume_due(&cal, (int32_t)(v->due_at / 86400),
	    paused, (int32_t)clock_day(now)));
	return 1;
}

/* Runs act's statement: 1 row changed, 0 (stale) or -1 (error). */
static int
desk_update(struct db *db, enum desk_action act, const struct actor *who,
    uint64_t app, uint64_t version, const struct desk_args *x,
    const char *due)
{
	unsigned long long	 id = app, ver = version;
	uint64_t		 n = 0;
	enum db_err		 e;

	switch (act) {
	case DESK_RECEIVE:
	case DESK_ACCEPT_SUPPLEMENT:
	case DESK_APOLOGY:
		e = db_exec(db, stmts[act], &n, NULL, "suu", due, id, ver);
		break;
	case DESK_ASSIGN:
		e = db_exec(db, stmts[act], &n, NULL, "uuu",
		    (unsigned long long)x->assignee, id, ver);
		break;
	case DESK_ASK_PAYMENT:
		e = db_exec(db, stmts[act], &n, NULL, "uuu",
		    (unsigned long long)x->amount, id, ver);
		break;
	case DESK_APPROVE:
		e = db_exec(db, stmts[act], &n, NULL, "uuu",
		    (unsigned long long)who->id, id, ver);
		break;
	case DESK_RETURN:
		e = db_exec(db, stmts[act], &n, NULL, "suu", x->channel,
		    id, ver);
		break;
	default:
		e = db_exec(db, stmts[act], &n, NULL, "uu", id, ver);
		break;
	}
	return e != DB_OK ? -1 : n == 1;
}

/* The result file, recorded as the result added by who. */
static enum desk_err
desk_result(struct db *db, struct arena *a, const struct actor *who,
    uint64_t app, const struct desk_args *x)
{
	uint64_t	 id = 0;

	if (store_attach(db, a, app, "ket_qua", x->filename, x->file, &id) !=
	    STORE_OK || db_exec(db, STMT_DESK_RESULT_MARK, NULL, NULL, "uu",
	    (unsigned long long)who->id, (unsigned long long)id) != DB_OK)
		return DESK_ERR;
	return DESK_OK;
}

/* The timeline's note of act: what the staff wrote, or what happened. */
static const char *
desk_note(struct db *db, struct arena *a, enum desk_action act,
    const struct desk_args *x, uint64_t unit)
{
	struct row_DESK_STAFF_ONE so;
	const char		*note = desk_text(a, x->note);

	if (act == DESK_RESULT)
		return arena_printf(a, "Tải lên kết quả giải quyết: %s%s%s",
		    x->filename, *note ? ". " : "", note);
	if (act == DESK_ASSIGN && db_one(db, a, DESK_STAFF_ONE, &so, "uu",
	    (unsigned long long)x->assignee, (unsigned long long)unit) ==
	    DB_OK)
		return arena_printf(a, "Phân công xử lý: %s%s%s",
		    so.full_name, *note ? ". " : "", note);
	if (act == DESK_ASK_PAYMENT)
		return arena_printf(a, "Số tiền: %llu đồng%s%s",
		    (unsigned long long)x->amount, *note ? ". " : "", note);
	if (act == DESK_RETURN)
		return strcmp(x->channel, "online") == 0 ? "Trả kết quả trực "
		    "tuyến: tải về tại trang hồ sơ." : "Trả kết quả tại bộ "
		    "phận một cửa.";
	return note;
}

/* The event of act done at state v: a change of status, or (from = to)
 * a note, a message, an approval, an apology.  An assignment in
 * processing is an internal note; an assignment that starts it is a
 * change of status whose mail does not name the officer. */
static void
desk_event(enum desk_action act,
    const struct row_DESK_LOCK *v, const char *note, const char *due,
    struct event *ev)
{
	const struct desk_rule	*d = &rules[act];

	ev->from = (int)v->status;
	ev->to = d->to >= 0 ? d->to : (int)v->status;
	ev->kind = d->kind;
	ev->internal = d->internal;
	ev->note = note;
	ev->due = act == DESK_APOLOGY ? due : NULL;
	ev->say = d->internal ? NULL : note;
	if (act == DESK_ASSIGN) {
		ev->internal = ev->from == ev->to;
		ev->kind = ev->internal ? "note" : "status";
		ev->note = ev->internal ? note : "";
		ev->say = NULL;
	}
}

/* Does act to application app, seen at version, for who with args x, in
 * one transaction: the application's row locked and checked against the
 * table (role, status, state, then the fields), the statement (version
 * and status in its WHERE), a result file, the event with its mail and
 * audit row.  DESK_OK; DESK_STALE (another version: someone else changed
 * it); DESK_FORBIDDEN, DESK_NOT_ALLOWED or DESK_INVALID with *why;
 * DESK_ERR.  Nothing changes unless DESK_OK. */
enum desk_err
desk_act(struct db *db, struct arena *a, const struct actor *who,
    uint64_t app, uint64_t version, enum desk_action act,
    const struct desk_args *x, const char **why)
{
	struct row_DESK_LOCK	 v;
	struct desk_state	 s;
	struct event		 ev;
	const char		*due = NULL, *note;
	unsigned		 roles;
	enum desk_err		 r = DESK_ERR;
	int			 n;

	*why = NULL;
	if (act >= DESK_ACTION__MAX || db_begin(db) != DB_OK)
		return DESK_ERR;
	if (db_one(db, a, DESK_LOCK, &v, "u", (unsigned long long)app) !=
	    DB_OK || !desk_roles(db, a, who->id, v.unit_id, &roles))
		goto out;
	memset(&s, 0, sizeof(s));
	s.status = (int)v.status;
	s.supplied = v.supplied != 0;
	s.results = (int)v.results;
	s.approval = v.result_approval != 0;
	s.approved = v.approved != 0;
	s.late = status_late(v.status, v.due_at / 86400,
	    clock_day(time(NULL))) && v.due_at != 0;
	if (v.version != version) {
		r = DESK_STALE;
		goto out;
	}
	if ((r = desk_check(act, roles, &s, why)) != DESK_OK ||
	    (r = desk_args_check(db, a, act, &v, x, why)) != DESK_OK)
		goto out;
	r = DESK_ERR;
	if (act == DESK_APOLOGY)
		due = workday_iso(a, x->day);
	else if (!desk_due(db, a, act, &v, &due))
		goto out;
	if ((n = desk_update(db, act, who, app, version, x, due)) != 1) {
		r = n == 0 ? DESK_STALE : DESK_ERR;
		goto out;
	}
	if (act == DESK_RESULT && desk_result(db, a, who, app, x) != DESK_OK)
		goto out;
	note = desk_note(db, a, act, x, v.unit_id);
	desk_event(act, &v, note, due, &ev);
	if (event_add(db, a, who, app, &ev, rules[act].audit, v.code) !=
	    DB_OK)
		goto out;
	if (act == DESK_ASSIGN && ev.from != ev.to) {
		/* and who was assigned, for the staff */
		ev.from = ev.to;
		ev.kind = "note";
		ev.internal = 1;
		ev.note = note;
		if (event_add(db, a, who, app, &ev, "desk_assign_note",
		    v.code) != DB_OK)
			goto out;
	}
	if (db_commit(db) != DB_OK)
		goto out;
	return DESK_OK;
out:
	db_rollback(db);
	return r;
}
