/* Unit tests of seal.c: refused keys and ciphertexts first, then round
 * trips, the blind index (pinned to its derivation: stored indexes
 * depend on it) and masking. */
#include <sodium.h>

#include "core/arena.h"
#include "core/log.h"
#include "core/seal.h"
#include "t.h"

#define KEY1	"000102030405060708090a0b0c0d0e0f" \
		"101112131415161718191a1b1c1d1e1f"
#define KEY2	"F0E1D2C3B4A5968778695A4B3C2D1E0F" \
		"00112233445566778899AABBCCDDEEFF"
#define VN	"Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b H\xe1\xbb\x93ng Nhung, " \
		"s\xe1\xbb\x91 001234567890"

static struct arena	*A;

/* ---- keys ---- */

static void
test_seal_uninitialised(void)
{
	CHECK(seal_encrypt(A, "001234567890") == NULL);
	CHECK(seal_decrypt(A, "AAAA") == NULL);
	CHECK(seal_index(A, "001234567890") == NULL);
	{
		unsigned char k[32];
		CHECK_INT(seal_subkey(k, sizeof(k), 1, "formtok\0"), 0);
	}
}

static void
test_seal_init_refusals(void)
{
	CHECK_INT(seal_init(NULL), 0);
	CHECK_INT(seal_init(""), 0);
	/* 63 and 65 digits */
	CHECK_INT(seal_init("00010203040506070809" "0a0b0c0d0e0f10111213"
	    "1415161718191a1b1c1d1e1"), 0);
	CHECK_INT(seal_init(KEY1 "0"), 0);
	/* 64 characters, not all hex */
	CHECK_INT(seal_init("g00102030405060708090a0b0c0d0e0f"
	    "101112131415161718191a1b1c1d1e1f"), 0);
	CHECK_INT(seal_init("00 102030405060708090a0b0c0d0e0f"
	    "101112131415161718191a1b1c1d1e1f"), 0);
	CHECK_INT(seal_init("0x0102030405060708090a0b0c0d0e0f"
	    "101112131415161718191a1b1c1d1e1f"), 0);
	CHECK(seal_encrypt(A, "x") == NULL);	/* still no key */
}

static void
test_seal_init(void)
{
	CHECK_INT(seal_init(KEY1), 1);
}

/* ---- refused ciphertexts ---- */

static void
test_seal_tampered(void)
{
	char	*s = seal_encrypt(A, "001234567890"), *t;
	size_t	 i, n;

	CHECK(s != NULL);
	if (s == NULL)
		return;
	n = strlen(s);
	for (i = 0; i < n; i++) {
		t = arena_strdup(A, s);
		t[i] = t[i] == 'A' ? 'B' : 'A';
		if (seal_decrypt(A, t) != NULL) {
			printf("  flipped char %zu accepted\n", i);
			CHECK(0);
		}
	}
	CHECK_STR(seal_decrypt(A, s), "001234567890");
}

static void
test_seal_truncated(void)
{
	char	*s = seal_encrypt(A, "001234567890"), *t;
	size_t	 n;

	CHECK(s != NULL);
	if (s == NULL)
		return;
	n = strlen(s);
	CHECK(seal_decrypt(A, arena_strndup(A, s, n - 1)) == NULL);
	CHECK(seal_decrypt(A, arena_strndup(A, s, n - 4)) == NULL);
	CHECK(seal_decrypt(A, arena_strndup(A, s, n / 2)) == NULL);
	/* nonce and MAC only (40 bytes = 54 characters), and less */
	CHECK(seal_decrypt(A, arena_strndup(A, s, 54)) == NULL);
	CHECK(seal_decrypt(A, arena_strndup(A, s, 32)) == NULL);
	CHECK(seal_decrypt(A, "") == NULL);
	t = arena_printf(A, "%sAAAA", s);	/* extended */
	CHECK(seal_decrypt(A, t) == NULL);
}

static void
test_seal_garbage(void)
{
	char	*many = arena_alloc(A, 4001);

	memset(many, 'A', 4000);
	many[4000] = '\0';
	CHECK(seal_decrypt(A, NULL) == NULL);
	CHECK(seal_decrypt(A, "not base64 at all!") == NULL);
	CHECK(seal_decrypt(A, "A") == NULL);
	CHECK(seal_decrypt(A, "====") == NULL);
	CHECK(seal_decrypt(A, many) == NULL);
	/* standard alphabet and padding are not ours */
	CHECK(seal_decrypt(A, "ab+/ab+/ab+/ab+/ab+/ab+/ab+/ab+/ab+/ab+/"
	    "ab+/ab+/ab+/ab+/ab+/ab+/") == NULL);
	CHECK(seal_decrypt(A, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	    "AAAAAAAAAAAA==") == NULL);
}

static void
test_seal_wrong_key(void)
{
	char	*s = seal_encrypt(A, VN);

	CHECK_INT(seal_init(KEY2), 1);
	CHECK(seal_decrypt(A, s) == NULL);
	CHECK_INT(seal_init(KEY1), 1);
	CHECK_STR(seal_decrypt(A, s), VN);
}

static void
test_seal_failed_init_keeps_key(void)
{
	char	*s = seal_encrypt(A, VN);

	CHECK_INT(seal_init("short"), 0);
	CHECK_STR(seal_decrypt(A, s), VN);
}

/* ---- round trips ---- */

static void
test_seal_round_trip(void)
{
	char	*s = seal_encrypt(A, VN);
	size_t	 i;

	CHECK(s != NULL);
	CHECK_STR(seal_decrypt(A, s), VN);
	CHECK_STR(seal_decrypt(A, seal_encrypt(A, "")), "");
	CHECK_INT(strlen(s), sodium_base64_ENCODED_LEN(24 + 16 + strlen(VN),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) - 1);
	for (i = 0; s != NULL && s[i] != '\0'; i++)
		CHECK(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		    "0123456789-_", s[i]) != NULL);
	CHECK(seal_encrypt(A, NULL) == NULL);
}

