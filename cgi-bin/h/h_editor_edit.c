/* The article's page in the newsroom: GET/POST /bien-tap/bai-viet/{id}:
 * the form, and the buttons of the actions the person may take now
 * (app/article.c's table decides, and decides again on POST). */
#include <string.h>
#include <time.h>

#include "app/article.h"
#include "app/media.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/article.h"
#include "h/editor.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"

/* The template's section of each action's button (annotated with enum
 * article_action) and the notice after it. */
static const char *const buttons[ART_ACTION__MAX][2] = {
	{ "BTN_SAVE", "da-luu" },		/* ART_SAVE */
	{ "BTN_SUBMIT", "da-gui-duyet" },	/* ART_SUBMIT */
	{ "BTN_PUBLISH", "da-dang" },		/* ART_PUBLISH */
	{ "BTN_SCHEDULE", "da-hen-gio" },	/* ART_SCHEDULE */
	{ "BTN_RETURN", "da-tra-lai" },		/* ART_RETURN */
	{ "BTN_UNPUBLISH", "da-go-bai" },	/* ART_UNPUBLISH */
	{ "BTN_ARCHIVE", "da-luu-tru" },	/* ART_ARCHIVE */
};

/* The person's ART_ROLE_* for the article's unit. */
static unsigned
edit_roles(struct request *r, const struct row_ED_GET *v)
{
	unsigned	 roles = article_roles(r->db, r->a, r->user->id,
	    v->unit_id);

	if ((roles & ART_ROLE_EDITOR) && v->self_publish)
		roles |= ART_ROLE_SELF;
	return roles;
}

/* A time as a datetime-local input shows it, in the city's time. */
static const char *
edit_local(struct request *r, int64_t t)
{
	return t == 0 ? "" : clock_fmt(r->a, t, "%Y-%m-%dT%H:%M");
}

/* The unit's categories, the article's (or the posted one) selected. */
static void
edit_categories(struct request *r, struct page *p, uint64_t unit,
    uint64_t selected)
{
	struct row_CAT_BY_UNIT	*c;
	size_t			 i, n;

	if (db_all(r->db, r->a, CAT_BY_UNIT, &c, &n, "u",
	    (unsigned long long)unit) != DB_OK)
		return;
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p->body, "CATEGORY_OPTION");
		tmpl_set_int(s, "VALUE", (long long)c[i].id);
		tmpl_set(s, "LABEL", c[i].name);
		if (c[i].id == selected)
			tmpl_show(s, "SELECTED");
	}
}

/* The form's values: posted (a refused POST keeps what was typed) or
 * stored. */
static void
edit_values(struct request *r, struct page *p, const struct row_ED_GET *v)
{
	const struct kval	*k = r->val;
	int			 post = r->method == METHOD_POST;
	const char		*kind = post ? (k[KEY_KIND].s ? k[KEY_KIND].s :
	    "news") : v->kind;

	tmpl_set(p->body, "VAL_TITLE", post ? k[KEY_TITLE].raw : v->title);
	tmpl_set(p->body, "VAL_SUMMARY", post ? k[KEY_SUMMARY].raw :
	    v->summary);
	tmpl_set(p->body, "VAL_BODY", post ? k[KEY_BODY].raw : v->body);
	tmpl_set(p->body, "VAL_ALT", post ? k[KEY_ALT].raw : v->lead_alt);
	tmpl_set(p->body, "VAL_EXPIRES", post ? k[KEY_EXPIRES].raw :
	    edit_local(r, v->expires));
	tmpl_set(p->body, "VAL_PUBLISH_AT", post ? k[KEY_PUBLISH_AT].raw :
	    "");
	tmpl_set(p->body, "VAL_NOTE", post ? k[KEY_NOTE].raw : "");
	tmpl_set_int(p->body, "VERSION", post ? (long long)k[KEY_VERSION].u :
	    (long long)v->version);
	tmpl_show(p->body, strcmp(kind, "announcement") == 0 ?
	    "KIND_ANNOUNCEMENT" : "KIND_NEWS");
	if (post ? k[KEY_PINNED].s != NULL : v->pinned != 0)
		tmpl_show(p->body, "PINNED");
	edit_categories(r, p, v->unit_id, post ? k[KEY_CATEGORY].u :
	    v->category_id);
}

/* What the page says of the article: unit, status, the leader's comment,
 * the schedule, the public page, the lead image. */
static void
edit_facts(struct request *r, struct page *p, const struct row_ED_GET *v,
    int st)
{
	tmpl_set(p->body, "UNIT_NAME", page_unit_name(r->a, v->unit_kind,
	    v->unit_name));
	tmpl_set(p->body, "STATUS_LABEL", article_status_label(st));
	tmpl_set(p->body, "HISTORY_URL", arena_printf(r->a, "%s/lich-su",
	    editor_url(r, v->id)));
	tmpl_set(p->body, "PREVIEW_URL", arena_printf(r->a, "%s/xem-truoc",
	    editor_url(r, v->id)));
	tmpl_set(p->body, "MEDIA_URL", arena_printf(r->a, "%s/tep",
	    editor_url(r, v->id)));
	if (*v->review_note != '\0' && st != ART_PUBLISHED)
		tmpl_set(tmpl_section(p->body, "REVIEW_NOTE"), "NOTE",
		    v->review_note);
	if (st == ART_PUBLISHED && v->published_at > time(NULL))
		tmpl_set(tmpl_section(p->body, "SCHEDULED"), "AT",
		    clock_datetime(r->a, v->published_at));
	else if (st == ART_PUBLISHED)
		tmpl_set(tmpl_section(p->body, "PUBLISHED"), "PUBLIC_URL",
		    page_article_url(r->a, v->unit_slug, v->id, v->slug));
	if (*v->lead_sha != '\0')
		tmpl_set(tmpl_section(p->body, "LEAD"), "LEAD_URL",
		    media_url(r->a, v->lead_sha, v->lead_mime));
}

