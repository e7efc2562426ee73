/* The editors' pages of a unit's introduction (Markdown pages) and its
 * contacts directory, for the editors of the unit only. */
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/text.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/content.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"

static unsigned long long
me(const struct request *r)
{
	return (unsigned long long)r->user->id;
}

static const char *
opt(const struct request *r, enum key k)
{
	return r->val[k].s ? r->val[k].s : "";
}

/* Marks the errors of an introduction page's form; returns how many. */
static int
upage_check(struct request *r, struct page *p)
{
	if (r->val[KEY_SLUG].s == NULL)
		resp_field_error(p, "ERR_SLUG", "Vui lòng nhập đường dẫn: chữ "
		    "thường không dấu, chữ số và dấu gạch ngang, tối đa 64 ký tự, "
		    "ví dụ co-cau-to-chuc.");
	if (r->val[KEY_TITLE].s == NULL)
		resp_field_error(p, "ERR_TITLE", "Vui lòng nhập tiêu đề (tối đa "
		    "300 ký tự).");
	if (r->val[KEY_BODY].s == NULL)
		resp_field_error(p, "ERR_BODY", "Vui lòng nhập nội dung.");
	if (r->val[KEY_POSITION].present && !r->val[KEY_POSITION].valid)
		resp_field_error(p, "ERR_POSITION", "Thứ tự là số từ 0 đến 999.");
	return p->errors;
}

/* Inserts (id 0, unit) or updates page id; DB_DUP: the slug is taken. */
static enum db_err
upage_write(struct request *r, uint64_t unit, uint64_t *id)
{
	struct actor	 who = page_actor(r);
	uint64_t	 n = 0;
	unsigned long long pos = r->val[KEY_POSITION].u;
	enum db_err	 e;

	if ((e = db_begin(r->db)) != DB_OK)
		return e;
	if (*id == 0)
		e = db_exec(r->db, STMT_CT_PAGE_INSERT, &n, id, "sssuuuu",
		    r->val[KEY_SLUG].s, r->val[KEY_TITLE].s, r->val[KEY_BODY].s,
		    pos, me(r), (unsigned long long)unit, me(r));
	else
		e = db_exec(r->db, STMT_CT_PAGE_UPDATE, &n, NULL, "sssuuuu",
		    r->val[KEY_SLUG].s, r->val[KEY_TITLE].s, r->val[KEY_BODY].s,
		    pos, me(r), (unsigned long long)*id, me(r));
	if (e == DB_OK && n != 1 && unit != 0)
		e = DB_NOTFOUND;
	if (e == DB_OK)
		e = audit_add(r->db, &who, unit ? "page_create" : "page_update",
		    "unit_page", *id, r->val[KEY_SLUG].s);
	if (e == DB_OK)
		e = db_commit(r->db);
	if (e != DB_OK)
		db_rollback(r->db);
	return e;
}

/* Saves the page form; 303 to the page, or the form again (slug taken). */
static int
upage_save(struct request *r, struct page *p, uint64_t unit, uint64_t id)
{
	enum db_err	 e = upage_write(r, unit, &id);

	if (e == DB_DUP) {
		resp_field_error(p, "ERR_SLUG", "Đường dẫn này đã có trang khác "
		    "dùng; vui lòng chọn đường dẫn khác.");
		return resp_page(r, 409, p);
	}
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	return resp_redirect(r, 303, arena_printf(r->a,
	    "/bien-tap/gioi-thieu/%llu?tb=da-luu", (unsigned long long)id));
}

static void
upage_values(struct request *r, struct page *p)
{
	tmpl_set(p->body, "VAL_SLUG", r->val[KEY_SLUG].raw);
	tmpl_set(p->body, "VAL_TITLE", r->val[KEY_TITLE].raw);
	tmpl_set(p->body, "VAL_BODY", r->val[KEY_BODY].raw);
	tmpl_set(p->body, "VAL_POSITION", r->val[KEY_POSITION].raw);
}

/* GET/POST /bien-tap/gioi-thieu?don_vi= : the unit's pages, a new one. */
int
h_ed_pages(struct request *r)
{
	struct row_CT_PAGES	*v;
	struct unit		 u;
	struct page		 p;
	size_t			 i, n;
	int			 st;

	resp_page_new(r, &p, "Trang giới thiệu", "ed_pages.tpl");
	if ((st = content_ed_unit(r, &p, &u, "/bien-tap/gioi-thieu")) != 200)
		return resp_error(r, st, NULL);
	upage_values(r, &p);
	if (r->method == METHOD_POST) {
		if (upage_check(r, &p) == 0)
			return upage_save(r, &p, u.id, 0);
	}
	if (db_all(r->db, r->a, CT_PAGES, &v, &n, "u",
	    (unsigned long long)u.id) != DB_OK)
		return resp_error(r, 500, NULL);
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p.body, "PAGE_ITEM");
		tmpl_set(s, "TITLE", v[i].title);
		tmpl_set(s, "URL", arena_printf(r->a, "/bien-tap/gioi-thieu/%llu",
		    (unsigned long long)v[i].id));
	}
	tmpl_set(p.body, "ACTION_URL", arena_printf(r->a,
	    "/bien-tap/gioi-thieu?don_vi=%llu", (unsigned long long)u.id));
	return resp_page(r, p.errors ? 422 : 200, &p);
}

