/* Unit tests of app/oidc_verify.c: tokens made here with cjose (an KRSA
 * and an KEC key, a JWKS of their public halves), every refusal first,
 * then the tokens that pass. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjose/cjose.h>
#include <jansson.h>
#include <sodium.h>

#include "app/oidc_verify.h"
#include "core/arena.h"
#include "t.h"

#define ISS	"https://id.thainguyen.gov.vn"
#define CLIENT	"ward-portal"
#define NONCE	"n0nce-Of-this-login-AAAAAAAAAAAAAAAAAAAAAAA"
#define NOW	1800000000LL

static struct arena	*A;
static cjose_jwk_t	*KRSA, *KEC, *KRSA2;
static char		*JWKS;		/* public KRSA (kid r1) and KEC (e1) */
static char		*JWKS1;		/* only the KRSA key, no kid */

static const struct oidc_expect X = { ISS, CLIENT, NONCE, "RS256,ES256",
	NOW, 60, 600 };

/* The compact JWS of claims (JSON text) signed by jwk with alg, header
 * kid (NULL: none). */
static const char *
sign(cjose_jwk_t *jwk, const char *alg, const char *kid, const char *claims)
{
	cjose_header_t	*h = cjose_header_new(NULL);
	cjose_jws_t	*jws;
	const char	*out = NULL;

	cjose_header_set(h, CJOSE_HDR_ALG, alg, NULL);
	if (kid != NULL)
		cjose_header_set(h, CJOSE_HDR_KID, kid, NULL);
	jws = cjose_jws_sign(jwk, h, (const uint8_t *)claims, strlen(claims),
	    NULL);
	if (jws != NULL && cjose_jws_export(jws, &out, NULL))
		out = arena_strdup(A, out);
	if (jws != NULL)
		cjose_jws_release(jws);
	cjose_header_release(h);
	return out;
}

/* Claims with every field right but those overridden by extra (a JSON
 * object's members, "null" values dropping the claim). */
static const char *
claims(const char *extra)
{
	json_t	*c = json_pack("{s:s, s:s, s:s, s:I, s:I, s:s}", "iss", ISS,
		    "sub", "tnid-1", "aud", CLIENT, "exp", NOW + 300, "iat", NOW,
		    "nonce", NONCE);
	json_t	*e = extra ? json_loads(extra, 0, NULL) : NULL;
	const char *k;
	json_t	*v;
	char	*s;
	const char *out;

	json_object_foreach(e, k, v) {
		if (json_is_null(v))
			json_object_del(c, k);
		else
			json_object_set(c, k, v);
	}
	s = json_dumps(c, JSON_COMPACT);
	out = arena_strdup(A, s);
	free(s);
	json_decref(c);
	json_decref(e);
	return out;
}

