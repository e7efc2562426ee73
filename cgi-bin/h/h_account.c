/* The signed-in person's own account: profile, password, sessions. */
#include <string.h>
#include <strings.h>

#include "app/account.h"
#include "app/signin.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/pw.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/form.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"
#include "http/sess.h"

static int
account_sessions(struct request *r, struct tmpl_dict *d)
{
	struct row_SESS_LIST	*v;
	size_t			 i, n;

	if (db_all(r->db, r->a, SESS_LIST, &v, &n, "uii",
	    (unsigned long long)r->user->id, (long long)sess_idle(),
	    (long long)sess_absolute()) != DB_OK)
		return 0;
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(d, "SESSION_ITEM");
		tmpl_set(s, "CREATED", clock_datetime(r->a, v[i].created_at));
		tmpl_set(s, "LAST_SEEN", clock_datetime(r->a, v[i].last_seen));
		tmpl_set(s, "ADDR", v[i].addr);
		tmpl_set(s, "AGENT", v[i].user_agent);
		if (strcmp(v[i].id_hash, r->sess->id_hash) == 0)
			tmpl_show(s, "CURRENT");
	}
	return 1;
}

/* Renders /tai-khoan with status; the form values come from the request
 * when it carried them (a refused edit), else from the database. */
static int
account_page(struct request *r, struct page *p, int status)
{
	struct row_USER_GET	 v;

	if (db_one(r->db, r->a, USER_GET, &v, "u",
	    (unsigned long long)r->user->id) != DB_OK ||
	    !account_sessions(r, p->body) ||
	    !form_roles(r, p->body, r->user->id))
		return resp_error(r, 500, NULL);
	tmpl_set(p->body, "VAL_FULL_NAME", r->val[KEY_FULL_NAME].present ?
	    r->val[KEY_FULL_NAME].raw : v.full_name);
	tmpl_set(p->body, "VAL_EMAIL", r->val[KEY_EMAIL].present ?
	    r->val[KEY_EMAIL].raw : v.email);
	tmpl_set(p->body, "PHONE", v.phone);
	if (v.email != NULL)
		tmpl_show(p->body, v.email_verified ? "EMAIL_VERIFIED" :
		    "EMAIL_UNVERIFIED");
	page_id_number(r->a, p->body, v.id_last4, v.id_verified != 0);
	h_tnid_account(r, p->body);
	return resp_page(r, status, p);
}

/* Checks the current password the request carries (mat_khau_hien_tai)
 * as a sign-in is: its failures count towards the account's lock and the
 * address's limits.  A wrong one is marked on p as field.  Returns 0 when
 * right, -1 when wrong, else the status already answered (429, 503). */
static int
account_current_password(struct request *r, struct page *p,
    const char *field)
{
	const char		*name = r->user->phone ? r->user->phone :
				    r->user->email;
	const char		*pw = r->val[KEY_CURRENT_PASSWORD].raw;
	enum signin_result	 res = SIGNIN_BAD;
	uint64_t		 uid = 0;
	long			 wait = 0;

	if (name != NULL)
		res = signin_check(r->db, r->a, r->remote_addr ?
		    r->remote_addr : "", name, pw ? pw : "", &uid, &wait);
	if (res == SIGNIN_BUSY)
		return resp_error(r, 503, pw_err_msg(PW_BUSY));
	if (res == SIGNIN_THROTTLED) {
		resp_header(r, "Retry-After", arena_printf(r->a, "%ld",
		    wait > 0 ? wait : 1));
		return resp_error(r, 429, NULL);
	}
	if (res == SIGNIN_OK && uid == r->user->id)
		return 0;
	resp_field_error(p, field, "Mật khẩu hiện tại không đúng (hoặc tài "
	    "khoản đang tạm khoá do nhập sai nhiều lần).");
	return -1;
}

/* Whether the request changes the signed-in person's email (to none
 * included). */
static int
account_email_changes(const struct request *r)
{
	const char	*now = r->user->email, *want = r->val[KEY_EMAIL].s;

	if (now == NULL || want == NULL)
		return now != want;
	return strcasecmp(now, want) != 0;
}

/* GET/POST /tai-khoan: the name alone changes freely; the email only with
 * the current password, and the new one is confirmed by mail. */
int
h_account(struct request *r)
{
	struct actor	 who = page_actor(r);
	struct page	 p;
	int		 n, changes;

	resp_page_new(r, &p, "Tài khoản của tôi", "account.tpl");
	if (r->method != METHOD_POST)
		return account_page(r, &p, 200);
	if ((n = form_person(r, &p, r->user->id)) != 0)
		return n < 0 ? resp_error(r, 500, NULL) :
		    account_page(r, &p, 422);
	changes = account_email_changes(r);
	if (changes && (n = account_current_password(r, &p,
	    "ERR_EMAIL_PASSWORD")) != 0)
		return n < 0 ? account_page(r, &p, 422) : n;
	if (account_update_profile(r->db, r->a, &who, r->val[KEY_FULL_NAME].s,
	    r->val[KEY_EMAIL].s) != DB_OK)
		return resp_error(r, 500, NULL);
	return resp_redirect(r, 303, changes && r->val[KEY_EMAIL].s ?
	    "/tai-khoan?tb=xac-nhan-email" : "/tai-khoan?tb=da-luu");
}

/* POST /tai-khoan/mat-khau: changes the password and ends every other
 * session; this one gets a new id. */
int
h_account_password(struct request *r)
{
	struct actor		 who = page_actor(r);
	struct page		 p;
	char			 hash[PW_HASH_LEN];
	enum pw_err		 e;
	int			 n;

	resp_page_new(r, &p, "Tài khoản của tôi", "account.tpl");
	if ((n = account_current_password(r, &p, "ERR_CURRENT_PASSWORD")) > 0)
		return n;
	if (n < 0 || !form_new_password(r, &p, r->user->phone,
	    r->user->email))
		return account_page(r, &p, 422);
	if ((e = pw_hash(r->val[KEY_PASSWORD].raw, hash)) != PW_OK)
		return resp_error(r, e == PW_BUSY ? 503 : 500, pw_err_msg(e));
	if (account_set_password(r->db, &who, who.id, hash,
	    r->sess->id_hash) != DB_OK)
		return resp_error(r, 500, NULL);
	if (!sess_login(r, who.id))
		return resp_error(r, 503, sess_failed);
	return resp_redirect(r, 303, "/tai-khoan?tb=doi-mat-khau");
}

/* POST /tai-khoan/dang-xuat-khac */
int
h_account_logout_others(struct request *r)
{
	struct actor	 who = page_actor(r);

	if (db_begin(r->db) != DB_OK || !sess_end_others(r) ||
	    audit_add(r->db, &who, "logout_others", "user", who.id, "") !=
	    DB_OK || db_commit(r->db) != DB_OK) {
		db_rollback(r->db);
		return resp_error(r, 500, NULL);
	}
	return resp_redirect(r, 303, "/tai-khoan?tb=dang-xuat-khac");
}
