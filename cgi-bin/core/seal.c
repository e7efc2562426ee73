/* Secrets at rest: secretbox under the configured key, a keyed BLAKE2b
 * blind index under a key derived from it, and masking for display.
 * Neither key nor any plaintext ever reaches a log. */
#include <string.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/log.h"
#include "core/seal.h"

#define SEAL_HEXLEN	(2 * crypto_secretbox_KEYBYTES)
#define SEAL_IDXLEN	32
#define SEAL_SHOWN	4	/* characters seal_mask leaves visible */
#define SEAL_B64	sodium_base64_VARIANT_URLSAFE_NO_PADDING
#define SEAL_OVERHEAD	(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)

/* Both keys live in one sodium_malloc'd page, read-only after init. */
struct seal_keys {
	unsigned char	box[crypto_secretbox_KEYBYTES];
	unsigned char	idx[SEAL_IDXLEN];
};

static struct seal_keys	*seal_k;

_Static_assert(crypto_kdf_KEYBYTES == crypto_secretbox_KEYBYTES,
    "the box key is the KDF master key");
_Static_assert(crypto_kdf_CONTEXTBYTES == SEAL_CTXLEN, "seal_subkey's ctx");

/* Exactly 64 hex digits into a 32-byte key; 1/0. */
static int
seal_hexkey(const char *hex, unsigned char key[crypto_secretbox_KEYBYTES])
{
	size_t	len = 0;

	if (hex == NULL || strnlen(hex, SEAL_HEXLEN + 1) != SEAL_HEXLEN)
		return 0;
	if (sodium_hex2bin(key, crypto_secretbox_KEYBYTES, hex, SEAL_HEXLEN,
	    NULL, &len, NULL) != 0)
		return 0;
	return len == crypto_secretbox_KEYBYTES;
}

/* Takes the key from configuration (64 hex digits) and derives the blind
 * index key from it.  Returns 1/0; on 0 the previous key, if any, stays. */
int
seal_init(const char *hexkey)
{
	struct seal_keys	*k = NULL;
	unsigned char		 key[crypto_secretbox_KEYBYTES];
	static const char	 ctx[crypto_kdf_CONTEXTBYTES] = "wardidx";
	int			 ok = 0;

	if (sodium_init() < 0) {
		LOGE("sodium_init failed");
		goto out;
	}
	if (!seal_hexkey(hexkey, key)) {
		LOGE("the seal key must be exactly %d hex digits", SEAL_HEXLEN);
		goto out;
	}
	if ((k = sodium_malloc(sizeof(*k))) == NULL) {
		LOGE("sodium_malloc failed");
		goto out;
	}
	memcpy(k->box, key, sizeof(key));
	crypto_kdf_derive_from_key(k->idx, sizeof(k->idx), 1, ctx, key);
	sodium_mprotect_readonly(k);
	if (seal_k != NULL)
		sodium_free(seal_k);
	seal_k = k;
	ok = 1;
out:
	sodium_memzero(key, sizeof(key));
	return ok;
}

/* Seals plain under a fresh random nonce: URL-safe base64 (no padding) of
 * nonce || MAC || ciphertext, in arena memory.  NULL before seal_init. */
char *
seal_encrypt(struct arena *a, const char *plain)
{
	unsigned char	*bin;
	char		*out = NULL;
	size_t		 n, binlen, outlen;

	if (seal_k == NULL || plain == NULL) {
		LOGE("no key or no plaintext");
		goto out;
	}
	n = strlen(plain);
	binlen = SEAL_OVERHEAD + n;
	bin = arena_alloc(a, binlen);
	randombytes_buf(bin, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(bin + crypto_secretbox_NONCEBYTES,
	    (const unsigned char *)plain, n, bin, seal_k->box);
	outlen = sodium_base64_ENCODED_LEN(binlen, SEAL_B64);
	out = arena_alloc(a, outlen);
	sodium_bin2base64(out, outlen, bin, binlen, SEAL_B64);
out:
	return out;
}

/* Opens what seal_encrypt made: the plaintext in arena memory, or NULL
 * for anything malformed, truncated, tampered with or sealed under
 * another key. */
char *
seal_decrypt(struct arena *a, const char *sealed)
{
	unsigned char	*bin, *plain;
	size_t		 b64len, binlen = 0;
	char		*out = NULL;

	if (seal_k == NULL || sealed == NULL)
		goto out;
	b64len = strlen(sealed);
	bin = arena_alloc(a, b64len / 4 * 3 + 3);
	if (sodium_base642bin(bin, b64len / 4 * 3 + 3, sealed, b64len, NULL,
	    &binlen, NULL, SEAL_B64) != 0 || binlen < SEAL_OVERHEAD)
		goto out;
	plain = arena_alloc(a, binlen - SEAL_OVERHEAD + 1);
	if (crypto_secretbox_open_easy(plain,
	    bin + crypto_secretbox_NONCEBYTES,
	    binlen - crypto_secretbox_NONCEBYTES, bin, seal_k->box) != 0)
		goto out;
	plain[binlen - SEAL_OVERHEAD] = '\0';
	out = (char *)plain;
out:
	return out;
}

/* A blind index of plain for exact-match lookups: keyed BLAKE2b-256 as
 * 64 hex digits in arena memory.  Deterministic for a given key, so the
 * caller must canonicalise plain first.  NULL before seal_init. */
char *
seal_index(struct arena *a, const char *plain)
{
	unsigned char	 h[SEAL_IDXLEN];
	char		*out = NULL;

	if (seal_k == NULL || plain == NULL)
		goto out;
	crypto_generichash(h, sizeof(h), (const unsigned char *)plain,
	    strlen(plain), seal_k->idx, sizeof(seal_k->idx));
	out = arena_alloc(a, 2 * sizeof(h) + 1);
	sodium_bin2hex(out, 2 * sizeof(h) + 1, h, sizeof(h));
out:
	return out;
}

/* Derives into out a subkey of n bytes (crypto_kdf_BYTES_MIN to _MAX)
 * for one use, named by ctx (8 bytes) and id, from the configured key:
 * another part of the program gets a key of its own without a setting of
 * its own.  The caller wipes it.  Returns 1/0 (0 before seal_init). */
int
seal_subkey(unsigned char *out, size_t n, uint64_t id,
    const char ctx[SEAL_CTXLEN])
{
	if (seal_k == NULL || n < crypto_kdf_BYTES_MIN ||
	    n > crypto_kdf_BYTES_MAX)
		return 0;
	return crypto_kdf_derive_from_key(out, n, id, ctx, seal_k->box) == 0;
}

/* Byte offset at which character k (from 0) of n bytes of UTF-8
 * starts; n when there are no more than k characters. */
static size_t
seal_char_at(const char *s, size_t n, size_t k)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && k-- == 0)
			break;
	return i;
}

/* For display: every character but the last four becomes '*'
 * ("001234567890" gives "********7890"); shorter than five characters,
 * all of them.  Counts UTF-8 characters, not bytes.  Arena memory. */
char *
seal_mask(struct arena *a, const char *plain)
{
	size_t	 n, i, chars = 0, hidden, at;
	char	*out;

	if (plain == NULL)
		return NULL;
	n = strlen(plain);
	for (i = 0; i < n; i++)
		chars += ((unsigned char)plain[i] & 0xc0) != 0x80;
	hidden = chars <= SEAL_SHOWN ? chars : chars - SEAL_SHOWN;
	at = seal_char_at(plain, n, hidden);
	out = arena_alloc(a, hidden + (n - at) + 1);
	memset(out, '*', hidden);
	memcpy(out + hidden, plain + at, n - at + 1);
	return out;
}
