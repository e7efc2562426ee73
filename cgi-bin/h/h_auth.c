/* Signing in and out, registering, and resetting a forgotten password. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "app/account.h"
#include "app/audit.h"
#include "app/mail.h"
#include "app/reset.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/clock.h"
#include "core/log.h"
#include "core/metrics.h"
#include "core/pw.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/form.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"
#include "http/sess.h"

#define RESETS_PER_HOUR	5

static const char bad_login[] =
    "Số điện thoại, thư điện tử hoặc mật khẩu không đúng.";

static struct {
	long	 lock_after, lock_seconds, addr_limit, addr_window, hourly_max;
	long	 register_limit, reset_ttl;
	char	 dummy[PW_HASH_LEN];	/* verified against for unknown names */
	const char *base_url, *service_name, *site_name;
	char	 lock_retry[24];	/* Retry-After of a locked account */
} auth;

/* Reads the handlers' settings and makes the dummy hash; call once in
 * the master, after pw_init.  Returns 1/0. */
int
h_init(void)
{
	auth.lock_after = cfg_int("security", "login_lock_after", 10, 1, 1000);
	auth.lock_seconds = cfg_int("security", "login_lock_seconds", 900, 1,
	    86400);
	auth.addr_limit = cfg_int("security", "login_addr_limit", 50, 1,
	    100000);
	auth.addr_window = cfg_int("security", "login_addr_window", 900, 1,
	    86400);
	auth.hourly_max = cfg_int("security", "login_hourly_max", 100, 1,
	    100000);
	auth.register_limit = cfg_int("security", "register_addr_limit", 20, 1,
	    100000);
	auth.reset_ttl = cfg_int("security", "reset_ttl", 1800, 300, 86400);
	auth.base_url = cfg_str("site", "base_url", "");
	auth.service_name = cfg_str("site", "service_name",
	    "Cổng dịch vụ công");
	auth.site_name = cfg_str("site", "name", "Cổng thông tin điện tử");
	snprintf(auth.lock_retry, sizeof(auth.lock_retry), "%ld",
	    auth.lock_seconds);
	return pw_hash("không phải mật khẩu của ai", auth.dummy) == PW_OK;
}

/* Where to go after signing in: the form's "tiep" when it is ours. */
static const char *
next_path(const struct request *r)
{
	const char	*n = r->val[KEY_NEXT].s;

	return n != NULL ? n : "/";
}

static int
login_page(struct request *r, int status, const char *error)
{
	struct page	 p;

	if (!sess_ensure(r))
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Đăng nhập", "login.tpl");
	tmpl_set(p.body, "NEXT", r->val[KEY_NEXT].s ? r->val[KEY_NEXT].s : "");
	tmpl_set(p.body, "VAL_ACCOUNT", r->val[KEY_ACCOUNT].raw);
	if (error != NULL)
		resp_form_error(&p, error);
	if (status == 429)
		resp_header(r, "Retry-After", auth.lock_retry);
	return resp_page(r, status, &p);
}

/* How many sign-ins failed from this address lately. */
static long
failures_from(struct request *r)
{
	struct row_FAIL_COUNT_ADDR	 c;

	if (db_one(r->db, r->a, FAIL_COUNT_ADDR, &c, "si", r->remote_addr ?
	    r->remote_addr : "", (long long)auth.addr_window) != DB_OK)
		return -1;
	return (long)c.n;
}

static long
failures_of(struct request *r, uint64_t uid)
{
	struct row_FAIL_COUNT_USER	 c;

	if (db_one(r->db, r->a, FAIL_COUNT_USER, &c, "u",
	    (unsigned long long)uid) != DB_OK)
		return -1;
	return (long)c.n;
}

/* Records a failed sign-in (uid 0: no such account); a known account's
 * tenth consecutive failure locks it. */
