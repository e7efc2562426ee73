/* Talking to the OpenID provider (app/oidc.h).  The discovery document
 * and the JWKS are cached per process behind one mutex: fetched at
 * start-up in the master (its workers inherit them), again when the JWKS
 * expires (its Cache-Control max-age, bounded) or names no key for a
 * token's kid (at most every jwks_refresh seconds), and, after a failure,
 * not before retry seconds have passed, so that a provider that is down
 * is not asked by every request. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>
#include <jansson.h>
#include <sodium.h>

#include "app/oidc.h"
#include "app/oidc_verify.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/log.h"
#include "core/text.h"
#include "core/valid.h"

#define DISCOVERY	"/.well-known/openid-configuration"
#define RETRY_AFTER	5	/* seconds between attempts after a failure */

/* [tnid] settings, read by oidc_init; strings live as long as the
 * configuration. */
static struct {
	const char	*issuer, *client_id, *client_secret, *scopes;
	const char	*acr_values, *algs, *auth_method;
	const char	*claim_id, *claim_name, *claim_phone, *claim_email;
	long		 skew, max_age, timeout_ms, max_bytes, jwks_refresh;
	long		 state_ttl;
	int		 require_iss, allow_http;
	char		 redirect_uri[600], post_logout_uri[600];
} conf;

/* The provider's endpoints and keys, per process. */
static struct {
	pthread_mutex_t	 lock;
	int		 have;		/* the discovery document is read */
	int		 iss_param;	/* it promises iss in answers (9207) */
	char		*authorize, *token, *userinfo, *jwks_uri, *end_session;
	char		*jwks;		/* text of the JWKS, or NULL */
	time_t		 jwks_expires, jwks_fetched, failed;
} cache = { .lock = PTHREAD_MUTEX_INITIALIZER };

static const char *const oidc_errs[OIDC_E__MAX] = {
	[OIDC_E_OK] = "",
	[OIDC_E_OFF] = "Đăng nhập bằng Thái Nguyên ID chưa được cấu hình trên "
	    "cổng này.",
	[OIDC_E_DOWN] = "Không kết nối được với Thái Nguyên ID lúc này. Vui "
	    "lòng thử lại sau ít phút, hoặc đăng nhập bằng số điện thoại và "
	    "mật khẩu.",
	[OIDC_E_REFUSED] = "Thái Nguyên ID không chấp nhận yêu cầu đăng nhập "
	    "này (mã cấp quyền không hợp lệ hoặc đã dùng). Vui lòng đăng nhập "
	    "lại.",
	[OIDC_E_TOKEN] = "Mã xác thực nhận từ Thái Nguyên ID không hợp lệ.",
	[OIDC_E_USERINFO] = "Thông tin người dùng nhận từ Thái Nguyên ID không "
	    "khớp với mã xác thực.",
};

const char *
oidc_err_msg(enum oidc_err e)
{
	return (unsigned)e < OIDC_E__MAX ? oidc_errs[e] : "";
}

/* A body being received, at most conf.max_bytes. */
struct oidc_buf {
	char	*p;
	size_t	 n;
	long	 max_age;	/* Cache-Control max-age, or -1 */
};

static size_t
oidc_write(char *data, size_t size, size_t n, void *arg)
{
	struct oidc_buf	*b = arg;
	size_t		 len = size * n;

	if (b->n + len > (size_t)conf.max_bytes)
		return 0;	/* too large: the transfer fails */
	b->p = xrealloc(b->p, b->n + len + 1);
	memcpy(b->p + b->n, data, len);
	b->n += len;
	b->p[b->n] = '\0';
	return len;
}

/* Notes the max-age of a Cache-Control header line. */
static size_t
oidc_header(char *data, size_t size, size_t n, void *arg)
{
	struct oidc_buf	*b = arg;
	size_t		 len = size * n;
	char		 line[256];
	const char	*p;

	if (len >= 14 && len < sizeof(line) && strncasecmp(data,
	    "cache-control:", 14) == 0) {
		memcpy(line, data, len);
		line[len] = '\0';
		if ((p = strstr(line, "max-age=")) != NULL)
			b->max_age = strtol(p + 8, NULL, 10);
	}
	return len;
}

