/* The OpenID Connect relying party's side that talks to the provider
 * (Thái Nguyên ID, or any OpenID provider): its [tnid] settings, its
 * discovery document and JWKS (cached per process; the JWKS fetched again
 * on an unknown kid, at most every jwks_refresh seconds), the
 * authorization URL with PKCE, the code exchange and the ID token's
 * checks (app/oidc_verify.c), userinfo, the sign-out URL.  libcurl with
 * peer and host verified, HTTPS only unless allow_http, timeouts and a
 * size limit: a provider that is down costs a request at most
 * timeout_ms.  No database here: app/tnid.c keeps the state. */
#ifndef OIDC_H
#define OIDC_H
#include <stdint.h>

#include "app/oidc_verify.h"

struct arena;

enum oidc_err {
	OIDC_E_OK,
	OIDC_E_OFF,		/* no [tnid] issuer configured */
	OIDC_E_DOWN,		/* unreachable, slow, 5xx, too large */
	OIDC_E_REFUSED,		/* the token endpoint refused the code */
	OIDC_E_TOKEN,		/* the ID token failed a check (*check) */
	OIDC_E_USERINFO,	/* userinfo unusable, or another sub */
	OIDC_E__MAX
};

/* The resident as the provider describes them, mapped by [tnid] claim_*
 * (arena strings; NULL when not given). */
struct oidc_identity {
	const char	*sub;
	const char	*id_number;	/* SoDinhDanh: 12 digits, or NULL */
	const char	*full_name;
	const char	*phone;
	const char	*email;
	const char	*id_token;	/* the compact token, for sign-out */
	const char	*nonce;		/* the token's nonce, to spend */
	const char	*access_token;	/* for userinfo; never logged */
};

int		 oidc_init(void);
int		 oidc_enabled(void);
const char	*oidc_issuer(void);
int		 oidc_iss_required(void);
long		 oidc_state_ttl(void);
const char	*oidc_err_msg(enum oidc_err);
enum oidc_err	 oidc_auth_url(struct arena *, const char *state,
		    const char *nonce, const char *verifier, char **url);
enum oidc_err	 oidc_token(struct arena *, const char *code,
		    const char *verifier, const char *nonce,
		    struct oidc_identity *, enum oidc_check *);
enum oidc_err	 oidc_userinfo(struct arena *, struct oidc_identity *);
char		*oidc_logout_url(struct arena *, const char *id_token);

#endif
