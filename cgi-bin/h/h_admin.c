/* The city administrator's user management: list and search, create,
 * disable, grant and revoke roles per unit.  Every change is audited. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "h.h"
#include "pw.h"
#include "request.h"
#include "resp.h"
#include "sess.h"
#include "text.h"
#include "tmpl.h"
#include "user.h"
#include "valid.h"

#define USERS_PAGE	20

/* A LIKE pattern matching q anywhere, with q's own wildcards escaped. */
static const char *
like_pattern(struct arena *a, const char *q)
{
	char	*p = arena_alloc(a, strlen(q) * 2 + 3), *w = p;

	*w++ = '%';
	for (; *q != '\0'; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			*w++ = '\\';
		*w++ = *q;
	}
	*w++ = '%';
	*w = '\0';
	return p;
}

static void
users_fill(struct request *r, struct tmpl_dict *d, const struct db_rows *rows)
{
	size_t	 i;

	for (i = 0; i < rows->nrows; i++) {
		char **v = rows->v[i];
		struct tmpl_dict *s = tmpl_section(d, "USER_ITEM");
		tmpl_set(s, "ID", v[0]);
		tmpl_set(s, "FULL_NAME", v[1]);
		tmpl_set(s, "PHONE", v[2]);
		tmpl_set(s, "EMAIL", v[3]);
		tmpl_set(s, "STATUS_LABEL", strcmp(v[4], "active") == 0 ?
		    "Đang hoạt động" : "Đã vô hiệu hoá");
		if (strcmp(v[4], "active") != 0)
			tmpl_show(s, "DISABLED");
		tmpl_set(s, "ROLES", v[5] ? v[5] : "");
	}
	if (rows->nrows == 0)
		tmpl_show(d, "NO_USERS");
	(void)r;
}

/* GET /quan-tri/nguoi-dung?q=&trang= */
int
h_admin_users(struct request *r)
{
	const char	*q = r->val[KEY_Q].s ? r->val[KEY_Q].s : "";
	const char	*like = like_pattern(r->a, q);
	uint64_t	 page = r->val[KEY_PAGE].u ? r->val[KEY_PAGE].u : 1;
	struct db_rows	 rows, count;
	struct page	 p;
	long long	 total;

	if (db_query(r->db, r->a, STMT_USER_SEARCH, &rows, "ssssii", q, like,
	    like, like, (long long)USERS_PAGE,
	    (long long)((page - 1) * USERS_PAGE)) != DB_OK ||
	    db_query(r->db, r->a, STMT_USER_COUNT, &count, "ssss", q, like,
	    like, like) != DB_OK)
		return resp_error(r, 500, NULL);
	total = atoll(count.v[0][0]);
	resp_page_new(r, &p, "Quản lý người dùng", "admin_users.tpl");
	tmpl_set(p.body, "Q", q);
	tmpl_set_int(p.body, "TOTAL", total);
	users_fill(r, p.body, &rows);
	if (page > 1)
		tmpl_set(tmpl_section(p.body, "PREV"), "URL", arena_printf(r->a,
		    "/quan-tri/nguoi-dung?q=%s&trang=%llu", text_urlencode(r->a, q),
		    (unsigned long long)page - 1));
	if ((long long)(page * USERS_PAGE) < total)
		tmpl_set(tmpl_section(p.body, "NEXT"), "URL", arena_printf(r->a,
		    "/quan-tri/nguoi-dung?q=%s&trang=%llu", text_urlencode(r->a, q),
		    (unsigned long long)page + 1));
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

	if (h_check_person(r, p, 0) < 0)
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
	struct page	 p;
	struct user_new	 u = { r->val[KEY_FULL_NAME].s, r->val[KEY_PHONE].s,
			    r->val[KEY_EMAIL].s, NULL, NULL };
	char		 hash[PW_HASH_LEN];
	uint64_t	 id = 0;
	enum pw_err	 e;
	int		 n;

	resp_page_new(r, &p, "Thêm người dùng", "admin_user_new.tpl");
	if (r->method != METHOD_POST)
		return user_new_page(r, &p, 200);
	if ((n = user_new_check(r, &p)) != 0)
		return n < 0 ? resp_error(r, 500, NULL) :
		    user_new_page(r, &p, 422);
	if ((e = pw_hash(r->val[KEY_PASSWORD].raw, hash)) != PW_OK)
		return resp_error(r, e == PW_BUSY ? 503 : 500, pw_err_msg(e));
	u.pw_hash = hash;
	if (db_begin(r->db) != DB_OK || user_create(r->db, r->a, &u, &id) !=
	    DB_OK || audit(r->db, r->user->id, r->remote_addr, "user_create",
	    "user", id, u.phone) != DB_OK || db_commit(r->db) != DB_OK) {
		db_rollback(r->db);
		return resp_error(r, 500, NULL);
	}
	return resp_redirect(r, 303, arena_printf(r->a,
	    "/quan-tri/nguoi-dung/%llu?tb=da-tao", (unsigned long long)id));
}