/* s form-urlencoded, in a. */
static const char *
oidc_esc(struct arena *a, const char *s)
{
	char	*e = curl_easy_escape(NULL, s, 0);
	char	*out = arena_strdup(a, e ? e : "");

	curl_free(e);
	return out;
}

/* The options every request to the provider has. */
static int
oidc_curl_setup(CURL *h, const char *url, struct oidc_buf *b, char *ebuf)
{
	int	 bad = 0;

	bad |= curl_easy_setopt(h, CURLOPT_ERRORBUFFER, ebuf) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_URL, url) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, conf.allow_http ?
	    "http,https" : "https") != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, conf.timeout_ms) !=
	    CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
	    conf.timeout_ms) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, oidc_write) !=
	    CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_WRITEDATA, b) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, oidc_header) !=
	    CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_HEADERDATA, b) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_USERAGENT, "ward-portal") !=
	    CURLE_OK;
	return !bad;
}

/* One request to the provider: GET url, or POST form (urlencoded) with
 * the client's credentials (client_secret_basic, else in the form), or
 * with a bearer token.  *body gets the answer (arena) when the status is
 * 2xx, *status the status.  OIDC_E_DOWN when nothing usable came back
 * within the timeout and size; the error is logged without secrets. */
static enum oidc_err
oidc_http(struct arena *a, const char *url, const char *form,
    const char *bearer, char **body, long *status, long *max_age)
{
	struct oidc_buf		 b = { NULL, 0, -1 };
	struct curl_slist	*hdrs = NULL;
	char			 ebuf[CURL_ERROR_SIZE] = "";
	CURL			*h = NULL;
	CURLcode		 rc;
	enum oidc_err		 e = OIDC_E_DOWN;

	*status = 0;
	if ((h = curl_easy_init()) == NULL || !oidc_curl_setup(h, url, &b,
	    ebuf))
		goto out;
	hdrs = curl_slist_append(hdrs, "Accept: application/json");
	if (bearer != NULL)
		hdrs = curl_slist_append(hdrs, arena_printf(a,
		    "Authorization: Bearer %s", bearer));
	if (form != NULL && strcmp(conf.auth_method, "client_secret_basic") ==
	    0) {
		curl_easy_setopt(h, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
		/* RFC 6749 2.3.1: each form-urlencoded, then joined. */
		curl_easy_setopt(h, CURLOPT_USERNAME, oidc_esc(a,
		    conf.client_id));
		curl_easy_setopt(h, CURLOPT_PASSWORD, oidc_esc(a,
		    conf.client_secret));
	}
	if (form != NULL)
		curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, form);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
	if ((rc = curl_easy_perform(h)) != CURLE_OK) {
		LOGW("%s: %s", url, ebuf[0] ? ebuf : curl_easy_strerror(rc));
		goto out;
	}
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, status);
	if (*status >= 500 || *status < 200) {
		LOGW("%s answered %ld", url, *status);
		goto out;
	}
	*body = arena_strdup(a, b.p ? b.p : "");
	if (max_age != NULL)
		*max_age = b.max_age;
	e = OIDC_E_OK;
out:
	curl_slist_free_all(hdrs);
	if (h != NULL)
		curl_easy_cleanup(h);
	free(b.p);
	return e;
}

/* The URL given is https (or http when allowed), one line. */
static int
oidc_url_ok(const char *u)
{
	return u != NULL && valid_line(u, strlen(u), 1000) &&
	    (strncmp(u, "https://", 8) == 0 || (conf.allow_http &&
	    strncmp(u, "http://", 7) == 0));
}

/* Sets *dst (freeing what it held) to a copy of the discovery document's
 * field name when it is a usable URL, else NULL (and *bad set when the
 * field is required). */
static void
oidc_endpoint(char **dst, json_t *doc, const char *name, int required,
    int *bad)
{
	const char	*u = json_string_value(json_object_get(doc, name));

	free(*dst);
	*dst = oidc_url_ok(u) ? xstrdup(u) : NULL;
	if (*dst == NULL && required)
		*bad = 1;
}

