/* Applying online: the e-form of a procedure (/thu-tuc/{code}/nop),
 * drafts saved and resumed (?ho-so={id}), the submission and its receipt
 * (/ho-so/{code}/bien-nhan, Mẫu 01).  The form is built from the
 * procedure's e-form definition (app/eform.c), which also checks what was
 * typed; what was typed is always shown again.  The documents are
 * uploaded with the form (multipart/form-data, an input tep_<n> a slot):
 * put into the store before the transaction that records them.  A draft
 * keeps its files; a form sent back with errors changes nothing and lists
 * the draft's files again (app/upload.h, h/upload.h). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <sodium.h>

#include "app/application.h"
#include "app/eform.h"
#include "app/store.h"
#include "app/upload.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/clock.h"
#include "core/log.h"
#include "core/qr.h"
#include "core/text.h"
#include "core/tmpl.h"
#include "core/workday.h"
#include "data/db.h"
#include "h/assist.h"
#include "h/h.h"
#include "h/page.h"
#include "h/upload.h"
#include "http/request.h"
#include "http/resp.h"

struct apply {
	struct request			*r;
	struct page			 p;
	struct row_APPLY_PROC		 proc;
	struct eform			 form;
	struct row_UNITS_CURRENT	*units;
	size_t				 nunits;
	uint64_t			 draft_id;
	uint64_t			 unit_id;	/* chosen, or 0 */
	const char			*idem;
	json_t				*vals;		/* parameter: text */
	const char			**errs;		/* per field, or NULL */
	struct assist			 as;		/* submitted for a resident */
	struct upload_form		 up;		/* files sent now */
	const char			**doc_errs;	/* per slot, or NULL */
	struct row_UPLOAD_FILES		*have;		/* the draft's files */
	size_t				 nhave;
	uint64_t			*drops;		/* of have, to drop */
	size_t				 ndrops;
};

static void
json_free(void *j)
{
	json_decref(j);
}

/* A fresh one-time key: 32 random bytes in hex. */
static const char *
apply_new_key(struct arena *a)
{
	unsigned char	 b[32];
	char		*hex = arena_alloc(a, sizeof(b) * 2 + 1);

	randombytes_buf(b, sizeof(b));
	sodium_bin2hex(hex, sizeof(b) * 2 + 1, b, sizeof(b));
	return hex;
}

static const char *
apply_url(struct apply *ap)
{
	if (ap->draft_id == 0)
		return arena_printf(ap->r->a, "/thu-tuc/%s/nop",
		    ap->r->args[0].s);
	return arena_printf(ap->r->a, "/thu-tuc/%s/nop?ho-so=%llu",
	    ap->r->args[0].s, (unsigned long long)ap->draft_id);
}

static const char *
apply_val(struct apply *ap, const char *param)
{
	const char	*s = json_string_value(json_object_get(ap->vals, param));

	return s != NULL ? s : "";
}

/* A stored ISO date is shown as people write it, 25/12/2024. */
static const char *
apply_date_shown(struct arena *a, const char *s)
{
	int32_t	 day;
	int	 y, m, d;

	if (!workday_parse(s, &day))
		return s;
	workday_ymd(day, &y, &m, &d);
	return arena_printf(a, "%02d/%02d/%04d", d, m, y);
}

static void
apply_units(struct apply *ap, struct tmpl_dict *d, const char *section,
    const char *selected, uint64_t selected_id)
{
	size_t	 i;

	for (i = 0; i < ap->nunits; i++) {
		struct tmpl_dict *o = tmpl_section(d, section);
		tmpl_set(o, "CODE", ap->units[i].code);
		tmpl_set_int(o, "ID", (long long)ap->units[i].id);
		tmpl_set(o, "LABEL", page_unit_name(ap->r->a, ap->units[i].kind,
		    ap->units[i].name));
		if ((selected != NULL && strcmp(selected,
		    ap->units[i].code) == 0) || (selected_id != 0 &&
		    selected_id == ap->units[i].id))
			tmpl_show(o, "SELECTED");
	}
}

