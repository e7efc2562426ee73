/* The editors' pages of a unit's site (issue 11, part C): the index of
 * the content pages, the leaders' schedule, the introduction pages and
 * the contacts, for the editors of the unit only.  An editor of several
 * units picks one (don_vi); another unit's object is 404. */
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/text.h"
#include "core/tmpl.h"
#include "core/week.h"
#include "core/workday.h"
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

/* The unit an editor's page is about: don_vi when it is one of the
 * editor's units, else the first of them; the chooser (UNIT_OPTION[],
 * UNIT_PICK with PATH when there are several) in p.  Returns 200 (*u
 * set), 404 (not the editor's unit) or 500. */
int
content_ed_unit(struct request *r, struct page *p, struct unit *u,
    const char *path)
{
	struct row_CT_ED_UNITS	*v;
	uint64_t		 want = r->val[KEY_UNIT].u;
	size_t			 i, n, k = 0;

	if (db_all(r->db, r->a, CT_ED_UNITS, &v, &n, "u", me(r)) != DB_OK)
		return 500;
	for (i = 0; want != 0 && i < n && v[i].id != want; i++)
		;
	if (n == 0 || (want != 0 && i == n))
		return 404;
	k = want != 0 ? i : 0;
	u->id = v[k].id;
	u->slug = v[k].slug;
	u->full = page_unit_name(r->a, v[k].kind, v[k].name);
	tmpl_set(p->body, "UNIT_NAME", u->full);
	tmpl_set(p->body, "UNIT_SLUG", u->slug);
	tmpl_set_int(p->body, "UNIT_ID", (long long)u->id);
	if (n > 1)
		tmpl_set(tmpl_section(p->body, "UNIT_PICK"), "PATH", path);
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p->body, "UNIT_OPTION");
		tmpl_set_int(s, "VALUE", (long long)v[i].id);
		tmpl_set(s, "LABEL", page_unit_name(r->a, v[i].kind, v[i].name));
		if (i == k)
			tmpl_show(s, "SELECTED");
	}
	if (r->val[KEY_NOTICE].s != NULL)
		tmpl_set(tmpl_section(p->body, "NOTICE"), "TEXT",
		    r->val[KEY_NOTICE].s);
	return 200;
}

/* GET /bien-tap/noi-dung?don_vi= : the editor's content pages. */
int
h_ed_content(struct request *r)
{
	struct unit	 u;
	struct page	 p;
	int		 st;

	resp_page_new(r, &p, "Nội dung trang đơn vị", "ed_content.tpl");
	if ((st = content_ed_unit(r, &p, &u, "/bien-tap/noi-dung")) != 200)
		return resp_error(r, st, NULL);
	return resp_page(r, 200, &p);
}

/* The local DATETIME of the form's day and time, "YYYY-MM-DD HH:MM:00". */
static const char *
sched_at(struct request *r)
{
	return arena_printf(r->a, "%s %s:00", r->val[KEY_DATE].s,
	    r->val[KEY_TIME].s);
}

/* Marks the errors of a schedule item's form; returns how many. */
static int
sched_check(struct request *r, struct page *p)
{
	if (r->val[KEY_DATE].s == NULL)
		resp_field_error(p, "ERR_DATE", "Vui lòng chọn ngày.");
	if (r->val[KEY_TIME].s == NULL)
		resp_field_error(p, "ERR_TIME", "Vui lòng nhập giờ dạng giờ:phút, "
		    "ví dụ 08:00.");
	if (r->val[KEY_SUMMARY].s == NULL)
		resp_field_error(p, "ERR_CONTENT", "Vui lòng nhập nội dung công "
		    "tác (tối đa 1.000 ký tự).");
	if (r->val[KEY_PLACE].present && !r->val[KEY_PLACE].valid)
		resp_field_error(p, "ERR_PLACE", "Địa điểm: một dòng, tối đa 300 "
		    "ký tự.");
	if (r->val[KEY_PRESIDER].present && !r->val[KEY_PRESIDER].valid)
		resp_field_error(p, "ERR_PRESIDER", "Chủ trì: một dòng, tối đa "
		    "200 ký tự.");
	if (r->val[KEY_PARTICIPANTS].present && !r->val[KEY_PARTICIPANTS].valid)
		resp_field_error(p, "ERR_PARTICIPANTS", "Thành phần: một dòng, "
		    "tối đa 1.000 ký tự.");
	return p->errors;
}

