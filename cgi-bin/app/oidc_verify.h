/* Verifying an OpenID Connect ID token: pure (no network, no database,
 * no clock of its own), so that every check is unit-tested with tokens
 * made in the test.  The signature is checked with cjose against a JWKS
 * given as text, the algorithm taken from an allow-list (RS256, ES256:
 * never "none", never an HMAC keyed with a public key), the key chosen by
 * kid; then the claims, in this order: iss, aud, azp, exp, iat, nonce,
 * sub. */
#ifndef OIDC_VERIFY_H
#define OIDC_VERIFY_H
#include <stdint.h>

#include <jansson.h>

struct arena;

/* What the token must say. */
struct oidc_expect {
	const char	*issuer;	/* iss, exactly */
	const char	*client_id;	/* in aud; azp when present */
	const char	*nonce;		/* the login's nonce */
	const char	*algs;		/* allowed, comma-separated */
	int64_t		 now;		/* UTC seconds */
	long		 skew;		/* clock difference allowed, seconds */
	long		 max_age;	/* iat at most this old (plus skew) */
};

enum oidc_check {
	OIDC_OK,
	OIDC_MALFORMED,		/* not a compact JWS of JSON parts */
	OIDC_ALG,		/* algorithm not allowed */
	OIDC_NOKEY,		/* no key of the JWKS fits (kid, type) */
	OIDC_SIG,		/* signature does not verify */
	OIDC_ISS,
	OIDC_AUD,
	OIDC_AZP,		/* azp wrong, or missing with several aud */
	OIDC_EXP,
	OIDC_IAT,
	OIDC_NONCE,
	OIDC_SUB,
	OIDC_CHECK__MAX
};

enum oidc_check	 oidc_verify(struct arena *, const char *jwt,
		    const char *jwks, const struct oidc_expect *,
		    json_t **claims);
const char	*oidc_check_name(enum oidc_check);
const char	*oidc_check_msg(enum oidc_check);
const char	*oidc_claim_str(json_t *, const char *names);

#endif