/* Reads the discovery document; under the lock.  Returns 1/0. */
static int
oidc_discover(struct arena *a)
{
	json_t		*doc = NULL;
	char		*body = NULL;
	long		 status;
	int		 bad = 0;
	const char	*iss;

	if (oidc_http(a, arena_printf(a, "%s%s", conf.issuer, DISCOVERY),
	    NULL, NULL, &body, &status, NULL) != OIDC_E_OK || status != 200 ||
	    (doc = json_loads(body, JSON_REJECT_DUPLICATES, NULL)) == NULL)
		goto out;
	iss = json_string_value(json_object_get(doc, "issuer"));
	if (iss == NULL || strcmp(iss, conf.issuer) != 0) {
		LOGE("the discovery document names another issuer");
		goto out;
	}
	oidc_endpoint(&cache.authorize, doc, "authorization_endpoint", 1, &bad);
	oidc_endpoint(&cache.token, doc, "token_endpoint", 1, &bad);
	oidc_endpoint(&cache.jwks_uri, doc, "jwks_uri", 1, &bad);
	oidc_endpoint(&cache.userinfo, doc, "userinfo_endpoint", 1, &bad);
	oidc_endpoint(&cache.end_session, doc, "end_session_endpoint", 0, &bad);
	cache.iss_param = json_is_true(json_object_get(doc,
	    "authorization_response_iss_parameter_supported"));
	cache.have = !bad;
	if (bad)
		LOGE("the discovery document lacks an endpoint, or one is not "
		    "https");
out:
	json_decref(doc);
	return cache.have;
}

/* Fetches the JWKS; under the lock.  Returns 1/0. */
static int
oidc_jwks_fetch(struct arena *a)
{
	char	*body = NULL;
	long	 status, max_age = -1;
	json_t	*j;

	cache.jwks_fetched = time(NULL);
	if (oidc_http(a, cache.jwks_uri, NULL, NULL, &body, &status,
	    &max_age) != OIDC_E_OK || status != 200)
		return 0;
	if ((j = json_loads(body, 0, NULL)) == NULL ||
	    !json_is_array(json_object_get(j, "keys"))) {
		json_decref(j);
		LOGE("the provider's JWKS is not a key set");
		return 0;
	}
	json_decref(j);
	free(cache.jwks);
	cache.jwks = xstrdup(body);
	if (max_age < 60 || max_age > 86400)
		max_age = max_age < 60 ? 60 : 86400;
	cache.jwks_expires = cache.jwks_fetched + max_age;
	return 1;
}

/* Makes sure of the discovery document and a JWKS not expired (or, with
 * refresh, fetched again unless it was within jwks_refresh seconds); under
 * the lock.  Returns 1/0. */
static int
oidc_ready(struct arena *a, int refresh)
{
	time_t	 now = time(NULL);

	if (cache.failed != 0 && now - cache.failed < RETRY_AFTER)
		return 0;
	if ((!cache.have && !oidc_discover(a)) ||
	    ((cache.jwks == NULL || now >= cache.jwks_expires || (refresh &&
	    now - cache.jwks_fetched >= conf.jwks_refresh)) &&
	    !oidc_jwks_fetch(a) && cache.jwks == NULL)) {
		cache.failed = now;
		return 0;
	}
	cache.failed = 0;
	return 1;
}

/* Copies of the endpoints and keys in a, after oidc_ready(refresh).  The
 * cache may change once the lock is released. */
struct oidc_view {
	const char	*authorize, *token, *userinfo, *end_session, *jwks;
};

static int
oidc_view(struct arena *a, int refresh, struct oidc_view *v)
{
	int	 ok;

	pthread_mutex_lock(&cache.lock);
	if ((ok = oidc_ready(a, refresh))) {
		v->authorize = arena_strdup(a, cache.authorize);
		v->token = arena_strdup(a, cache.token);
		v->userinfo = arena_strdup(a, cache.userinfo);
		v->end_session = cache.end_session ? arena_strdup(a,
		    cache.end_session) : NULL;
		v->jwks = arena_strdup(a, cache.jwks);
	}
	pthread_mutex_unlock(&cache.lock);
	return ok;
}

