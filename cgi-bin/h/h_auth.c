/* Signing in and out, registering, and resetting a forgotten password. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "app/account.h"
#include "app/audit.h"
#include "app/mail.h"
#include "app/reset.h"
#include "app/application.h"
#include "app/signin.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/clock.h"
#include "core/log.h"
#include "core/metrics.h"
#include "core/pw.h"
#include "core/tmpl.h"
#include "core/token.h"
#include "data/db.h"
#include "h/form.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"
#include "http/sess.h"

/* One answer for an unknown name, a locked account and a wrong password,
 * so that none tells whether an account exists. */
static const char bad_login[] =
    "Số điện thoại, thư điện tử hoặc mật khẩu không đúng, hoặc tài khoản "
    "đang tạm khoá do nhập sai mật khẩu nhiều lần.";

static struct {
	long			 register_limit;
} auth;

/* Reads the handlers' settings and the sign-in's (which makes a dummy
 * hash); call once in the master, after pw_init.  Returns 1/0. */
int
h_init(void)
{
	auth.register_limit = cfg_int("security", "register_addr_limit", 20, 1,
	    100000);
	return h_routes_check() && h_track_init() && signin_init() &&
	    application_init() && h_tnid_init();
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
		return resp_error(r, 503, NULL);
	resp_page_new(r, &p, "Đăng nhập", "login.tpl");
	tmpl_set(p.body, "NEXT", r->val[KEY_NEXT].s ? r->val[KEY_NEXT].s : "");
	tmpl_set(p.body, "VAL_ACCOUNT", r->val[KEY_ACCOUNT].raw);
	h_tnid_button(p.body);
	if (error != NULL)
		resp_form_error(&p, error);
	return resp_page(r, status, &p);
}

/* Signs uid in: a new session and its audit row, together. */
static int
login_session(struct request *r, uint64_t uid)
{
	struct actor	 who = { uid, r->remote_addr };

	if (db_begin(r->db) != DB_OK || !sess_login(r, uid) ||
	    audit_add(r->db, &who, "login", "user", uid, "") != DB_OK ||
	    db_commit(r->db) != DB_OK) {
		db_rollback(r->db);
		return resp_error(r, 503, sess_failed);
	}
	metrics_event(EV_LOGIN_OK);
	return resp_redirect(r, 303, next_path(r));
}

/* GET/POST /dang-nhap */
int
h_login(struct request *r)
{
	const char	*name = r->val[KEY_ACCOUNT].s;
	uint64_t	 uid;
	long		 wait = 0;

	if (r->method != METHOD_POST)
		return r->user ? resp_redirect(r, 303, next_path(r)) :
		    login_page(r, 200, NULL);
	if (name == NULL || r->val[KEY_PASSWORD].s == NULL)
		return login_page(r, 422, "Vui lòng nhập số điện thoại (hoặc "
		    "thư điện tử) và mật khẩu.");
	switch (signin_check(r->db, r->a, r->remote_addr ? r->remote_addr : "",
	    name, r->val[KEY_PASSWORD].raw, &uid, &wait)) {
	case SIGNIN_OK:
		return login_session(r, uid);
	case SIGNIN_BAD:
		return login_page(r, 422, bad_login);
	case SIGNIN_DISABLED:
		return login_page(r, 403, "Tài khoản này đã bị vô hiệu hoá. "
		    "Vui lòng liên hệ quản trị viên.");
	case SIGNIN_THROTTLED:
		resp_header(r, "Retry-After", arena_printf(r->a, "%ld",
		    wait > 0 ? wait : 1));
		return login_page(r, 429, wait > 60 ? arena_printf(r->a,
		    "Có quá nhiều lần đăng nhập sai từ địa chỉ mạng này. Vui "
		    "lòng thử lại sau %ld phút.", (wait + 59) / 60) :
		    arena_printf(r->a, "Có quá nhiều lần đăng nhập sai từ địa "
		    "chỉ mạng này. Vui lòng thử lại sau %ld giây.",
		    wait > 0 ? wait : 1));
	case SIGNIN_BUSY:
		return resp_error(r, 503, pw_err_msg(PW_BUSY));
	default:
		return resp_error(r, 500, NULL);
	}
}