/* GET/POST /bien-tap/gioi-thieu/{id} */
int
h_ed_page(struct request *r)
{
	struct row_CT_ED_PAGE_GET	 v;
	struct page			 p;
	enum db_err			 e;

	e = db_one(r->db, r->a, CT_ED_PAGE_GET, &v, "uu",
	    (unsigned long long)r->args[0].id, me(r));
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	resp_page_new(r, &p, v.title, "ed_page.tpl");
	if (r->method == METHOD_POST && upage_check(r, &p) == 0)
		return upage_save(r, &p, 0, v.id);
	if (r->val[KEY_NOTICE].s != NULL)
		tmpl_set(tmpl_section(p.body, "NOTICE"), "TEXT",
		    r->val[KEY_NOTICE].s);
	tmpl_set(p.body, "ACTION_URL", arena_printf(r->a,
	    "/bien-tap/gioi-thieu/%llu", (unsigned long long)v.id));
	tmpl_set(p.body, "BACK_URL", arena_printf(r->a,
	    "/bien-tap/gioi-thieu?don_vi=%llu", (unsigned long long)v.unit_id));
	tmpl_set(p.body, "PUBLIC_URL", arena_printf(r->a,
	    "/don-vi/%s/gioi-thieu/%s", v.unit_slug, v.slug));
	upage_values(r, &p);
	if (r->method != METHOD_POST) {
		tmpl_set(p.body, "VAL_SLUG", v.slug);
		tmpl_set(p.body, "VAL_TITLE", v.title);
		tmpl_set(p.body, "VAL_BODY", v.body);
		tmpl_set_int(p.body, "VAL_POSITION", v.position);
	}
	return resp_page(r, p.errors ? 422 : 200, &p);
}

/* Marks the errors of a contact's form; returns how many. */
static int
contact_check(struct request *r, struct page *p)
{
	if (r->val[KEY_TITLE].s == NULL || text_chars(r->val[KEY_TITLE].s) > 200)
		resp_field_error(p, "ERR_TITLE", "Vui lòng nhập chức danh hoặc bộ "
		    "phận (tối đa 200 ký tự).");
	if (r->val[KEY_FULL_NAME].present && !r->val[KEY_FULL_NAME].valid)
		resp_field_error(p, "ERR_NAME", "Họ và tên: tối đa 100 ký tự.");
	if (r->val[KEY_TEL].present && !r->val[KEY_TEL].valid)
		resp_field_error(p, "ERR_TEL", "Số điện thoại gồm 8 đến 20 ký tự: "
		    "chữ số, có thể cách bằng dấu cách, dấu chấm hoặc gạch "
		    "ngang, ví dụ 0208 3863 123.");
	if (r->val[KEY_EMAIL].present && !r->val[KEY_EMAIL].valid)
		resp_field_error(p, "ERR_EMAIL", "Thư điện tử không hợp lệ.");
	if (r->val[KEY_ADDRESS].present && !r->val[KEY_ADDRESS].valid)
		resp_field_error(p, "ERR_ADDRESS", "Địa chỉ: một dòng, tối đa 300 "
		    "ký tự.");
	if (r->val[KEY_HOURS].present && !r->val[KEY_HOURS].valid)
		resp_field_error(p, "ERR_HOURS", "Giờ làm việc: một dòng, tối đa "
		    "300 ký tự.");
	if (r->val[KEY_POSITION].present && !r->val[KEY_POSITION].valid)
		resp_field_error(p, "ERR_POSITION", "Thứ tự là số từ 0 đến 999.");
	return p->errors;
}

static void
contact_values(struct request *r, struct page *p)
{
	tmpl_set(p->body, "VAL_POSITION", r->val[KEY_POSITION].raw);
	tmpl_set(p->body, "VAL_TITLE", r->val[KEY_TITLE].raw);
	tmpl_set(p->body, "VAL_NAME", r->val[KEY_FULL_NAME].raw);
	tmpl_set(p->body, "VAL_TEL", r->val[KEY_TEL].raw);
	tmpl_set(p->body, "VAL_EMAIL", r->val[KEY_EMAIL].raw);
	tmpl_set(p->body, "VAL_ADDRESS", r->val[KEY_ADDRESS].raw);
	tmpl_set(p->body, "VAL_HOURS", r->val[KEY_HOURS].raw);
}

/* Inserts (id 0, into unit), updates or deletes (del) a contact, with its
 * audit row; then 303 to the unit's list. */