/* The input of field f, by type. */
static void
apply_input(struct apply *ap, struct tmpl_dict *d,
    const struct eform_field *f, const char *val)
{
	static const char *const input[EFORM_TYPE__MAX][2] = {
		{ "text", "" },			/* EFORM_TEXT */
		{ "text", "" },			/* EFORM_DATE */
		{ "text", "numeric" },		/* EFORM_NUMBER */
		{ NULL, NULL },			/* EFORM_CHOICE */
		{ "text", "numeric" },		/* EFORM_ID_NUMBER */
		{ "tel", "" },			/* EFORM_PHONE */
		{ "text", "" },			/* EFORM_ADDRESS */
	};
	struct tmpl_dict	*s;
	size_t			 i;

	if (f->type == EFORM_CHOICE) {
		s = tmpl_section(d, "IS_CHOICE");
		for (i = 0; i < f->noptions; i++) {
			struct tmpl_dict *o = tmpl_section(s, "OPTION");
			tmpl_set(o, "VALUE", f->options[i]);
			if (strcmp(val, f->options[i]) == 0)
				tmpl_show(o, "SELECTED");
		}
		return;
	}
	s = tmpl_section(d, "IS_INPUT");
	tmpl_set(s, "TYPE", input[f->type][0]);
	if (*input[f->type][1] != '\0')
		tmpl_set(tmpl_section(s, "INPUTMODE"), "MODE",
		    input[f->type][1]);
	tmpl_set(s, "VALUE", f->type == EFORM_DATE ?
	    apply_date_shown(ap->r->a, val) : val);
	if (f->type == EFORM_ADDRESS) {
		const char *up = eform_unit_param(ap->r->a, f);
		s = tmpl_section(d, "IS_ADDRESS");
		tmpl_set(s, "UNIT_PARAM", up);
		apply_units(ap, s, "UNIT_OPTION", apply_val(ap, up), 0);
	}
}

static const char *
apply_hint(const struct eform_field *f)
{
	switch (f->type) {
	case EFORM_DATE:
		return "Ngày/tháng/năm, ví dụ 25/12/2024.";
	case EFORM_ID_NUMBER:
		return "12 chữ số.";
	case EFORM_PHONE:
		return "Ví dụ 0912 345 678.";
	default:
		return NULL;
	}
}

/* One field of the form inside group g. */
static void
apply_field(struct apply *ap, struct tmpl_dict *g, size_t i)
{
	const struct eform_field	*f = &ap->form.fields[i];
	struct tmpl_dict		*d = tmpl_section(g, "FIELD");
	const char			*param = eform_param(ap->r->a, f);
	const char			*hint = apply_hint(f);

	tmpl_set(d, "PARAM", param);
	tmpl_set(d, "LABEL", f->label);
	if (f->required)
		tmpl_show(d, "REQUIRED");
	if (f->help != NULL || hint != NULL)
		tmpl_set(tmpl_section(d, "HELP"), "TEXT", f->help != NULL &&
		    hint != NULL ? arena_printf(ap->r->a, "%s %s", f->help,
		    hint) : f->help != NULL ? f->help : hint);
	if (ap->errs != NULL && ap->errs[i] != NULL)
		resp_input_error(&ap->p, d, "ERR", param, ap->errs[i]);
	if (f->help != NULL || hint != NULL || (ap->errs != NULL &&
	    ap->errs[i] != NULL))
		tmpl_set(tmpl_section(d, "DESC"), "IDS", arena_printf(ap->r->a,
		    "%s%s%s", f->help != NULL || hint != NULL ? "goi-y-" : "",
		    f->help != NULL || hint != NULL ? param : "",
		    ap->errs != NULL && ap->errs[i] != NULL ?
		    arena_printf(ap->r->a, " loi-%s", param) : ""));
	apply_input(ap, d, f, apply_val(ap, param));
}

static void
apply_fields(struct apply *ap)
{
	struct tmpl_dict	*g = NULL;
	const char		*group = NULL;
	size_t			 i;

	for (i = 0; i < ap->form.nfields; i++) {
		const char *fg = ap->form.fields[i].group;
		if (g == NULL || (fg == NULL) != (group == NULL) ||
		    (fg != NULL && strcmp(fg, group) != 0)) {
			g = tmpl_section(ap->p.body, "GROUP");
			tmpl_set(g, "LEGEND", fg != NULL ? fg :
			    "Thông tin tờ khai");
			group = fg;
		}
		apply_field(ap, g, i);
	}
}

