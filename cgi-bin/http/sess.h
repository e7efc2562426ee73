/* Server-side sessions and CSRF.  The cookie carries a 256-bit random
 * token; the database holds only its SHA-256.  Sessions begin at sign-in
 * and expire after [session] idle seconds without use and absolute
 * seconds after sign-in.  Anonymous forms get a stateless token bound to
 * a random cookie instead (sess.c). */
#ifndef SESS_H
#define SESS_H
#include <stdint.h>

#define SESS_TOKEN_LEN	44	/* 43 base64url characters and NUL */
#define SESS_HASH_LEN	65	/* hex SHA-256 and NUL */

struct request;
struct db;

/* The answer when a new session could not be made (503). */
extern const char sess_failed[];

int	sess_init(void);
const char *const *sess_cookie_names(void);
void	sess_token_new(char token[SESS_TOKEN_LEN], char hash[SESS_HASH_LEN]);
void	sess_token_hash(const char *, char out[SESS_HASH_LEN]);
int	sess_load(struct request *);
int	sess_ensure(struct request *);
int	sess_login(struct request *, uint64_t user_id);
int	sess_logout(struct request *);
int	sess_csrf_ok(const struct request *);
int	sess_end_others(struct request *);
long	sess_idle(void);
long	sess_absolute(void);

#endif
