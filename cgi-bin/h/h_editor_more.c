/* The newsroom's other pages: the preview of an article exactly as the
 * public page shows it, its revisions (a diff with the current text,
 * restore), and the units' categories. */
#include <string.h>

#include "app/article.h"
#include "app/category.h"
#include "app/media.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/diff.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/article.h"
#include "h/editor.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"

static unsigned long long
me(const struct request *r)
{
	return (unsigned long long)r->user->id;
}

/* The posted values over the stored article row (POST: what the form has
 * now, unsaved); the category's name from the unit's list. */
static void
preview_posted(struct request *r, const struct row_ART_DRAFT_VIEW *row,
    struct article_view *v)
{
	struct row_CAT_BY_UNIT	*c;
	size_t			 i, n = 0;
	const struct kval	*k = r->val;

	v->kind = k[KEY_KIND].s ? k[KEY_KIND].s : "news";
	v->title = k[KEY_TITLE].s ? k[KEY_TITLE].s : "";
	v->summary = k[KEY_SUMMARY].s ? k[KEY_SUMMARY].s : "";
	v->body = k[KEY_BODY].s ? k[KEY_BODY].s : "";
	v->lead_alt = k[KEY_ALT].s ? k[KEY_ALT].s : "";
	v->category = "";
	if (db_all(r->db, r->a, CAT_BY_UNIT, &c, &n, "u",
	    (unsigned long long)row->unit_id) != DB_OK)
		n = 0;
	for (i = 0; i < n; i++)
		if (c[i].id == k[KEY_CATEGORY].u)
			v->category = c[i].name;
}

/* GET/POST /bien-tap/bai-viet/{id}/xem-truoc: the article through the
 * public page's template and filling (h_article_fill), under a banner,
 * never indexed: GET the stored text, POST the form's. */
int
h_editor_preview(struct request *r)
{
	struct row_ART_DRAFT_VIEW row;
	struct article_view	 v;
	struct unit		 u;
	struct page		 p;
	struct tmpl_dict	*s;
	enum db_err		 e;

	e = db_one(r->db, r->a, ART_DRAFT_VIEW, &row, "uu",
	    (unsigned long long)r->args[0].id, me(r));
	if (e == DB_OK)
		e = page_unit_load(r, row.unit_slug, &u);
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	memset(&v, 0, sizeof(v));
	v.id = row.id;
	v.slug = row.slug;
	v.kind = row.kind;
	v.title = row.title;
	v.summary = row.summary;
	v.body = row.body;
	v.category = row.category;
	v.published_at = row.published_at;
	v.lead_alt = row.lead_alt;
	v.lead_w = row.lead_w;
	v.lead_h = row.lead_h;
	if (*row.lead_sha != '\0')
		v.lead_url = media_url(r->a, row.lead_sha,
		    row.lead_mime);
	if (r->method == METHOD_POST)
		preview_posted(r, &row, &v);
	resp_page_new(r, &p, arena_printf(r->a, "Xem trước: %s", v.title),
	    "article.tpl");
	h_article_fill(r, &p, &u, &v);
	s = tmpl_section(p.body, "PREVIEW");
	tmpl_set(s, "EDIT_URL", editor_url(r, row.id));
	tmpl_set(s, "STATUS_LABEL", article_status_label(article_status_find(
	    row.status)));
	page_meta(&p, "name", "robots", "noindex, nofollow");
	resp_header(r, "X-Robots-Tag", "noindex, nofollow");
	return resp_page(r, 200, &p);
}

