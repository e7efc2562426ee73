/* Secrets at rest: personal ID numbers sealed with libsodium's secretbox
 * under a key from configuration, a keyed blind index to look them up
 * without decrypting, and masking for display (last 4 digits only). */
#ifndef SEAL_H
#define SEAL_H
#include <stddef.h>

struct arena;

int	 seal_init(const char *hexkey);
char	*seal_encrypt(struct arena *, const char *plain);
char	*seal_decrypt(struct arena *, const char *sealed);
char	*seal_index(struct arena *, const char *plain);
char	*seal_mask(struct arena *, const char *plain);

#endif
