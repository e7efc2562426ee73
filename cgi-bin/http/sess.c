/* Sessions, the signed-in user and CSRF tokens.  Only a visitor who
 * signs in gets a session (a database row); an anonymous visitor's forms
 * (sign-in, registration, password reset) carry a stateless token: the
 * HMAC of a random cookie, fid, under a key derived from [security]
 * id_key, checked by double submission.  Nothing is stored for it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "app/account.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/log.h"
#include "core/role.h"
#include "core/seal.h"
#include "core/token.h"
#include "core/valid.h"
#include "data/db.h"
#include "http/request.h"
#include "http/resp.h"
#include "http/sess.h"

#define TOKEN_BYTES	32
#define FORM_KEY_ID	1	/* seal_subkey id of the form key */

const char sess_failed[] = "Không mở được phiên đăng nhập lúc này. "
    "Thay đổi (nếu có) đã được lưu. Vui lòng đăng nhập lại sau ít phút.";

static struct {
	const char	*cookie;	/* "sid", or "__Host-sid" over HTTPS */
	const char	*form_cookie;	/* "fid", or "__Host-fid" over HTTPS */
	const char	*browser_cookie; /* "tnid", or "__Host-tnid" */
	const char	*attrs;		/* both cookies' attributes */
	long		 idle, absolute;
	char		 origin[256];	/* scheme://host[:port] of base_url */
	const char	*scheme;	/* of every origin: per [site] https */
	char		 port[16];	/* ":port" of base_url, or "" */
	const char	*names[4];	/* our cookies, for the parser */
	unsigned char	 form_key[crypto_auth_hmacsha256_KEYBYTES];
} sess;

/* Reads the session settings and derives the anonymous forms' key; call
 * once, after seal_init, before threads start.  Returns 1/0. */
int
sess_init(void)
{
	static const char ctx[SEAL_CTXLEN] = "formtok";
	const char	*base = cfg_str("site", "base_url", "");
	const char	*p;
	int		 https = cfg_bool("site", "https", 0);
	size_t		 n;

	sess.idle = cfg_int("session", "idle", 1800, 60, 86400);
	sess.absolute = cfg_int("session", "absolute", 43200, 300, 604800);
	sess.cookie = https ? "__Host-sid" : "sid";
	sess.form_cookie = https ? "__Host-fid" : "fid";
	sess.attrs = https ? "; Path=/; HttpOnly; SameSite=Lax; Secure" :
	    "; Path=/; HttpOnly; SameSite=Lax";
	sess.browser_cookie = https ? "__Host-tnid" : "tnid";
	sess.names[0] = sess.cookie;
	sess.names[1] = sess.form_cookie;
	sess.names[2] = sess.browser_cookie;
	sess.names[3] = NULL;
	p = strstr(base, "://");
	n = p ? strcspn(p + 3, "/") + (size_t)(p + 3 - base) : 0;
	snprintf(sess.origin, sizeof(sess.origin), "%.*s", (int)n, base);
	sess.scheme = https ? "https://" : "http://";
	/* The last ':' of the authority, unless inside an IPv6 [...]. */
	p = p ? memrchr(p + 3, ':', n - (size_t)(p + 3 - base)) : NULL;
	if (p != NULL && memchr(p, ']', (size_t)(base + n - p)) == NULL)
		snprintf(sess.port, sizeof(sess.port), "%.*s",
		    (int)(base + n - p), p);
	if (!seal_subkey(sess.form_key, sizeof(sess.form_key), FORM_KEY_ID,
	    ctx)) {
		LOGE("cannot derive the form key (seal_init first)");
		return 0;
	}
	return 1;
}

/* The names of our cookies, NULL-terminated (struct req_limits): the
 * only ones the request parser keeps and checks.  After sess_init. */
const char *const *
sess_cookie_names(void)
{
	return sess.names;
}

long
sess_idle(void)
{
	return sess.idle;
}

long
sess_absolute(void)
{
	return sess.absolute;
}

/* The value of cookie name when well-formed (a token), else NULL. */
static const char *
sess_cookie(const struct request *r, const char *name)
{
	size_t	 i;

	for (i = 0; i < r->cookies.n; i++) {
		const char *v = r->cookies.v[i].val;
		if (strcmp(r->cookies.v[i].key, name) == 0 &&
		    valid_token(v, strlen(v)))
			return v;
	}
	return NULL;
}

/* An anonymous visitor's "session": no row, only the form token of the
 * cookie value fid (hex HMAC-SHA256 under the form key).  Arena memory. */
static struct sess *
sess_anon(struct request *r, const char *fid)
{
	unsigned char	 mac[crypto_auth_hmacsha256_BYTES];
	struct sess	*s = arena_calloc(r->a, 1, sizeof(*s));

	crypto_auth_hmacsha256(mac, (const unsigned char *)fid, strlen(fid),
	    sess.form_key);
	sodium_bin2hex(s->csrf, sizeof(s->csrf), mac, sizeof(mac));
	sodium_memzero(mac, sizeof(mac));
	s->anon = 1;
	return s;
}