/* GET /bien-tap/bai-viet/{id}/lich-su: every revision, newest first. */
int
h_editor_history(struct request *r)
{
	struct row_ED_GET	 v;
	struct row_ART_REVISIONS *rev;
	struct page		 p;
	size_t			 i, n;
	enum db_err		 e;

	e = db_one(r->db, r->a, ED_GET, &v, "uu",
	    (unsigned long long)r->args[0].id, me(r));
	if (e == DB_OK)
		e = db_all(r->db, r->a, ART_REVISIONS, &rev, &n, "u",
		    (unsigned long long)v.id);
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	resp_page_new(r, &p, arena_printf(r->a, "Lịch sử: %s", v.title),
	    "editor_history.tpl");
	tmpl_set(p.body, "TITLE", v.title);
	tmpl_set(p.body, "EDIT_URL", editor_url(r, v.id));
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p.body, "REVISION");
		tmpl_set_int(s, "REV_ID", (long long)rev[i].id);
		tmpl_set(s, "REV_URL", arena_printf(r->a, "%s/lich-su/%llu",
		    editor_url(r, v.id), (unsigned long long)rev[i].id));
		tmpl_set(s, "REV_TITLE", rev[i].title);
		tmpl_set(s, "REV_STATUS", article_status_label(
		    article_status_find(rev[i].status)));
		tmpl_set(s, "REV_EDITOR", rev[i].editor_name);
		tmpl_set(s, "REV_AT", clock_datetime(r->a, rev[i].created_at));
		if (*rev[i].note != '\0')
			tmpl_set(tmpl_section(s, "REV_NOTE"), "NOTE",
			    rev[i].note);
	}
	return resp_page(r, 200, &p);
}

/* The text a diff compares: title, summary, then the body's lines. */
static const char *
revision_text(struct arena *a, const char *title, const char *summary,
    const char *body)
{
	return arena_printf(a, "Tiêu đề: %s\nTóm tắt: %s\n\n%s", title,
	    summary, body);
}

/* The diff of revision old against the article's current text, a line
 * each (DIFF_LINE[]: SAME, DEL or ADD section, TEXT). */
static void
revision_diff(struct request *r, struct page *p,
    const struct row_ART_REVISION_GET *old, const struct row_ED_GET *v)
{
	static const char *const ops[DIFF_OP__MAX] = {
		"SAME",	/* DIFF_SAME */
		"DEL",	/* DIFF_DEL */
		"ADD",	/* DIFF_ADD */
	};
	struct diff_line	*d;
	size_t			 i, n, changed = 0;

	n = diff_lines(r->a, revision_text(r->a, old->title, old->summary,
	    old->body), revision_text(r->a, v->title, v->summary, v->body), &d);
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p->body, "DIFF_LINE");
		tmpl_show(s, ops[d[i].op]);
		tmpl_set(s, "TEXT", d[i].text);
		changed += d[i].op != DIFF_SAME;
	}
	if (changed == 0)
		tmpl_show(p->body, "NO_CHANGE");
}

/* POST: make the revision's text the article's again (a new revision). */
static int
revision_restore(struct request *r, const struct row_ED_GET *v, uint64_t rev)
{
	struct actor		 who = page_actor(r);
	const char		*why = NULL;
	enum article_err	 e;

	if (r->val[KEY_ACTION].s == NULL ||
	    strcmp(r->val[KEY_ACTION].s, "khoi-phuc") != 0)
		return resp_error(r, 400, "Thao tác không hợp lệ.");
	e = article_restore(r->db, r->a, &who, v->id, r->val[KEY_VERSION].u,
	    rev, &why);
	if (e == ART_STALE)
		why = "Bài viết vừa được người khác thay đổi: mở lại trang lịch "
		    "sử rồi thử lại.";
	if (e != ART_OK)
		return resp_error(r, article_http(e), why);
	return resp_redirect(r, 303, arena_printf(r->a, "%s?tb=da-khoi-phuc",
	    editor_url(r, v->id)));
}

/* GET/POST /bien-tap/bai-viet/{id}/lich-su/{rev}: the revision against
 * the current text; POST restores it. */