/* POST /dang-xuat; a session opened through Thái Nguyên ID goes on to
 * the provider's sign-out. */
int
h_logout(struct request *r)
{
	struct actor	 who = page_actor(r);
	const char	*tnid = h_tnid_logout_url(r);

	if (!sess_logout(r) || (who.id != 0 && audit_add(r->db, &who,
	    "logout", "user", who.id, "") != DB_OK))
		return resp_error(r, 500, NULL);
	if (tnid != NULL)
		return h_tnid_logout_page(r, tnid);
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

/* Counts this registration attempt against its address.  Returns the
 * attempts the address made in the last hour before this one, -1 on a
 * database error. */
static long
register_attempt(struct request *r)
{
	struct row_REGISTER_ATTEMPTS	 c;
	const char			*addr = r->remote_addr ?
					    r->remote_addr : "";

	if (db_one(r->db, r->a, REGISTER_ATTEMPTS, &c, "s", addr) != DB_OK ||
	    db_exec(r->db, STMT_REGISTER_ATTEMPT, NULL, NULL, "s", addr) !=
	    DB_OK)
		return -1;
	return (long)c.n;
}

/* GET/POST /dang-ky: at most [security] register_addr_limit attempts an
 * hour from one address, refused ones included (they tell which phone
 * numbers are registered). */
int
h_register(struct request *r)
{
	struct page		 p;
	struct account_new	 u = { r->val[KEY_FULL_NAME].s,
				    r->val[KEY_PHONE].s, r->val[KEY_EMAIL].s,
				    r->val[KEY_ID_NUMBER].s, NULL };
	char			 hash[PW_HASH_LEN];
	enum pw_err		 e;
	enum db_err		 de;
	uint64_t		 id = 0;
	long			 n;

	if (!sess_ensure(r))
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Đăng ký tài khoản", "register.tpl");
	if (r->method != METHOD_POST)
		return register_page(r, &p, 200);
	if ((n = register_attempt(r)) < 0)
		return resp_error(r, 500, NULL);
	if (n >= auth.register_limit) {
		resp_header(r, "Retry-After", "3600");
		resp_form_error(&p, "Đã có quá nhiều lần đăng ký từ địa chỉ mạng "
		    "này trong một giờ qua. Vui lòng thử lại sau.");
		return register_page(r, &p, 429);
	}
	if ((n = register_check(r, &p)) < 0)
		return resp_error(r, 500, NULL);
	if (n > 0)
		return register_page(r, &p, 422);
	if ((e = pw_hash(r->val[KEY_PASSWORD].raw, hash)) != PW_OK)
		return resp_error(r, e == PW_BUSY ? 503 : 500, pw_err_msg(e));
	u.pw_hash = hash;
	if ((de = account_register(r->db, r->a, r->remote_addr, &u, &id)) ==
	    DB_DUP) {
		resp_form_error(&p, "Không tạo được tài khoản (có thể số điện "
		    "thoại vừa được đăng ký). Vui lòng thử lại.");
		return register_page(r, &p, 409);
	}
	if (de != DB_OK)
		return resp_error(r, 500, NULL);
	if (!sess_login(r, id))
		return resp_error(r, 503, sess_failed);
	return resp_redirect(r, 303, u.email ? "/tai-khoan?tb=dang-ky-email" :
	    "/tai-khoan?tb=dang-ky");
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
	token_hash(token, hash);
	return db_one(r->db, r->a, RESET_GET, v, "s", hash);
}

/* GET/POST /dat-lai-mat-khau?ma=... */
int
h_reset(struct request *r)
{
	struct page		 p;
	struct row_RESET_GET	 v;
	struct actor		 who;
	char			 hash[TOKEN_HASH_LEN], pwhash[PW_HASH_LEN];
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
