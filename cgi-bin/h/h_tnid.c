/* Sign-in with Thái Nguyên ID (issue 10): the start of a login, the
 * provider's callback with every check a careful relying party makes, in
 * order, the confirmation of a link to an existing account, unlinking,
 * and the provider's sign-out.  Any refusal is a 400 page in Vietnamese
 * and opens no session; a provider that does not answer is a 503 within
 * [tnid] timeout_ms. */
#include <string.h>

#include <sodium.h>

#include "app/audit.h"
#include "app/oidc.h"
#include "app/tnid.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/log.h"
#include "core/metrics.h"
#include "core/tmpl.h"
#include "core/token.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"
#include "http/sess.h"

/* Reads [tnid] and, when an issuer is set, the provider's discovery
 * document and keys; in the master, from h_init.  Returns 1/0. */
int
h_tnid_init(void)
{
	return oidc_init();
}

/* The refusal of a callback: logged by reason (never a token or a code),
 * answered 400 with the resident's sentence, no session. */
static int
tnid_refuse(struct request *r, const char *why, const char *msg)
{
	LOGW("tnid sign-in refused: %s", why);
	return resp_error(r, 400, arena_printf(r->a, "Không đăng nhập được "
	    "bằng Thái Nguyên ID. %s", msg));
}

/* The hash of the browser's tnid cookie, giving it one when it has none
 * and give is set; NULL without one. */
static const char *
tnid_browser(struct request *r, int give)
{
	const char	*b = sess_browser(r);
	char		*hash = arena_alloc(r->a, TOKEN_HASH_LEN);
	char		 fresh[TOKEN_LEN];

	if (b == NULL && give) {
		token_random(fresh);
		if (!sess_browser_set(r, fresh))
			return NULL;
		b = arena_strdup(r->a, fresh);
		sodium_memzero(fresh, sizeof(fresh));
	}
	if (b == NULL)
		return NULL;
	token_hash(b, hash);
	return hash;
}

/* GET /auth/tnid/login?return_to=/path[&lien_ket=1]: a new login state
 * for this browser, then the provider's authorization page.  With
 * lien_ket=1 a signed-in resident links the identity to their account. */
int
h_tnid_login(struct request *r)
{
	const char	*ret = r->val[KEY_RETURN_TO].s ? r->val[KEY_RETURN_TO].s :
			    "/";
	const char	*browser;
	uint64_t	 link = 0;
	char		 state[TOKEN_LEN], nonce[TOKEN_LEN], verifier[TOKEN_LEN];
	char		*url = NULL;
	enum oidc_err	 e;
	int		 st;

	if (!oidc_enabled())
		return resp_error(r, 404, NULL);
	if (r->val[KEY_LINK].s != NULL && strcmp(r->val[KEY_LINK].s, "1") == 0)
		link = r->user ? r->user->id : 0;
	if (r->user != NULL && link == 0)
		return resp_redirect(r, 303, ret);
	if ((browser = tnid_browser(r, 1)) == NULL)
		return resp_error(r, 500, NULL);
	if (tnid_login_start(r->db, r->a, browser, link ? "/tai-khoan" : ret,
	    link, oidc_state_ttl(), state, nonce, verifier) != DB_OK)
		return resp_error(r, 500, NULL);
	e = oidc_auth_url(r->a, state, nonce, verifier, &url);
	st = e == OIDC_E_OK ? resp_redirect_away(r, 303, url) :
	    resp_error(r, e == OIDC_E_DOWN ? 503 : 404, oidc_err_msg(e));
	sodium_memzero(verifier, sizeof(verifier));
	sodium_memzero(nonce, sizeof(nonce));
	sodium_memzero(state, sizeof(state));
	return st;
}

/* Opens the session of uid after a sign-in through the provider,
 * keeping its ID token (the sign-out's hint) and an audit row, together;
 * then goes to ret. */
static int
tnid_session(struct request *r, uint64_t uid, const char *id_token,
    const char *ret)
{
	struct actor	 who = { uid, r->remote_addr };

	if (db_begin(r->db) != DB_OK || !sess_login(r, uid) ||
	    db_exec(r->db, STMT_TNID_SESS_PUT, NULL, NULL, "ss",
	    r->sess->id_hash, id_token) != DB_OK ||
	    audit_add(r->db, &who, "login_tnid", "user", uid, "") != DB_OK ||
	    db_commit(r->db) != DB_OK) {
		db_rollback(r->db);
		r->user = NULL;
		return resp_error(r, 503, sess_failed);
	}
	metrics_event(EV_LOGIN_OK);
	return resp_redirect(r, 303, ret);
}

/* The page asking the resident to confirm a link by signing in to the
 * account that has their verified ID number. */
static int
tnid_confirm_page(struct request *r)
{
	struct page	 p;

	resp_page_new(r, &p, "Liên kết Thái Nguyên ID", "tnid_confirm.tpl");
	tmpl_show(p.body, "ASK");
	return resp_page(r, 200, &p);
}