/* A file's size, "12 KB". */
static const char *
apply_size(struct arena *a, uint64_t n)
{
	return arena_printf(a, "%llu KB", (unsigned long long)((n + 1023) /
	    1024));
}

/* What a slot asks for: its name, copies, certified or not, optional. */
static struct tmpl_dict *
apply_doc(struct arena *a, struct tmpl_dict *body, const struct eform_doc *doc)
{
	struct tmpl_dict	*d = tmpl_section(body, "DOC");

	tmpl_set(d, "NAME", doc->name);
	tmpl_set(d, "COUNT", arena_printf(a, "%02u", doc->count));
	tmpl_show(d, doc->certified ? "CERTIFIED" : "ORIGINAL");
	tmpl_show(d, doc->required ? "REQUIRED" : "OPTIONAL");
	return d;
}

/* The draft's files of slot i in d, each with a box to drop it. */
static void
apply_have(struct apply *ap, struct tmpl_dict *d, size_t i)
{
	const char	*slot = upload_slot(ap->r->a, i);
	size_t		 j;

	for (j = 0; j < ap->nhave; j++) {
		struct tmpl_dict *f;
		if (strcmp(ap->have[j].slot, slot) != 0)
			continue;
		f = tmpl_section(d, "FILE");
		tmpl_set_int(f, "ID", (long long)ap->have[j].id);
		tmpl_set(f, "NAME", ap->have[j].filename);
		tmpl_set(f, "SIZE", apply_size(ap->r->a, ap->have[j].size));
		if (request_drops(ap->r, ap->have[j].id))
			tmpl_show(f, "CHECKED");
	}
}

/* The document slots: a file input each (tep_<n>), the limits announced
 * beside them, the draft's files, the slot's error. */
static void
apply_slots(struct apply *ap)
{
	struct request	*r = ap->r;
	size_t		 i;

	for (i = 0; i < ap->form.ndocs; i++) {
		struct tmpl_dict *d = apply_doc(r->a, ap->p.body,
		    &ap->form.docs[i]);
		const char *param = upload_param(r, i);
		int err = ap->doc_errs != NULL && ap->doc_errs[i] != NULL;
		tmpl_set(d, "PARAM", param);
		if (err)
			resp_input_error(&ap->p, d, "ERR", param,
			    ap->doc_errs[i]);
		tmpl_set(d, "IDS", err ? arena_printf(r->a,
		    "gioi-han-giay-to loi-%s", param) : "gioi-han-giay-to");
		apply_have(ap, d, i);
	}
	if (ap->form.ndocs > 0) {
		tmpl_show(ap->p.body, "HAS_DOCS");
		upload_limits(r, ap->p.body);
	}
}

static int
apply_page(struct apply *ap, int status)
{
	struct tmpl_dict	*b = ap->p.body;

	tmpl_set(b, "PROC_NAME", ap->proc.name);
	tmpl_set(b, "PROC_CODE", ap->r->args[0].s);
	tmpl_set(b, "ACTION_URL", apply_url(ap));
	tmpl_set(b, "IDEM", ap->idem);
	tmpl_set(b, "CUTOFF", cfg_str("services", "cutoff", "15:00"));
	if (ap->proc.processing_days >= 0)
		tmpl_set_int(tmpl_section(b, "DAYS"), "N",
		    ap->proc.processing_days);
	if (ap->draft_id != 0)
		tmpl_show(b, "IS_DRAFT");
	apply_units(ap, b, "UNIT_OPTION", NULL, ap->unit_id);
	apply_fields(ap);
	apply_slots(ap);
	assist_form(ap->r, &ap->p, &ap->as);
	return resp_page(ap->r, status, &ap->p);
}