static void
test_seal_fresh_nonce(void)
{
	char	*a = seal_encrypt(A, "001234567890");
	char	*b = seal_encrypt(A, "001234567890");

	CHECK(a != NULL && b != NULL && strcmp(a, b) != 0);
	CHECK_STR(seal_decrypt(A, a), "001234567890");
	CHECK_STR(seal_decrypt(A, b), "001234567890");
}

/* ---- blind index ---- */

static void
test_seal_index(void)
{
	unsigned char	 key[32], sub[32], h[32];
	char		 hex[65];
	char		*i1 = seal_index(A, "001234567890");
	size_t		 i;

	CHECK_STR(seal_index(A, "001234567890"), i1);
	CHECK(strcmp(seal_index(A, "001234567891"), i1) != 0);
	CHECK(strcmp(seal_index(A, ""), i1) != 0);
	CHECK_INT(strlen(i1), 64);
	for (i = 0; i < 64; i++)
		CHECK(strchr("0123456789abcdef", i1[i]) != NULL);
	/* keyed BLAKE2b-256 under subkey 1, context "wardidx" */
	sodium_hex2bin(key, sizeof(key), KEY1, 64, NULL, NULL, NULL);
	crypto_kdf_derive_from_key(sub, sizeof(sub), 1, "wardidx", key);
	crypto_generichash(h, sizeof(h), (const unsigned char *)"001234567890",
	    12, sub, sizeof(sub));
	CHECK_STR(i1, sodium_bin2hex(hex, sizeof(hex), h, sizeof(h)));
	/* not the master key itself */
	crypto_generichash(h, sizeof(h), (const unsigned char *)"001234567890",
	    12, key, sizeof(key));
	CHECK(strcmp(i1, sodium_bin2hex(hex, sizeof(hex), h, sizeof(h))) != 0);
	/* another key, another index */
	CHECK_INT(seal_init(KEY2), 1);
	CHECK(strcmp(seal_index(A, "001234567890"), i1) != 0);
	CHECK_INT(seal_init(KEY1), 1);
	CHECK_STR(seal_index(A, "001234567890"), i1);
	CHECK(seal_index(A, NULL) == NULL);
}

/* ---- subkeys ---- */

/* Pinned to crypto_kdf under the configured key: a key derived for one
 * use (the anonymous forms' CSRF key, http/sess.c) differs from the
 * master key, from the blind index key and between contexts and ids. */
static void
test_seal_subkey(void)
{
	unsigned char	 key[32], want[32], k1[32], k2[32], k3[32], big[65];

	sodium_hex2bin(key, sizeof(key), KEY1, 64, NULL, NULL, NULL);
	crypto_kdf_derive_from_key(want, sizeof(want), 1, "formtok", key);
	CHECK_INT(seal_subkey(k1, sizeof(k1), 1, "formtok\0"), 1);
	CHECK(memcmp(k1, want, sizeof(k1)) == 0);
	CHECK(memcmp(k1, key, sizeof(k1)) != 0);
	CHECK_INT(seal_subkey(k2, sizeof(k2), 1, "wardidx\0"), 1);
	CHECK(memcmp(k1, k2, sizeof(k1)) != 0);
	CHECK_INT(seal_subkey(k3, sizeof(k3), 2, "formtok\0"), 1);
	CHECK(memcmp(k1, k3, sizeof(k1)) != 0);
	CHECK_INT(seal_subkey(big, 15, 1, "formtok\0"), 0);
	CHECK_INT(seal_subkey(big, sizeof(big), 1, "formtok\0"), 0);
	CHECK_INT(seal_init(KEY2), 1);
	CHECK_INT(seal_subkey(k2, sizeof(k2), 1, "formtok\0"), 1);
	CHECK(memcmp(k1, k2, sizeof(k1)) != 0);
	CHECK_INT(seal_init(KEY1), 1);
}

/* ---- masking ---- */

static void
test_seal_mask(void)
{
	CHECK_STR(seal_mask(A, "001234567890"), "********7890");
	CHECK_STR(seal_mask(A, "123456789"), "*****6789");
	CHECK_STR(seal_mask(A, "12345"), "*2345");
	CHECK_STR(seal_mask(A, "1234"), "****");
	CHECK_STR(seal_mask(A, "1"), "*");
	CHECK_STR(seal_mask(A, ""), "");
	/* characters, not bytes: "ĐàNẵng12" */
	CHECK_STR(seal_mask(A, "\xc4\x90\xc3\xa0N\xe1\xba\xb5ng12"),
	    "****ng12");
	CHECK_STR(seal_mask(A, "\xc4\x90\xc3\xa0N\xe1\xba\xb5"), "****");
	CHECK(seal_mask(A, NULL) == NULL);
}

int
main(void)
{
	log_set_level(LOG_WARN);
	if ((A = arena_new()) == NULL || sodium_init() < 0)
		return 1;
	RUN(test_seal_uninitialised);
	RUN(test_seal_init_refusals);
	RUN(test_seal_init);
	RUN(test_seal_tampered);
	RUN(test_seal_truncated);
	RUN(test_seal_garbage);
	RUN(test_seal_wrong_key);
	RUN(test_seal_failed_init_keeps_key);
	RUN(test_seal_round_trip);
	RUN(test_seal_fresh_nonce);
	RUN(test_seal_index);
	RUN(test_seal_subkey);
	RUN(test_seal_mask);
	arena_free(A);
	return T_END();
}