static int
sess_cookie_set(struct request *r, const char *token)
{
	return resp_header(r, "Set-Cookie", arena_printf(r->a,
	    "%s=%s%s; Max-Age=%ld", sess.cookie, token, sess.attrs,
	    sess.absolute));
}

static int
sess_cookie_clear(struct request *r)
{
	return resp_header(r, "Set-Cookie", arena_printf(r->a,
	    "%s=%s; Max-Age=0", sess.cookie, sess.attrs));
}

/* Reads the roles of u from list, SESS_GET's "role:unit,..." (unit 0:
 * city-wide; NULL: none), which it changes.  Returns 1, or 0 for a list
 * that is not of that form. */
static int
sess_roles(struct user *u, char *list)
{
	char	*item, *save = NULL, *unit, *end;
	int	 ok = 1;

	u->role_bits = ROLE_BIT(ROLE_USER);
	item = list != NULL ? strtok_r(list, ",", &save) : NULL;
	for (; item != NULL && u->nroles < USER_ROLES_MAX;
	    item = strtok_r(NULL, ",", &save)) {
		struct user_role *ur = &u->roles[u->nroles];
		if ((unit = strchr(item, ':')) == NULL) {
			ok = 0;
			break;
		}
		*unit++ = '\0';
		ur->role = role_from_name(item);
		ur->unit_id = strtoull(unit, &end, 10);
		if (*unit == '\0' || *end != '\0') {
			ok = 0;
			break;
		}
		u->role_bits |= ROLE_BIT(ur->role);
		u->nroles++;
	}
	return ok;
}

/* Finds the session of the cookie token and its user, if any.  Returns
 * 0, or 503 when the database does not answer. */
static int
sess_row(struct request *r, const char *token)
{
	struct row_SESS_GET	 v;
	struct sess		*s;
	enum db_err		 e;

	s = arena_calloc(r->a, 1, sizeof(*s));
	token_hash(token, s->id_hash);
	e = db_one(r->db, r->a, SESS_GET, &v, "sii", s->id_hash,
	    (long long)sess.idle, (long long)sess.absolute);
	if (e == DB_NOTFOUND)
		return 0;
	if (e != DB_OK)
		return 503;
	snprintf(s->csrf, sizeof(s->csrf), "%s", v.csrf);
	if (v.user_id != 0) {
		struct user *u = arena_calloc(r->a, 1, sizeof(*u));
		u->id = v.user_id;
		u->full_name = v.full_name;
		u->phone = v.phone;
		u->email = v.email;
		if (!sess_roles(u, v.roles != NULL ?
		    arena_strdup(r->a, v.roles) : NULL))
			return 503;
		s->user = r->user = u;
	}
	/* last_seen moves at most once a minute: a write per minute, not
	 * per request. */
	if (v.stale)
		db_exec(r->db, STMT_SESS_TOUCH, NULL, NULL, "s", s->id_hash);
	r->sess = s;
	return 0;
}

/* Finds the request's session and its user, or else the anonymous form
 * token of its fid cookie, if any.  Returns 0, or 503 when the database
 * does not answer (a probe of /healthz that carries a cookie still
 * learns the truth). */
int
sess_load(struct request *r)
{
	const char	*token = sess_cookie(r, sess.cookie);
	const char	*fid = sess_cookie(r, sess.form_cookie);
	int		 st = 0;

	if (token != NULL)
		st = sess_row(r, token);
	if (st == 0 && r->sess == NULL && fid != NULL)
		r->sess = sess_anon(r, fid);
	return st;
}

/* s when it is text to store (valid UTF-8, no control characters), else
 * "": a header is whatever the client sent. */
static const char *
text_or_empty(const char *s)
{
	size_t	 i, n = s ? strlen(s) : 0;

	if (s == NULL || !valid_utf8(s, n))
		return "";
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return "";
	return s;
}

/* Creates the session of user_id and sets the cookie. */
static int
sess_create(struct request *r, uint64_t user_id)
{
	unsigned char	 csrf[TOKEN_BYTES];
	char		 token[TOKEN_LEN];
	struct sess	*s = arena_calloc(r->a, 1, sizeof(*s));
	enum db_err	 e;

	token_new(token, s->id_hash);
	randombytes_buf(csrf, sizeof(csrf));
	sodium_bin2hex(s->csrf, sizeof(s->csrf), csrf, sizeof(csrf));
	e = db_exec(r->db, STMT_SESS_INSERT, NULL, NULL, "snsss", s->id_hash,
	    (unsigned long long)user_id, s->csrf, text_or_empty(r->remote_addr),
	    text_or_empty(r->user_agent));
	if (e != DB_OK)
		return 0;
	s->created = 1;
	s->user = r->user;
	r->sess = s;
	sess_cookie_set(r, token);
	sodium_memzero(token, sizeof(token));
	return 1;
}

