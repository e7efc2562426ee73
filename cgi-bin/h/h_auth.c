/* Signing in and out, registering, and resetting a forgotten password. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "cfg.h"
#include "db.h"
#include "h.h"
#include "log.h"
#include "mail.h"
#include "metrics.h"
#include "pw.h"
#include "request.h"
#include "resp.h"
#include "sess.h"
#include "tmpl.h"
#include "user.h"

#define RESET_TTL	1800	/* a reset link lives 30 minutes */
#define RESETS_PER_HOUR	5

static const char bad_login[] =
    "Số điện thoại, thư điện tử hoặc mật khẩu không đúng.";

static struct {
	long	 lock_after, lock_seconds, addr_limit, addr_window, hourly_max;
	long	 register_limit;
	char	 dummy[PW_HASH_LEN];	/* verified against for unknown names */
	const char *base_url;
} auth;

/* Reads the throttling settings and makes the dummy hash; call once in
 * the master, after pw_init.  Returns 1/0. */
int
h_auth_init(void)
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
	auth.base_url = cfg_str("site", "base_url", "");
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
		resp_header(r, "Retry-After", "900");
	return resp_page(r, status, &p);
}

/* How many sign-ins failed from this address lately. */
static long
failures_from(struct request *r)
{
	struct db_rows	 rows;

	if (db_query(r->db, r->a, STMT_FAIL_COUNT_ADDR, &rows, "si",
	    r->remote_addr ? r->remote_addr : "", (long long)auth.addr_window)
	    != DB_OK || rows.nrows == 0)
		return -1;
	return atol(rows.v[0][0]);
}