static const char *
opt(const struct request *r, enum key k)
{
	return r->val[k].s ? r->val[k].s : "";
}

/* Refills the schedule item form from the request. */
static void
sched_values(struct request *r, struct page *p)
{
	tmpl_set(p->body, "VAL_DATE", r->val[KEY_DATE].raw);
	tmpl_set(p->body, "VAL_TIME", r->val[KEY_TIME].raw);
	tmpl_set(p->body, "VAL_CONTENT", r->val[KEY_SUMMARY].raw);
	tmpl_set(p->body, "VAL_PLACE", r->val[KEY_PLACE].raw);
	tmpl_set(p->body, "VAL_PRESIDER", r->val[KEY_PRESIDER].raw);
	tmpl_set(p->body, "VAL_PARTICIPANTS", r->val[KEY_PARTICIPANTS].raw);
}

/* Adds the form's item to unit with its audit row; 303 to its week. */
static int
sched_add(struct request *r, const struct unit *u)
{
	struct actor	 who = page_actor(r);
	uint64_t	 n = 0, id = 0;
	int32_t		 day = (int32_t)r->val[KEY_DATE].u;

	if (db_begin(r->db) != DB_OK || db_exec(r->db, STMT_CT_SCHED_INSERT, &n,
	    &id, "sssssuuu", sched_at(r), r->val[KEY_SUMMARY].s,
	    opt(r, KEY_PLACE), opt(r, KEY_PRESIDER), opt(r, KEY_PARTICIPANTS),
	    me(r), (unsigned long long)u->id, me(r)) != DB_OK || n != 1 ||
	    audit_add(r->db, &who, "schedule_add", "schedule_item", id, "") !=
	    DB_OK || db_commit(r->db) != DB_OK) {
		db_rollback(r->db);
		return resp_error(r, n == 1 ? 500 : 404, NULL);
	}
	return resp_redirect(r, 303, arena_printf(r->a, "/bien-tap/lich-cong-tac?"
	    "don_vi=%llu&tuan=%s&tb=da-luu", (unsigned long long)u->id,
	    week_fmt(r->a, day)));
}

/* One ITEM a schedule item of the week of monday, with its edit link. */
static int
sched_week(struct request *r, struct page *p, const struct unit *u,
    int32_t monday)
{
	static const char *const names[] = { "Thứ Hai", "Thứ Ba", "Thứ Tư",
		"Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật" };
	struct row_CT_SCHED_WEEK	*v;
	size_t				 i, n;

	if (db_all(r->db, r->a, CT_SCHED_WEEK, &v, &n, "uss",
	    (unsigned long long)u->id, content_day_start(r->a, monday),
	    content_day_start(r->a, monday + 7)) != DB_OK)
		return 0;
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p->body, "ITEM");
		int y, m, d;
		workday_ymd((int32_t)v[i].day, &y, &m, &d);
		tmpl_set(s, "WHEN", arena_printf(r->a, "%s %02d/%02d, %s",
		    names[week_weekday((int32_t)v[i].day)], d, m, v[i].hhmm));
		tmpl_set(s, "CONTENT", v[i].content);
		tmpl_set(s, "PRESIDER", v[i].presider);
		tmpl_set(s, "URL", arena_printf(r->a, "/bien-tap/lich-cong-tac/%llu",
		    (unsigned long long)v[i].id));
	}
	if (n == 0)
		tmpl_show(p->body, "NO_ITEMS");
	return 1;
}

/* GET/POST /bien-tap/lich-cong-tac?don_vi=&tuan= */
int
h_ed_schedule(struct request *r)
{
	struct unit	 u;
	struct page	 p;
	int32_t		 monday = content_week(r);
	int		 st;

	resp_page_new(r, &p, "Lịch công tác", "ed_schedule.tpl");
	if ((st = content_ed_unit(r, &p, &u, "/bien-tap/lich-cong-tac")) != 200)
		return resp_error(r, st, NULL);
	if (r->method == METHOD_POST && sched_check(r, &p) == 0)
		return sched_add(r, &u);
	content_week_nav(r, &p, arena_printf(r->a,
	    "/bien-tap/lich-cong-tac?don_vi=%llu&", (unsigned long long)u.id),
	    monday);
	tmpl_set(p.body, "PUBLIC_URL", arena_printf(r->a,
	    "/don-vi/%s/lich-cong-tac?tuan=%s", u.slug, week_fmt(r->a, monday)));
	if (!sched_week(r, &p, &u, monday))
		return resp_error(r, 500, NULL);
	tmpl_set(p.body, "ACTION_URL", arena_printf(r->a,
	    "/bien-tap/lich-cong-tac?don_vi=%llu", (unsigned long long)u.id));
	sched_values(r, &p);
	if (r->method != METHOD_POST)
		tmpl_set(p.body, "VAL_DATE", workday_iso(r->a, monday));
	return resp_page(r, p.errors ? 422 : 200, &p);
}

