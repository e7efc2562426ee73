/* SHA-256 of a stream, by libcrypto (core/sha256.c). */
#ifndef SHA256_H
#define SHA256_H

#include <stddef.h>

#define SHA256_HEX_LEN	65	/* lower-case hex and NUL */

struct sha256 {
	void	*ctx;		/* EVP_MD_CTX */
};

int	sha256_init(struct sha256 *);
void	sha256_update(struct sha256 *, const void *, size_t);
int	sha256_final(struct sha256 *, char hex[SHA256_HEX_LEN]);
void	sha256_free(struct sha256 *);
void	sha256_free_cb(void *);

#endif
