/* Signing in by password, throttled: per account (a lock after
 * lock_after failures, reserved before the hash runs, so parallel guesses
 * cannot pass it; at most hourly_max failures an hour), per address and
 * account name, and per address (a ceiling, with a slowdown from half of
 * it).  Unknown names, locked accounts and wrong passwords answer alike and
 * take the same time. */
#ifndef SIGNIN_H
#define SIGNIN_H
#include <stdint.h>

struct arena;
struct db;

enum signin_result {
	SIGNIN_OK,		/* *uid signed in may be */
	SIGNIN_BAD,		/* unknown, locked or wrong: one answer */
	SIGNIN_DISABLED,	/* the right password of a disabled account */
	SIGNIN_THROTTLED,	/* too many failures from the address */
	SIGNIN_BUSY,		/* no hash permit in time: 503 */
	SIGNIN_ERR,		/* the database */
	SIGNIN__MAX
};

/* [security] login_*, read by signin_init. */
struct signin_conf {
	long	 lock_after, lock_seconds, hourly_max;
	long	 addr_limit;	/* failures per address and account name */
	long	 addr_ceiling;	/* failures per address */
	long	 window;	/* seconds the address limits look back */
};

int			 signin_init(void);
enum signin_result	 signin_check(struct db *, struct arena *,
			    const char *addr, const char *name,
			    const char *password, uint64_t *uid,
			    long *retry_after);

#endif