/* The values a fresh form starts with: the resident's own. */
static void
apply_prefill(struct apply *ap)
{
	const struct user	*u = ap->r->user;
	size_t			 i;

	for (i = 0; i < ap->form.nfields; i++) {
		const struct eform_field *f = &ap->form.fields[i];
		const char *v = NULL;
		if (f->prefill == NULL)
			continue;
		if (strcmp(f->prefill, "full_name") == 0)
			v = u->full_name;
		else if (strcmp(f->prefill, "phone") == 0)
			v = u->phone;
		else if (strcmp(f->prefill, "email") == 0)
			v = u->email;
		if (v != NULL)
			json_object_set_new(ap->vals, eform_param(ap->r->a, f),
			    json_string(v));
	}
}

/* The draft's files into ap->have.  Returns 1/0. */
static int
apply_files_load(struct apply *ap)
{
	return db_all(ap->r->db, ap->r->a, UPLOAD_FILES, &ap->have, &ap->nhave,
	    "uu", (unsigned long long)ap->draft_id,
	    (unsigned long long)ap->r->user->id) == DB_OK;
}

/* Loads the procedure, its e-form, the units and the draft the request
 * names.  Returns 0 or the status to answer. */
static int
apply_load(struct apply *ap)
{
	struct request		*r = ap->r;
	struct row_APP_DRAFT_GET d;
	const char		*why;
	enum db_err		 e;

	e = db_one(r->db, r->a, APPLY_PROC, &ap->proc, "s", r->args[0].s);
	if (e != DB_OK)
		return page_status(e);
	if (eform_load(r->a, ap->proc.eform, &ap->form, &why) != EFORM_OK) {
		LOGE("rid=%s e-form of %s: %s", r->rid, r->args[0].s, why);
		return 500;
	}
	if (db_all(r->db, r->a, UNITS_CURRENT, &ap->units, &ap->nunits, "") !=
	    DB_OK)
		return 500;
	ap->vals = json_object();
	arena_defer(r->a, json_free, ap->vals);
	if ((ap->draft_id = r->val[KEY_DRAFT].u) == 0)
		return 0;
	e = db_one(r->db, r->a, APP_DRAFT_GET, &d, "uuu",
	    (unsigned long long)ap->draft_id, (unsigned long long)r->user->id,
	    (unsigned long long)ap->proc.procedure_id);
	if (e != DB_OK)
		return page_status(e);
	ap->unit_id = d.unit_id;
	ap->idem = d.idem_key;
	if (!apply_files_load(ap))
		return 500;
	if (r->method != METHOD_POST) {
		json_t *j = json_loads(d.form_data, 0, NULL);
		if (json_is_object(j))
			json_object_update(ap->vals, j);
		json_decref(j);
	}
	return 0;
}

static const char *
apply_get(void *ctx, const char *param)
{
	struct request	*r = ctx;
	int		 dup = 0;

	return request_eform(r, param, &dup);
}

/* 1 when an e-form parameter came more than once. */
static int
apply_dups(struct apply *ap)
{
	size_t	 i;
	int	 dup = 0;

	for (i = 0; i < ap->form.nfields; i++) {
		const struct eform_field *f = &ap->form.fields[i];
		request_eform(ap->r, eform_param(ap->r->a, f), &dup);
		if (f->type == EFORM_ADDRESS)
			request_eform(ap->r, eform_unit_param(ap->r->a, f),
			    &dup);
	}
	return dup;
}

/* Checks the posted form (a draft: lightly) into ap->vals and ap->errs
 * (marked when the fields are rendered).  Returns how many errors the
 * form has, those already marked included. */
static size_t
apply_check(struct apply *ap, int draft)
{
	struct request			*r = ap->r;
	struct eform_env		 env;
	const char			**codes;
	size_t				 i, n;

	codes = arena_calloc(r->a, ap->nunits + 1, sizeof(*codes));
	for (i = 0; i < ap->nunits; i++) {
		codes[i] = ap->units[i].code;
		if (ap->units[i].id == r->val[KEY_UNIT].u)
			ap->unit_id = ap->units[i].id;
	}
	env.units = codes;
	env.nunits = ap->nunits;
	env.today = (int32_t)((time(NULL) + clock_offset()) / 86400);
	ap->errs = arena_calloc(r->a, ap->form.nfields + 1, sizeof(*ap->errs));
	eform_values(r->a, &ap->form, &env, draft, apply_get, r, ap->vals,
	    ap->errs);
	if (ap->unit_id == 0)
		resp_field_error(&ap->p, "ERR_UNIT", "Vui lòng chọn phường, xã "
		    "nơi nộp hồ sơ.");
	n = (size_t)ap->p.errors;
	for (i = 0; i < ap->form.nfields; i++)
		n += ap->errs[i] != NULL;
	return n;
}