/* What the verified identity leads to: a session, a link, or a
 * question. */
static int
tnid_finish(struct request *r, const struct oidc_identity *id,
    const struct tnid_login *login, const char *browser)
{
	struct actor	 who = page_actor(r);
	uint64_t	 uid = 0;

	if (login->link_user != 0 && (r->user == NULL ||
	    r->user->id != login->link_user))
		return tnid_refuse(r, "link by another user", "Lần liên kết "
		    "này không thuộc tài khoản đang đăng nhập.");
	switch (tnid_account(r->db, r->a, &who, oidc_issuer(), id,
	    login->link_user, browser, &uid)) {
	case TNID_ACC_SIGNIN:
	case TNID_ACC_CREATED:
		return tnid_session(r, uid, id->id_token, login->return_to);
	case TNID_ACC_LINKED:
		return resp_redirect(r, 303, "/tai-khoan?tb=da-lien-ket");
	case TNID_ACC_CONFIRM:
		return tnid_confirm_page(r);
	case TNID_ACC_DISABLED:
		return resp_error(r, 403, "Tài khoản liên kết với Thái Nguyên "
		    "ID này đã bị vô hiệu hoá. Vui lòng liên hệ quản trị viên.");
	case TNID_ACC_TAKEN:
		return resp_error(r, 409, "Thái Nguyên ID này đã liên kết với "
		    "một tài khoản khác, hoặc tài khoản của bạn đã liên kết với "
		    "một Thái Nguyên ID khác.");
	default:
		return resp_error(r, 500, NULL);
	}
}

/* The provider's answer, after the state: iss (RFC 9207), the code
 * exchanged, the ID token checked, its nonce spent, userinfo's sub. */
static int
tnid_redeem(struct request *r, const struct tnid_login *login,
    const char *browser)
{
	const char		*iss = r->val[KEY_OIDC_ISS].s;
	struct oidc_identity	 id;
	enum oidc_check		 c = OIDC_OK;
	enum oidc_err		 e;
	enum db_err		 de;

	memset(&id, 0, sizeof(id));
	if (iss != NULL ? strcmp(iss, oidc_issuer()) != 0 : oidc_iss_required())
		return tnid_refuse(r, "iss parameter", "Phản hồi không đến từ "
		    "Thái Nguyên ID (bên cấp không đúng).");
	if (r->val[KEY_OIDC_CODE].s == NULL)
		return tnid_refuse(r, "no code", "Phản hồi thiếu mã cấp quyền.");
	e = oidc_token(r->a, r->val[KEY_OIDC_CODE].s, login->verifier,
	    login->nonce, &id, &c);
	if (e == OIDC_E_TOKEN)
		return tnid_refuse(r, oidc_check_name(c), oidc_check_msg(c));
	if (e != OIDC_E_OK)
		return e == OIDC_E_DOWN ? resp_error(r, 503, oidc_err_msg(e)) :
		    tnid_refuse(r, "token endpoint", oidc_err_msg(e));
	if ((de = tnid_nonce_spend(r->db, id.nonce, 86400)) == DB_DUP)
		return tnid_refuse(r, "nonce spent",
		    oidc_check_msg(OIDC_NONCE));
	if (de != DB_OK)
		return resp_error(r, 500, NULL);
	if ((e = oidc_userinfo(r->a, &id)) != OIDC_E_OK)
		return e == OIDC_E_DOWN ? resp_error(r, 503, oidc_err_msg(e)) :
		    tnid_refuse(r, "userinfo", oidc_err_msg(e));
	return tnid_finish(r, &id, login, browser);
}

/* GET /auth/tnid/callback: the provider's error, then the state (given,
 * known, unused, unexpired, this browser's; spent here), then
 * tnid_redeem. */
int
h_tnid_callback(struct request *r)
{
	const char		*browser = tnid_browser(r, 0);
	const char		*err = r->val[KEY_OIDC_ERROR].s;
	struct tnid_login	 login;
	enum tnid_state		 st;

	if (!oidc_enabled())
		return resp_error(r, 404, NULL);
	if (err != NULL) {
		if (r->val[KEY_OIDC_STATE].s != NULL)
			tnid_login_take(r->db, r->a, r->val[KEY_OIDC_STATE].s,
			    browser, &login);
		return tnid_refuse(r, "provider error", arena_printf(r->a,
		    "Thái Nguyên ID trả về lỗi: %s%s%s", err,
		    r->val[KEY_OIDC_ERROR_DESC].s ? " — " : "",
		    r->val[KEY_OIDC_ERROR_DESC].s ?
		    r->val[KEY_OIDC_ERROR_DESC].s : ""));
	}
	memset(&login, 0, sizeof(login));
	st = tnid_login_take(r->db, r->a, r->val[KEY_OIDC_STATE].s, browser,
	    &login);
	if (st == TNID_STATE_ERR)
		return resp_error(r, 500, NULL);
	if (st != TNID_STATE_OK)
		return tnid_refuse(r, tnid_state_name(st), tnid_state_msg(st));
	return tnid_redeem(r, &login, browser);
}