static int
contact_write(struct request *r, uint64_t unit, uint64_t id, int del)
{
	struct actor		 who = page_actor(r);
	unsigned long long	 pos = r->val[KEY_POSITION].u;
	uint64_t		 n = 0;
	enum db_err		 e;

	if ((e = db_begin(r->db)) != DB_OK)
		return resp_error(r, 500, NULL);
	if (del)
		e = db_exec(r->db, STMT_CT_CONTACT_DELETE, &n, NULL, "uu",
		    (unsigned long long)id, me(r));
	else if (id == 0)
		e = db_exec(r->db, STMT_CT_CONTACT_INSERT, &n, &id, "ussssssuu",
		    pos, r->val[KEY_TITLE].s, opt(r, KEY_FULL_NAME),
		    opt(r, KEY_TEL), opt(r, KEY_EMAIL), opt(r, KEY_ADDRESS),
		    opt(r, KEY_HOURS), (unsigned long long)unit, me(r));
	else
		e = db_exec(r->db, STMT_CT_CONTACT_UPDATE, &n, NULL, "ussssssuu",
		    pos, r->val[KEY_TITLE].s, opt(r, KEY_FULL_NAME),
		    opt(r, KEY_TEL), opt(r, KEY_EMAIL), opt(r, KEY_ADDRESS),
		    opt(r, KEY_HOURS), (unsigned long long)id, me(r));
	if (e == DB_OK && n != 1 && (del || unit != 0))
		e = DB_NOTFOUND;
	if (e == DB_OK)
		e = audit_add(r->db, &who, del ? "contact_delete" : unit ?
		    "contact_create" : "contact_update", "contact", id, "");
	if (e == DB_OK)
		e = db_commit(r->db);
	if (e != DB_OK) {
		db_rollback(r->db);
		return resp_error(r, page_status(e), NULL);
	}
	return 0;
}

/* GET/POST /bien-tap/lien-he?don_vi= : the unit's contacts, a new one. */
int
h_ed_contacts(struct request *r)
{
	struct row_CT_CONTACTS	*v;
	struct unit		 u;
	struct page		 p;
	size_t			 i, n;
	int			 st;

	resp_page_new(r, &p, "Danh bạ liên hệ", "ed_contacts.tpl");
	if ((st = content_ed_unit(r, &p, &u, "/bien-tap/lien-he")) != 200)
		return resp_error(r, st, NULL);
	contact_values(r, &p);
	if (r->method == METHOD_POST && contact_check(r, &p) == 0)
		return (st = contact_write(r, u.id, 0, 0)) != 0 ? st :
		    resp_redirect(r, 303, arena_printf(r->a, "/bien-tap/lien-he?"
		    "don_vi=%llu&tb=da-luu", (unsigned long long)u.id));
	if (db_all(r->db, r->a, CT_CONTACTS, &v, &n, "u",
	    (unsigned long long)u.id) != DB_OK)
		return resp_error(r, 500, NULL);
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p.body, "CONTACT");
		tmpl_set(s, "TITLE", v[i].title);
		tmpl_set(s, "PERSON", v[i].person);
		tmpl_set(s, "PHONE", v[i].phone);
		tmpl_set(s, "URL", arena_printf(r->a, "/bien-tap/lien-he/%llu",
		    (unsigned long long)v[i].id));
	}
	tmpl_set(p.body, "ACTION_URL", arena_printf(r->a,
	    "/bien-tap/lien-he?don_vi=%llu", (unsigned long long)u.id));
	return resp_page(r, p.errors ? 422 : 200, &p);
}

/* GET/POST /bien-tap/lien-he/{id}: hanh_dong luu or xoa. */
int
h_ed_contact(struct request *r)
{
	struct row_CT_ED_CONTACT_GET	 v;
	struct page			 p;
	const char			*act = r->val[KEY_ACTION].s;
	int				 del = act && strcmp(act, "xoa") == 0, st;
	enum db_err			 e;

	e = db_one(r->db, r->a, CT_ED_CONTACT_GET, &v, "uu",
	    (unsigned long long)r->args[0].id, me(r));
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	resp_page_new(r, &p, v.title, "ed_contact.tpl");
	if (r->method == METHOD_POST && (del || contact_check(r, &p) == 0))
		return (st = contact_write(r, 0, v.id, del)) != 0 ? st :
		    resp_redirect(r, 303, arena_printf(r->a, "/bien-tap/lien-he?"
		    "don_vi=%llu&tb=da-luu", (unsigned long long)v.unit_id));
	tmpl_set(p.body, "ACTION_URL", arena_printf(r->a, "/bien-tap/lien-he/%llu",
	    (unsigned long long)v.id));
	tmpl_set(p.body, "BACK_URL", arena_printf(r->a,
	    "/bien-tap/lien-he?don_vi=%llu", (unsigned long long)v.unit_id));
	contact_values(r, &p);
	if (r->method != METHOD_POST) {
		tmpl_set_int(p.body, "VAL_POSITION", v.position);
		tmpl_set(p.body, "VAL_TITLE", v.title);
		tmpl_set(p.body, "VAL_NAME", v.person);
		tmpl_set(p.body, "VAL_TEL", v.phone);
		tmpl_set(p.body, "VAL_EMAIL", v.email);
		tmpl_set(p.body, "VAL_ADDRESS", v.address);
		tmpl_set(p.body, "VAL_HOURS", v.hours);
	}
	return resp_page(r, p.errors ? 422 : 200, &p);
}
