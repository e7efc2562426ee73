/* SHA-256 of uploads (content addresses of the attachment store), by
 * OpenSSL's libcrypto, whose code uses the CPU's SHA instructions:
 * libsodium's portable one hashed 125 MB/s on the benchmark's machine,
 * libcrypto 1.6 GB/s, and a submission with three 1 MB files hashed them
 * in 24 ms of a core. */
#include <openssl/evp.h>

#include "core/sha256.h"

/* Starts a hash.  Returns 1, or 0 when libcrypto cannot (out of memory):
 * s is then freed already. */
int
sha256_init(struct sha256 *s)
{
	EVP_MD_CTX	*c = EVP_MD_CTX_new();

	s->ctx = c;
	if (c != NULL && EVP_DigestInit_ex(c, EVP_sha256(), NULL) == 1)
		return 1;
	sha256_free(s);
	return 0;
}

/* Adds n bytes of p; a freed hash ignores them (sha256_final fails). */
void
sha256_update(struct sha256 *s, const void *p, size_t n)
{
	if (s->ctx != NULL && EVP_DigestUpdate(s->ctx, p, n) != 1)
		sha256_free(s);
}

/* The digest as lower-case hex into hex; s is freed.  Returns 1/0. */
int
sha256_final(struct sha256 *s, char hex[SHA256_HEX_LEN])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char	 d[EVP_MAX_MD_SIZE];
	unsigned int	 n = 0, i;
	int		 ok = 0;

	if (s->ctx == NULL || EVP_DigestFinal_ex(s->ctx, d, &n) != 1 ||
	    n != (SHA256_HEX_LEN - 1) / 2)
		goto out;
	for (i = 0; i < n; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[2 * n] = '\0';
	ok = 1;
out:
	sha256_free(s);
	return ok;
}

/* Frees s (again: nothing). */
void
sha256_free(struct sha256 *s)
{
	EVP_MD_CTX_free(s->ctx);
	s->ctx = NULL;
}

/* sha256_free for arena_defer. */
void
sha256_free_cb(void *s)
{
	sha256_free(s);
}