static void
login_failed(struct request *r, uint64_t uid)
{
	metrics_event(EV_LOGIN_FAILED);
	db_exec(r->db, STMT_FAIL_INSERT, NULL, NULL, "ns",
	    (unsigned long long)uid, r->remote_addr ? r->remote_addr : "");
	if (uid != 0)
		db_exec(r->db, STMT_USER_LOGIN_FAILED, NULL, NULL, "iiiu",
		    (long long)auth.lock_after, (long long)auth.lock_seconds,
		    (long long)auth.lock_after, (unsigned long long)uid);
}

/* The account signed in as name (a phone number or an email): DB_OK
 * (*v set), DB_NOTFOUND or DB_ERR.  Both statements have the columns of
 * DB_LOGIN_ROW. */
static enum db_err
find_account(struct request *r, const char *name,
    struct row_USER_BY_PHONE *v)
{
	if (strchr(name, '@') != NULL)
		return db_one(r->db, r->a, USER_BY_EMAIL,
		    (struct row_USER_BY_EMAIL *)v, "s", name);
	return db_one(r->db, r->a, USER_BY_PHONE, v, "s", name);
}

/* Refuses a locked account: until when, or for how long when the lock
 * is the hourly bound's. */
static int
locked_page(struct request *r, int64_t until)
{
	metrics_event(EV_LOGIN_REFUSED);
	return login_page(r, 429, arena_printf(r->a, "Tài khoản tạm khoá do "
	    "nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau %s.",
	    until ? clock_fmt(r->a, until, "%H:%M") : arena_printf(r->a,
	    "%ld phút", (auth.lock_seconds + 59) / 60)));
}

/* Checks the password of account v; signs in on success. */
static int
login_check(struct request *r, const struct row_USER_BY_PHONE *v)
{
	uint64_t	 uid = v->id;
	int		 rehash = 0;
	enum pw_err	 e;
	char		 fresh[PW_HASH_LEN];
	struct actor	 who = { uid, r->remote_addr };

	if (v->locked || failures_of(r, uid) >= auth.hourly_max) {
		login_failed(r, 0);
		return locked_page(r, v->locked ? v->locked_until : 0);
	}
	e = v->pw_hash ? pw_verify(v->pw_hash, r->val[KEY_PASSWORD].raw,
	    &rehash) : PW_MISMATCH;
	if (e == PW_BUSY)
		return resp_error(r, 503, pw_err_msg(e));
	if (e != PW_OK) {
		login_failed(r, uid);
		return login_page(r, 422, bad_login);
	}
	if (strcmp(v->status, "active") != 0)
		return login_page(r, 403, "Tài khoản này đã bị vô hiệu hoá. "
		    "Vui lòng liên hệ quản trị viên.");
	db_exec(r->db, STMT_USER_LOGIN_OK, NULL, NULL, "u",
	    (unsigned long long)uid);
	if (rehash && pw_hash(r->val[KEY_PASSWORD].raw, fresh) == PW_OK)
		db_exec(r->db, STMT_USER_SET_PASSWORD, NULL, NULL, "su", fresh,
		    (unsigned long long)uid);
	/* The new session and its audit row stand or fall together. */
	if (db_begin(r->db) != DB_OK || !sess_login(r, uid) ||
	    audit_add(r->db, &who, "login", "user", uid, "") != DB_OK ||
	    db_commit(r->db) != DB_OK) {
		db_rollback(r->db);
		return resp_error(r, 500, NULL);
	}
	metrics_event(EV_LOGIN_OK);
	return resp_redirect(r, 303, next_path(r));
}

