/* Server-side sessions and CSRF.  The cookie carries a 256-bit random
 * token; the database holds only its SHA-256.  Sessions begin at sign-in
 * and expire after [session] idle seconds without use and absolute
 * seconds after sign-in.  Anonymous forms get a stateless token bound to
 * a random cookie instead (sess.c). */
#ifndef SESS_H
#define SESS_H
#include <stdint.h>


struct request;
struct db;

/* The answer when a new session could not be made (503). */
extern const char sess_failed[];

int	sess_init(void);
const char *const *sess_cookie_names(void);
int	sess_load(struct request *);
int	sess_ensure(struct request *);
int	sess_login(struct request *, uint64_t user_id);
int	sess_logout(struct request *);
int	sess_csrf_ok(const struct request *);
int	sess_end_others(struct request *);
long	sess_idle(void);
long	sess_absolute(void);
const char *sess_browser(const struct request *);
int	sess_browser_set(struct request *, const char *token);

#endif