static const char *
b64(const char *s)
{
	size_t	 n = sodium_base64_ENCODED_LEN(strlen(s),
		    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char	*out = arena_alloc(A, n);

	return sodium_bin2base64(out, n, (const unsigned char *)s, strlen(s),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

static enum oidc_check
verify(const char *jwt)
{
	json_t	*c;

	return oidc_verify(A, jwt, JWKS, &X, &c);
}

/* An KRSA-signed token with these claims changes. */
static enum oidc_check
rs(const char *extra)
{
	return verify(sign(KRSA, "RS256", "r1", claims(extra)));
}

/* ---- the token itself ---- */

static void
test_oidc_malformed(void)
{
	const char *good = sign(KRSA, "RS256", "r1", claims(NULL));

	CHECK_INT(verify(""), OIDC_MALFORMED);
	CHECK_INT(verify("abc"), OIDC_MALFORMED);
	CHECK_INT(verify("a.b"), OIDC_MALFORMED);
	CHECK_INT(verify("a.b.c.d"), OIDC_MALFORMED);
	CHECK_INT(verify(arena_printf(A, "%s.e30.", b64("{\"alg\":"))),
	    OIDC_MALFORMED);
	CHECK_INT(verify(arena_printf(A, "%s.e30.x", b64("[1]"))),
	    OIDC_MALFORMED);
	/* not base64url: cjose's own decoder would abort on these */
	CHECK_INT(verify(arena_printf(A, "%s.%s=x.%s", b64("{\"alg\":"
	    "\"RS256\",\"kid\":\"r1\"}"), b64("{\"iss\":\"h\"}"),
	    strrchr(good, '.') + 1)), OIDC_MALFORMED);
	CHECK_INT(verify(arena_printf(A, "%s.e30.abcde", b64("{\"alg\":"
	    "\"RS256\"}"))), OIDC_MALFORMED);
	CHECK_INT(verify(arena_printf(A, "%s.e30xx.abcd", b64("{\"alg\":"
	    "\"RS256\"}"))), OIDC_MALFORMED);
	/* a signature cut off */
	CHECK_INT(verify(arena_strndup(A, good, strrchr(good, '.') - good +
	    1)), OIDC_MALFORMED);
	{
		json_t *c;
		CHECK_INT(oidc_verify(A, NULL, JWKS, &X, &c), OIDC_MALFORMED);
		CHECK(c == NULL);
	}
}

static void
test_oidc_alg_none(void)
{
	const char *hdr = b64("{\"alg\":\"none\"}");
	const char *body = b64(claims(NULL));

	CHECK_INT(verify(arena_printf(A, "%s.%s.", hdr, body)), OIDC_ALG);
	CHECK_INT(verify(arena_printf(A, "%s.%s.x", hdr, body)), OIDC_ALG);
	CHECK_INT(verify(arena_printf(A, "%s.%s.x",
	    b64("{\"alg\":\"None\",\"kid\":\"r1\"}"), body)), OIDC_ALG);
}

/* The classic confusion: HS256 keyed with the KRSA public key's text. */
static void
test_oidc_hs256_public_key(void)
{
	char		*pub = cjose_jwk_to_json(KRSA, false, NULL);
	cjose_jwk_t	*oct = cjose_jwk_create_oct_spec((const uint8_t *)pub,
			    strlen(pub), NULL);

	CHECK(oct != NULL);
	CHECK_INT(verify(sign(oct, "HS256", "r1", claims(NULL))), OIDC_ALG);
	cjose_jwk_release(oct);
	free(pub);
}

static void
test_oidc_alg_not_allowed(void)
{
	struct oidc_expect	 x = X;
	json_t			*c;

	x.algs = "RS256";
	CHECK_INT(oidc_verify(A, sign(KEC, "ES256", "e1", claims(NULL)), JWKS,
	    &x, &c), OIDC_ALG);
	CHECK_INT(rs("{\"x\":1}") == OIDC_OK, 1);
	CHECK_INT(verify(sign(KRSA, "PS256", "r1", claims(NULL))), OIDC_ALG);
	CHECK_INT(verify(arena_printf(A, "%s.%s.x",
	    b64("{\"alg\":\"RS256\",\"kid\":\"r1\",\"crit\":[\"b64\"]}"),
	    b64(claims(NULL)))), OIDC_ALG);
}

static void
test_oidc_unknown_kid(void)
{
	CHECK_INT(verify(sign(KRSA2, "RS256", "r2", claims(NULL))),
	    OIDC_NOKEY);
	/* the KEC key's kid on an RS256 token: no key of that type */
	CHECK_INT(verify(sign(KRSA, "RS256", "e1", claims(NULL))), OIDC_NOKEY);
	/* no kid, two keys: the KRSA one is the only one that fits */
	CHECK_INT(verify(sign(KRSA, "RS256", NULL, claims(NULL))), OIDC_OK);
}

static void
test_oidc_signature_tampered(void)
{
	const char	*t = sign(KRSA, "RS256", "r1", claims(NULL));
	char		*bad = arena_strdup(A, t);
	const char	*dot = strchr(t, '.');

	/* another key with the same kid */
	CHECK_INT(verify(sign(KRSA2, "RS256", "r1", claims(NULL))), OIDC_SIG);
	/* a byte of the signature */
	bad[strlen(bad) - 5] = bad[strlen(bad) - 5] == 'A' ? 'B' : 'A';
	CHECK_INT(verify(bad), OIDC_SIG);
	/* another payload under the same signature */
	CHECK_INT(verify(arena_printf(A, "%.*s.%s%s", (int)(dot - t), t,
	    b64(claims("{\"sub\":\"someone-else\"}")), strrchr(t, '.'))),
	    OIDC_SIG);
}

/* ---- the claims ---- */

static void
test_oidc_wrong_iss(void)
{
	CHECK_INT(rs("{\"iss\":\"https://evil.example\"}"), OIDC_ISS);
	CHECK_INT(rs("{\"iss\":\"" ISS "/\"}"), OIDC_ISS);
	CHECK_INT(rs("{\"iss\":null}"), OIDC_ISS);
	CHECK_INT(rs("{\"iss\":1}"), OIDC_ISS);
}

static void
test_oidc_wrong_aud(void)
{
	CHECK_INT(rs("{\"aud\":\"other-client\"}"), OIDC_AUD);
	CHECK_INT(rs("{\"aud\":[\"other-client\"]}"), OIDC_AUD);
	CHECK_INT(rs("{\"aud\":null}"), OIDC_AUD);
	CHECK_INT(rs("{\"aud\":[]}"), OIDC_AUD);
	CHECK_INT(rs("{\"aud\":\"" CLIENT "x\"}"), OIDC_AUD);
}

static void
test_oidc_wrong_azp(void)
{
	CHECK_INT(rs("{\"aud\":[\"" CLIENT "\",\"other\"]}"), OIDC_AZP);
	CHECK_INT(rs("{\"aud\":[\"" CLIENT "\",\"other\"],\"azp\":\"other\"}"),
	    OIDC_AZP);
	CHECK_INT(rs("{\"azp\":\"other\"}"), OIDC_AZP);
	CHECK_INT(rs("{\"azp\":7}"), OIDC_AZP);
}

static void
test_oidc_expired(void)
{
	CHECK_INT(rs("{\"exp\":1799999000}"), OIDC_EXP);
	CHECK_INT(rs("{\"exp\":1799999940}"), OIDC_EXP);	/* now - skew */
	CHECK_INT(rs("{\"exp\":null}"), OIDC_EXP);
	CHECK_INT(rs("{\"exp\":\"1800000300\"}"), OIDC_EXP);
	CHECK_INT(rs("{\"exp\":1799999941}"), OIDC_OK);	/* within skew */
}

static void
test_oidc_iat(void)
{
	CHECK_INT(rs("{\"iat\":1800000061}"), OIDC_IAT);	/* future */
	CHECK_INT(rs("{\"iat\":1800086400}"), OIDC_IAT);
	CHECK_INT(rs("{\"iat\":1799999339}"), OIDC_IAT);	/* too old */
	CHECK_INT(rs("{\"iat\":null}"), OIDC_IAT);
	CHECK_INT(rs("{\"iat\":1800000060}"), OIDC_OK);
	CHECK_INT(rs("{\"iat\":1799999340}"), OIDC_OK);
}

static void
test_oidc_nonce(void)
{
	CHECK_INT(rs("{\"nonce\":\"other\"}"), OIDC_NONCE);
	CHECK_INT(rs("{\"nonce\":\"" NONCE "x\"}"), OIDC_NONCE);
	CHECK_INT(rs("{\"nonce\":null}"), OIDC_NONCE);
	CHECK_INT(rs("{\"nonce\":[\"" NONCE "\"]}"), OIDC_NONCE);
}

static void
test_oidc_sub(void)
{
	char	 big[300];

	CHECK_INT(rs("{\"sub\":null}"), OIDC_SUB);
	CHECK_INT(rs("{\"sub\":\"\"}"), OIDC_SUB);
	CHECK_INT(rs("{\"sub\":12}"), OIDC_SUB);
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	CHECK_INT(rs(arena_printf(A, "{\"sub\":\"%s\"}", big)), OIDC_SUB);
}

/* The checks come in order: a token wrong in several ways is refused for
 * the first. */
static void
test_oidc_order(void)
{
	CHECK_INT(rs("{\"iss\":\"x\",\"aud\":\"y\",\"exp\":1}"), OIDC_ISS);
	CHECK_INT(rs("{\"aud\":\"y\",\"exp\":1}"), OIDC_AUD);
	CHECK_INT(rs("{\"exp\":1,\"nonce\":\"z\"}"), OIDC_EXP);
	CHECK_INT(verify(sign(KRSA2, "RS256", "r1", claims("{\"iss\":\"x\"}"))),
	    OIDC_SIG);
}

/* ---- tokens that pass ---- */

static void
test_oidc_ok(void)
{
	json_t	*c = NULL;

	CHECK_INT(oidc_verify(A, sign(KRSA, "RS256", "r1", claims(NULL)), JWKS,
	    &X, &c), OIDC_OK);
	CHECK(c != NULL);
	CHECK_STR(json_string_value(json_object_get(c, "sub")), "tnid-1");
	CHECK_INT(verify(sign(KEC, "ES256", "e1", claims(NULL))), OIDC_OK);
	CHECK_INT(rs("{\"aud\":[\"" CLIENT "\",\"other\"],\"azp\":\"" CLIENT
	    "\"}"), OIDC_OK);
	CHECK_INT(rs("{\"aud\":[\"" CLIENT "\"]}"), OIDC_OK);
	CHECK_INT(oidc_verify(A, sign(KRSA, "RS256", NULL, claims(NULL)), JWKS1,
	    &X, &c), OIDC_OK);
}

static void
test_oidc_claim_str(void)
{
	json_t	*c = json_loads("{\"HoVaTen\":\"Tr\xe1\xba\xa7n Th\xe1\xbb\x8b "
		    "H\xc3\xa0\",\"name\":\"x\",\"SoDienThoai\":\"\","
		    "\"phone_number\":\"0912000101\",\"n\":1}", 0, NULL);

	CHECK_STR(oidc_claim_str(c, "HoVaTen,name"),
	    "Tr\xe1\xba\xa7n Th\xe1\xbb\x8b H\xc3\xa0");
	CHECK_STR(oidc_claim_str(c, "SoDienThoai, phone_number"),
	    "0912000101");
	CHECK(oidc_claim_str(c, "n") == NULL);
	CHECK(oidc_claim_str(c, "ThuDienTu,email") == NULL);
	CHECK(oidc_claim_str(c, "") == NULL);
	CHECK_INT(strcmp(oidc_check_name(OIDC_AUD), "aud"), 0);
	CHECK(*oidc_check_msg(OIDC_SIG) != '\0');
	json_decref(c);
}

/* The JWKS text of the public halves of keys[n] with kids[n] (NULL: no
 * kid). */
static char *
jwks_of(cjose_jwk_t **keys, const char **kids, size_t n)
{
	json_t	*set = json_object(), *arr = json_array();
	size_t	 i;
	char	*s;

	for (i = 0; i < n; i++) {
		char *t = cjose_jwk_to_json(keys[i], false, NULL);
		json_t *k = json_loads(t, 0, NULL);
		json_object_del(k, "kid");
		if (kids[i] != NULL)
			json_object_set_new(k, "kid", json_string(kids[i]));
		json_array_append_new(arr, k);
		free(t);
	}
	json_object_set_new(set, "keys", arr);
	s = json_dumps(set, JSON_COMPACT);
	json_decref(set);
	return s;
}

int
main(void)
{
	static const uint8_t	 e[] = { 1, 0, 1 };
	cjose_jwk_t		*both[2];
	const char		*kids[2] = { "r1", "e1" }, *none[1] = { NULL };

	A = arena_new();
	/* RSA keys of 1,024 bits: the checks do not depend on the size,
	 * and under valgrind 2,048-bit ones take a minute. */
	KRSA = cjose_jwk_create_RSA_random(1024, e, sizeof(e), NULL);
	KRSA2 = cjose_jwk_create_RSA_random(1024, e, sizeof(e), NULL);
	KEC = cjose_jwk_create_EC_random(CJOSE_JWK_EC_P_256, NULL);
	both[0] = KRSA;
	both[1] = KEC;
	JWKS = jwks_of(both, kids, 2);
	JWKS1 = jwks_of(both, none, 1);
	RUN(test_oidc_malformed);
	RUN(test_oidc_alg_none);
	RUN(test_oidc_hs256_public_key);
	RUN(test_oidc_alg_not_allowed);
	RUN(test_oidc_unknown_kid);
	RUN(test_oidc_signature_tampered);
	RUN(test_oidc_wrong_iss);
	RUN(test_oidc_wrong_aud);
	RUN(test_oidc_wrong_azp);
	RUN(test_oidc_expired);
	RUN(test_oidc_iat);
	RUN(test_oidc_nonce);
	RUN(test_oidc_sub);
	RUN(test_oidc_order);
	RUN(test_oidc_ok);
	RUN(test_oidc_claim_str);
	free(JWKS);
	free(JWKS1);
	cjose_jwk_release(KRSA);
	cjose_jwk_release(KRSA2);
	cjose_jwk_release(KEC);
	arena_free(A);
	return T_END();
}