/* Makes sure the request has a CSRF token for its forms: a session's,
 * or else an anonymous one, with a new fid cookie when it had none.
 * Writes nothing to the database.  Returns 1/0. */
int
sess_ensure(struct request *r)
{
	char	 fid[TOKEN_LEN];
	int	 ok;

	if (r->sess != NULL)
		return 1;
	token_random(fid);
	r->sess = sess_anon(r, fid);
	ok = resp_header(r, "Set-Cookie", arena_printf(r->a, "%s=%s%s",
	    sess.form_cookie, fid, sess.attrs));
	sodium_memzero(fid, sizeof(fid));
	return ok;
}

/* 1 if the request sent a cookie called name, well-formed or not. */
static int
sess_has_cookie(const struct request *r, const char *name)
{
	size_t	 i;

	for (i = 0; i < r->cookies.n; i++)
		if (strcmp(r->cookies.v[i].key, name) == 0)
			return 1;
	return 0;
}

/* Signs user_id in: the old session (if any) is deleted and a new id
 * issued, so that an id known before sign-in is worth nothing after; the
 * anonymous form cookie goes too. */
int
sess_login(struct request *r, uint64_t user_id)
{
	if (r->sess != NULL && !r->sess->anon && db_exec(r->db,
	    STMT_SESS_DELETE, NULL, NULL, "s", r->sess->id_hash) != DB_OK)
		return 0;
	if (sess_has_cookie(r, sess.form_cookie) && !resp_header(r,
	    "Set-Cookie", arena_printf(r->a, "%s=%s; Max-Age=0",
	    sess.form_cookie, sess.attrs)))
		return 0;
	r->sess = NULL;
	if (sess_create(r, user_id))
		return 1;
	/* No session: nobody is signed in, whatever the page says next. */
	r->user = NULL;
	return 0;
}

int
sess_logout(struct request *r)
{
	if (r->sess != NULL && !r->sess->anon && db_exec(r->db,
	    STMT_SESS_DELETE, NULL, NULL, "s", r->sess->id_hash) != DB_OK)
		return 0;
	r->sess = NULL;
	r->user = NULL;
	return sess_cookie_clear(r);
}

/* Ends every session of the signed-in user but this one. */
int
sess_end_others(struct request *r)
{
	return r->user != NULL && r->sess != NULL && account_end_sessions(r->db,
	    r->user->id, r->sess->id_hash) == DB_OK;
}

/* 1 if the request was sent to a unit's host name (unit_hosts) from a
 * page of that same name: Origin is scheme://host, or scheme://host:port
 * with the port of base_url (a dev or test stack serves every name on
 * one port).  The scheme is https exactly when [site] https is set. */
static int
sess_origin_unit(const struct request *r)
{
	struct row_UNIT_BY_HOST	 v;
	const char		*h = r->origin;
	size_t			 n;

	if (r->host == NULL || *r->host == '\0' ||
	    strncmp(h, sess.scheme, strlen(sess.scheme)) != 0)
		return 0;
	h += strlen(sess.scheme);
	n = strlen(r->host);
	if (strncasecmp(h, r->host, n) != 0 ||
	    (h[n] != '\0' && strcmp(h + n, sess.port) != 0))
		return 0;
	return db_one(r->db, r->a, UNIT_BY_HOST, &v, "s", r->host) == DB_OK;
}

/* 1 if the browser's Origin is ours: base_url's, or a unit's host name
 * the request was sent to. */
static int
sess_origin_ok(const struct request *r)
{
	if (sess.origin[0] != '\0' && strcmp(r->origin, sess.origin) == 0)
		return 1;
	return sess_origin_unit(r);
}

/* The state-changing request carries the session's token, or for an
 * anonymous visitor the token of its fid cookie (form field "csrf" or
 * header X-CSRF-Token) and, when the browser says where it comes from,
 * comes from us.  Returns 1 when it may proceed. */
int
sess_csrf_ok(const struct request *r)
{
	const char	*given = r->val[KEY_CSRF].raw;

	if (r->origin != NULL && !sess_origin_ok(r))
		return 0;
	if (given == NULL)
		given = r->csrf_header;
	if (r->sess == NULL || given == NULL || strlen(given) != 64)
		return 0;
	return sodium_memcmp(given, r->sess->csrf, 64) == 0;
}

/* The browser's tnid cookie (a token), which binds a Thái Nguyên ID
 * sign-in to the browser that began it; NULL when it has none. */
const char *
sess_browser(const struct request *r)
{
	return sess_cookie(r, sess.browser_cookie);
}

/* Gives the browser a new tnid cookie, token, for a day. */
int
sess_browser_set(struct request *r, const char *token)
{
	return resp_header(r, "Set-Cookie", arena_printf(r->a,
	    "%s=%s%s; Max-Age=86400", sess.browser_cookie, token, sess.attrs));
}
