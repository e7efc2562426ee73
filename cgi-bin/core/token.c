/* Secret tokens and their hashes. */
#include <string.h>

#include <sodium.h>

#include "core/token.h"

#define TOKEN_BYTES	32

/* A fresh token. */
void
token_random(char token[TOKEN_LEN])
{
	unsigned char	 raw[TOKEN_BYTES];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(token, TOKEN_LEN, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

/* The hex SHA-256 of a token: what the database keeps instead of it. */
void
token_hash(const char *token, char out[TOKEN_HASH_LEN])
{
	unsigned char	 h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, TOKEN_HASH_LEN, h, sizeof(h));
}

/* A fresh token and its hash. */
void
token_new(char token[TOKEN_LEN], char hash[TOKEN_HASH_LEN])
{
	token_random(token);
	token_hash(token, hash);
}