/* The user named by the path, or 0 when the path names none. */
static uint64_t
path_user(struct request *r, struct db_rows *rows)
{
	uint64_t	 id;

	if (!valid_uint(r->args[0], strlen(r->args[0]), UINT32_MAX, &id) ||
	    db_query(r->db, r->a, STMT_USER_GET, rows, "u",
	    (unsigned long long)id) != DB_OK || rows->nrows == 0)
		return 0;
	return id;
}

static int
user_options(struct request *r, struct tmpl_dict *d)
{
	struct db_rows	 units;
	size_t		 i;

	for (i = ROLE_RESIDENT; i < ROLE__MAX; i++) {
		struct tmpl_dict *s = tmpl_section(d, "ROLE_OPTION");
		tmpl_set(s, "VALUE", role_names[i]);
		tmpl_set(s, "LABEL", role_labels[i]);
	}
	if (db_query(r->db, r->a, STMT_UNITS_ALL, &units, "") != DB_OK)
		return 0;
	for (i = 0; i < units.nrows; i++) {
		struct tmpl_dict *s = tmpl_section(d, "UNIT_OPTION");
		tmpl_set(s, "VALUE", units.v[i][0]);
		tmpl_set(s, "LABEL", h_unit_name(r->a, units.v[i][2],
		    units.v[i][3]));
	}
	return 1;
}

static int
user_audit(struct request *r, struct tmpl_dict *d, const char *id)
{
	struct db_rows	 rows;
	size_t		 i;

	if (db_query(r->db, r->a, STMT_AUDIT_LIST, &rows, "ss", "user", id) !=
	    DB_OK)
		return 0;
	for (i = 0; i < rows.nrows; i++) {
		struct tmpl_dict *s = tmpl_section(d, "AUDIT_ITEM");
		tmpl_set(s, "AT", rows.v[i][0]);
		tmpl_set(s, "ACTOR", rows.v[i][1]);
		tmpl_set(s, "ACTION", rows.v[i][2]);
		tmpl_set(s, "DETAIL", rows.v[i][3]);
	}
	return 1;
}

/* Renders one user's page, with error (if any) at the top. */
static int
user_page(struct request *r, int status, const char *error)
{
	struct db_rows	 rows;
	struct page	 p;
	uint64_t	 id;
	char		**v;

	if ((id = path_user(r, &rows)) == 0)
		return resp_error(r, 404, NULL);
	v = rows.v[0];
	resp_page_new(r, &p, v[1], "admin_user.tpl");
	tmpl_set(p.body, "USER_ID", v[0]);
	tmpl_set(p.body, "FULL_NAME", v[1]);
	tmpl_set(p.body, "PHONE", v[2]);
	tmpl_set(p.body, "EMAIL", v[3]);
	tmpl_set(p.body, "ID_MASKED", v[4] ? arena_printf(r->a, "********%s",
	    v[4]) : "");
	tmpl_set(p.body, "CREATED", v[6]);
	tmpl_set(p.body, "STATUS_LABEL", strcmp(v[5], "active") == 0 ?
	    "Đang hoạt động" : "Đã vô hiệu hoá");
	tmpl_show(p.body, strcmp(v[5], "active") == 0 ? "ACTIVE" : "DISABLED");
	if (error != NULL)
		resp_form_error(&p, error);
	if (!h_roles_fill(r, p.body, id) || !user_options(r, p.body) ||
	    !user_audit(r, p.body, v[0]))
		return resp_error(r, 500, NULL);
	return resp_page(r, status, &p);
}