/* Reads [tnid]; with an issuer, reads the provider's discovery document
 * and JWKS too (a provider that is down is tried again at the first
 * sign-in).  Call once in the master, before workers start.  Returns 1/0
 * (0: the settings are wrong). */
int
oidc_init(void)
{
	const char	*base = cfg_str("site", "base_url", "");
	struct arena	*a;

	conf.issuer = cfg_str("tnid", "issuer", "");
	conf.client_id = cfg_str("tnid", "client_id", "");
	conf.client_secret = cfg_str("tnid", "client_secret", "");
	conf.scopes = cfg_str("tnid", "scopes", "profile phone email");
	conf.acr_values = cfg_str("tnid", "acr_values", "");
	conf.algs = cfg_str("tnid", "algorithms", "RS256,ES256");
	conf.auth_method = cfg_str("tnid", "auth_method",
	    "client_secret_basic");
	conf.claim_id = cfg_str("tnid", "claim_id_number", "SoDinhDanh");
	conf.claim_name = cfg_str("tnid", "claim_name", "HoVaTen,name");
	conf.claim_phone = cfg_str("tnid", "claim_phone",
	    "SoDienThoai,phone_number");
	conf.claim_email = cfg_str("tnid", "claim_email", "ThuDienTu,email");
	conf.skew = cfg_int("tnid", "clock_skew", 60, 0, 600);
	conf.max_age = cfg_int("tnid", "token_max_age", 600, 60, 86400);
	conf.timeout_ms = cfg_int("tnid", "timeout_ms", 5000, 100, 60000);
	conf.max_bytes = cfg_int("tnid", "max_bytes", 262144, 4096, 4194304);
	conf.jwks_refresh = cfg_int("tnid", "jwks_refresh", 10, 0, 3600);
	conf.state_ttl = cfg_int("tnid", "state_ttl", 600, 60, 3600);
	conf.require_iss = cfg_bool("tnid", "require_iss", 0);
	conf.allow_http = cfg_bool("tnid", "allow_http", 0);
	snprintf(conf.redirect_uri, sizeof(conf.redirect_uri),
	    "%.500s/auth/tnid/callback", base);
	snprintf(conf.post_logout_uri, sizeof(conf.post_logout_uri), "%.500s/",
	    base);
	if (!oidc_enabled())
		return 1;
	if (!oidc_url_ok(conf.issuer) || *conf.client_id == '\0' ||
	    (strcmp(conf.auth_method, "client_secret_basic") != 0 &&
	    strcmp(conf.auth_method, "client_secret_post") != 0)) {
		LOGE("[tnid] issuer must be an https URL (or http with "
		    "allow_http), client_id set, auth_method client_secret_basic "
		    "or client_secret_post");
		return 0;
	}
	a = arena_new();
	pthread_mutex_lock(&cache.lock);
	if (!oidc_ready(a, 0))
		LOGW("Thái Nguyên ID (%s) does not answer; tried again at the "
		    "first sign-in", conf.issuer);
	cache.failed = 0;
	pthread_mutex_unlock(&cache.lock);
	arena_free(a);
	return 1;
}

int
oidc_enabled(void)
{
	return conf.issuer != NULL && *conf.issuer != '\0';
}

const char *
oidc_issuer(void)
{
	return conf.issuer;
}

/* 1 when a callback must carry iss: [tnid] require_iss, or the provider
 * announces that it sends it (RFC 9207 2.4: then an answer without it is
 * not the provider's). */
int
oidc_iss_required(void)
{
	int	 promised;

	pthread_mutex_lock(&cache.lock);
	promised = cache.iss_param;
	pthread_mutex_unlock(&cache.lock);
	return conf.require_iss || promised;
}

long
oidc_state_ttl(void)
{
	return conf.state_ttl;
}

