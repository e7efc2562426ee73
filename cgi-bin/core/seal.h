/* Secrets at rest: personal ID numbers sealed with libsodium's secretbox
 * under a key from configuration, a keyed blind index to look them up
 * without decrypting, masking for display (last 4 digits only), and keys
 * for other uses derived from the same configured key. */
#ifndef SEAL_H
#define SEAL_H
#include <stddef.h>
#include <stdint.h>

#define SEAL_CTXLEN	8	/* bytes of a seal_subkey context */

struct arena;

int	 seal_init(const char *hexkey);
char	*seal_encrypt(struct arena *, const char *plain);
char	*seal_decrypt(struct arena *, const char *sealed);
char	*seal_index(struct arena *, const char *plain);
char	*seal_mask(struct arena *, const char *plain);
int	 seal_subkey(unsigned char *, size_t, uint64_t id,
	    const char ctx[SEAL_CTXLEN]);

#endif
