/* The printable forms of the one-stop desk (issue 9), GET
 * /mot-cua/ho-so/{code}/mau/{form}: the forms of the one-stop mechanism
 * (Decree 61/2018/NĐ-CP, Circular 01/2018/TT-VPCP) filled from an
 * application of the unit and its events, for staff and leaders of that
 * unit to print and sign: 1 Giấy tiếp nhận hồ sơ và hẹn trả kết quả, 2
 * Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, 3 Phiếu từ chối tiếp nhận
 * giải quyết hồ sơ, 4 Phiếu xin lỗi và hẹn lại ngày trả kết quả, 5 Phiếu
 * dừng xử lý.  A form that does not apply to the application (a refusal
 * that never was) is "not found", like a number outside 1-5.  The
 * reasons are the notes of the events to 5, 3 and 8 (migration 0015);
 * the apology is the newest event of kind 'apology'. */
#include <string.h>

#include "app/eform.h"
#include "app/status.h"
#include "app/upload.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/log.h"
#include "core/text.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/forms.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"

enum form {
	FORM_RECEIPT = 1,	/* Mẫu 01 */
	FORM_SUPPLEMENT,	/* Mẫu 02 */
	FORM_REFUSAL,		/* Mẫu 03 */
	FORM_APOLOGY,		/* Mẫu 04 */
	FORM_STOP,		/* Mẫu 05 */
	FORM__MAX
};

/* Each form: its title, the section of its own content, the suffix of
 * its number and the status whose event carries its reason (0: none). */
static const struct {
	const char	*title;
	const char	*section;
	const char	*suffix;
	int		 to;
} forms[FORM__MAX] = {
	{ NULL, NULL, NULL, 0 },
	{ "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "MAU01", "TNHS",
	  STATUS_RECEIVED },				/* FORM_RECEIPT */
	{ "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "MAU02", "BSHS",
	  STATUS_SUPPLEMENT },				/* FORM_SUPPLEMENT */
	{ "Phiếu từ chối tiếp nhận giải quyết hồ sơ", "MAU03", "TCHS",
	  STATUS_REFUSED },				/* FORM_REFUSAL */
	{ "Phiếu xin lỗi và hẹn lại ngày trả kết quả", "MAU04", "XLHS",
	  0 },						/* FORM_APOLOGY */
	{ "Phiếu dừng xử lý hồ sơ", "MAU05", "DXLHS",
	  STATUS_STOPPED },				/* FORM_STOP */
};

/* What a form is filled from. */
struct form_ctx {
	struct request		*r;
	struct page		 p;
	struct tmpl_dict	*s;		/* the form's own section */
	struct row_FORM_APP	 app;
	const char		*note;		/* the reason, or NULL */
	const char		*actor;		/* who wrote it */
	int64_t			 at;		/* the form's date */
};

/* The document slots of e-form json (may be "") into *f: its documents,
 * or one "Hồ sơ giấy (bản số hóa)" when it names none.  Returns 0 or
 * 500 (a definition that does not load). */
int
forms_slots(struct request *r, const char *json, struct eform *f)
{
	const char	*why;

	memset(f, 0, sizeof(*f));
	if (json != NULL && *json != '\0' &&
	    eform_load(r->a, json, f, &why) != EFORM_OK) {
		LOGE("rid=%s e-form: %s", r->rid, why);
		return 500;
	}
	if (f->ndocs == 0) {
		f->docs = arena_calloc(r->a, 1, sizeof(*f->docs));
		f->docs[0].name = "Hồ sơ giấy (bản số hóa)";
		f->docs[0].count = 1;
		f->ndocs = 1;
	}
	return 0;
}

/* The lines of text s as LINE[] { TEXT } sections of d, blank lines left
 * out.  Returns how many. */
static size_t
forms_lines(struct arena *a, struct tmpl_dict *d, const char *s)
{
	const char	*nl, *line;
	size_t		 n = 0, len;

	for (; s != NULL && *s != '\0'; s = nl != NULL ? nl + 1 : s + len) {
		nl = strchr(s, '\n');
		len = nl != NULL ? (size_t)(nl - s) : strlen(s);
		if ((line = text_trim(a, s, len)) == NULL || *line == '\0')
			continue;
		tmpl_set(tmpl_section(d, "LINE"), "TEXT", line);
		n++;
	}
	return n;
}