int
h_editor_revision(struct request *r)
{
	struct row_ED_GET		 v;
	struct row_ART_REVISION_GET	 old;
	struct page			 p;
	enum db_err			 e;

	e = db_one(r->db, r->a, ED_GET, &v, "uu",
	    (unsigned long long)r->args[0].id, me(r));
	if (e == DB_OK)
		e = db_one(r->db, r->a, ART_REVISION_GET, &old, "uu",
		    (unsigned long long)r->args[1].id,
		    (unsigned long long)v.id);
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	if (r->method == METHOD_POST)
		return revision_restore(r, &v, old.id);
	resp_page_new(r, &p, arena_printf(r->a, "Phiên bản #%llu",
	    (unsigned long long)old.id), "editor_revision.tpl");
	tmpl_set_int(p.body, "REV_ID", (long long)old.id);
	tmpl_set(p.body, "REV_AT", clock_datetime(r->a, old.created_at));
	tmpl_set(p.body, "TITLE", v.title);
	tmpl_set(p.body, "EDIT_URL", editor_url(r, v.id));
	tmpl_set(p.body, "HISTORY_URL", arena_printf(r->a, "%s/lich-su",
	    editor_url(r, v.id)));
	tmpl_set(p.body, "ACTION_URL", arena_printf(r->a, "%s/lich-su/%llu",
	    editor_url(r, v.id), (unsigned long long)old.id));
	tmpl_set_int(p.body, "VERSION", (long long)v.version);
	revision_diff(r, &p, &old, &v);
	return resp_page(r, 200, &p);
}

/* The categories page: every unit of the person's with its categories,
 * each with its forms. */
static int
categories_page(struct request *r, struct page *p, int code)
{
	struct row_ED_UNITS	*u;
	struct row_CAT_BY_UNIT	*c;
	size_t			 i, k, n, nc;

	if (db_all(r->db, r->a, ED_UNITS, &u, &n, "u", me(r)) != DB_OK)
		return resp_error(r, 500, NULL);
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p->body, "UNIT");
		tmpl_set_int(s, "UNIT_ID", (long long)u[i].id);
		tmpl_set(s, "UNIT_NAME", page_unit_name(r->a, u[i].kind,
		    u[i].name));
		if (db_all(r->db, r->a, CAT_BY_UNIT, &c, &nc, "u",
		    (unsigned long long)u[i].id) != DB_OK)
			return resp_error(r, 500, NULL);
		for (k = 0; k < nc; k++) {
			struct tmpl_dict *it = tmpl_section(s, "CAT");
			tmpl_set_int(it, "CAT_ID", (long long)c[k].id);
			tmpl_set(it, "CAT_NAME", c[k].name);
			if (k > 0)
				tmpl_show(it, "CAN_UP");
			if (k + 1 < nc)
				tmpl_show(it, "CAN_DOWN");
		}
		if (nc == 0)
			tmpl_show(s, "NO_CAT");
	}
	return resp_page(r, code, p);
}

/* POST: add (don_vi, ten_chuyen_muc), rename (chuyen_muc,
 * ten_chuyen_muc, hanh_dong=doi-ten), move (chuyen_muc, hanh_dong=len or
 * xuong). */
static int
categories_post(struct request *r, struct page *p)
{
	struct actor		 who = page_actor(r);
	const char		*act = r->val[KEY_ACTION].s, *name;
	uint64_t		 cat = r->val[KEY_CATEGORY].u;
	enum category_err	 e;

	name = r->val[KEY_NAME].s;
	if (act == NULL)
		return resp_error(r, 400, "Thao tác không hợp lệ.");
	if ((strcmp(act, "them") == 0 || strcmp(act, "doi-ten") == 0) &&
	    name == NULL) {
		resp_form_error(p, "Vui lòng nhập tên chuyên mục (tối đa 100 ký "
		    "tự, trên một dòng).");
		return categories_page(r, p, 422);
	}
	if (strcmp(act, "them") == 0)
		e = category_add(r->db, r->a, &who, r->val[KEY_UNIT].u, name);
	else if (strcmp(act, "doi-ten") == 0)
		e = category_rename(r->db, r->a, &who, cat, name);
	else if (strcmp(act, "len") == 0 || strcmp(act, "xuong") == 0)
		e = category_move(r->db, r->a, &who, cat, strcmp(act, "len") ==
		    0);
	else
		return resp_error(r, 400, "Thao tác không hợp lệ.");
	if (e == CAT_DUP) {
		resp_form_error(p, "Đơn vị đã có một chuyên mục trùng tên.");
		return categories_page(r, p, 409);
	}
	if (e != CAT_OK)
		return resp_error(r, e == CAT_NOTFOUND ? 404 : 500, NULL);
	return resp_redirect(r, 303, "/bien-tap/chuyen-muc?tb=da-luu-chuyen-muc");
}

