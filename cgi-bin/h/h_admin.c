/* The city administrator's user management: list and search, create,
 * disable, grant and revoke roles per unit.  Every change is one
 * operation of app/account (with its audit row). */
#include <string.h>

#include "app/account.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/pw.h"
#include "core/role.h"
#include "core/text.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/form.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"
#include "http/sess.h"

#define USERS_PAGE	20

static const char *
status_label(const char *status)
{
	return strcmp(status, "active") == 0 ? "Đang hoạt động" :
	    "Đã vô hiệu hoá";
}

static void
users_fill(struct tmpl_dict *d, const struct row_USER_SEARCH *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(d, "USER_ITEM");
		tmpl_set_int(s, "ID", (long long)v[i].id);
		tmpl_set(s, "FULL_NAME", v[i].full_name);
		tmpl_set(s, "PHONE", v[i].phone);
		tmpl_set(s, "EMAIL", v[i].email);
		tmpl_set(s, "STATUS_LABEL", status_label(v[i].status));
		if (strcmp(v[i].status, "active") != 0)
			tmpl_show(s, "DISABLED");
		tmpl_set(s, "ROLES", v[i].roles ? v[i].roles : "");
	}
	if (n == 0)
		tmpl_show(d, "NO_USERS");
}

/* The list's address for page (q kept). */
static const char *
users_url(struct request *r, const char *q, uint64_t page)
{
	return arena_printf(r->a, "/quan-tri/nguoi-dung?q=%s&trang=%llu",
	    text_urlencode(r->a, q), (unsigned long long)page);
}

/* GET /quan-tri/nguoi-dung?q=&trang= */
int
h_admin_users(struct request *r)
{
	const char		*q = r->val[KEY_Q].s ? r->val[KEY_Q].s : "";
	const char		*like = db_like(r->a, q);
	uint64_t		 page = r->val[KEY_PAGE].u ? r->val[KEY_PAGE].u : 1;
	struct row_USER_SEARCH	*rows;
	struct row_USER_COUNT	 count;
	struct page		 p;
	size_t			 n;

	if (db_all(r->db, r->a, USER_SEARCH, &rows, &n, "ssssii", q, like,
	    like, like, (long long)USERS_PAGE,
	    (long long)((page - 1) * USERS_PAGE)) != DB_OK ||
	    db_one(r->db, r->a, USER_COUNT, &count, "ssss", q, like, like,
	    like) != DB_OK)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Quản lý người dùng", "admin_users.tpl");
	tmpl_set(p.body, "Q", q);
	tmpl_set_int(p.body, "TOTAL", count.n);
	users_fill(p.body, rows, n);
	if (page > 1)
		tmpl_set(tmpl_section(p.body, "PREV"), "URL",
		    users_url(r, q, page - 1));
	if ((int64_t)(page * USERS_PAGE) < count.n)
		tmpl_set(tmpl_section(p.body, "NEXT"), "URL",
		    users_url(r, q, page + 1));
	return resp_page(r, 200, &p);
}

static int
user_new_page(struct request *r, struct page *p, int status)
{
	tmpl_set(p->body, "VAL_FULL_NAME", r->val[KEY_FULL_NAME].raw);
	tmpl_set(p->body, "VAL_PHONE", r->val[KEY_PHONE].raw);
	tmpl_set(p->body, "VAL_EMAIL", r->val[KEY_EMAIL].raw);
	return resp_page(r, status, p);
}

/* Marks the errors of the new-user form; returns how many, -1 on a
 * database error. */
static int
user_new_check(struct request *r, struct page *p)
{
	enum pw_err	 e;

	if (form_person(r, p, 0) < 0)
		return -1;
	if ((e = pw_policy(r->a, r->val[KEY_PASSWORD].raw ?
	    r->val[KEY_PASSWORD].raw : "", r->val[KEY_PHONE].s,
	    r->val[KEY_EMAIL].s)) != PW_OK)
		resp_field_error(p, "ERR_PASSWORD", pw_err_msg(e));
	return p->errors;
}