/* The documents received, slot by slot, with the names of their files. */
static int
forms_docs(struct form_ctx *c)
{
	struct request		*r = c->r;
	struct row_FORM_FILES	*v;
	struct eform		 f;
	size_t			 i, j, n;
	int			 st;

	if ((st = forms_slots(r, c->app.eform, &f)) != 0)
		return st;
	if (db_all(r->db, r->a, FORM_FILES, &v, &n, "u",
	    (unsigned long long)c->app.id) != DB_OK)
		return 500;
	for (i = 0; i < f.ndocs; i++) {
		struct tmpl_dict *d = tmpl_section(c->s, "DOC");
		const char *slot = upload_slot(r->a, i), *names = NULL;
		tmpl_set(d, "NAME", f.docs[i].name);
		tmpl_set(d, "COUNT", arena_printf(r->a, "%02u",
		    f.docs[i].count));
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
	return 0;
}

/* Mẫu 01 applies once the application is received (status 2 or later,
 * received_at set) and was not refused. */
static int
forms_receipt(struct form_ctx *c)
{
	struct row_FORM_EVENT_TO	 e;
	struct request			*r = c->r;

	if (c->app.status < STATUS_RECEIVED || c->app.received_at == 0 ||
	    c->app.status == STATUS_REFUSED)
		return 404;
	c->at = c->app.received_at;
	if (db_one(r->db, r->a, FORM_EVENT_TO, &e, "uu",
	    (unsigned long long)c->app.id, (unsigned long long)STATUS_RECEIVED)
	    == DB_OK)
		c->actor = e.actor;
	tmpl_set(c->s, "RECEIVED", clock_datetime(r->a, c->app.received_at));
	if (strcmp(c->app.channel, "counter") == 0)
		tmpl_show(c->s, "AT_COUNTER");
	else
		tmpl_show(c->s, "ONLINE");
	if (c->app.processing_days >= 0)
		tmpl_set_int(tmpl_section(c->s, "DAYS"), "N",
		    c->app.processing_days);
	if (*c->app.due != '\0')
		tmpl_set(tmpl_section(c->s, "DUE"), "DATE", c->app.due);
	else
		tmpl_show(c->s, "NO_DUE");
	return forms_docs(c);
}

/* Mẫu 02, 03 and 05: the newest change to the form's status, whose note
 * is the reason (for 02 the missing documents, one a line). */
static int
forms_reason(struct form_ctx *c, int to)
{
	struct row_FORM_EVENT_TO	 e;
	struct request			*r = c->r;
	enum db_err			 err;

	err = db_one(r->db, r->a, FORM_EVENT_TO, &e, "uu",
	    (unsigned long long)c->app.id, (unsigned long long)to);
	if (err != DB_OK)
		return page_status(err);
	c->note = e.note;
	c->actor = e.actor;
	c->at = e.at;
	if (c->app.received_at != 0)
		tmpl_set(tmpl_section(c->s, "RECEIVED"), "AT",
		    clock_datetime(r->a, c->app.received_at));
	if (forms_lines(r->a, c->s, e.note) == 0)
		tmpl_show(c->s, "NO_LINES");
	return 0;
}

/* Mẫu 04: the newest apology, its reason and the new appointment. */
static int
forms_apology(struct form_ctx *c)
{
	struct row_FORM_APOLOGY	 e;
	struct request		*r = c->r;
	enum db_err		 err;

	err = db_one(r->db, r->a, FORM_APOLOGY, &e, "u",
	    (unsigned long long)c->app.id);
	if (err != DB_OK)
		return page_status(err);
	c->at = e.at;		/* signed by the head, not who wrote it */
	tmpl_set(c->s, "RECEIVED", clock_datetime(r->a, c->app.received_at));
	if (*c->app.due != '\0' && strcmp(c->app.due, e.due) != 0)
		tmpl_set(tmpl_section(c->s, "OLD_DUE"), "DATE", c->app.due);
	if (*e.due != '\0')
		tmpl_set(tmpl_section(c->s, "NEW_DUE"), "DATE", e.due);
	if (forms_lines(r->a, c->s, e.note) == 0)
		tmpl_show(c->s, "NO_LINES");
	return 0;
}

/* The heading every form shares: the unit in capitals, the number, the
 * place and date, the applicant and the procedure. */
static void
forms_head(struct form_ctx *c, enum form k)
{
	struct request		*r = c->r;
	struct tmpl_dict	*b = c->p.body;
	const char		*unit = page_unit_name(r->a, c->app.unit_kind,
				    c->app.unit_name);

	tmpl_set(b, "TITLE", forms[k].title);
	tmpl_set(b, "FORM_NO", arena_printf(r->a, "%02d", (int)k));
	tmpl_set(b, "UNIT_UPPER", text_upper(r->a, unit));
	tmpl_set(b, "UNIT_NAME", unit);
	tmpl_set(b, "NUMBER", arena_printf(r->a, "%s/%s", c->app.code,
	    forms[k].suffix));
	tmpl_set(b, "PLACE", c->app.unit_name);
	tmpl_set(b, "DAY", clock_fmt(r->a, c->at, "%d"));
	tmpl_set(b, "MONTH", clock_fmt(r->a, c->at, "%m"));
	tmpl_set(b, "YEAR", clock_fmt(r->a, c->at, "%Y"));
	tmpl_set(b, "CODE", c->app.code);
	tmpl_set(b, "APPLICANT", c->app.full_name);
	tmpl_set(b, "PHONE", c->app.phone);
	tmpl_set(b, "PROC_NAME", c->app.proc_name);
	tmpl_set(b, "PROC_CODE", c->app.proc_code);
	if (c->actor != NULL && *c->actor != '\0')
		tmpl_set(tmpl_section(b, "STAFF"), "NAME", c->actor);
	tmpl_show(b, arena_printf(r->a, "SIGN%02d", (int)k));
}

/* GET /mot-cua/ho-so/{code}/mau/{form} */
int
h_desk_form(struct request *r)
{
	struct form_ctx	 c;
	uint64_t	 k = r->args[1].id;
	enum db_err	 e;
	int		 st;

	if (k < FORM_RECEIPT || k >= FORM__MAX)
		return resp_error(r, 404, NULL);
	memset(&c, 0, sizeof(c));
	c.r = r;
	e = db_one(r->db, r->a, FORM_APP, &c.app, "suu", r->args[0].s,
	    (unsigned long long)r->unit_id, (unsigned long long)r->user->id);
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	resp_page_new(r, &c.p, arena_printf(r->a, "%s %s", forms[k].title,
	    c.app.code), "desk_form.tpl");
	c.s = tmpl_section(c.p.body, forms[k].section);
	if (k == FORM_RECEIPT)
		st = forms_receipt(&c);
	else if (k == FORM_APOLOGY)
		st = forms_apology(&c);
	else
		st = forms_reason(&c, forms[k].to);
	if (st != 0)
		return resp_error(r, st, NULL);
	forms_head(&c, (enum form)k);
	return resp_page(r, 200, &c.p);
}