/* GET/POST /bien-tap/chuyen-muc */
int
h_editor_categories(struct request *r)
{
	struct page	 p;

	resp_page_new(r, &p, "Chuyên mục", "editor_categories.tpl");
	if (r->method == METHOD_POST)
		return categories_post(r, &p);
	return categories_page(r, &p, 200);
}

/* Text for a Markdown link's brackets: its own brackets made round, its
 * line breaks spaces. */
static const char *
media_label(struct arena *a, const char *s)
{
	char	*t = arena_strdup(a, s), *c;

	for (c = t; *c != '\0'; c++)
		if (*c == '[')
			*c = '(';
		else if (*c == ']')
			*c = ')';
		else if (*c == '\n' || *c == '\r')
			*c = ' ';
	return t;
}

/* POST: the file (tep_chen) stored as a media row of the article's unit;
 * the Markdown that shows it (an image, with its required alt text) or
 * links to it (a PDF).  Returns the status; the page says. */
static int
media_post(struct request *r, struct page *p, const struct row_ED_GET *v)
{
	const struct req_kv	*kv[1];
	const char		*alt = r->val[KEY_ALT].s, *url;
	struct media		 m;
	enum media_err		 e;

	if (request_files(r, "tep_chen", kv, 1) != 1) {
		resp_field_error(p, "ERR_FILE", "Vui lòng chọn một tệp ảnh (JPEG, "
		    "PNG, WebP) hoặc PDF.");
		return 422;
	}
	e = media_add(r->db, r->a, v->unit_id, r->user->id, kv[0]->path,
	    kv[0]->filename, MEDIA_IMAGE | MEDIA_PDF, &m);
	if (e != MEDIA_OK) {
		resp_field_error(p, "ERR_FILE", media_err_msg(e, MEDIA_IMAGE |
		    MEDIA_PDF));
		return media_err_status(e);
	}
	url = media_url(r->a, m.sha256, m.mime);
	if (m.width > 0 && alt == NULL) {
		resp_field_error(p, "ERR_ALT", "Vui lòng nhập mô tả ảnh (văn bản "
		    "thay thế) cho người không xem được ảnh.");
		return 422;
	}
	tmpl_set(tmpl_section(p->body, "SNIPPET"), "MD", m.width > 0 ?
	    arena_printf(r->a, "![%s](%s)", media_label(r->a, alt), url) :
	    arena_printf(r->a, "[%s](%s)", media_label(r->a, *kv[0]->filename ?
	    kv[0]->filename : "Tệp PDF"), url));
	return 200;
}

/* GET/POST /bien-tap/bai-viet/{id}/tep: insert an image or a PDF into
 * the body: upload it, get the Markdown to paste (the toolbar's "Chèn
 * ảnh/PDF" posts here and pastes it itself). */
int
h_editor_media(struct request *r)
{
	struct row_ED_GET	 v;
	struct page		 p;
	enum db_err		 e;
	int			 code = 200;

	e = db_one(r->db, r->a, ED_GET, &v, "uu",
	    (unsigned long long)r->args[0].id, me(r));
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	resp_page_new(r, &p, "Chèn ảnh hoặc tệp PDF", "editor_media.tpl");
	tmpl_set(p.body, "TITLE", v.title);
	tmpl_set(p.body, "EDIT_URL", editor_url(r, v.id));
	tmpl_set(p.body, "ACTION_URL", arena_printf(r->a, "%s/tep",
	    editor_url(r, v.id)));
	tmpl_set(p.body, "VAL_ALT", r->val[KEY_ALT].raw);
	if (r->method == METHOD_POST)
		code = media_post(r, &p, &v);
	if (code >= 500)
		return resp_error(r, code, NULL);
	return resp_page(r, code, &p);
}
