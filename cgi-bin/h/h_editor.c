/* The editors' desk: drafts and news of the units where the signed-in
 * user is an editor, and of no other.  Every statement carries the
 * editor's id; an article of another unit is "not found". */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "app/audit.h"
#include "core/arena.h"
#include "core/clock.h"
#include "h/page.h"
#include "core/text.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/h.h"
#include "http/request.h"
#include "http/resp.h"

static const char *
status_label(const char *s)
{
	if (strcmp(s, "published") == 0)
		return "Đã đăng";
	if (strcmp(s, "archived") == 0)
		return "Lưu trữ";
	return "Bản nháp";
}

static unsigned long long
me(const struct request *r)
{
	return (unsigned long long)r->user->id;
}



/* /bien-tap/bai-viet/{id} */
static const char *
editor_url(struct request *r, uint64_t id)
{
	return arena_printf(r->a, "/bien-tap/bai-viet/%llu",
	    (unsigned long long)id);
}

/* GET /bien-tap/ */
int
h_editor(struct request *r)
{
	struct row_ED_LIST	*v;
	struct row_ED_UNITS	*units;
	struct page		 p;
	size_t			 i, n, nunits;

	if (db_all(r->db, r->a, ED_LIST, &v, &n, "u", me(r)) != DB_OK ||
	    db_all(r->db, r->a, ED_UNITS, &units, &nunits, "u", me(r)) !=
	    DB_OK)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Biên tập", "editor_list.tpl");
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p.body, "ARTICLE_ITEM");
		tmpl_set_int(s, "ID", (long long)v[i].id);
		tmpl_set(s, "TITLE", v[i].title);
		tmpl_set(s, "UNIT_NAME", page_unit_name(r->a, v[i].unit_kind,
		    v[i].unit_name));
		tmpl_set(s, "STATUS_LABEL", status_label(v[i].status));
		tmpl_set(s, "UPDATED", clock_datetime(r->a, v[i].updated_at));
		tmpl_set(s, "EDIT_URL", editor_url(r, v[i].id));
	}
	if (n == 0)
		tmpl_show(p.body, "NO_ARTICLES");
	for (i = 0; i < nunits; i++)
		tmpl_set(tmpl_section(p.body, "MY_UNIT"), "UNIT_NAME",
		    page_unit_name(r->a, units[i].kind, units[i].name));
	return resp_page(r, 200, &p);
}

/* Refills the form from the request, or from the stored article. */
static void
editor_values(struct request *r, struct page *p,
    const struct row_ED_GET *stored)
{
	const struct {
		enum key	 k;
		const char	*name;
		const char	*stored;
	} f[] = {
		{ KEY_TITLE, "VAL_TITLE", stored ? stored->title : NULL },
		{ KEY_SUMMARY, "VAL_SUMMARY", stored ? stored->summary : NULL },
		{ KEY_BODY, "VAL_BODY", stored ? stored->body : NULL },
	};
	size_t	 i;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		tmpl_set(p->body, f[i].name, r->val[f[i].k].present ||
		    stored == NULL ? r->val[f[i].k].raw : f[i].stored);
}

/* Marks the errors of the article form; returns how many. */
static int
editor_check(struct request *r, struct page *p)
{
	const char	*act = r->val[KEY_ACTION].s;

	if (r->val[KEY_TITLE].s == NULL)
		resp_field_error(p, "ERR_TITLE", "Vui lòng nhập tiêu đề (tối đa "
		    "300 ký tự).");
	if (r->val[KEY_SUMMARY].present && !r->val[KEY_SUMMARY].valid)
		resp_field_error(p, "ERR_SUMMARY", "Tóm tắt tối đa 1.000 ký tự.");
	if (r->val[KEY_BODY].s == NULL)
		resp_field_error(p, "ERR_BODY", "Vui lòng nhập nội dung.");
	if (act == NULL || (strcmp(act, "luu") != 0 && strcmp(act, "dang")))
		resp_form_error(p, "Vui lòng chọn Lưu nháp hoặc Đăng bài.");
	return p->errors;
}

static const char *
editor_status(const struct request *r)
{
	return strcmp(r->val[KEY_ACTION].s, "dang") == 0 ? "published" :
	    "draft";
}

static int
editor_units(struct request *r, struct page *p)
{
	struct row_ED_UNITS	*units;
	size_t			 i, n;

	if (db_all(r->db, r->a, ED_UNITS, &units, &n, "u", me(r)) != DB_OK)
		return 0;
	tmpl_show(p->body, "IS_NEW");
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p->body, "UNIT_OPTION");
		tmpl_set_int(s, "VALUE", (long long)units[i].id);
		tmpl_set(s, "LABEL", page_unit_name(r->a, units[i].kind,
		    units[i].name));
		if (units[i].id == r->val[KEY_UNIT].u)
			tmpl_show(s, "SELECTED");
	}
	return 1;
}

/* Inserts the article of the form with status st and its audit row.  A
 * slug already used in the unit gets a random suffix.  Returns 200 (*id
 * set), 404 when the user does not edit the unit, or 500. */