/* GET/POST /quan-tri/nguoi-dung/moi */
int
h_admin_user_new(struct request *r)
{
	struct actor		 who = page_actor(r);
	struct page		 p;
	struct account_new	 u = { r->val[KEY_FULL_NAME].s,
				    r->val[KEY_PHONE].s, r->val[KEY_EMAIL].s,
				    NULL, NULL };
	char			 hash[PW_HASH_LEN];
	uint64_t		 id = 0;
	enum pw_err		 e;
	int			 n;

	resp_page_new(r, &p, "Thêm người dùng", "admin_user_new.tpl");
	if (r->method != METHOD_POST)
		return user_new_page(r, &p, 200);
	if ((n = user_new_check(r, &p)) != 0)
		return n < 0 ? resp_error(r, 500, NULL) :
		    user_new_page(r, &p, 422);
	if ((e = pw_hash(r->val[KEY_PASSWORD].raw, hash)) != PW_OK)
		return resp_error(r, e == PW_BUSY ? 503 : 500, pw_err_msg(e));
	u.pw_hash = hash;
	if (account_create(r->db, r->a, &who, &u, &id) != DB_OK)
		return resp_error(r, 500, NULL);
	return resp_redirect(r, 303, arena_printf(r->a,
	    "/quan-tri/nguoi-dung/%llu?tb=da-tao", (unsigned long long)id));
}

static int
user_options(struct request *r, struct tmpl_dict *d)
{
	struct row_UNITS_ALL	*units;
	size_t			 i, n;

	for (i = ROLE_RESIDENT; i < ROLE__MAX; i++) {
		struct tmpl_dict *s = tmpl_section(d, "ROLE_OPTION");
		tmpl_set(s, "VALUE", role_name((enum role)i));
		tmpl_set(s, "LABEL", role_label((enum role)i));
	}
	if (db_all(r->db, r->a, UNITS_ALL, &units, &n, "") != DB_OK)
		return 0;
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(d, "UNIT_OPTION");
		tmpl_set_int(s, "VALUE", (long long)units[i].id);
		tmpl_set(s, "LABEL", page_unit_name(r->a, units[i].kind,
		    units[i].name));
	}
	return 1;
}

static int
user_audit(struct request *r, struct tmpl_dict *d, uint64_t id)
{
	struct row_AUDIT_LIST	*v;
	size_t			 i, n;

	if (db_all(r->db, r->a, AUDIT_LIST, &v, &n, "ss", "user",
	    arena_printf(r->a, "%llu", (unsigned long long)id)) != DB_OK)
		return 0;
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(d, "AUDIT_ITEM");
		tmpl_set(s, "AT", clock_datetime(r->a, v[i].at));
		tmpl_set(s, "ACTOR", v[i].actor);
		tmpl_set(s, "ACTION", v[i].action);
		tmpl_set(s, "DETAIL", v[i].detail);
	}
	if (n == 0)
		tmpl_show(d, "NO_AUDIT");
	return 1;
}

/* Renders the page of the user the path names, with error (if any) at
 * the top. */
static int
user_page(struct request *r, int status, const char *error)
{
	struct row_USER_GET	 v;
	struct page		 p;
	enum db_err		 e;

	e = db_one(r->db, r->a, USER_GET, &v, "u",
	    (unsigned long long)r->args[0].id);
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	resp_page_new(r, &p, v.full_name, "admin_user.tpl");
	tmpl_set_int(p.body, "USER_ID", (long long)v.id);
	tmpl_set(p.body, "FULL_NAME", v.full_name);
	tmpl_set(p.body, "PHONE", v.phone);
	tmpl_set(p.body, "EMAIL", v.email);
	page_id_number(r->a, p.body, v.id_last4, v.id_verified != 0);
	tmpl_set(p.body, "CREATED", clock_datetime(r->a, v.created_at));
	tmpl_set(p.body, "STATUS_LABEL", status_label(v.status));
	tmpl_show(p.body, strcmp(v.status, "active") == 0 ? "ACTIVE" :
	    "DISABLED");
	if (error != NULL)
		resp_form_error(&p, error);
	if (!form_roles(r, p.body, v.id) || !user_options(r, p.body) ||
	    !user_audit(r, p.body, v.id))
		return resp_error(r, 500, NULL);
	return resp_page(r, status, &p);
}