/* GET/POST /auth/tnid/lien-ket: the signed-in resident confirms linking
 * the Thái Nguyên ID that awaits in this browser to their account. */
int
h_tnid_confirm(struct request *r)
{
	struct row_TNID_PENDING_GET	 v;
	struct actor			 who = page_actor(r);
	struct page			 p;
	const char			*browser = tnid_browser(r, 0);
	enum db_err			 e;

	if (browser == NULL)
		return resp_error(r, 404, "Không có yêu cầu liên kết Thái Nguyên "
		    "ID nào đang chờ trên trình duyệt này.");
	if (r->method == METHOD_POST) {
		e = tnid_link_confirm(r->db, r->a, &who, browser);
		if (e == DB_OK)
			return resp_redirect(r, 303, "/tai-khoan?tb=da-lien-ket");
		return e == DB_NOTFOUND ? resp_error(r, 404, NULL) :
		    e == DB_DUP ? resp_error(r, 409, "Thái Nguyên ID này hoặc "
		    "tài khoản của bạn đã có liên kết khác.") :
		    resp_error(r, 500, NULL);
	}
	e = db_one(r->db, r->a, TNID_PENDING_GET, &v, "su", browser,
	    (unsigned long long)who.id);
	if (e != DB_OK)
		return e == DB_NOTFOUND ? resp_error(r, 404, "Không có yêu cầu "
		    "liên kết Thái Nguyên ID nào đang chờ cho tài khoản này.") :
		    resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Liên kết Thái Nguyên ID", "tnid_confirm.tpl");
	tmpl_show(p.body, "CONFIRM");
	return resp_page(r, 200, &p);
}

/* POST /tai-khoan/thai-nguyen-id/huy: unlinks, when the account keeps a
 * password to sign in with. */
int
h_tnid_unlink(struct request *r)
{
	struct row_TNID_USER_HAS_PASSWORD	 v;
	struct actor				 who = page_actor(r);
	enum db_err				 e;

	if (db_one(r->db, r->a, TNID_USER_HAS_PASSWORD, &v, "u",
	    (unsigned long long)who.id) != DB_OK)
		return resp_error(r, 500, NULL);
	if (!v.has_password)
		return resp_error(r, 409, "Tài khoản này chưa có mật khẩu: huỷ "
		    "liên kết sẽ không còn cách đăng nhập. Hãy đặt mật khẩu "
		    "(Quên mật khẩu) trước.");
	e = tnid_unlink(r->db, &who, oidc_issuer());
	if (e == DB_NOTFOUND)
		return resp_error(r, 404, NULL);
	if (e != DB_OK)
		return resp_error(r, 500, NULL);
	return resp_redirect(r, 303, "/tai-khoan?tb=da-huy-lien-ket");
}

/* Fills the account page's Thái Nguyên ID section: linked (since when)
 * or not; nothing without a provider. */
void
h_tnid_account(struct request *r, struct tmpl_dict *d)
{
	struct row_TNID_LINK_OF_USER	 v;
	struct tmpl_dict		*s;
	enum db_err			 e;

	if (!oidc_enabled() || r->user == NULL)
		return;
	s = tmpl_section(d, "TNID");
	e = db_one(r->db, r->a, TNID_LINK_OF_USER, &v, "us",
	    (unsigned long long)r->user->id, oidc_issuer());
	if (e == DB_OK)
		tmpl_set(tmpl_section(s, "TNID_LINKED"), "SINCE",
		    clock_date(r->a, v.created_at));
	else
		tmpl_show(s, "TNID_UNLINKED");
}

/* Shows the sign-in page's Thái Nguyên ID button when a provider is
 * configured. */
void
h_tnid_button(struct tmpl_dict *d)
{
	if (oidc_enabled())
		tmpl_show(d, "TNID");
}

/* Before our session ends: the provider's sign-out URL when the session
 * was opened through it (and the provider announces one), else NULL. */
const char *
h_tnid_logout_url(struct request *r)
{
	struct row_TNID_SESS_GET	 v;

	if (r->sess == NULL || r->sess->anon || db_one(r->db, r->a,
	    TNID_SESS_GET, &v, "s", r->sess->id_hash) != DB_OK)
		return NULL;
	return oidc_logout_url(r->a, v.id_token);
}

/* After our session ended: the page that sends the resident on to the
 * provider's sign-out (a link; the site's CSP allows forms to post only
 * to ourselves, which a redirect after POST would break). */
int
h_tnid_logout_page(struct request *r, const char *url)
{
	struct page	 p;

	resp_page_new(r, &p, "Đã đăng xuất", "tnid_logout.tpl");
	tmpl_set(p.body, "LOGOUT_URL", url);
	return resp_page(r, 200, &p);
}
