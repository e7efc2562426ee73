/* The one-stop desk's page of one application, /mot-cua/ho-so/{code}
 * (issue 9): everything staff and leaders of its unit need to work it
 * (the applicant, the e-form's values, the files, the full history with
 * the internal notes) and the forms of the actions allowed now to this
 * person (app/desk.c's table).  A POST performs one action and goes back
 * to the page (303); a page older than the application answers 409 with
 * the current state.  Another unit's application is "not found" (authz
 * and the statement). */
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "app/desk.h"
#include "app/eform.h"
#include "app/status.h"
#include "app/store.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/log.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"

#define DESK_STALE_MSG	"Hồ sơ đã được người khác thay đổi trong lúc bạn " \
	"xem. Dưới đây là trạng thái hiện tại của hồ sơ; vui lòng xem lại " \
	"rồi thực hiện lại thao tác nếu vẫn cần."

struct desk_page {
	struct request		*r;
	struct page		 p;
	struct row_DESK_APP_GET	 v;
	unsigned		 roles;
	int			 act;	/* the action posted, or -1 */
};

static const char *
desk_url(struct arena *a, const char *code)
{
	return arena_printf(a, "/mot-cua/ho-so/%s", code);
}

static unsigned long long
me(const struct request *r)
{
	return (unsigned long long)r->user->id;
}

/* The application and the person's roles in its unit. */
static enum db_err
desk_load(struct desk_page *d)
{
	struct row_DESK_ROLES	*ro;
	size_t			 i, n;
	enum db_err		 e;

	if ((e = db_one(d->r->db, d->r->a, DESK_APP_GET, &d->v, "su",
	    d->r->args[0].s, me(d->r))) != DB_OK)
		return e;
	if (db_all(d->r->db, d->r->a, DESK_ROLES, &ro, &n, "uu", me(d->r),
	    (unsigned long long)d->v.unit_id) != DB_OK)
		return DB_ERR;
	d->roles = 0;
	for (i = 0; i < n; i++)
		d->roles |= strcmp(ro[i].role, "leader") == 0 ?
		    DESK_ROLE_LEADER : DESK_ROLE_STAFF;
	return DB_OK;
}

static int
desk_late(const struct row_DESK_APP_GET *v)
{
	return v->due_at != 0 && status_late(v->status, v->due_at / 86400,
	    clock_day(time(NULL)));
}

static const char *
desk_channel(const char *c)
{
	return strcmp(c, "online") == 0 ? "Trực tuyến" : strcmp(c, "post") ==
	    0 ? "Qua bưu chính" : "Trực tiếp tại bộ phận một cửa";
}

/* "1.234.567" */
static const char *
desk_money(struct arena *a, uint64_t n)
{
	const char	*s = arena_printf(a, "%llu", (unsigned long long)(n % 1000));

	while ((n /= 1000) > 0)
		s = arena_printf(a, n >= 1000 ? "%03llu.%s" : "%llu.%s",
		    (unsigned long long)(n % 1000), s);
	return s;
}