static int
apply_receipt_redirect(struct request *r, const char *code)
{
	return resp_redirect(r, 303, arena_printf(r->a, "/ho-so/%s/bien-nhan",
	    code));
}

/* The draft's files the form asks to drop (boxes bo_tep). */
static void
apply_drops(struct apply *ap)
{
	size_t	 j;

	ap->drops = arena_calloc(ap->r->a, ap->nhave + 1, sizeof(*ap->drops));
	for (j = 0; j < ap->nhave; j++)
		if (request_drops(ap->r, ap->have[j].id))
			ap->drops[ap->ndrops++] = ap->have[j].id;
}

/* 1 when slot i has a file: sent now, or the draft's and not dropped. */
static int
apply_slot_filled(struct apply *ap, size_t i)
{
	const char	*slot = upload_slot(ap->r->a, i);
	size_t		 j, k;

	for (j = 0; j < ap->up.nfiles; j++)
		if (strcmp(ap->up.files[j].slot, slot) == 0)
			return 1;
	for (j = 0; j < ap->nhave; j++) {
		if (strcmp(ap->have[j].slot, slot) != 0)
			continue;
		for (k = 0; k < ap->ndrops && ap->drops[k] != ap->have[j].id;
		    k++)
			;
		if (k == ap->ndrops)
			return 1;
	}
	return 0;
}

/* At submission every required slot needs a file: marks those without.
 * Returns how many. */
static size_t
apply_required(struct apply *ap)
{
	size_t	 i, n = 0;

	for (i = 0; i < ap->form.ndocs; i++) {
		if (!ap->form.docs[i].required || ap->doc_errs[i] != NULL ||
		    apply_slot_filled(ap, i))
			continue;
		ap->doc_errs[i] = arena_printf(ap->r->a, "%s: vui lòng tải lên "
		    "tệp giấy tờ này.", ap->form.docs[i].name);
		n++;
	}
	return n;
}

/* A form with errors changes nothing: the draft's files stay (listed
 * again, their boxes as sent), and the files chosen this time, which a
 * browser cannot put back into a file input, are named as to be chosen
 * again. */
static int
apply_refused(struct apply *ap, int status)
{
	const char	*names = "";
	size_t		 i;

	for (i = 0; i < ap->up.nfiles; i++)
		names = arena_printf(ap->r->a, "%s%s“%s”", names, i > 0 ?
		    ", " : "", ap->up.files[i].filename);
	if (ap->up.nfiles > 0)
		tmpl_set(tmpl_section(ap->p.body, "FILES_NOTE"), "TEXT",
		    arena_printf(ap->r->a, "Biểu mẫu còn lỗi nên các tệp vừa "
		    "chọn (%s) chưa được lưu: vui lòng chọn lại sau khi sửa "
		    "các mục được đánh dấu.", names));
	return apply_page(ap, status);
}

/* POST: saves the draft or submits, with the files sent (put into the
 * store first, recorded in the transaction).  The one-time key makes a
 * second POST of the same form answer with the first one's result. */