/* GET/POST /dang-nhap */
int
h_login(struct request *r)
{
	struct row_USER_BY_PHONE v;
	const char	*name = r->val[KEY_ACCOUNT].s;
	enum db_err	 e;
	long		 fails;

	if (r->method != METHOD_POST)
		return r->user ? resp_redirect(r, 303, next_path(r)) :
		    login_page(r, 200, NULL);
	if ((fails = failures_from(r)) < 0)
		return resp_error(r, 500, NULL);
	if (fails >= auth.addr_limit) {
		metrics_event(EV_LOGIN_REFUSED);
		return login_page(r, 429, "Có quá nhiều lần đăng nhập sai từ "
		    "địa chỉ mạng này. Vui lòng thử lại sau 15 phút.");
	}
	if (name == NULL || r->val[KEY_PASSWORD].s == NULL)
		return login_page(r, 422, "Vui lòng nhập số điện thoại (hoặc "
		    "thư điện tử) và mật khẩu.");
	if ((e = find_account(r, name, &v)) == DB_ERR)
		return resp_error(r, 500, NULL);
	if (e == DB_OK)
		return login_check(r, &v);
	/* No such account: spend the same time, say the same thing. */
	if (pw_verify(auth.dummy, r->val[KEY_PASSWORD].raw, NULL) == PW_BUSY)
		return resp_error(r, 503, pw_err_msg(PW_BUSY));
	login_failed(r, 0);
	return login_page(r, 422, bad_login);
}

/* POST /dang-xuat */
int
h_logout(struct request *r)
{
	struct actor	 who = page_actor(r);

	if (!sess_logout(r) || (who.id != 0 && audit_add(r->db, &who,
	    "logout", "user", who.id, "") != DB_OK))
		return resp_error(r, 500, NULL);
	return resp_redirect(r, 303, "/?tb=dang-xuat");
}

static int
register_page(struct request *r, struct page *p, int status)
{
	static const struct { enum key k; const char *name; } vals[] = {
		{ KEY_FULL_NAME, "VAL_FULL_NAME" }, { KEY_PHONE, "VAL_PHONE" },
		{ KEY_EMAIL, "VAL_EMAIL" }, { KEY_ID_NUMBER, "VAL_ID_NUMBER" },
	};
	size_t	 i;

	for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++)
		tmpl_set(p->body, vals[i].name, r->val[vals[i].k].raw);
	return resp_page(r, status, p);
}

/* Marks the errors of the registration form; returns how many, -1 on a
 * database error. */
static int
register_check(struct request *r, struct page *p)
{
	if (form_person(r, p, 0) < 0)
		return -1;
	form_new_password(r, p, r->val[KEY_PHONE].s, r->val[KEY_EMAIL].s);
	return p->errors;
}

/* How many accounts this address registered in the last hour; -1 on a
 * database error. */
static long
registered_from(struct request *r)
{
	struct row_AUDIT_COUNT_ADDR	 c;

	if (db_one(r->db, r->a, AUDIT_COUNT_ADDR, &c, "ss", r->remote_addr ?
	    r->remote_addr : "", "register") != DB_OK)
		return -1;
	return (long)c.n;
}

/* GET/POST /dang-ky: at most [security] register_addr_limit accounts an
 * hour from one address. */
int
h_register(struct request *r)
{
	struct page		 p;
	struct account_new	 u = { r->val[KEY_FULL_NAME].s,
				    r->val[KEY_PHONE].s, r->val[KEY_EMAIL].s,
				    r->val[KEY_ID_NUMBER].s, NULL };
	char			 hash[PW_HASH_LEN];
	enum pw_err		 e;
	uint64_t		 id = 0;
	long			 n;

	if (!sess_ensure(r))
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Đăng ký tài khoản", "register.tpl");
	if (r->method != METHOD_POST)
		return register_page(r, &p, 200);
	if ((n = registered_from(r)) < 0)
		return resp_error(r, 500, NULL);
	if (n >= auth.register_limit) {
		resp_header(r, "Retry-After", "3600");
		resp_form_error(&p, "Đã có quá nhiều tài khoản được đăng ký từ "
		    "địa chỉ mạng này trong một giờ qua. Vui lòng thử lại sau.");
		return register_page(r, &p, 429);
	}
	if ((n = register_check(r, &p)) < 0)
		return resp_error(r, 500, NULL);
	if (n > 0)
		return register_page(r, &p, 422);
	if ((e = pw_hash(r->val[KEY_PASSWORD].raw, hash)) != PW_OK)
		return resp_error(r, e == PW_BUSY ? 503 : 500, pw_err_msg(e));
	u.pw_hash = hash;
	if (account_register(r->db, r->a, r->remote_addr, &u, &id) != DB_OK) {
		resp_form_error(&p, "Không tạo được tài khoản (có thể số điện "
		    "thoại vừa được đăng ký). Vui lòng thử lại.");
		return register_page(r, &p, 409);
	}
	if (!sess_login(r, id))
		return resp_error(r, 500, NULL);
	return resp_redirect(r, 303, "/tai-khoan?tb=dang-ky");
}

