/* The newsroom: the list of the articles of the units where the person
 * is an editor or the leader (every unit for the administrator), a new
 * draft, and the article's form with the workflow's buttons
 * (app/article.c decides).  Every statement carries the person's id; an
 * article of another unit is "not found". */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/article.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/article.h"
#include "h/editor.h"
#include "h/h.h"
#include "h/page.h"
#include "http/authz.h"
#include "http/request.h"
#include "http/resp.h"

static unsigned long long
me(const struct request *r)
{
	return (unsigned long long)r->user->id;
}

/* /bien-tap/bai-viet/{id} */
const char *
editor_url(struct request *r, uint64_t id)
{
	return arena_printf(r->a, "/bien-tap/bai-viet/%llu",
	    (unsigned long long)id);
}

/* The list's status filters with their counts, "all" first. */
static void
editor_filters(struct request *r, struct page *p)
{
	struct row_ED_COUNTS	*c;
	struct tmpl_dict	*s;
	uint64_t		 counts[ART_STATUS__MAX] = { 0 }, all = 0;
	size_t			 i, n = 0;
	int			 st, order[ART_STATUS__MAX] = { ART_SUBMITTED,
	    ART_DRAFT, ART_RETURNED, ART_PUBLISHED, ART_UNPUBLISHED,
	    ART_ARCHIVED };

	if (db_all(r->db, r->a, ED_COUNTS, &c, &n, "u", me(r)) != DB_OK)
		n = 0;
	for (i = 0; i < n; i++)
		if ((st = article_status_find(c[i].status)) >= 0) {
			counts[st] = c[i].n;
			all += c[i].n;
		}
	s = tmpl_section(p->body, "FILTER");
	tmpl_set(s, "LABEL", "Tất cả");
	tmpl_set(s, "URL", "/bien-tap/");
	tmpl_set_int(s, "COUNT", (long long)all);
	if (r->val[KEY_FILTER].s == NULL)
		tmpl_show(s, "CURRENT");
	for (i = 0; i < ART_STATUS__MAX; i++) {
		s = tmpl_section(p->body, "FILTER");
		tmpl_set(s, "LABEL", article_status_label(order[i]));
		tmpl_set(s, "URL", arena_printf(r->a, "/bien-tap/?loc=%s",
		    article_status_name(order[i])));
		tmpl_set_int(s, "COUNT", (long long)counts[order[i]]);
		if (r->val[KEY_FILTER].s != NULL && strcmp(r->val[KEY_FILTER].s,
		    article_status_name(order[i])) == 0)
			tmpl_show(s, "CURRENT");
	}
}

/* GET /bien-tap/[?loc=status] */
int
h_editor(struct request *r)
{
	struct row_ED_LIST	*v;
	struct page		 p;
	const char		*f = r->val[KEY_FILTER].s ? r->val[KEY_FILTER].s :
	    "";
	size_t			 i, n;

	if (db_all(r->db, r->a, ED_LIST, &v, &n, "uss", me(r), f, f) != DB_OK)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Biên tập", "editor_list.tpl");
	editor_filters(r, &p);
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p.body, "ARTICLE_ITEM");
		tmpl_set_int(s, "ID", (long long)v[i].id);
		tmpl_set(s, "TITLE", v[i].title);
		tmpl_set(s, "UNIT_NAME", page_unit_name(r->a, v[i].unit_kind,
		    v[i].unit_name));
		tmpl_set(s, "KIND_LABEL", strcmp(v[i].kind, "announcement") ==
		    0 ? "Thông báo" : "Tin tức");
		tmpl_set(s, "STATUS_LABEL", article_status_label(
		    article_status_find(v[i].status)));
		if (strcmp(v[i].status, "published") == 0 &&
		    v[i].published_at > time(NULL))
			tmpl_set(tmpl_section(s, "SCHEDULED"), "AT",
			    clock_datetime(r->a, v[i].published_at));
		tmpl_set(s, "UPDATED", clock_datetime(r->a, v[i].updated_at));
		tmpl_set(s, "EDIT_URL", editor_url(r, v[i].id));
	}
	if (n == 0)
		tmpl_show(p.body, "NO_ARTICLES");
	/* The unit's other pages are the editors' (h/h_ed_content.c). */
	if (authz_has(r->user, ROLE_BIT(ROLE_EDITOR), 0))
		tmpl_show(p.body, "CONTENT_LINK");
	return resp_page(r, 200, &p);
}

/* The text of the form (kind, category, title, summary, body, pin,
 * expiry, the lead image's alt text), with the lead image lead_media
 * (0: none). */