/* Saves (hanh_dong=luu) or deletes (xoa) item v with its audit row. */
static int
sched_change(struct request *r, const struct row_CT_ED_SCHED_GET *v)
{
	struct actor	 who = page_actor(r);
	int		 del = strcmp(r->val[KEY_ACTION].s, "xoa") == 0;
	uint64_t	 n = 0;
	enum db_err	 e;

	if ((e = db_begin(r->db)) != DB_OK)
		return resp_error(r, 500, NULL);
	if (del)
		e = db_exec(r->db, STMT_CT_SCHED_DELETE, &n, NULL, "uu",
		    (unsigned long long)v->id, me(r));
	else
		e = db_exec(r->db, STMT_CT_SCHED_UPDATE, &n, NULL, "sssssuu",
		    sched_at(r), r->val[KEY_SUMMARY].s, opt(r, KEY_PLACE),
		    opt(r, KEY_PRESIDER), opt(r, KEY_PARTICIPANTS),
		    (unsigned long long)v->id, me(r));
	if (e != DB_OK || n != 1 || audit_add(r->db, &who, del ?
	    "schedule_delete" : "schedule_update", "schedule_item", v->id, "") !=
	    DB_OK || db_commit(r->db) != DB_OK) {
		db_rollback(r->db);
		return resp_error(r, e == DB_OK && n != 1 ? 404 : 500, NULL);
	}
	return resp_redirect(r, 303, arena_printf(r->a, "/bien-tap/lich-cong-tac?"
	    "don_vi=%llu&tuan=%s&tb=da-luu", (unsigned long long)v->unit_id,
	    week_fmt(r->a, del ? (int32_t)v->day : (int32_t)r->val[KEY_DATE].u)));
}

/* GET/POST /bien-tap/lich-cong-tac/{id} */
int
h_ed_schedule_item(struct request *r)
{
	struct row_CT_ED_SCHED_GET	 v;
	struct page			 p;
	const char			*act = r->val[KEY_ACTION].s;
	enum db_err			 e;

	e = db_one(r->db, r->a, CT_ED_SCHED_GET, &v, "uu",
	    (unsigned long long)r->args[0].id, me(r));
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	resp_page_new(r, &p, "Sửa lịch công tác", "ed_schedule_item.tpl");
	if (r->method == METHOD_POST && act != NULL && strcmp(act, "xoa") == 0)
		return sched_change(r, &v);
	if (r->method == METHOD_POST && sched_check(r, &p) == 0)
		return sched_change(r, &v);
	tmpl_set(p.body, "ACTION_URL", arena_printf(r->a,
	    "/bien-tap/lich-cong-tac/%llu", (unsigned long long)v.id));
	tmpl_set(p.body, "BACK_URL", arena_printf(r->a, "/bien-tap/lich-cong-tac?"
	    "don_vi=%llu&tuan=%s", (unsigned long long)v.unit_id,
	    week_fmt(r->a, (int32_t)v.day)));
	sched_values(r, &p);
	if (r->method != METHOD_POST) {
		tmpl_set(p.body, "VAL_DATE", workday_iso(r->a, (int32_t)v.day));
		tmpl_set(p.body, "VAL_TIME", v.hhmm);
		tmpl_set(p.body, "VAL_CONTENT", v.content);
		tmpl_set(p.body, "VAL_PLACE", v.place);
		tmpl_set(p.body, "VAL_PRESIDER", v.presider);
		tmpl_set(p.body, "VAL_PARTICIPANTS", v.participants);
	}
	return resp_page(r, p.errors ? 422 : 200, &p);
}
