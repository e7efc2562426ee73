/* libFuzzer target: oidc_verify (app/oidc_verify.c) on an arbitrary ID
 * token against a fixed JWKS, and on a fixed token against an arbitrary
 * JWKS (an input that begins with '{').  Whatever the bytes: no crash, a
 * verdict in range, claims exactly when the verdict is OIDC_OK, and then
 * claims that keep every promise the checks make.  The seeds are tokens
 * signed with the key of JWKS below (tests/fuzz/corpus/fuzz_oidc). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "app/oidc_verify.h"
#include "core/arena.h"

#define FZ_CHECK(c) do { if (!(c)) { \
	fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, \
	    __LINE__, #c); abort(); } } while (0)

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char jwks[] = "{\"keys\":[{\"kty\":\"EC\",\"x\":\"qVvP_qfpmVhxac"
    "n8_xDYwyBbjBzzfqa9Vlzb0wSxtc8\",\"y\":\"Q64SrydznyS2j0AaoSVYELBLmiO_1V"
    "wdCM5P5qgZ_4U\",\"crv\":\"P-256\",\"kid\":\"fz\",\"use\":\"sig\","
    "\"alg\":\"ES256\"}]}";

/* A token of the seeds, signed with that key, for the JWKS mode. */
static const char token[] = "eyJhbGciOiJFUzI1NiIsImtpZCI6ImZ6In0.eyJpc3Mi"
    "OiJodHRwczovL2lkLmV4YW1wbGUiLCJhdWQiOiJ3YXJkLXBvcnRhbCIsInN1YiI6In"
    "MxIiwibm9uY2UiOiJuIiwiaWF0IjoxODAwMDAwMDAwLCJleHAiOjE4MDAwMDAzMDB9"
    ".x";

static const struct oidc_expect X = { "https://id.example", "ward-portal",
	"n", "RS256,ES256", 1800000000, 60, 600 };

/* What an accepted token's claims promise. */
static void
fz_accepted(json_t *c)
{
	const char	*sub = json_string_value(json_object_get(c, "sub"));

	FZ_CHECK(json_is_object(c));
	FZ_CHECK(strcmp(json_string_value(json_object_get(c, "iss")),
	    X.issuer) == 0);
	FZ_CHECK(strcmp(json_string_value(json_object_get(c, "nonce")),
	    X.nonce) == 0);
	FZ_CHECK(sub != NULL && *sub != '\0' && strlen(sub) <= 255);
	FZ_CHECK(json_number_value(json_object_get(c, "exp")) + 60 >
	    1800000000.0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a = arena_new();
	char		*s = arena_alloc(a, size + 1);
	json_t		*claims = (json_t *)1;
	enum oidc_check	 c;

	memcpy(s, data, size);
	s[size] = '\0';
	if (size > 0 && s[0] == '{')
		c = oidc_verify(a, token, s, &X, &claims);
	else
		c = oidc_verify(a, s, jwks, &X, &claims);
	FZ_CHECK((unsigned)c < OIDC_CHECK__MAX);
	FZ_CHECK((c == OIDC_OK) == (claims != NULL));
	if (claims != NULL)
		fz_accepted(claims);
	FZ_CHECK(oidc_check_name(c) != NULL && oidc_check_msg(c) != NULL);
	arena_free(a);
	return 0;
}
