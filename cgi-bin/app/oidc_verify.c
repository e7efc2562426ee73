/* Verifying an ID token (app/oidc_verify.h): the header read by hand
 * (alg and kid decide which key, before any cryptography), the signature
 * by cjose, the claims by jansson, every check explicit and in the
 * issue's order.  Pure: the JWKS, the time and the expectations are
 * arguments. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjose/cjose.h>
#include <jansson.h>
#include <sodium.h>

#include "app/oidc_verify.h"
#include "core/arena.h"
#include "core/valid.h"

#define JWT_MAX		16384	/* bytes of a compact ID token */
#define SUB_MAX		255	/* bytes of sub (oidc_links.sub) */

/* The algorithms this module can verify, whatever the allow-list says,
 * and the key type each needs. */
static const struct {
	const char	*alg;
	const char	*kty;
	const char	*crv;		/* EC only */
} oidc_algs[] = {
	{ "RS256", "RSA", NULL },
	{ "ES256", "EC", "P-256" },
};

/* Why a token was refused: the name logs carry (oidc_check), and what
 * the resident reads. */
static const char *const oidc_checks[OIDC_CHECK__MAX][2] = {
	[OIDC_OK] = { "ok", "" },
	[OIDC_MALFORMED] = { "malformed", "Mã xác thực (ID token) không đúng "
	    "định dạng." },
	[OIDC_ALG] = { "alg", "Mã xác thực được ký bằng thuật toán không được "
	    "chấp nhận." },
	[OIDC_NOKEY] = { "nokey", "Không tìm thấy khoá ký của mã xác thực." },
	[OIDC_SIG] = { "signature", "Chữ ký của mã xác thực không hợp lệ." },
	[OIDC_ISS] = { "iss", "Mã xác thực không do Thái Nguyên ID cấp." },
	[OIDC_AUD] = { "aud", "Mã xác thực không cấp cho cổng này." },
	[OIDC_AZP] = { "azp", "Mã xác thực không cấp cho cổng này (bên được "
	    "cấp quyền)." },
	[OIDC_EXP] = { "exp", "Mã xác thực đã hết hạn." },
	[OIDC_IAT] = { "iat", "Thời điểm cấp mã xác thực không hợp lệ." },
	[OIDC_NONCE] = { "nonce", "Mã xác thực không thuộc lần đăng nhập này "
	    "hoặc đã được dùng." },
	[OIDC_SUB] = { "sub", "Mã xác thực không cho biết người dùng." },
};

const char *
oidc_check_name(enum oidc_check c)
{
	return (unsigned)c < OIDC_CHECK__MAX ? oidc_checks[c][0] : "?";
}

const char *
oidc_check_msg(enum oidc_check c)
{
	return (unsigned)c < OIDC_CHECK__MAX ? oidc_checks[c][1] : "";
}

/* 1 if word is one of the comma-separated list. */
static int
oidc_listed(const char *list, const char *word)
{
	size_t	 n = strlen(word);
	const char *p;

	for (p = list; p != NULL && *p != '\0'; p += strcspn(p, ",")) {
		p += strspn(p, ", ");
		if (strncmp(p, word, n) == 0 && (p[n] == ',' || p[n] == ' ' ||
		    p[n] == '\0'))
			return 1;
	}
	return 0;
}

/* 1 if the n bytes of s are unpadded base64url that decodes: cjose's
 * decoder aborts the process (assert) on some that do not, so that
 * nothing else ever reaches it. */
static int
oidc_b64url_ok(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' &&
		    s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '-' || s[i] == '_'))
			return 0;
	return n % 4 != 1;
}

/* The JSON object a base64url part of n bytes holds, or NULL (the
 * caller decrefs). */