void
editor_text_of(struct request *r, uint64_t lead_media, struct article_text *t)
{
	const struct kval	*v = r->val;

	memset(t, 0, sizeof(*t));
	t->kind = v[KEY_KIND].s ? v[KEY_KIND].s : "news";
	t->category = v[KEY_CATEGORY].u;
	t->title = v[KEY_TITLE].s;
	t->summary = v[KEY_SUMMARY].s ? v[KEY_SUMMARY].s : "";
	t->body = v[KEY_BODY].s;
	t->pinned = strcmp(t->kind, "announcement") == 0 &&
	    v[KEY_PINNED].s != NULL && strcmp(v[KEY_PINNED].s, "1") == 0;
	t->expires = v[KEY_EXPIRES].s ? (int64_t)v[KEY_EXPIRES].u -
	    clock_offset() : 0;
	t->lead_media = lead_media;
	t->lead_alt = v[KEY_ALT].s ? v[KEY_ALT].s : "";
}

/* Marks the errors of the article form; returns how many. */
int
editor_check_text(struct request *r, struct page *p,
    const struct article_text *t)
{
	const struct kval	*v = r->val;

	if (t->title == NULL)
		resp_field_error(p, "ERR_TITLE", "Vui lòng nhập tiêu đề (tối đa "
		    "300 ký tự).");
	if (v[KEY_SUMMARY].present && !v[KEY_SUMMARY].valid)
		resp_field_error(p, "ERR_SUMMARY", "Tóm tắt tối đa 1.000 ký tự.");
	if (t->body == NULL)
		resp_field_error(p, "ERR_BODY", v[KEY_BODY].present &&
		    !v[KEY_BODY].valid ? "Nội dung tối đa 100.000 ký tự." :
		    "Vui lòng nhập nội dung.");
	if (v[KEY_EXPIRES].present && !v[KEY_EXPIRES].valid)
		resp_field_error(p, "ERR_EXPIRES", "Thời điểm hết hạn không hợp "
		    "lệ: chọn ngày và giờ.");
	if (v[KEY_PUBLISH_AT].present && !v[KEY_PUBLISH_AT].valid)
		resp_field_error(p, "ERR_PUBLISH_AT", "Thời điểm đăng không hợp "
		    "lệ: chọn ngày và giờ.");
	if (v[KEY_ALT].present && !v[KEY_ALT].valid)
		resp_field_error(p, "ERR_ALT", "Mô tả ảnh tối đa 300 ký tự, trên "
		    "một dòng.");
	else if (t->lead_media != 0 && *t->lead_alt == '\0')
		resp_field_error(p, "ERR_ALT", "Vui lòng nhập mô tả ảnh đại "
		    "diện (văn bản thay thế) cho người không xem được ảnh.");
	return p->errors;
}

/* The kind chooser, "news" or "announcement" checked. */
static void
editor_kinds(struct page *p, const char *kind)
{
	tmpl_show(p->body, strcmp(kind, "announcement") == 0 ?
	    "KIND_ANNOUNCEMENT" : "KIND_NEWS");
}

/* GET/POST /bien-tap/bai-viet/moi: a new draft in one of the person's
 * units; then its own page. */
int
h_editor_new(struct request *r)
{
	struct row_ED_UNITS	*units;
	struct article_text	 t;
	struct actor		 who = page_actor(r);
	struct page		 p;
	uint64_t		 id = 0;
	size_t			 i, n;
	enum article_err	 e;

	if (db_all(r->db, r->a, ED_UNITS, &units, &n, "u", me(r)) != DB_OK)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Viết bài mới", "editor_new.tpl");
	editor_text_of(r, 0, &t);
	editor_kinds(&p, t.kind);
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p.body, "UNIT_OPTION");
		tmpl_set_int(s, "VALUE", (long long)units[i].id);
		tmpl_set(s, "LABEL", page_unit_name(r->a, units[i].kind,
		    units[i].name));
		if (units[i].id == r->val[KEY_UNIT].u)
			tmpl_show(s, "SELECTED");
	}
	tmpl_set(p.body, "VAL_TITLE", r->val[KEY_TITLE].raw);
	tmpl_set(p.body, "VAL_SUMMARY", r->val[KEY_SUMMARY].raw);
	tmpl_set(p.body, "VAL_BODY", r->val[KEY_BODY].raw);
	if (r->method != METHOD_POST)
		return resp_page(r, 200, &p);
	if (r->val[KEY_UNIT].u == 0)
		resp_field_error(&p, "ERR_UNIT", "Vui lòng chọn phường, xã.");
	if (editor_check_text(r, &p, &t))
		return resp_page(r, 422, &p);
	if ((e = article_create(r->db, r->a, &who, r->val[KEY_UNIT].u, &t,
	    &id)) != ART_OK)
		return resp_error(r, article_http(e), NULL);
	return resp_redirect(r, 303, arena_printf(r->a, "%s?tb=da-luu",
	    editor_url(r, id)));
}