/* GET /quan-tri/nguoi-dung/{id} */
int
h_admin_user(struct request *r)
{
	return user_page(r, 200, NULL);
}

/* Does the user of the path exist?  Answers 404 or 500 itself when not. */
static int
path_user(struct request *r)
{
	struct row_USER_GET	 v;
	enum db_err		 e;

	e = db_one(r->db, r->a, USER_GET, &v, "u",
	    (unsigned long long)r->args[0].id);
	if (e != DB_OK)
		resp_error(r, page_status(e), NULL);
	return e == DB_OK;
}

/* Grants or revokes (grant 0) the role and unit of the form to the user
 * of the path.  Their sessions end (app/account); one's own is renewed. */
static int
role_change(struct request *r, int grant)
{
	struct actor	 who = page_actor(r);
	enum role	 role = (enum role)r->val[KEY_ROLE].u;
	uint64_t	 id = r->args[0].id, unit = r->val[KEY_UNIT].u;

	if (!path_user(r))
		return r->status;
	if (!r->val[KEY_ROLE].s || role_scoped(role) != (unit != 0))
		return user_page(r, 422, "Vai trò biên tập viên, cán bộ một cửa "
		    "và lãnh đạo phải gắn với một phường, xã; vai trò công dân "
		    "và quản trị thì không.");
	if (grant && role == ROLE_ADMIN && id == who.id)
		return user_page(r, 422, "Bạn đã là quản trị viên.");
	if (!grant && role == ROLE_ADMIN && id == who.id)
		return user_page(r, 422, "Không thể tự thu hồi quyền quản trị "
		    "của chính mình.");
	if (account_set_role(r->db, r->a, &who, id, role, unit, grant) !=
	    DB_OK)
		return user_page(r, 422, "Không thực hiện được (đơn vị không "
		    "tồn tại?).");
	if (id == who.id && !sess_login(r, id))
		return resp_error(r, 503, sess_failed);
	return resp_redirect(r, 303, arena_printf(r->a,
	    "/quan-tri/nguoi-dung/%llu?tb=%s", (unsigned long long)id,
	    grant ? "da-cap-quyen" : "da-thu-hoi"));
}

int
h_admin_user_grant(struct request *r)
{
	return role_change(r, 1);
}

int
h_admin_user_revoke(struct request *r)
{
	return role_change(r, 0);
}

/* POST /quan-tri/nguoi-dung/{id}/khoa: hanh_dong=khoa disables the
 * account and ends its sessions; hanh_dong=mo enables it again. */
int
h_admin_user_lock(struct request *r)
{
	struct actor	 who = page_actor(r);
	const char	*act = r->val[KEY_ACTION].s;
	uint64_t	 id = r->args[0].id;
	int		 lock;

	if (!path_user(r))
		return r->status;
	if (act == NULL || (strcmp(act, "khoa") != 0 && strcmp(act, "mo") != 0))
		return resp_error(r, 400, "Thao tác không hợp lệ.");
	lock = strcmp(act, "khoa") == 0;
	if (lock && id == who.id)
		return user_page(r, 422, "Không thể tự vô hiệu hoá tài khoản "
		    "của chính mình.");
	if (account_set_status(r->db, &who, id, !lock) != DB_OK)
		return resp_error(r, 500, NULL);
	return resp_redirect(r, 303, arena_printf(r->a,
	    "/quan-tri/nguoi-dung/%llu?tb=%s", (unsigned long long)id,
	    lock ? "da-khoa" : "da-mo"));
}