/* The PKCE S256 challenge of verifier: base64url(SHA-256). */
static const char *
oidc_challenge(struct arena *a, const char *verifier)
{
	unsigned char	 h[crypto_hash_sha256_BYTES];
	char		*out = arena_alloc(a, sodium_base64_ENCODED_LEN(sizeof(h),
			    sodium_base64_VARIANT_URLSAFE_NO_PADDING));

	crypto_hash_sha256(h, (const unsigned char *)verifier,
	    strlen(verifier));
	return sodium_bin2base64(out, sodium_base64_ENCODED_LEN(sizeof(h),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING), h, sizeof(h),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

/* The provider's authorization URL for a sign-in with state, nonce and
 * the PKCE verifier's challenge, into *url (arena). */
enum oidc_err
oidc_auth_url(struct arena *a, const char *state, const char *nonce,
    const char *verifier, char **url)
{
	struct oidc_view	 v;
	const char		*scope;

	if (!oidc_enabled())
		return OIDC_E_OFF;
	if (!oidc_view(a, 0, &v))
		return OIDC_E_DOWN;
	scope = *conf.scopes ? arena_printf(a, "openid %s", conf.scopes) :
	    "openid";
	*url = arena_printf(a, "%s%cresponse_type=code&client_id=%s&"
	    "redirect_uri=%s&scope=%s&state=%s&nonce=%s&code_challenge=%s&"
	    "code_challenge_method=S256%s%s", v.authorize,
	    strchr(v.authorize, '?') ? '&' : '?', oidc_esc(a, conf.client_id),
	    oidc_esc(a, conf.redirect_uri), oidc_esc(a, scope), state, nonce,
	    oidc_challenge(a, verifier), *conf.acr_values ? "&acr_values=" :
	    "", *conf.acr_values ? oidc_esc(a, conf.acr_values) : "");
	return OIDC_E_OK;
}

/* Verifies the ID token against the cached JWKS, and once more against
 * a fresh one when no key fits its kid (the provider rotated its keys). */
static enum oidc_check
oidc_check_token(struct arena *a, const char *jwt, const char *nonce,
    const char *jwks, json_t **claims)
{
	struct oidc_expect	 x = { conf.issuer, conf.client_id, nonce,
				    conf.algs, (int64_t)time(NULL), conf.skew,
				    conf.max_age };
	struct oidc_view	 v;
	enum oidc_check		 c;

	c = oidc_verify(a, jwt, jwks, &x, claims);
	if (c == OIDC_NOKEY && oidc_view(a, 1, &v) && strcmp(v.jwks, jwks) !=
	    0)
		c = oidc_verify(a, jwt, v.jwks, &x, claims);
	return c;
}

/* Exchanges code (with the PKCE verifier) at the token endpoint and
 * checks the ID token (nonce: the login's).  Fills id's sub, id_token,
 * nonce, access_token and the claims the token carries; *check says why
 * a token was refused (OIDC_E_TOKEN). */
enum oidc_err
oidc_token(struct arena *a, const char *code, const char *verifier,
    const char *nonce, struct oidc_identity *id, enum oidc_check *check)
{
	struct oidc_view	 v;
	const char		*form;
	char			*body = NULL;
	json_t			*ans = NULL, *claims = NULL;
	long			 status;
	enum oidc_err		 e;

	*check = OIDC_OK;
	if (!oidc_enabled())
		return OIDC_E_OFF;
	if (!oidc_view(a, 0, &v))
		return OIDC_E_DOWN;
	form = arena_printf(a, "grant_type=authorization_code&code=%s&"
	    "redirect_uri=%s&code_verifier=%s", oidc_esc(a, code),
	    oidc_esc(a, conf.redirect_uri), verifier);
	if (strcmp(conf.auth_method, "client_secret_post") == 0)
		form = arena_printf(a, "%s&client_id=%s&client_secret=%s", form,
		    oidc_esc(a, conf.client_id), oidc_esc(a,
		    conf.client_secret));
	if ((e = oidc_http(a, v.token, form, NULL, &body, &status, NULL)) !=
	    OIDC_E_OK)
		return e;
	e = OIDC_E_REFUSED;
	if (status != 200 || (ans = json_loads(body, JSON_REJECT_DUPLICATES,
	    NULL)) == NULL)
		goto out;
	id->id_token = arena_strdup(a, json_string_value(json_object_get(ans,
	    "id_token")) ? json_string_value(json_object_get(ans,
	    "id_token")) : "");
	id->access_token = json_string_value(json_object_get(ans,
	    "access_token")) ? arena_strdup(a, json_string_value(
	    json_object_get(ans, "access_token"))) : NULL;
	e = OIDC_E_TOKEN;
	if ((*check = oidc_check_token(a, id->id_token, nonce, v.jwks,
	    &claims)) != OIDC_OK)
		goto out;
	id->sub = json_string_value(json_object_get(claims, "sub"));
	id->nonce = json_string_value(json_object_get(claims, "nonce"));
	e = OIDC_E_OK;
out:
	json_decref(ans);
	return e;
}

/* claims' value for the comma-separated names, as one NFC line of at
 * most max characters, or NULL. */
static const char *
oidc_claim(struct arena *a, json_t *claims, const char *names, size_t max)
{
	const char	*v = oidc_claim_str(claims, names);
	char		*t;

	if (v == NULL || !valid_utf8(v, strlen(v)) ||
	    (t = text_trim(a, v, strlen(v))) == NULL ||
	    !valid_line(t, strlen(t), max) || *t == '\0')
		return NULL;
	return t;
}

/* Maps the claims to our fields: an ID number of 12 digits, a phone in
 * our national form, a lower-cased email, a name of 100 characters;
 * anything else is left out. */
static void
oidc_map(struct arena *a, json_t *claims, struct oidc_identity *id)
{
	const char	*s;
	char		*out;

	id->full_name = oidc_claim(a, claims, conf.claim_name, 100);
	if ((s = oidc_claim(a, claims, conf.claim_id, 20)) != NULL &&
	    valid_id_number(s, strlen(s)))
		id->id_number = s;
	out = arena_alloc(a, 11);
	if ((s = oidc_claim(a, claims, conf.claim_phone, 20)) != NULL &&
	    valid_phone(s, strlen(s), out))
		id->phone = out;
	if ((s = oidc_claim(a, claims, conf.claim_email, 254)) != NULL) {
		out = arena_alloc(a, strlen(s) + 1);
		if (valid_email(s, strlen(s), out, strlen(s) + 1))
			id->email = out;
	}
}

/* Fetches userinfo with the access token: its sub must be the ID
 * token's; its claims are mapped into id. */
enum oidc_err
oidc_userinfo(struct arena *a, struct oidc_identity *id)
{
	struct oidc_view	 v;
	char			*body = NULL;
	json_t			*claims = NULL;
	const char		*sub;
	long			 status;
	enum oidc_err		 e;

	if (!oidc_view(a, 0, &v))
		return OIDC_E_DOWN;
	if (id->access_token == NULL)
		return OIDC_E_USERINFO;
	if ((e = oidc_http(a, v.userinfo, NULL, id->access_token, &body,
	    &status, NULL)) != OIDC_E_OK)
		return e;
	e = OIDC_E_USERINFO;
	if (status != 200 || (claims = json_loads(body,
	    JSON_REJECT_DUPLICATES, NULL)) == NULL || !json_is_object(claims))
		goto out;
	sub = json_string_value(json_object_get(claims, "sub"));
	if (sub == NULL || strcmp(sub, id->sub) != 0) {
		LOGW("userinfo names another subject than the ID token");
		goto out;
	}
	oidc_map(a, claims, id);
	e = OIDC_E_OK;
out:
	json_decref(claims);
	return e;
}

/* The provider's sign-out URL with the ID token as hint and our
 * post-logout address, or NULL when it announces no end_session_endpoint
 * (or cannot be reached). */
char *
oidc_logout_url(struct arena *a, const char *id_token)
{
	struct oidc_view	 v;

	if (!oidc_enabled() || id_token == NULL || !oidc_view(a, 0, &v) ||
	    v.end_session == NULL)
		return NULL;
	return arena_printf(a, "%s%cid_token_hint=%s&post_logout_redirect_uri="
	    "%s&client_id=%s", v.end_session, strchr(v.end_session, '?') ? '&' :
	    '?', id_token, oidc_esc(a, conf.post_logout_uri), oidc_esc(a,
	    conf.client_id));
}
