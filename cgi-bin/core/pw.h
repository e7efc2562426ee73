/* Passwords: NFC normalisation, the policy (8-128 characters, not common,
 * not the phone number or email), Argon2id hashing and verification with a
 * bound on how many hashes run at once across all worker processes. */
#ifndef PW_H
#define PW_H
#include <stddef.h>

#include <sodium.h>

struct arena;

enum pw_err {
	PW_OK,
	PW_TOO_SHORT,	/* fewer than 8 characters (code points, after NFC) */
	PW_TOO_LONG,	/* more than 128 */
	PW_BAD_UTF8,	/* not valid UTF-8, or control characters */
	PW_COMMON,	/* in the common-password list */
	PW_LIKE_ACCOUNT,/* equal to the phone number or the email */
	PW_MISMATCH,	/* verification: wrong password */
	PW_BUSY,	/* too many hashes running; waited, gave up: 503 */
	PW_ERR,		/* anything else (malformed stored hash, OOM) */
	PW_ERR__MAX
};

#define PW_HASH_LEN	crypto_pwhash_STRBYTES

int		 pw_init(const char *common_list, unsigned concurrency,
		    unsigned wait_ms);
char		*pw_normalize(struct arena *, const char *);
enum pw_err	 pw_policy(struct arena *, const char *pw, const char *phone,
		    const char *email);
enum pw_err	 pw_hash(const char *pw, char out[PW_HASH_LEN]);
enum pw_err	 pw_verify(const char *hash, const char *pw, int *rehash);
enum pw_err	 pw_permit_take(void);
void		 pw_permit_give(void);
const char	*pw_err_msg(enum pw_err);
void		 pw_set_slot(unsigned);
void		 pw_set_threads(unsigned);
void		 pw_reclaim(unsigned);
unsigned	 pw_permits_free(unsigned *total);

#endif
