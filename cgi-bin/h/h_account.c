/* The signed-in person's own account: profile, password, sessions. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "h.h"
#include "pw.h"
#include "request.h"
#include "resp.h"
#include "sess.h"
#include "tmpl.h"
#include "user.h"

/* Columns of STMT_USER_GET. */
enum user_col {
	UC_ID, UC_NAME, UC_PHONE, UC_EMAIL, UC_LAST4, UC_STATUS, UC_CREATED,
	UC__MAX
};

/* Fills the roles (ROLE_ITEM) of user uid into d. */
int
h_roles_fill(struct request *r, struct tmpl_dict *d, unsigned long long uid)
{
	struct db_rows	 rows;
	size_t		 i, k;

	if (db_query(r->db, r->a, STMT_ROLE_LIST, &rows, "u",
	    (unsigned long long)uid) != DB_OK)
		return 0;
	for (i = 0; i < rows.nrows; i++) {
		char **v = rows.v[i];
		struct tmpl_dict *s = tmpl_section(d, "ROLE_ITEM");
		for (k = ROLE_RESIDENT; k < ROLE__MAX; k++)
			if (strcmp(v[0], role_names[k]) == 0)
				tmpl_set(s, "ROLE_LABEL", role_labels[k]);
		tmpl_set(s, "ROLE", v[0]);
		tmpl_set(s, "UNIT_ID", v[1]);
		tmpl_set(s, "UNIT_NAME", v[2] ? h_unit_name(r->a, v[2], v[3]) :
		    "");
	}
	if (rows.nrows == 0)
		tmpl_show(d, "NO_ROLES");
	return 1;
}

static int
account_sessions(struct request *r, struct tmpl_dict *d)
{
	struct db_rows	 rows;
	size_t		 i;

	if (db_query(r->db, r->a, STMT_SESS_LIST, &rows, "uii",
	    (unsigned long long)r->user->id, (long long)sess_idle(),
	    (long long)sess_absolute()) != DB_OK)
		return 0;
	for (i = 0; i < rows.nrows; i++) {
		char **v = rows.v[i];
		struct tmpl_dict *s = tmpl_section(d, "SESSION_ITEM");
		tmpl_set(s, "CREATED", v[1]);
		tmpl_set(s, "LAST_SEEN", v[2]);
		tmpl_set(s, "ADDR", v[3]);
		tmpl_set(s, "AGENT", v[4]);
		if (strcmp(v[0], r->sess->id_hash) == 0)
			tmpl_show(s, "CURRENT");
	}
	return 1;
}

/* Renders /tai-khoan with status; the form values come from the request
 * when it carried them (a refused edit), else from the database. */
static int
account_page(struct request *r, struct page *p, int status)
{
	struct db_rows	 rows;
	char		**v;

	if (db_query(r->db, r->a, STMT_USER_GET, &rows, "u",
	    (unsigned long long)r->user->id) != DB_OK || rows.nrows == 0 ||
	    !account_sessions(r, p->body) ||
	    !h_roles_fill(r, p->body, r->user->id))
		return resp_error(r, 500, NULL);
	v = rows.v[0];
	tmpl_set(p->body, "VAL_FULL_NAME", r->val[KEY_FULL_NAME].present ?
	    r->val[KEY_FULL_NAME].raw : v[UC_NAME]);
	tmpl_set(p->body, "VAL_EMAIL", r->val[KEY_EMAIL].present ?
	    r->val[KEY_EMAIL].raw : v[UC_EMAIL]);
	tmpl_set(p->body, "PHONE", v[UC_PHONE]);
	if (v[UC_LAST4] != NULL)
		tmpl_set(tmpl_section(p->body, "HAS_ID"), "ID_MASKED",
		    arena_printf(r->a, "********%s", v[UC_LAST4]));
	return resp_page(r, status, p);
}

/* Saves name and email; returns the status to render with, or 0 after
 * a redirect was set. */
static int
account_save(struct request *r, struct page *p)
{
	const struct kval	*v = r->val;
	int			 n;

	if ((n = h_check_person(r, p, r->user->id)) != 0)
		return n < 0 ? 500 : 422;
	if (db_begin(r->db) != DB_OK)
		return 500;
	if (db_exec(r->db, STMT_USER_SET_PROFILE, NULL, NULL, "ssu",
	    v[KEY_FULL_NAME].s, v[KEY_EMAIL].s,
	    (unsigned long long)r->user->id) != DB_OK ||
	    audit(r->db, r->user->id, r->remote_addr, "profile_update", "user",
	    r->user->id, "") != DB_OK || db_commit(r->db) != DB_OK) {
		db_rollback(r->db);
		return 500;
	}
	resp_redirect(r, 303, "/tai-khoan?tb=da-luu");
	return 0;
}

/* GET/POST /tai-khoan */
int
h_account(struct request *r)
{
	struct page	 p;
	int		 st;

	resp_page_new(r, &p, "Tài khoản của tôi", "account.tpl");
	if (r->method != METHOD_POST)
		return account_page(r, &p, 200);
	if ((st = account_save(r, &p)) == 0)
		return r->status;
	return st == 500 ? resp_error(r, 500, NULL) : account_page(r, &p, st);
}

/* The stored hash of the signed-in user's password, or NULL. */
static const char *
account_hash(struct request *r)
{
	struct db_rows	 rows;

	if (db_query(r->db, r->a, STMT_USER_PW, &rows, "u",
	    (unsigned long long)r->user->id) != DB_OK || rows.nrows == 0)
		return NULL;
	return rows.v[0][0];
}

/* POST /tai-khoan/mat-khau: changes the password and ends every other
 * session; this one gets a new id. */
int
h_account_password(struct request *r)
{
	struct page	 p;
	const char	*stored = account_hash(r);
	char		 hash[PW_HASH_LEN];
	enum pw_err	 e;

	resp_page_new(r, &p, "Tài khoản của tôi", "account.tpl");
	e = stored ? pw_verify(stored, r->val[KEY_CURRENT_PASSWORD].raw ?
	    r->val[KEY_CURRENT_PASSWORD].raw : "", NULL) : PW_MISMATCH;
	if (e == PW_BUSY)
		return resp_error(r, 503, pw_err_msg(e));
	if (e != PW_OK)
		resp_field_error(&p, "ERR_CURRENT_PASSWORD",
		    "Mật khẩu hiện tại không đúng.");
	if (e != PW_OK || !h_check_new_password(r, &p, r->user->phone,
	    r->user->email))
		return account_page(r, &p, 422);
	if ((e = pw_hash(r->val[KEY_PASSWORD].raw, hash)) != PW_OK)
		return resp_error(r, e == PW_BUSY ? 503 : 500, pw_err_msg(e));
	if (db_begin(r->db) != DB_OK ||
	    user_set_password(r->db, r->user->id, hash) != DB_OK ||
	    !sess_end_others(r) || !sess_login(r, r->user->id) ||
	    audit(r->db, r->user->id, r->remote_addr, "password_change",
	    "user", r->user->id, "") != DB_OK || db_commit(r->db) != DB_OK) {
		db_rollback(r->db);
		return resp_error(r, 500, NULL);
	}
	return resp_redirect(r, 303, "/tai-khoan?tb=doi-mat-khau");
}

/* POST /tai-khoan/dang-xuat-khac */
int
h_account_logout_others(struct request *r)
{
	if (!sess_end_others(r) || audit(r->db, r->user->id, r->remote_addr,
	    "logout_others", "user", r->user->id, "") != DB_OK)
		return resp_error(r, 500, NULL);
	return resp_redirect(r, 303, "/tai-khoan?tb=dang-xuat-khac");
}