/* The facts of the application. */
static void
desk_facts(struct desk_page *d)
{
	struct arena		*a = d->r->a;
	struct tmpl_dict	*b = d->p.body;
	const struct row_DESK_APP_GET *v = &d->v;

	tmpl_set(b, "CODE", v->code);
	tmpl_set(b, "PROCEDURE_NAME", v->procedure_name);
	tmpl_set(b, "PROCEDURE_CODE", v->procedure_code);
	tmpl_set(b, "UNIT_NAME", page_unit_name(a, v->unit_kind, v->unit_name));
	tmpl_set(b, "APPLICANT", v->applicant_name);
	tmpl_set(b, "PHONE", v->applicant_phone);
	tmpl_set(b, "EMAIL", v->applicant_email != NULL ?
	    v->applicant_email : "Không khai báo");
	tmpl_set(b, "CHANNEL", desk_channel(v->channel));
	tmpl_set(b, "STATUS_NAME", status_name(v->status));
	tmpl_set(b, "SUBMITTED", clock_datetime(a, v->submitted_at));
	tmpl_set(b, "RECEIVED", clock_datetime(a, v->received_at));
	tmpl_set(b, "DUE_DATE", clock_date(a, v->due_at));
	if (desk_late(v))
		tmpl_show(b, "LATE");
	if (v->assignee_name != NULL)
		tmpl_set(tmpl_section(b, "ASSIGNEE"), "NAME", v->assignee_name);
	if (v->status == STATUS_SUPPLEMENT && v->paused_at != 0)
		tmpl_set(tmpl_section(b, "PAUSED"), "AT",
		    clock_datetime(a, v->paused_at));
	if (v->status == STATUS_SUPPLEMENT && v->supplied_at != 0)
		tmpl_set(tmpl_section(b, "SUPPLIED"), "AT",
		    clock_datetime(a, v->supplied_at));
	if (v->fee_amount != 0)
		tmpl_set(tmpl_section(b, "FEE"), "AMOUNT",
		    desk_money(a, v->fee_amount));
	if (v->result_approval)
		tmpl_set(tmpl_section(b, "APPROVAL"), "TEXT",
		    v->approved_at != 0 ? arena_printf(a, "Đã phê duyệt: %s, "
		    "lúc %s", v->approver_name ? v->approver_name : "",
		    clock_datetime(a, v->approved_at)) : "Chưa phê duyệt");
	if (*v->returned_via != '\0')
		tmpl_set(tmpl_section(b, "RETURNED"), "VIA",
		    strcmp(v->returned_via, "online") == 0 ? "Trực tuyến" :
		    "Tại bộ phận một cửa");
}

/* The values the applicant typed into the e-form, by its fields (the
 * stored JSON's keys when the definition cannot be read). */
static void
desk_values(struct desk_page *d)
{
	struct eform		 f;
	const char		*why, *key;
	json_t			*j, *x;
	size_t			 i, n = 0;
	struct tmpl_dict	*s;

	j = d->v.form_data != NULL ? json_loads(d->v.form_data, 0, NULL) :
	    NULL;
	if (!json_is_object(j)) {
		json_decref(j);
		tmpl_show(d->p.body, "NO_VALUES");
		return;
	}
	if (*d->v.eform != '\0' && eform_load(d->r->a, d->v.eform, &f, &why) ==
	    EFORM_OK) {
		for (i = 0; i < f.nfields; i++) {
			x = json_object_get(j, eform_param(d->r->a,
			    &f.fields[i]));
			s = tmpl_section(d->p.body, "VALUE");
			tmpl_set(s, "LABEL", f.fields[i].label);
			tmpl_set(s, "TEXT", json_is_string(x) ?
			    json_string_value(x) : "");
			n++;
		}
	} else
		json_object_foreach(j, key, x) {
			s = tmpl_section(d->p.body, "VALUE");
			tmpl_set(s, "LABEL", key);
			tmpl_set(s, "TEXT", json_is_string(x) ?
			    json_string_value(x) : "");
			n++;
		}
	json_decref(j);
	if (n == 0)
		tmpl_show(d->p.body, "NO_VALUES");
}

/* The files, each a link to its download (h/h_file.c). */
static int
desk_files(struct desk_page *d)
{
	struct row_DESK_FILES	*f;
	struct tmpl_dict	*s;
	size_t			 i, n;

	if (db_all(d->r->db, d->r->a, DESK_FILES, &f, &n, "u",
	    (unsigned long long)d->v.id) != DB_OK)
		return 0;
	for (i = 0; i < n; i++) {
		s = tmpl_section(d->p.body, "FILE");
		tmpl_set(s, "NAME", f[i].filename);
		tmpl_set(s, "URL", arena_printf(d->r->a, "/ho-so/%s/tep/%llu",
		    d->v.code, (unsigned long long)f[i].id));
		tmpl_set(s, "KIND", strcmp(f[i].kind, "result") == 0 ?
		    "Kết quả giải quyết" : "Giấy tờ");
		tmpl_set(s, "AT", clock_datetime(d->r->a, f[i].created_at));
	}
	if (n == 0)
		tmpl_show(d->p.body, "NO_FILES");
	return 1;
}