static long
failures_of(struct request *r, uint64_t uid)
{
	struct db_rows	 rows;

	if (db_query(r->db, r->a, STMT_FAIL_COUNT_USER, &rows, "u",
	    (unsigned long long)uid) != DB_OK || rows.nrows == 0)
		return -1;
	return atol(rows.v[0][0]);
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

/* Columns of STMT_USER_BY_PHONE / _EMAIL. */
enum login_col {
	LC_ID, LC_HASH, LC_STATUS, LC_LOCKED, LC_UNLOCK_AT, LC_PHONE,
	LC_EMAIL, LC_NAME, LC__MAX
};

static int
find_account(struct request *r, const char *name, struct db_rows *rows)
{
	enum stmt	 s = strchr(name, '@') ? STMT_USER_BY_EMAIL :
			    STMT_USER_BY_PHONE;

	return db_query(r->db, r->a, s, rows, "s", name) == DB_OK;
}

static int
locked_page(struct request *r, const char *until)
{
	metrics_event(EV_LOGIN_REFUSED);
	return login_page(r, 429, arena_printf(r->a, "Tài khoản tạm khoá do "
	    "nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau %s.",
	    until ? until : "15 phút"));
}

/* Checks the password of the account in row v; signs in on success. */
static int
login_check(struct request *r, char **v)
{
	uint64_t	 uid = strtoull(v[LC_ID], NULL, 10);
	int		 rehash = 0;
	enum pw_err	 e;
	char		 fresh[PW_HASH_LEN];

	if ((v[LC_LOCKED] && strcmp(v[LC_LOCKED], "1") == 0) ||
	    failures_of(r, uid) >= auth.hourly_max) {
		login_failed(r, 0);
		return locked_page(r, v[LC_UNLOCK_AT]);
	}
	e = v[LC_HASH] ? pw_verify(v[LC_HASH], r->val[KEY_PASSWORD].raw,
	    &rehash) : PW_MISMATCH;
	if (e == PW_BUSY)
		return resp_error(r, 503, pw_err_msg(e));
	if (e != PW_OK) {
		login_failed(r, uid);
		return login_page(r, 422, bad_login);
	}
	if (strcmp(v[LC_STATUS], "active") != 0)
		return login_page(r, 403, "Tài khoản này đã bị vô hiệu hoá. "
		    "Vui lòng liên hệ quản trị viên.");
	db_exec(r->db, STMT_USER_LOGIN_OK, NULL, NULL, "u",
	    (unsigned long long)uid);
	if (rehash && pw_hash(r->val[KEY_PASSWORD].raw, fresh) == PW_OK)
		db_exec(r->db, STMT_USER_SET_PASSWORD, NULL, NULL, "su", fresh,
		    (unsigned long long)uid);
	if (!sess_login(r, uid))
		return resp_error(r, 500, NULL);
	metrics_event(EV_LOGIN_OK);
	audit(r->db, uid, r->remote_addr, "login", "user", uid, "");
	return resp_redirect(r, 303, next_path(r));
}

/* GET/POST /dang-nhap */
int
h_login(struct request *r)
{
	struct db_rows	 rows;
	const char	*name = r->val[KEY_ACCOUNT].s;
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
	if (!find_account(r, name, &rows))
		return resp_error(r, 500, NULL);
	if (rows.nrows == 1)
		return login_check(r, rows.v[0]);
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
	uint64_t	 uid = r->user ? r->user->id : 0;

	if (!sess_logout(r))
		return resp_error(r, 500, NULL);
	if (uid)
		audit(r->db, uid, r->remote_addr, "logout", "user", uid, "");
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

/* Checks a new password and its repetition; marks the errors on p.
 * Returns 1 when both are acceptable. */
int
h_check_new_password(struct request *r, struct page *p, const char *phone,
    const char *email)
{
	const char	*pw = r->val[KEY_PASSWORD].raw;
	const char	*pw2 = r->val[KEY_PASSWORD2].raw;
	enum pw_err	 e;

	if (pw == NULL || *pw == '\0') {
		resp_field_error(p, "ERR_PASSWORD", "Vui lòng nhập mật khẩu.");
		return 0;
	}
	if ((e = pw_policy(r->a, pw, phone, email)) != PW_OK) {
		resp_field_error(p, "ERR_PASSWORD", pw_err_msg(e));
		return 0;
	}
	if (pw2 == NULL || strcmp(pw, pw2) != 0) {
		resp_field_error(p, "ERR_PASSWORD2",
		    "Hai lần nhập mật khẩu không khớp nhau.");
		return 0;
	}
	return 1;
}

/* Checks the person fields the route accepts (name, phone, email, ID
 * number): their form, then that no account but except has them.  Marks
 * the errors on p; returns how many, or -1 on a database error. */
int
h_check_person(struct request *r, struct page *p, unsigned long long except)
{
	const struct kval	*v = r->val;
	unsigned		 keys = r->route->keys;
	struct user_taken	 t;

	if ((keys & KEY_BIT(KEY_FULL_NAME)) && v[KEY_FULL_NAME].s == NULL)
		resp_field_error(p, "ERR_FULL_NAME", "Vui lòng nhập họ và tên "
		    "(tối đa 100 ký tự).");
	if ((keys & KEY_BIT(KEY_PHONE)) && v[KEY_PHONE].s == NULL)
		resp_field_error(p, "ERR_PHONE", "Số điện thoại di động không "
		    "hợp lệ (ví dụ: 0912 345 678).");
	if (v[KEY_EMAIL].raw && *v[KEY_EMAIL].raw && v[KEY_EMAIL].s == NULL)
		resp_field_error(p, "ERR_EMAIL", "Thư điện tử không hợp lệ.");
	if (v[KEY_ID_NUMBER].raw && *v[KEY_ID_NUMBER].raw &&
	    v[KEY_ID_NUMBER].s == NULL)
		resp_field_error(p, "ERR_ID_NUMBER", "Số định danh cá nhân "
		    "gồm 12 chữ số.");
	if (p->errors)
		return p->errors;
	if (user_taken(r->db, r->a, except, v[KEY_PHONE].s, v[KEY_EMAIL].s,
	    v[KEY_ID_NUMBER].s, &t) != DB_OK)
		return -1;
	if (t.phone)
		resp_field_error(p, "ERR_PHONE", "Số điện thoại này đã được "
		    "đăng ký cho một tài khoản khác.");
	if (t.email)
		resp_field_error(p, "ERR_EMAIL", "Thư điện tử này đã được đăng "
		    "ký cho một tài khoản khác.");
	if (t.id_number)
		resp_field_error(p, "ERR_ID_NUMBER", "Số định danh này đã được "
		    "đăng ký cho một tài khoản khác.");
	return p->errors;
}

/* Marks the errors of the registration form; returns how many, -1 on a
 * database error. */
static int
register_check(struct request *r, struct page *p)
{
	if (h_check_person(r, p, 0) < 0)
		return -1;
	h_check_new_password(r, p, r->val[KEY_PHONE].s, r->val[KEY_EMAIL].s);
	return p->errors;
}

/* Creates the resident's account in one transaction with its role and
 * audit row.  Returns the new id, 0 on failure. */
static uint64_t
register_create(struct request *r, const char *hash)
{
	struct user_new	 u = { r->val[KEY_FULL_NAME].s, r->val[KEY_PHONE].s,
			    r->val[KEY_EMAIL].s, r->val[KEY_ID_NUMBER].s,
			    hash };
	uint64_t	 id = 0;

	if (db_begin(r->db) != DB_OK)
		return 0;
	if (user_create(r->db, r->a, &u, &id) != DB_OK ||
	    user_grant(r->db, id, ROLE_RESIDENT, 0, 0) != DB_OK ||
	    audit(r->db, id, r->remote_addr, "register", "user", id, "")
	    != DB_OK || db_commit(r->db) != DB_OK) {
		db_rollback(r->db);
		return 0;
	}
	return id;
}

/* How many accounts this address registered in the last hour; -1 on a
 * database error. */
static long
registered_from(struct request *r)
{
	struct db_rows	 rows;

	if (db_query(r->db, r->a, STMT_AUDIT_COUNT_ADDR, &rows, "ss",
	    r->remote_addr ? r->remote_addr : "", "register") != DB_OK)
		return -1;
	return atol(rows.v[0][0]);
}

/* GET/POST /dang-ky: at most [security] register_addr_limit accounts an
 * hour from one address. */
int
h_register(struct request *r)
{
	struct page	 p;
	char		 hash[PW_HASH_LEN];
	enum pw_err	 e;
	uint64_t	 id;
	long		 n;

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
	if ((id = register_create(r, hash)) == 0) {
		resp_form_error(&p, "Không tạo được tài khoản (có thể số điện "
		    "thoại vừa được đăng ký). Vui lòng thử lại.");
		return register_page(r, &p, 409);
	}
	if (!sess_login(r, id))
		return resp_error(r, 500, NULL);
	return resp_redirect(r, 303, "/tai-khoan?tb=dang-ky");
}

/* Writes a reset token for the account with email into the database and
 * its link into the outbox, in one transaction.  Quietly does nothing for
 * an unknown address or one asked too often. */
static int
forgot_send(struct request *r, const char *email)
{
	char		 token[SESS_TOKEN_LEN], hash[SESS_HASH_LEN];
	struct db_rows	 rows, n;
	uint64_t	 uid;
	int		 ok = 0;

	if (!find_account(r, email, &rows))
		return 0;
	if (rows.nrows == 0 || strcmp(rows.v[0][LC_STATUS], "active") != 0)
		return 1;
	uid = strtoull(rows.v[0][LC_ID], NULL, 10);
	if (db_query(r->db, r->a, STMT_RESET_COUNT, &n, "u",
	    (unsigned long long)uid) != DB_OK)
		return 0;
	if (atol(n.v[0][0]) >= RESETS_PER_HOUR)
		return 1;
	sess_token_new(token, hash);
	if (db_begin(r->db) == DB_OK &&
	    db_exec(r->db, STMT_RESET_INSERT, NULL, NULL, "sui", hash,
	    (unsigned long long)uid, (long long)RESET_TTL) == DB_OK &&
	    mail_queue(r->db, email, "Đặt lại mật khẩu tài khoản Cổng dịch vụ "
	    "công Phổ Yên", arena_printf(r->a, "Xin chào %s,\n\nCó người (có "
	    "thể là bạn) đã yêu cầu đặt lại mật khẩu cho tài khoản của bạn.\n"
	    "Để đặt mật khẩu mới, mở đường dẫn sau trong vòng 30 phút:\n\n"
	    "%s/dat-lai-mat-khau?ma=%s\n\nĐường dẫn chỉ dùng được một lần. "
	    "Nếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu của bạn vẫn "
	    "giữ nguyên.\n\nCổng thông tin điện tử thành phố Phổ Yên\n",
	    rows.v[0][LC_NAME], auth.base_url, token)) &&
	    audit(r->db, uid, r->remote_addr, "password_reset_request", "user",
	    uid, "") == DB_OK && db_commit(r->db) == DB_OK)
		ok = 1;
	else
		db_rollback(r->db);
	sodium_memzero(token, sizeof(token));
	return ok;
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

/* The account a valid, unused, unexpired token resets; 0 when none. */
static uint64_t
reset_user(struct request *r, char *hash, struct db_rows *rows)
{
	const char	*token = r->val[KEY_TOKEN].s;

	if (token == NULL)
		return 0;
	sess_token_hash(token, hash);
	if (db_query(r->db, r->a, STMT_RESET_GET, rows, "s", hash) != DB_OK ||
	    rows->nrows == 0)
		return 0;
	return strtoull(rows->v[0][0], NULL, 10);
}

/* Sets the password, spends the token (and voids every other link sent
 * to the account) and ends every session of the account, in one
 * transaction.  Returns 1/0. */
static int
reset_apply(struct request *r, uint64_t uid, const char *hash,
    const char *pwhash)
{
	uint64_t	 used = 0;

	if (db_begin(r->db) != DB_OK)
		return 0;
	if (db_exec(r->db, STMT_RESET_USE, &used, NULL, "s", hash) == DB_OK &&
	    used == 1 && user_set_password(r->db, uid, pwhash) == DB_OK &&
	    sess_end_user(r->db, uid) && audit(r->db, uid, r->remote_addr,
	    "password_reset", "user", uid, "") == DB_OK &&
	    db_commit(r->db) == DB_OK)
		return 1;
	db_rollback(r->db);
	return 0;
}

/* GET/POST /dat-lai-mat-khau?ma=... */
int
h_reset(struct request *r)
{
	struct page	 p;
	struct db_rows	 rows;
	char		 hash[SESS_HASH_LEN], pwhash[PW_HASH_LEN];
	uint64_t	 uid;
	enum pw_err	 e;

	if (!sess_ensure(r))
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Đặt lại mật khẩu", "reset.tpl");
	if ((uid = reset_user(r, hash, &rows)) == 0) {
		tmpl_show(p.body, "INVALID");
		return resp_page(r, 404, &p);
	}
	tmpl_show(p.body, "FORM");
	tmpl_set(p.body, "TOKEN", r->val[KEY_TOKEN].s);
	if (r->method != METHOD_POST)
		return resp_page(r, 200, &p);
	if (!h_check_new_password(r, &p, rows.v[0][1], rows.v[0][2]))
		return resp_page(r, 422, &p);
	if ((e = pw_hash(r->val[KEY_PASSWORD].raw, pwhash)) != PW_OK)
		return resp_error(r, e == PW_BUSY ? 503 : 500, pw_err_msg(e));
	if (!reset_apply(r, uid, hash, pwhash))
		return resp_error(r, 500, NULL);
	return resp_redirect(r, 303, "/dang-nhap?tb=mat-khau-moi");
}