/* GET /quan-tri/nguoi-dung/{id} */
int
h_admin_user(struct request *r)
{
	return user_page(r, 200, NULL);
}

/* A change of someone's privileges: their sessions end, so that their next
 * one starts with a fresh id and the new roles; one's own is rotated. */
static int
privileges_changed(struct request *r, uint64_t id)
{
	if (id == r->user->id)
		return sess_end_others(r) && sess_login(r, id);
	return sess_end_user(r->db, id);
}

/* Grants or revokes (grant 0) the role and unit of the form to the user
 * of the path, in one transaction with its audit row. */
static int
role_change(struct request *r, int grant)
{
	struct db_rows	 rows;
	enum role	 role = (enum role)r->val[KEY_ROLE].u;
	uint64_t	 id, unit = r->val[KEY_UNIT].u;
	const char	*detail;

	if ((id = path_user(r, &rows)) == 0)
		return resp_error(r, 404, NULL);
	if (!r->val[KEY_ROLE].s || user_role_scoped(role) != (unit != 0))
		return user_page(r, 422, "Vai trò biên tập viên, cán bộ một cửa "
		    "và lãnh đạo phải gắn với một phường, xã; vai trò công dân "
		    "và quản trị thì không.");
	if (grant && role == ROLE_ADMIN && id == r->user->id)
		return user_page(r, 422, "Bạn đã là quản trị viên.");
	if (!grant && role == ROLE_ADMIN && id == r->user->id)
		return user_page(r, 422, "Không thể tự thu hồi quyền quản trị "
		    "của chính mình.");
	detail = arena_printf(r->a, "%s unit=%llu", role_names[role],
	    (unsigned long long)unit);
	if (db_begin(r->db) != DB_OK || (grant ? user_grant(r->db, id, role,
	    unit, r->user->id) : user_revoke(r->db, id, role, unit)) != DB_OK ||
	    audit(r->db, r->user->id, r->remote_addr, grant ? "role_grant" :
	    "role_revoke", "user", id, detail) != DB_OK ||
	    db_commit(r->db) != DB_OK) {
		db_rollback(r->db);
		return user_page(r, 422, "Không thực hiện được (đơn vị không "
		    "tồn tại?).");
	}
	if (!privileges_changed(r, id))
		return resp_error(r, 500, NULL);
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
	struct db_rows	 rows;
	const char	*act = r->val[KEY_ACTION].s;
	uint64_t	 id;
	int		 lock;

	if ((id = path_user(r, &rows)) == 0)
		return resp_error(r, 404, NULL);
	if (act == NULL || (strcmp(act, "khoa") != 0 && strcmp(act, "mo") != 0))
		return resp_error(r, 400, "Thao tác không hợp lệ.");
	lock = strcmp(act, "khoa") == 0;
	if (lock && id == r->user->id)
		return user_page(r, 422, "Không thể tự vô hiệu hoá tài khoản "
		    "của chính mình.");
	if (db_begin(r->db) != DB_OK || db_exec(r->db, STMT_USER_SET_STATUS,
	    NULL, NULL, "su", lock ? "disabled" : "active",
	    (unsigned long long)id) != DB_OK || (lock &&
	    !sess_end_user(r->db, id)) || audit(r->db, r->user->id,
	    r->remote_addr, lock ? "user_disable" : "user_enable", "user", id,
	    "") != DB_OK || db_commit(r->db) != DB_OK) {
		db_rollback(r->db);
		return resp_error(r, 500, NULL);
	}
	return resp_redirect(r, 303, arena_printf(r->a,
	    "/quan-tri/nguoi-dung/%llu?tb=%s", (unsigned long long)id,
	    lock ? "da-khoa" : "da-mo"));
}