/* What an event is, for the history. */
static const char *
desk_what(const struct row_DESK_EVENTS *e)
{
	static const char *const kinds[][2] = {
		{ "message", "Lời nhắn gửi người nộp" },
		{ "note", "Ghi chú nội bộ" },
		{ "supplied", "Người nộp đã gửi giấy tờ bổ sung" },
		{ "approval", "Lãnh đạo phê duyệt kết quả" },
		{ "late", "Quá hạn hẹn trả kết quả" },
		{ "apology", "Thư xin lỗi và hẹn lại ngày trả kết quả" },
	};
	size_t	 i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(e->kind, kinds[i][0]) == 0)
			return kinds[i][1];
	return status_name(e->to_status);
}

/* The printable forms (h/h_forms.c) that apply, which is what the
 * history holds: Mẫu 01 once received and not refused, 02, 03 and 05 once
 * an event went to 5, 3 or 8, 04 once an apology was written. */
static void
desk_prints(struct desk_page *d, const struct row_DESK_EVENTS *e, size_t n)
{
	static const char *const names[] = {
		NULL,
		"Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
		"Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
		"Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ",
		"Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả",
		"Mẫu 05: Phiếu dừng xử lý hồ sơ",
	};
	int		 has[6] = { 0 };
	size_t		 i;
	int		 k;

	has[1] = d->v.received_at != 0 && d->v.status >= STATUS_RECEIVED &&
	    d->v.status != STATUS_REFUSED;
	for (i = 0; i < n; i++) {
		if (strcmp(e[i].kind, "apology") == 0)
			has[4] = 1;
		else if (strcmp(e[i].kind, "status") != 0)
			continue;
		has[2] |= e[i].to_status == STATUS_SUPPLEMENT;
		has[3] |= e[i].to_status == STATUS_REFUSED;
		has[5] |= e[i].to_status == STATUS_STOPPED;
	}
	for (k = 1; k <= 5; k++)
		if (has[k]) {
			struct tmpl_dict *s = tmpl_section(d->p.body,
			    "PRINT_FORM");
			tmpl_set(s, "URL", arena_printf(d->r->a,
			    "/mot-cua/ho-so/%s/mau/%d", d->v.code, k));
			tmpl_set(s, "NAME", names[k]);
		}
	tmpl_set(d->p.body, "NOTICES_URL", arena_printf(d->r->a,
	    "/mot-cua/ho-so/%s/thong-bao", d->v.code));
}

/* The full history, internal notes marked. */
static int
desk_events(struct desk_page *d)
{
	struct row_DESK_EVENTS	*e;
	struct tmpl_dict	*s;
	size_t			 i, n;

	if (db_all(d->r->db, d->r->a, DESK_EVENTS, &e, &n, "u",
	    (unsigned long long)d->v.id) != DB_OK)
		return 0;
	desk_prints(d, e, n);
	for (i = 0; i < n; i++) {
		s = tmpl_section(d->p.body, "EVENT");
		tmpl_set(s, "AT", clock_datetime(d->r->a, e[i].at));
		tmpl_set(s, "AT_ISO", clock_fmt(d->r->a, e[i].at,
		    "%Y-%m-%dT%H:%M"));
		tmpl_set(s, "WHAT", desk_what(&e[i]));
		tmpl_set(s, "ACTOR", e[i].actor);
		if (e[i].internal)
			tmpl_show(s, "INTERNAL");
		if (e[i].note != NULL && *e[i].note != '\0')
			tmpl_set(tmpl_section(s, "NOTE"), "TEXT", e[i].note);
		if (e[i].due_at != 0)
			tmpl_set(tmpl_section(s, "DUE"), "DATE",
			    clock_date(d->r->a, e[i].due_at));
	}
	if (n == 0)
		tmpl_show(d->p.body, "NO_EVENTS");
	return 1;
}

/* The staff of the unit as the options of an assignment. */
static int
desk_staff(struct desk_page *d, struct tmpl_dict *s)
{
	struct row_DESK_STAFF_LIST	*v;
	struct tmpl_dict		*o;
	size_t				 i, n;

	if (db_all(d->r->db, d->r->a, DESK_STAFF_LIST, &v, &n, "u",
	    (unsigned long long)d->v.unit_id) != DB_OK)
		return 0;
	s = tmpl_section(s, "ASSIGNEE_FIELD");
	for (i = 0; i < n; i++) {
		o = tmpl_section(s, "OPTION");
		tmpl_set_int(o, "ID", (long long)v[i].id);
		tmpl_set(o, "NAME", v[i].full_name);
		if (v[i].id == d->v.assignee_id)
			tmpl_show(o, "SELECTED");
	}
	return 1;
}

