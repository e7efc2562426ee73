/* The editors' desk: drafts and news of the units where the signed-in
 * user is an editor, and of no other.  Every statement carries the
 * editor's id; an article of another unit is "not found". */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "db.h"
#include "h.h"
#include "request.h"
#include "resp.h"
#include "text.h"
#include "tmpl.h"
#include "user.h"
#include "valid.h"

/* Columns of STMT_ED_GET. */
enum ed_col {
	EC_ID, EC_SLUG, EC_TITLE, EC_SUMMARY, EC_BODY, EC_STATUS,
	EC_UNIT_SLUG, EC_UNIT_KIND, EC_UNIT_NAME, EC__MAX
};

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

/* GET /bien-tap/ */
int
h_editor(struct request *r)
{
	struct db_rows	 rows, units;
	struct page	 p;
	size_t		 i;

	if (db_query(r->db, r->a, STMT_ED_LIST, &rows, "u", me(r)) != DB_OK ||
	    db_query(r->db, r->a, STMT_ED_UNITS, &units, "u", me(r)) != DB_OK)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Biên tập", "editor_list.tpl");
	for (i = 0; i < rows.nrows; i++) {
		char **v = rows.v[i];
		struct tmpl_dict *s = tmpl_section(p.body, "ARTICLE_ITEM");
		tmpl_set(s, "ID", v[0]);
		tmpl_set(s, "TITLE", v[1]);
		tmpl_set(s, "UNIT_NAME", h_unit_name(r->a, v[2], v[3]));
		tmpl_set(s, "STATUS_LABEL", status_label(v[4]));
		tmpl_set(s, "UPDATED", v[5]);
		tmpl_set(s, "EDIT_URL", arena_printf(r->a,
		    "/bien-tap/bai-viet/%s", v[0]));
	}
	if (rows.nrows == 0)
		tmpl_show(p.body, "NO_ARTICLES");
	for (i = 0; i < units.nrows; i++)
		tmpl_set(tmpl_section(p.body, "MY_UNIT"), "UNIT_NAME",
		    h_unit_name(r->a, units.v[i][2], units.v[i][3]));
	return resp_page(r, 200, &p);
}

/* Refills the form from the request, or from the stored article. */
static void
editor_values(struct request *r, struct page *p, char **stored)
{
	static const struct { enum key k; const char *name; int col; } f[] = {
		{ KEY_TITLE, "VAL_TITLE", EC_TITLE },
		{ KEY_SUMMARY, "VAL_SUMMARY", EC_SUMMARY },
		{ KEY_BODY, "VAL_BODY", EC_BODY },
	};
	size_t	 i;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		tmpl_set(p->body, f[i].name, r->val[f[i].k].present ||
		    stored == NULL ? r->val[f[i].k].raw : stored[f[i].col]);
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
	struct db_rows	 units;
	size_t		 i;

	if (db_query(r->db, r->a, STMT_ED_UNITS, &units, "u", me(r)) != DB_OK)
		return 0;
	tmpl_show(p->body, "IS_NEW");
	for (i = 0; i < units.nrows; i++) {
		struct tmpl_dict *s = tmpl_section(p->body, "UNIT_OPTION");
		tmpl_set(s, "VALUE", units.v[i][0]);
		tmpl_set(s, "LABEL", h_unit_name(r->a, units.v[i][2],
		    units.v[i][3]));
		if (strtoull(units.v[i][0], NULL, 10) == r->val[KEY_UNIT].u)
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
	if (e == DB_OK && n == 1 && audit(r->db, me(r), r->remote_addr,
	    "article_create", "article", *id, st) == DB_OK &&
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
	return resp_redirect(r, 303, arena_printf(r->a,
	    "/bien-tap/bai-viet/%llu?tb=%s", (unsigned long long)id,
	    strcmp(st, "published") == 0 ? "da-dang" : "da-luu"));
}

/* The article of the path when the user edits its unit; NULL otherwise
 * (*status 404), or on a database error (*status 500). */
static char **
editor_article(struct request *r, uint64_t *id, int *status)
{
	struct db_rows	 rows;

	*status = 404;
	if (!valid_uint(r->args[0], strlen(r->args[0]), UINT32_MAX, id))
		return NULL;
	if (db_query(r->db, r->a, STMT_ED_GET, &rows, "uu",
	    (unsigned long long)*id, me(r)) != DB_OK) {
		*status = 500;
		return NULL;
	}
	return rows.nrows ? rows.v[0] : NULL;
}

static int
editor_save(struct request *r, uint64_t id)
{
	const char	*st = editor_status(r);
	uint64_t	 n = 0;

	if (db_begin(r->db) != DB_OK || db_exec(r->db, STMT_ED_UPDATE, &n,
	    NULL, "sssssuu", r->val[KEY_TITLE].s, r->val[KEY_SUMMARY].s ?
	    r->val[KEY_SUMMARY].s : "", r->val[KEY_BODY].s, st, st,
	    (unsigned long long)id, me(r)) != DB_OK || n != 1 ||
	    audit(r->db, me(r), r->remote_addr, strcmp(st, "published") == 0 ?
	    "article_publish" : "article_update", "article", id, "") != DB_OK ||
	    db_commit(r->db) != DB_OK) {
		db_rollback(r->db);
		return resp_error(r, n == 1 ? 500 : 404, NULL);
	}
	return resp_redirect(r, 303, arena_printf(r->a,
	    "/bien-tap/bai-viet/%llu?tb=%s", (unsigned long long)id,
	    strcmp(st, "published") == 0 ? "da-dang" : "da-luu"));
}

/* GET/POST /bien-tap/bai-viet/{id} */
int
h_editor_edit(struct request *r)
{
	struct page	 p;
	uint64_t	 id;
	char		**v;
	int		 st;

	if ((v = editor_article(r, &id, &st)) == NULL)
		return resp_error(r, st, NULL);
	resp_page_new(r, &p, v[EC_TITLE], "editor_edit.tpl");
	if (r->method == METHOD_POST && editor_check(r, &p) == 0)
		return editor_save(r, id);
	tmpl_set(p.body, "ACTION_URL", arena_printf(r->a,
	    "/bien-tap/bai-viet/%llu", (unsigned long long)id));
	tmpl_show(p.body, "NOT_NEW");
	tmpl_set(p.body, "STATUS_LABEL", status_label(v[EC_STATUS]));
	tmpl_set(p.body, "UNIT_NAME", h_unit_name(r->a, v[EC_UNIT_KIND],
	    v[EC_UNIT_NAME]));
	if (strcmp(v[EC_STATUS], "published") == 0)
		tmpl_set(tmpl_section(p.body, "PUBLISHED"), "PUBLIC_URL",
		    arena_printf(r->a, "/don-vi/%s/tin-tuc/%s-%s",
		    v[EC_UNIT_SLUG], v[EC_ID], v[EC_SLUG]));
	editor_values(r, &p, r->method == METHOD_POST ? NULL : v);
	return resp_page(r, p.errors ? 422 : 200, &p);
}
