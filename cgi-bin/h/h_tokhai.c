/* The printable blank declaration (tờ khai) of a procedure,
 * /thu-tuc/{code}/to-khai: no seeded procedure carries the official form
 * as a file, but the e-form of the version in force (app/eform.c) holds
 * the same content, so the paper form is generated from it for people who
 * apply at the counter: each group a section, each field its label and
 * room to write (a dotted line, boxes for the options of a choice, "ngày
 * ... tháng ... năm ..." for a date, 12 boxes for an ID number), the
 * documents to attach and the signature block.  Public; 404 for an
 * unknown code or a version without (a valid) e-form. */
#include <string.h>

#include "app/eform.h"
#include "core/arena.h"
#include "core/log.h"
#include "core/text.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "h/procedure.h"
#include "http/request.h"
#include "http/resp.h"

/* What a field leaves room for on paper, by type: the template's
 * section. */
static const char *const room[EFORM_TYPE__MAX] = {
	"LINE",		/* EFORM_TEXT */
	"DATE",		/* EFORM_DATE */
	"LINE",		/* EFORM_NUMBER */
	"CHOICE",	/* EFORM_CHOICE */
	"ID_BOXES",	/* EFORM_ID_NUMBER */
	"LINE",		/* EFORM_PHONE */
	"LONG",		/* EFORM_ADDRESS: two lines */
};

/* Whether eform (procedure_versions.eform, NULL: none) is a definition
 * the declaration can be printed from: the procedure page links
 * /to-khai only then, so that the link never answers 404. */
int
tokhai_available(struct arena *a, const char *eform)
{
	struct eform	 f;
	const char	*why;

	return eform != NULL && *eform != '\0' &&
	    eform_load(a, eform, &f, &why) == EFORM_OK && f.nfields > 0;
}

/* The title of the declaration of the procedure name: "Tờ khai đăng ký
 * khai sinh" for "Thủ tục đăng ký khai sinh", as the official forms are
 * named.  In arena memory. */
const char *
tokhai_title(struct arena *a, const char *name)
{
	static const char	 lead[] = "Thủ tục ";

	if (text_prefix_ci(name, lead) && strlen(name) > sizeof(lead) - 1)
		name += sizeof(lead) - 1;
	return arena_printf(a, "Tờ khai %s", text_lower_first(a, name));
}

/* One field f, number n, in group g. */
static void
tokhai_field(struct tmpl_dict *g, const struct eform_field *f, size_t n)
{
	struct tmpl_dict	*d = tmpl_section(g, "FIELD"), *s;
	size_t			 i;

	tmpl_set_int(d, "N", (long long)n);
	tmpl_set(d, "LABEL", f->label);
	if (f->required)
		tmpl_show(d, "REQUIRED");
	if (f->help != NULL)
		tmpl_set(tmpl_section(d, "HELP"), "TEXT", f->help);
	s = tmpl_section(d, room[f->type]);
	for (i = 0; f->type == EFORM_CHOICE && i < f->noptions; i++)
		tmpl_set(tmpl_section(s, "OPTION"), "TEXT", f->options[i]);
}

/* The fields, one GROUP (LEGEND, START, FIELD[]) per run of a group. */
static void
tokhai_fields(struct tmpl_dict *body, const struct eform *form)
{
	struct tmpl_dict	*g = NULL;
	const char		*group = NULL;
	size_t			 i;

	for (i = 0; i < form->nfields; i++) {
		const char *fg = form->fields[i].group;
		if (g == NULL || (fg == NULL) != (group == NULL) ||
		    (fg != NULL && strcmp(fg, group) != 0)) {
			g = tmpl_section(body, "GROUP");
			tmpl_set(g, "LEGEND", fg != NULL ? fg :
			    "Thông tin tờ khai");
			tmpl_set_int(g, "START", (long long)i + 1);
			group = fg;
		}
		tokhai_field(g, &form->fields[i], i + 1);
	}
}

/* The documents to attach: DOC[] (NAME, COUNT, CERTIFIED or ORIGINAL,
 * OPTIONAL), HAS_DOCS or NO_DOCS.  "(nếu có)" is not added to a name
 * that already says when ("..., nếu có", "..., nếu uỷ quyền"). */
static void
tokhai_docs(struct arena *a, struct tmpl_dict *body, const struct eform *form)
{
	size_t	 i;

	for (i = 0; i < form->ndocs; i++) {
		const struct eform_doc *doc = &form->docs[i];
		struct tmpl_dict *d = tmpl_section(body, "DOC");
		tmpl_set(d, "NAME", doc->name);
		tmpl_set(d, "COUNT", arena_printf(a, "%02u", doc->count));
		tmpl_show(d, doc->certified ? "CERTIFIED" : "ORIGINAL");
		if (!doc->required && strstr(doc->name, "nếu ") == NULL &&
		    !text_prefix_ci(doc->name, "nếu "))
			tmpl_show(d, "OPTIONAL");
	}
	tmpl_show(body, form->ndocs > 0 ? "HAS_DOCS" : "NO_DOCS");
}

/* GET /thu-tuc/{code}/to-khai */
int
h_procedure_tokhai(struct request *r)
{
	struct row_PROC_GET	 v;
	struct eform		 form;
	struct page		 p;
	const char		*why, *title;
	enum db_err		 e;

	e = db_one(r->db, r->a, PROC_GET, &v, "s", r->args[0].s);
	if (e != DB_OK && e != DB_NOTFOUND)
		return resp_error(r, page_status(e), NULL);
	if (e == DB_NOTFOUND || v.eform == NULL || *v.eform == '\0')
		return resp_error(r, 404, e == DB_NOTFOUND ?
		    "Không có thủ tục hành chính nào mang mã này." :
		    "Thủ tục này chưa có mẫu tờ khai để in.");
	if (eform_load(r->a, v.eform, &form, &why) != EFORM_OK) {
		LOGE("rid=%s e-form of %s: %s", r->rid, v.code, why);
		return resp_error(r, 404,
		    "Thủ tục này chưa có mẫu tờ khai để in.");
	}
	if (form.nfields == 0)
		return resp_error(r, 404,
		    "Thủ tục này chưa có mẫu tờ khai để in.");
	title = tokhai_title(r->a, v.name);
	resp_page_new(r, &p, title, "tokhai.tpl");
	tmpl_set(p.body, "TITLE", title);
	tmpl_set(p.body, "CODE", v.code);
	tmpl_set(p.body, "PROC_NAME", v.name);
	tmpl_set(p.body, "PROC_URL", arena_printf(r->a, "/thu-tuc/%s",
	    v.code));
	tokhai_fields(p.body, &form);
	tokhai_docs(r->a, p.body, &form);
	return resp_page(r, 200, &p);
}