/* The label of the note of act, when it takes one. */
static const char *
desk_note_label(enum desk_action act)
{
	switch (act) {
	case DESK_ASK_SUPPLEMENT:
		return "Giấy tờ cần bổ sung (mỗi giấy tờ một dòng)";
	case DESK_NOTE:
		return "Nội dung ghi chú (chỉ cán bộ xem được)";
	case DESK_MESSAGE:
		return "Nội dung lời nhắn";
	case DESK_RESULT:
	case DESK_ASSIGN:
	case DESK_ASK_PAYMENT:
		return "Ghi chú (không bắt buộc)";
	default:
		return "Lý do";
	}
}

/* The form of act in section ACTION of the page. */
static int
desk_form(struct desk_page *d, enum desk_action act)
{
	const struct desk_rule	*ru = desk_rule(act);
	struct tmpl_dict	*s = tmpl_section(d->p.body, "ACTION"), *f;
	struct request		*r = d->r;

	tmpl_set(s, "WORD", ru->word);
	tmpl_set(s, "LABEL", ru->label);
	tmpl_set(s, "ACTION_URL", desk_url(r->a, d->v.code));
	tmpl_set_int(s, "VERSION", (long long)d->v.version);
	if ((ru->needs & DESK_NEED_NOTE) || act == DESK_RESULT ||
	    act == DESK_ASSIGN || act == DESK_ASK_PAYMENT) {
		f = tmpl_section(s, "NOTE_FIELD");
		tmpl_set(f, "NOTE_LABEL", desk_note_label(act));
		if (ru->needs & DESK_NEED_NOTE)
			tmpl_show(f, "REQUIRED");
		if (d->act == (int)act && r->val[KEY_NOTE].valid)
			tmpl_set(f, "VAL", r->val[KEY_NOTE].s);
	}
	if ((ru->needs & DESK_NEED_ASSIGNEE) && !desk_staff(d, s))
		return 0;
	if (ru->needs & DESK_NEED_AMOUNT)
		tmpl_show(s, "AMOUNT_FIELD");
	if (ru->needs & DESK_NEED_DAY)
		tmpl_set(tmpl_section(s, "DAY_FIELD"), "MIN",
		    clock_fmt(r->a, time(NULL) + 86400, "%Y-%m-%d"));
	if (ru->needs & DESK_NEED_CHANNEL)
		tmpl_show(s, "CHANNEL_FIELD");
	if (ru->needs & DESK_NEED_FILE) {
		tmpl_show(s, "MULTIPART");
		tmpl_show(s, "FILE_FIELD");
	}
	if (act == DESK_NOTE)
		tmpl_show(s, "SECONDARY");
	return 1;
}

/* The forms of the actions this person may do now. */
static int
desk_forms(struct desk_page *d)
{
	struct desk_state	 s;
	const char		*why;
	int			 i, n = 0;

	memset(&s, 0, sizeof(s));
	s.status = (int)d->v.status;
	s.supplied = d->v.supplied_at != 0;
	s.results = (int)d->v.results;
	s.approval = d->v.result_approval != 0;
	s.approved = d->v.approved_at != 0;
	s.late = desk_late(&d->v);
	for (i = 0; i < DESK_ACTION__MAX; i++)
		if (desk_check(i, d->roles, &s, &why) == DESK_OK) {
			if (!desk_form(d, i))
				return 0;
			n++;
		}
	if (n == 0)
		tmpl_show(d->p.body, "NO_ACTIONS");
	return 1;
}

/* Fills the page; with msg, the alert at its top.  Returns 1/0. */
static int
desk_page(struct desk_page *d, const char *msg)
{
	resp_page_new(d->r, &d->p, arena_printf(d->r->a, "Hồ sơ %s",
	    d->v.code), "desk_app.tpl");
	if (msg != NULL)
		resp_form_error(&d->p, msg);
	desk_facts(d);
	desk_values(d);
	return desk_files(d) && desk_events(d) && desk_forms(d);
}

