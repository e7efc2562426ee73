/* Password sign-in with its throttles. */
#include <string.h>

#include "app/account.h"
#include "app/signin.h"
#include "core/cfg.h"
#include "core/metrics.h"
#include "core/pw.h"
#include "core/seal.h"
#include "data/db.h"

/* Verified against when no account's hash is: the same time. */
static char	 dummy[PW_HASH_LEN];

static struct signin_conf	 conf;

/* Reads [security] login_*; makes the dummy hash (call in the master,
 * after pw_init).  Returns 1/0. */
int
signin_init(void)
{
	struct signin_conf	*c = &conf;

	c->lock_after = cfg_int("security", "login_lock_after", 10, 1, 1000);
	c->lock_seconds = cfg_int("security", "login_lock_seconds", 900, 1,
	    86400);
	c->hourly_max = cfg_int("security", "login_hourly_max", 100, 1,
	    100000);
	c->addr_limit = cfg_int("security", "login_addr_limit", 50, 1,
	    100000);
	c->addr_ceiling = cfg_int("security", "login_addr_ceiling", 1000, 2,
	    1000000);
	c->window = cfg_int("security", "login_addr_window", 900, 1, 86400);
	return pw_hash("không phải mật khẩu của ai", dummy) == PW_OK;
}

/* The address's throttle: SIGNIN_OK, or SIGNIN_THROTTLED with the seconds
 * to wait.  Past half the ceiling, failures must come at least one second
 * more apart for each one over the half (at most a minute): a slowdown
 * before the refusal. */
static enum signin_result
signin_addr(struct db *db, struct arena *a, const struct signin_conf *c,
    const char *addr, const char *name_hash, long *retry)
{
	struct row_FAIL_COUNT_ADDR	 n;
	struct row_FAIL_COUNT_ADDR_NAME	 nn;
	long				 half = c->addr_ceiling / 2, gap;

	if (db_one(db, a, FAIL_COUNT_ADDR, &n, "si", addr,
	    (long long)c->window) != DB_OK ||
	    db_one(db, a, FAIL_COUNT_ADDR_NAME, &nn, "ssi", addr, name_hash,
	    (long long)c->window) != DB_OK)
		return SIGNIN_ERR;
	*retry = c->window;
	if (n.n >= c->addr_ceiling || nn.n >= c->addr_limit)
		return SIGNIN_THROTTLED;
	gap = n.n >= half ? n.n - half + 1 : 0;
	if (gap > 60)
		gap = 60;
	*retry = gap - n.since;
	return n.since < gap ? SIGNIN_THROTTLED : SIGNIN_OK;
}

/* Records a failure from addr on name_hash; uid when a password of that
 * account was checked (0 otherwise). */
static void
signin_failed(struct db *db, const char *addr, const char *name_hash,
    uint64_t uid)
{
	metrics_event(EV_LOGIN_FAILED);
	db_exec(db, STMT_FAIL_INSERT, NULL, NULL, "nss",
	    (unsigned long long)uid, addr, name_hash);
}

/* Spends a hash's time on the dummy, as a check of a real one would. */
static enum signin_result
signin_refuse(struct db *db, const char *addr, const char *name_hash,
    const char *password)
{
	pw_verify(dummy, password, NULL);
	signin_failed(db, addr, name_hash, 0);
	return SIGNIN_BAD;
}

/* Checks the password of account v, whose check is reserved (with this
 * thread's hash permit held, so the check runs: a reservation always
 * ends in a check). */
static enum signin_result
signin_password(struct db *db, const struct signin_conf *c,
    const struct row_USER_BY_PHONE *v, const char *addr,
    const char *name_hash, const char *password)
{
	uint64_t	 n = 0;
	int		 rehash = 0;
	char		 fresh[PW_HASH_LEN];
	enum pw_err	 e;

	e = v->pw_hash ? pw_verify(v->pw_hash, password, &rehash) : PW_MISMATCH;
	if (e != PW_OK) {
		signin_failed(db, addr, name_hash, v->id);
		db_exec(db, STMT_USER_LOGIN_FAILED, NULL, NULL, "iiiu",
		    (long long)c->lock_after, (long long)c->lock_seconds,
		    (long long)c->lock_after, (unsigned long long)v->id);
		return SIGNIN_BAD;
	}
	/* A lock set meanwhile by other attempts stands. */
	if (db_exec(db, STMT_USER_LOGIN_OK, &n, NULL, "u",
	    (unsigned long long)v->id) != DB_OK)
		return SIGNIN_ERR;
	if (n != 1)
		return SIGNIN_BAD;
	if (rehash && pw_hash(password, fresh) == PW_OK)
		db_exec(db, STMT_USER_SET_PASSWORD, NULL, NULL, "su", fresh,
		    (unsigned long long)v->id);
	return strcmp(v->status, "active") == 0 ? SIGNIN_OK : SIGNIN_DISABLED;
}

/* One attempt from addr to sign in as name (normalised: a phone number or
 * a lower-case email) with password.  On SIGNIN_OK *uid is the account; on
 * SIGNIN_THROTTLED *retry_after the seconds to wait. */
static enum signin_result	signin_held(struct db *, struct arena *,
    const struct signin_conf *, const char *, const char *, const char *,
    const char *, uint64_t *);

enum signin_result
signin_check(struct db *db, struct arena *a, const char *addr,
    const char *name, const char *password, uint64_t *uid, long *retry_after)
{
	const struct signin_conf *c = &conf;
	const char		*name_hash = seal_index(a, name);
	enum signin_result	 res;

	*uid = 0;
	if (name_hash == NULL)
		return SIGNIN_ERR;
	if ((res = signin_addr(db, a, c, addr, name_hash, retry_after)) !=
	    SIGNIN_OK) {
		if (res == SIGNIN_THROTTLED)
			metrics_event(EV_LOGIN_REFUSED);
		return res;
	}
	switch (pw_permit_take()) {
	case PW_OK:
		break;
	case PW_BUSY:
		return SIGNIN_BUSY;
	default:
		return SIGNIN_ERR;
	}
	res = signin_held(db, a, c, addr, name, name_hash, password, uid);
	pw_permit_give();
	return res;
}

/* The rest of signin_check, with a hash permit held. */
static enum signin_result
signin_held(struct db *db, struct arena *a, const struct signin_conf *c,
    const char *addr, const char *name, const char *name_hash,
    const char *password, uint64_t *uid)
{
	struct row_USER_BY_PHONE v;
	struct row_FAIL_COUNT_USER hour;
	enum signin_result	 res;
	enum db_err		 e;
	uint64_t		 reserved = 0;

	if ((e = account_find(db, a, name, &v)) == DB_ERR)
		return SIGNIN_ERR;
	/* An account over its hourly bound is not even reserved. */
	if (e == DB_OK && (db_one(db, a, FAIL_COUNT_USER, &hour, "u",
	    (unsigned long long)v.id) != DB_OK || (hour.n < c->hourly_max &&
	    db_exec(db, STMT_USER_LOGIN_RESERVE, &reserved, NULL, "ui",
	    (unsigned long long)v.id, (long long)c->lock_after) != DB_OK)))
		return SIGNIN_ERR;
	if (reserved != 1)
		return signin_refuse(db, addr, name_hash, password);
	res = signin_password(db, c, &v, addr, name_hash, password);
	if (res == SIGNIN_OK)
		*uid = v.id;
	return res;
}