/* The page of article v; status code. */
static int
edit_page(struct request *r, struct page *p, const struct row_ED_GET *v,
    int code)
{
	unsigned	 roles = edit_roles(r, v);
	int		 st = article_status_find(v->status), i;
	const char	*why;

	tmpl_set(p->body, "ACTION_URL", editor_url(r, v->id));
	edit_facts(r, p, v, st);
	edit_values(r, p, v);
	for (i = 0; i < ART_ACTION__MAX; i++)
		if (article_check((enum article_action)i, roles, st, &why) ==
		    ART_OK)
			tmpl_show(p->body, buttons[i][0]);
	if (roles & ART_PUBLISHERS)
		tmpl_show(p->body, "MAY_PUBLISH");
	return resp_page(r, code, p);
}

/* The notice after act on an article that was in status st. */
static const char *
edit_notice(enum article_action act, unsigned roles, int st)
{
	if (act == ART_SAVE && article_next(act, roles, st) != st)
		return "da-luu-cho-duyet";
	return buttons[act][1];
}

/* The lead image the form sent (tep_anh), stored as a media row of the
 * unit, into t (with its alt text required first: nothing is stored
 * without one).  Returns 0 (none sent, or stored) or the status of the
 * refusal, marked on the form. */
static int
edit_lead(struct request *r, struct page *p, const struct row_ED_GET *v,
    struct article_text *t)
{
	const struct req_kv	*kv[1];
	struct media		 m;
	enum media_err		 e;

	if (request_files(r, "tep_anh", kv, 1) != 1)
		return 0;
	if (*t->lead_alt == '\0') {
		resp_field_error(p, "ERR_ALT", "Vui lòng nhập mô tả ảnh đại "
		    "diện (văn bản thay thế) cho người không xem được ảnh.");
		return 422;
	}
	e = media_add(r->db, r->a, v->unit_id, r->user->id, kv[0]->path,
	    kv[0]->filename, MEDIA_IMAGE, &m);
	if (e != MEDIA_OK) {
		resp_field_error(p, "ERR_LEAD", media_err_msg(e, MEDIA_IMAGE));
		return media_err_status(e);
	}
	t->lead_media = m.id;
	return 0;
}

/* POST: the action of the button pressed, through app/article.c.  A
 * refusal the person can act on shows the form again, with what was
 * typed. */
static int
edit_post(struct request *r, struct page *p, const struct row_ED_GET *v)
{
	struct article_text	 t;
	struct article_args	 x;
	struct actor		 who = page_actor(r);
	int			 act = article_find(r->val[KEY_ACTION].s);
	const char		*why = NULL;
	enum article_err	 e;
	int			 code;

	x.note = r->val[KEY_NOTE].s ? r->val[KEY_NOTE].s : "";
	x.now = (int64_t)time(NULL);
	x.at = r->val[KEY_PUBLISH_AT].s ? (int64_t)r->val[KEY_PUBLISH_AT].u -
	    clock_offset() : 0;
	editor_text_of(r, v->lead_media_id, &t);
	if (act < 0)
		resp_form_error(p, "Vui lòng chọn một thao tác (Lưu, Gửi duyệt, "
		    "Đăng…).");
	if (editor_check_text(r, p, &t) || act < 0)
		return edit_page(r, p, v, 422);
	if ((code = edit_lead(r, p, v, &t)) != 0)
		return code >= 500 ? resp_error(r, code, NULL) :
		    edit_page(r, p, v, code);
	e = article_act(r->db, r->a, &who, v->id, r->val[KEY_VERSION].u,
	    (enum article_action)act, &t, &x, &why);
	if (e == ART_OK)
		return resp_redirect(r, 303, arena_printf(r->a, "%s?tb=%s",
		    editor_url(r, v->id), edit_notice((enum article_action)act,
		    edit_roles(r, v), article_status_find(v->status))));
	if (e == ART_STALE)
		why = "Bài viết vừa được người khác thay đổi sau khi bạn mở "
		    "trang này, nên chưa lưu gì. Nội dung bạn nhập vẫn ở dưới "
		    "đây: hãy sao chép lại, mở lại bài để xem bản mới nhất rồi "
		    "sửa tiếp.";
	if (e == ART_STALE || e == ART_NOT_ALLOWED || e == ART_INVALID) {
		resp_form_error(p, why);
		return edit_page(r, p, v, article_http(e));
	}
	return resp_error(r, article_http(e), why);
}

/* GET/POST /bien-tap/bai-viet/{id}: authz let only an editor or the
 * leader of the article's unit (or the administrator) through; the query
 * names the person again. */
int
h_editor_edit(struct request *r)
{
	struct row_ED_GET	 v;
	struct page		 p;
	enum db_err		 e;

	e = db_one(r->db, r->a, ED_GET, &v, "uu",
	    (unsigned long long)r->args[0].id, (unsigned long long)r->user->id);
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	resp_page_new(r, &p, v.title, "editor_edit.tpl");
	if (r->method == METHOD_POST)
		return edit_post(r, &p, &v);
	return edit_page(r, &p, &v, 200);
}