/* The form's values for act; for a result, its file put into the store
 * first (outside the transaction: app/store.h).  Returns 0, or the status
 * to answer with *why. */
static int
desk_read(struct desk_page *d, enum desk_action act, struct desk_args *x,
    struct store_file *f, const char **why)
{
	struct request		*r = d->r;
	const struct req_kv	*kv[2];
	enum store_err		 e;
	size_t			 n;

	memset(x, 0, sizeof(*x));
	*why = NULL;
	x->note = r->val[KEY_NOTE].valid ? r->val[KEY_NOTE].s : NULL;
	x->assignee = r->val[KEY_ASSIGNEE].valid ? r->val[KEY_ASSIGNEE].u : 0;
	x->amount = r->val[KEY_AMOUNT].valid ? r->val[KEY_AMOUNT].u : 0;
	x->day = r->val[KEY_DATE].valid ? (int32_t)r->val[KEY_DATE].u : -1;
	x->channel = r->val[KEY_CHANNEL].valid ? r->val[KEY_CHANNEL].s : NULL;
	if (act != DESK_RESULT)
		return 0;
	if ((n = request_files(r, "tep_ket_qua", kv, 2)) != 1) {
		*why = "Vui lòng chọn một tệp kết quả định dạng PDF.";
		return 400;
	}
	if ((e = store_put(kv[0]->path, f)) != STORE_OK) {
		*why = store_err_str(e);
		return store_err_status(e);
	}
	if (strcmp(f->mime, "application/pdf") != 0) {
		*why = "Kết quả phải là tệp PDF.";
		return 415;
	}
	x->file = f;
	x->filename = store_filename(r->a, kv[0]->filename);
	return 0;
}

/* Answers a refused POST with the page as it is now and msg. */
static int
desk_refused(struct desk_page *d, int status, const char *msg)
{
	enum db_err	 e;

	if ((e = desk_load(d)) != DB_OK)
		return resp_error(d->r, page_status(e), NULL);
	if (!desk_page(d, msg))
		return resp_error(d->r, 500, NULL);
	return resp_page(d->r, status, &d->p);
}

/* POST: one action (hanh_dong) at the version the page showed
 * (phien_ban). */
static int
desk_post(struct desk_page *d)
{
	struct request		*r = d->r;
	struct actor		 who = page_actor(r);
	struct desk_args	 x;
	struct store_file	 f;
	const char		*why;
	int			 st;

	d->act = r->val[KEY_ACTION].valid ? desk_find(r->val[KEY_ACTION].s) :
	    -1;
	if (d->act < 0)
		return desk_refused(d, 400, "Thao tác không hợp lệ.");
	if (!r->val[KEY_VERSION].valid || r->val[KEY_VERSION].u == 0)
		return desk_refused(d, 400, "Biểu mẫu thiếu thông tin phiên "
		    "bản. Vui lòng mở lại trang hồ sơ và thử lại.");
	if ((st = desk_read(d, d->act, &x, &f, &why)) != 0)
		return desk_refused(d, st, why);
	switch (desk_act(r->db, r->a, &who, d->v.id, r->val[KEY_VERSION].u,
	    d->act, &x, &why)) {
	case DESK_OK:
		return resp_redirect(r, 303, arena_printf(r->a,
		    "%s?tb=da-xu-ly", desk_url(r->a, d->v.code)));
	case DESK_STALE:
		return desk_refused(d, 409, DESK_STALE_MSG);
	case DESK_FORBIDDEN:
		return resp_error(r, 403, why);
	case DESK_NOT_ALLOWED:
		return desk_refused(d, 409, why);
	case DESK_INVALID:
		return desk_refused(d, 400, why);
	default:
		return resp_error(r, 500, NULL);
	}
}

/* GET, POST /mot-cua/ho-so/{code} */
int
h_desk_app(struct request *r)
{
	struct desk_page	 d;
	enum db_err		 e;

	memset(&d, 0, sizeof(d));
	d.r = r;
	d.act = -1;
	if ((e = desk_load(&d)) != DB_OK)
		return resp_error(r, page_status(e), NULL);
	if (r->method == METHOD_POST)
		return desk_post(&d);
	if (!desk_page(&d, NULL))
		return resp_error(r, 500, NULL);
	return resp_page(r, 200, &d.p);
}