/* Asks for a reset link for email: only queued here (app/reset.c), one
 * statement whatever the address, so that neither the answer nor its
 * time tells whether an account has it; the jobs process writes the link
 * and its mail, or nothing for an unknown, disabled or too often asked
 * account.  Returns 1/0. */
static int
forgot_send(struct request *r, const char *email)
{
	return reset_ask(r->db, email, r->remote_addr) == DB_OK;
}

/* GET/POST /quen-mat-khau: the answer never tells whether the address
 * belongs to an account. */
int
h_forgot(struct request *r)
{
	struct page	 p;
	const char	*email = r->val[KEY_EMAIL].s;

	if (!sess_ensure(r))
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Quên mật khẩu", "forgot.tpl");
	tmpl_set(p.body, "VAL_EMAIL", r->val[KEY_EMAIL].raw);
	if (r->method != METHOD_POST) {
		tmpl_show(p.body, "FORM");
		return resp_page(r, 200, &p);
	}
	if (email == NULL) {
		tmpl_show(p.body, "FORM");
		resp_field_error(&p, "ERR_EMAIL", "Vui lòng nhập đúng thư điện "
		    "tử đã đăng ký.");
		return resp_page(r, 422, &p);
	}
	if (!forgot_send(r, email))
		return resp_error(r, 500, NULL);
	tmpl_show(p.body, "SENT");
	return resp_page(r, 200, &p);
}

/* The account a valid, unused, unexpired token resets: DB_OK (*v set),
 * DB_NOTFOUND or DB_ERR; hash gets the token's hash. */
static enum db_err
reset_user(struct request *r, char *hash, struct row_RESET_GET *v)
{
	const char	*token = r->val[KEY_TOKEN].s;

	if (token == NULL)
		return DB_NOTFOUND;
	sess_token_hash(token, hash);
	return db_one(r->db, r->a, RESET_GET, v, "s", hash);
}

/* GET/POST /dat-lai-mat-khau?ma=... */
int
h_reset(struct request *r)
{
	struct page		 p;
	struct row_RESET_GET	 v;
	struct actor		 who;
	char			 hash[SESS_HASH_LEN], pwhash[PW_HASH_LEN];
	enum pw_err		 e;

	if (!sess_ensure(r))
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Đặt lại mật khẩu", "reset.tpl");
	if (reset_user(r, hash, &v) != DB_OK) {
		tmpl_show(p.body, "INVALID");
		return resp_page(r, 404, &p);
	}
	tmpl_show(p.body, "FORM");
	tmpl_set(p.body, "TOKEN", r->val[KEY_TOKEN].s);
	if (r->method != METHOD_POST)
		return resp_page(r, 200, &p);
	if (!form_new_password(r, &p, v.phone, v.email))
		return resp_page(r, 422, &p);
	if ((e = pw_hash(r->val[KEY_PASSWORD].raw, pwhash)) != PW_OK)
		return resp_error(r, e == PW_BUSY ? 503 : 500, pw_err_msg(e));
	who.id = v.user_id;
	who.addr = r->remote_addr;
	if (account_reset_password(r->db, &who, v.user_id, hash, pwhash) !=
	    DB_OK)
		return resp_error(r, 500, NULL);
	return resp_redirect(r, 303, "/dang-nhap?tb=mat-khau-moi");
}