static int
apply_post(struct apply *ap)
{
	struct request			*r = ap->r;
	struct actor			 who = page_actor(r);
	struct application_new		 n;
	const char			*act = r->val[KEY_ACTION].s, *code = NULL;
	int				 draft = act != NULL &&
					    strcmp(act, "luu-nhap") == 0, st;
	size_t				 nerr;
	char				*data;
	uint64_t			 id = 0;
	enum application_err		 e;

	if (apply_dups(ap))
		return resp_error(r, 400, "Một tham số được gửi nhiều lần.");
	if (ap->idem == NULL)
		ap->idem = r->val[KEY_IDEM].s;
	if (!draft && (act == NULL || strcmp(act, "nop") != 0))
		resp_form_error(&ap->p, "Vui lòng chọn Lưu nháp hoặc Nộp hồ sơ.");
	if (ap->idem == NULL) {
		ap->idem = apply_new_key(r->a);
		resp_form_error(&ap->p, "Biểu mẫu đã cũ. Vui lòng kiểm tra lại "
		    "thông tin và bấm nút một lần nữa.");
	}
	if ((st = upload_read(r, &ap->form, &ap->up)) != 0)
		return resp_error(r, st, NULL);
	ap->doc_errs = ap->up.errs;
	apply_drops(ap);
	nerr = apply_check(ap, draft) + ap->up.nerrs;	/* marked as rendered */
	if (!draft)
		nerr += apply_required(ap);
	if ((st = assist_check(r, &ap->p, draft, ap->draft_id, ap->unit_id,
	    &ap->as)) != 0)
		return resp_error(r, st, st != 403 ? NULL : "Chỉ thành viên tổ "
		    "công nghệ số cộng đồng mới được nộp hồ sơ thay người dân.");
	if (nerr > 0 || ap->p.errors > 0)
		return apply_refused(ap, ap->up.status != 0 ? ap->up.status :
		    422);
	data = json_dumps(ap->vals, JSON_COMPACT);
	if (data == NULL)
		return resp_error(r, 500, NULL);
	arena_defer(r->a, free, data);
	memset(&n, 0, sizeof(n));
	n.applicant = r->user->id;
	n.version_id = ap->proc.version_id;
	n.unit_id = ap->unit_id;
	n.draft_id = ap->draft_id;
	n.form_data = data;
	n.idem_key = ap->idem;
	n.processing_days = ap->proc.processing_days;
	n.now = time(NULL);
	if (ap->as.resident != 0) {		/* assisted: never a draft */
		n.applicant = ap->as.resident;
		n.assisted_by = r->user->id;
		n.helper = r->user->full_name;
	}
	n.files = ap->up.files;
	n.nfiles = ap->up.nfiles;
	n.drops = ap->drops;
	n.ndrops = ap->ndrops;
	e = draft ? application_draft(r->db, r->a, &who, &n, &id) :
	    application_submit(r->db, r->a, &who, &n, &code);
	if (e == APPLICATION_NOTFOUND)
		return resp_error(r, 404, NULL);
	if (e == APPLICATION_FULL) {
		resp_form_error(&ap->p, store_err_str(STORE_APPFULL));
		return apply_page(ap, 413);
	}
	if (e == APPLICATION_ERR)
		return resp_error(r, 500, NULL);
	if (!draft)
		return apply_receipt_redirect(r, code);
	if (e == APPLICATION_DONE)
		return resp_redirect(r, 303, "/ho-so");
	ap->draft_id = id;
	return resp_redirect(r, 303, arena_printf(r->a, "%s&tb=da-luu-nhap",
	    apply_url(ap)));
}

/* The code of the application the one-time key of the POST submitted
 * already, or NULL. */
static const char *
apply_done(struct request *r)
{
	struct row_APP_BY_IDEM	 v;

	if (r->method != METHOD_POST || r->val[KEY_IDEM].s == NULL ||
	    db_one(r->db, r->a, APP_BY_IDEM, &v, "us",
	    (unsigned long long)r->user->id, r->val[KEY_IDEM].s) != DB_OK ||
	    v.status == 0)
		return NULL;
	return v.code;
}

/* GET/POST /thu-tuc/{code}/nop[?ho-so={draft}]: the form, a procedure
 * without an e-form or another's draft are "not found".  A POST whose
 * key was submitted already (a retry, a second click) answers as the
 * first did, whatever else it carries. */
int
h_apply(struct request *r)
{
	struct apply	 ap;
	const char	*code;
	int		 st;

	if ((code = apply_done(r)) != NULL)
		return apply_receipt_redirect(r, code);
	memset(&ap, 0, sizeof(ap));
	ap.r = r;
	if ((st = apply_load(&ap)) != 0)
		return resp_error(r, st, NULL);
	resp_page_new(r, &ap.p, arena_printf(r->a, "Nộp hồ sơ: %s",
	    ap.proc.name), "apply.tpl");
	if (r->method == METHOD_POST)
		return apply_post(&ap);
	if (ap.idem == NULL)
		ap.idem = apply_new_key(r->a);
	if (ap.draft_id == 0)
		apply_prefill(&ap);
	return apply_page(&ap, 200);
}