static json_t *
oidc_part(struct arena *a, const char *s, size_t n)
{
	unsigned char	*bin = arena_alloc(a, n + 1);
	size_t		 len = 0;
	json_t		*j;

	if (sodium_base642bin(bin, n, s, n, NULL, &len, NULL,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
		return NULL;
	j = json_loadb((const char *)bin, len, JSON_REJECT_DUPLICATES, NULL);
	if (j != NULL && !json_is_object(j)) {
		json_decref(j);
		j = NULL;
	}
	return j;
}

/* The index in oidc_algs of the header's alg when it is allowed, else -1:
 * "none", an HMAC and anything unknown never are. */
static int
oidc_alg(json_t *hdr, const char *allowed)
{
	const char	*alg = json_string_value(json_object_get(hdr, "alg"));
	size_t		 i;

	if (alg == NULL || json_object_get(hdr, "crit") != NULL)
		return -1;
	for (i = 0; i < sizeof(oidc_algs) / sizeof(oidc_algs[0]); i++)
		if (strcmp(alg, oidc_algs[i].alg) == 0 &&
		    oidc_listed(allowed, alg))
			return (int)i;
	return -1;
}

/* 1 if JWK k may verify algorithm alg (an index of oidc_algs) for a
 * token whose kid is kid (NULL: none given). */
static int
oidc_key_fits(json_t *k, int alg, const char *kid)
{
	const char	*use = json_string_value(json_object_get(k, "use"));
	const char	*kalg = json_string_value(json_object_get(k, "alg"));
	const char	*kty = json_string_value(json_object_get(k, "kty"));
	const char	*kkid = json_string_value(json_object_get(k, "kid"));
	const char	*crv = json_string_value(json_object_get(k, "crv"));

	if (kty == NULL || strcmp(kty, oidc_algs[alg].kty) != 0 ||
	    (use != NULL && strcmp(use, "sig") != 0) ||
	    (kalg != NULL && strcmp(kalg, oidc_algs[alg].alg) != 0))
		return 0;
	if (oidc_algs[alg].crv != NULL && (crv == NULL ||
	    strcmp(crv, oidc_algs[alg].crv) != 0))
		return 0;
	return kid == NULL || (kkid != NULL && strcmp(kid, kkid) == 0);
}

/* The JWK of the JWKS text that fits alg and kid: the one with that kid,
 * or without a kid in the token the only key that fits.  NULL: none (or
 * several).  The caller releases it. */
static cjose_jwk_t *
oidc_key(const char *jwks, int alg, const char *kid)
{
	json_t		*set = json_loads(jwks, JSON_REJECT_DUPLICATES, NULL);
	json_t		*keys = json_object_get(set, "keys"), *k, *found = NULL;
	cjose_jwk_t	*jwk = NULL;
	cjose_err	 err;
	size_t		 i, n = 0;
	char		*text = NULL;

	json_array_foreach(keys, i, k)
		if (json_is_object(k) && oidc_key_fits(k, alg, kid)) {
			found = k;
			n++;
		}
	if (n != 1 || (text = json_dumps(found, JSON_COMPACT)) == NULL)
		goto out;
	jwk = cjose_jwk_import(text, strlen(text), &err);
out:
	free(text);
	json_decref(set);
	return jwk;
}

/* Checks the signature of jwt with the key of jwks its header names.
 * *claims gets the payload (the caller decrefs) when OIDC_OK. */
static enum oidc_check
oidc_signature(struct arena *a, const char *jwt, const char *jwks,
    const char *algs, json_t **claims)
{
	const char	*dot1 = strchr(jwt, '.'), *dot2;
	json_t		*hdr = NULL;
	cjose_jwk_t	*jwk = NULL;
	cjose_jws_t	*jws = NULL;
	cjose_err	 err;
	uint8_t		*pt = NULL;
	size_t		 ptlen = 0;
	enum oidc_check	 c = OIDC_MALFORMED;
	int		 alg;

	dot2 = dot1 ? strchr(dot1 + 1, '.') : NULL;
	if (dot2 == NULL || strchr(dot2 + 1, '.') != NULL ||
	    !oidc_b64url_ok(jwt, (size_t)(dot1 - jwt)) || (hdr =
	    oidc_part(a, jwt, (size_t)(dot1 - jwt))) == NULL)
		goto out;
	c = OIDC_ALG;
	if ((alg = oidc_alg(hdr, algs)) < 0)
		goto out;
	c = OIDC_MALFORMED;
	if (dot2[1] == '\0' || !oidc_b64url_ok(dot1 + 1,
	    (size_t)(dot2 - dot1 - 1)) || !oidc_b64url_ok(dot2 + 1,
	    strlen(dot2 + 1)))
		goto out;	/* no signature, or not base64url */
	c = OIDC_NOKEY;
	if ((jwk = oidc_key(jwks, alg, json_string_value(json_object_get(hdr,
	    "kid")))) == NULL)
		goto out;
	c = OIDC_SIG;
	if ((jws = cjose_jws_import(jwt, strlen(jwt), &err)) == NULL ||
	    !cjose_jws_verify(jws, jwk, &err) ||
	    !cjose_jws_get_plaintext(jws, &pt, &ptlen, &err))
		goto out;
	c = OIDC_MALFORMED;
	*claims = json_loadb((const char *)pt, ptlen, JSON_REJECT_DUPLICATES,
	    NULL);
	if (*claims != NULL && json_is_object(*claims))
		c = OIDC_OK;
	else if (*claims != NULL) {
		json_decref(*claims);
		*claims = NULL;
	}
out:
	if (jws != NULL)
		cjose_jws_release(jws);
	if (jwk != NULL)
		cjose_jwk_release(jwk);
	json_decref(hdr);
	return c;
}

/* aud holds client_id (a string, or an array of strings); azp equals it
 * when present, and must be present with several audiences. */
static enum oidc_check
oidc_audience(json_t *claims, const char *client_id)
{
	json_t		*aud = json_object_get(claims, "aud"), *v;
	json_t		*azp = json_object_get(claims, "azp");
	size_t		 i, n = 1;
	int		 ours = 0;

	if (json_is_string(aud))
		ours = strcmp(json_string_value(aud), client_id) == 0;
	else if (json_is_array(aud)) {
		n = json_array_size(aud);
		json_array_foreach(aud, i, v)
			ours |= json_is_string(v) &&
			    strcmp(json_string_value(v), client_id) == 0;
	}
	if (!ours)
		return OIDC_AUD;
	if (azp != NULL ? !json_is_string(azp) ||
	    strcmp(json_string_value(azp), client_id) != 0 : n > 1)
		return OIDC_AZP;
	return OIDC_OK;
}

/* exp in the future and iat neither in the future nor too old, both
 * within skew. */
static enum oidc_check
oidc_times(json_t *claims, const struct oidc_expect *x)
{
	json_t	*exp = json_object_get(claims, "exp");
	json_t	*iat = json_object_get(claims, "iat");
	double	 now = (double)x->now;

	if (!json_is_number(exp) || json_number_value(exp) + (double)x->skew <=
	    now)
		return OIDC_EXP;
	if (!json_is_number(iat) || json_number_value(iat) > now +
	    (double)x->skew || json_number_value(iat) < now -
	    (double)x->skew - (double)x->max_age)
		return OIDC_IAT;
	return OIDC_OK;
}

/* The claims of a verified signature, in order. */
static enum oidc_check
oidc_claims(json_t *claims, const struct oidc_expect *x)
{
	const char	*iss = json_string_value(json_object_get(claims,
			    "iss"));
	const char	*nonce = json_string_value(json_object_get(claims,
			    "nonce"));
	const char	*sub = json_string_value(json_object_get(claims,
			    "sub"));
	enum oidc_check	 c;

	if (iss == NULL || strcmp(iss, x->issuer) != 0)
		return OIDC_ISS;
	if ((c = oidc_audience(claims, x->client_id)) != OIDC_OK ||
	    (c = oidc_times(claims, x)) != OIDC_OK)
		return c;
	if (nonce == NULL || x->nonce == NULL ||
	    strlen(nonce) != strlen(x->nonce) ||
	    sodium_memcmp(nonce, x->nonce, strlen(nonce)) != 0)
		return OIDC_NONCE;
	if (sub == NULL || *sub == '\0' || strlen(sub) > SUB_MAX ||
	    !valid_utf8(sub, strlen(sub)))
		return OIDC_SUB;
	return OIDC_OK;
}

static void
oidc_json_free(void *j)
{
	json_decref(j);
}

/* Verifies the compact ID token jwt against the JWKS text jwks and x.
 * *claims gets its claims (arena-owned: released with a) when OIDC_OK,
 * else NULL.  OIDC_NOKEY asks the caller to fetch the JWKS again (the
 * provider may have rotated its keys) before refusing. */
enum oidc_check
oidc_verify(struct arena *a, const char *jwt, const char *jwks,
    const struct oidc_expect *x, json_t **claims)
{
	enum oidc_check	 c;
	json_t		*j = NULL;

	*claims = NULL;
	if (jwt == NULL || jwks == NULL || strlen(jwt) > JWT_MAX)
		return OIDC_MALFORMED;
	if ((c = oidc_signature(a, jwt, jwks, x->algs, &j)) != OIDC_OK)
		return c;
	arena_defer(a, oidc_json_free, j);
	if ((c = oidc_claims(j, x)) == OIDC_OK)
		*claims = j;
	return c;
}

/* The first of the comma-separated claim names that claims holds as a
 * non-empty string, or NULL.  The string is the claims' own. */
const char *
oidc_claim_str(json_t *claims, const char *names)
{
	const char	*p, *v;
	char		 name[64];
	size_t		 n;

	for (p = names; p != NULL && *p != '\0'; p += n) {
		p += strspn(p, ", ");
		n = strcspn(p, ", ");
		if (n == 0 || n >= sizeof(name))
			continue;
		memcpy(name, p, n);
		name[n] = '\0';
		v = json_string_value(json_object_get(claims, name));
		if (v != NULL && *v != '\0')
			return v;
	}
	return NULL;
}