static int
editor_insert(struct request *r, const char *st, uint64_t *id)
{
	const char	*slug = text_slug(r->a, r->val[KEY_TITLE].s, 80);
	struct actor	 who = page_actor(r);
	uint64_t	 n = 0;
	enum db_err	 e;
	int		 tries;

	if (db_begin(r->db) != DB_OK)
		return 500;
	for (tries = 0; tries < 3; tries++) {
		e = db_exec(r->db, STMT_ED_INSERT, &n, id, "ssssssuu", st, slug,
		    r->val[KEY_TITLE].s, r->val[KEY_SUMMARY].s ?
		    r->val[KEY_SUMMARY].s : "", r->val[KEY_BODY].s, st,
		    (unsigned long long)r->val[KEY_UNIT].u, me(r));
		if (e != DB_DUP)
			break;
		slug = arena_printf(r->a, "%s-%04x", slug,
		    (unsigned)randombytes_uniform(65536));
	}
	if (e == DB_OK && n == 1 && audit_add(r->db, &who, "article_create",
	    "article", *id, st) == DB_OK &&
	    db_commit(r->db) == DB_OK)
		return 200;
	db_rollback(r->db);
	return e == DB_OK && n == 0 ? 404 : 500;
}

/* GET/POST /bien-tap/bai-viet/moi: a unit the user does not edit is
 * "not found". */
int
h_editor_new(struct request *r)
{
	struct page	 p;
	const char	*st;
	uint64_t	 id = 0, n = 0;

	resp_page_new(r, &p, "Viết bài mới", "editor_edit.tpl");
	tmpl_set(p.body, "ACTION_URL", "/bien-tap/bai-viet/moi");
	if (!editor_units(r, &p))
		return resp_error(r, 500, NULL);
	editor_values(r, &p, NULL);
	if (r->method != METHOD_POST)
		return resp_page(r, 200, &p);
	if (r->val[KEY_UNIT].u == 0)
		resp_field_error(&p, "ERR_UNIT", "Vui lòng chọn phường, xã.");
	if (editor_check(r, &p))
		return resp_page(r, 422, &p);
	st = editor_status(r);
	if ((n = editor_insert(r, st, &id)) != 200)
		return resp_error(r, (int)n, NULL);
	return resp_redirect(r, 303, arena_printf(r->a, "%s?tb=%s",
	    editor_url(r, id), strcmp(st, "published") == 0 ? "da-dang" :
	    "da-luu"));
}

static int
editor_save(struct request *r, uint64_t id)
{
	const char	*st = editor_status(r);
	struct actor	 who = page_actor(r);
	uint64_t	 n = 0;

	if (db_begin(r->db) != DB_OK || db_exec(r->db, STMT_ED_UPDATE, &n,
	    NULL, "sssssuu", r->val[KEY_TITLE].s, r->val[KEY_SUMMARY].s ?
	    r->val[KEY_SUMMARY].s : "", r->val[KEY_BODY].s, st, st,
	    (unsigned long long)id, me(r)) != DB_OK || n != 1 ||
	    audit_add(r->db, &who, strcmp(st, "published") == 0 ?
	    "article_publish" : "article_update", "article", id, "") != DB_OK ||
	    db_commit(r->db) != DB_OK) {
		db_rollback(r->db);
		return resp_error(r, n == 1 ? 500 : 404, NULL);
	}
	return resp_redirect(r, 303, arena_printf(r->a, "%s?tb=%s",
	    editor_url(r, id), strcmp(st, "published") == 0 ? "da-dang" :
	    "da-luu"));
}

/* GET/POST /bien-tap/bai-viet/{id}: authz let only an editor of the
 * article's unit through; the query names the editor again. */
int
h_editor_edit(struct request *r)
{
	struct row_ED_GET	 v;
	struct page		 p;
	uint64_t		 id = r->args[0].id;
	enum db_err		 e;

	e = db_one(r->db, r->a, ED_GET, &v, "uu", (unsigned long long)id,
	    me(r));
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	resp_page_new(r, &p, v.title, "editor_edit.tpl");
	if (r->method == METHOD_POST && editor_check(r, &p) == 0)
		return editor_save(r, id);
	tmpl_set(p.body, "ACTION_URL", editor_url(r, id));
	tmpl_show(p.body, "NOT_NEW");
	tmpl_set(p.body, "STATUS_LABEL", status_label(v.status));
	tmpl_set(p.body, "UNIT_NAME", page_unit_name(r->a, v.unit_kind,
	    v.unit_name));
	if (strcmp(v.status, "published") == 0)
		tmpl_set(tmpl_section(p.body, "PUBLISHED"), "PUBLIC_URL",
		    page_article_url(r->a, v.unit_slug, v.id, v.slug));
	editor_values(r, &p, r->method == METHOD_POST ? NULL : &v);
	return resp_page(r, p.errors ? 422 : 200, &p);
}