/* The receipt's list of documents: the e-form itself, received online,
 * then each slot with the names of the files received for it. */
static void
receipt_docs(struct request *r, struct tmpl_dict *b, uint64_t app,
    const char *eform)
{
	struct row_UPLOAD_FILES	*v;
	struct eform		 f;
	const char		*why;
	size_t			 i, j, n;

	if (eform_load(r->a, eform, &f, &why) != EFORM_OK) {
		LOGE("rid=%s receipt e-form: %s", r->rid, why);
		return;
	}
	if (db_all(r->db, r->a, UPLOAD_FILES, &v, &n, "uu",
	    (unsigned long long)app, (unsigned long long)r->user->id) != DB_OK)
		n = 0;
	for (i = 0; i < f.ndocs; i++) {
		struct tmpl_dict *d = apply_doc(r->a, b, &f.docs[i]);
		const char *slot = upload_slot(r->a, i), *names = NULL;
		for (j = 0; j < n; j++)
			if (strcmp(v[j].slot, slot) == 0)
				names = names == NULL ? v[j].filename :
				    arena_printf(r->a, "%s, %s", names,
				    v[j].filename);
		if (names != NULL)
			tmpl_set(tmpl_section(d, "FILES"), "NAMES", names);
		else
			tmpl_show(d, "NO_FILES");
	}
	if (f.ndocs > 0)
		tmpl_show(b, "HAS_DOCS");
}

static const char *
receipt_date(struct arena *a, const char *iso)
{
	return *iso != '\0' ? apply_date_shown(a, iso) : NULL;
}

/* GET /ho-so/{code}/bien-nhan: the receipt (Giấy tiếp nhận hồ sơ và hẹn
 * trả kết quả, Mẫu 01) of one's own application, with a QR code of its
 * tracking address. */
int
h_apply_receipt(struct request *r)
{
	struct row_APP_RECEIPT	 v;
	struct page		 p;
	const char		*track, *qr, *due;
	int			 size = 0;
	enum db_err		 e;

	e = db_one(r->db, r->a, APP_RECEIPT, &v, "su", r->args[0].s,
	    (unsigned long long)r->user->id);
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	track = arena_printf(r->a, "%s/tra-cuu?ma=%s",
	    cfg_str("site", "base_url", ""), text_urlencode(r->a, v.code));
	if ((qr = qr_svg_path(r->a, track, &size)) == NULL)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, arena_printf(r->a, "Giấy tiếp nhận hồ sơ %s",
	    v.code), "receipt.tpl");
	tmpl_set(p.body, "CODE", v.code);
	tmpl_set(p.body, "UNIT_NAME", page_unit_name(r->a, v.unit_kind,
	    v.unit_name));
	tmpl_set(p.body, "APPLICANT", v.full_name);
	tmpl_set(p.body, "PHONE", v.phone != NULL ? v.phone : "");
	tmpl_set(p.body, "PROC_NAME", v.proc_name);
	tmpl_set(p.body, "PROC_CODE", v.proc_code);
	tmpl_set(p.body, "SUBMITTED", clock_datetime(r->a, v.submitted_at));
	tmpl_set(p.body, "SUBMITTED_DATE", clock_date(r->a, v.submitted_at));
	tmpl_set(p.body, "TRACK_URL", track);
	tmpl_set(p.body, "TRACK_PATH", arena_printf(r->a, "/tra-cuu?ma=%s",
	    text_urlencode(r->a, v.code)));
	tmpl_set(p.body, "QR_PATH", qr);
	tmpl_set_int(p.body, "QR_SIZE", size);
	if (v.processing_days >= 0)
		tmpl_set_int(tmpl_section(p.body, "DAYS"), "N",
		    v.processing_days);
	if ((due = receipt_date(r->a, v.due)) != NULL)
		tmpl_set(tmpl_section(p.body, "DUE"), "DATE", due);
	else
		tmpl_show(p.body, "NO_DUE");
	receipt_docs(r, p.body, v.id, v.eform);
	assist_show(r, p.body, v.id);
	return resp_page(r, 200, &p);
}
