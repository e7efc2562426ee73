/* Sign-in with Thái Nguyên ID, the database's side (data/st_tnid.h): the
 * login states (single-use, short-lived, bound to the browser's tnid
 * cookie, a few per browser), spent nonces, and the accounts: found by
 * the provider's sub, made for a new resident, or linked to the account
 * that has the same verified ID number only after that account's owner
 * confirms.  Each operation that changes an account is one transaction
 * with its audit row. */
#ifndef TNID_H
#define TNID_H
#include <stdint.h>

#include "app/audit.h"
#include "core/token.h"
#include "data/db.h"

struct arena;
struct oidc_identity;

#define TNID_LOGINS_MAX	3	/* outstanding logins per browser */

/* What the state of a callback is worth, in the order checked. */
enum tnid_state {
	TNID_STATE_OK,
	TNID_STATE_MISSING,	/* no state, or not one of ours in form */
	TNID_STATE_UNKNOWN,	/* no such login */
	TNID_STATE_USED,	/* spent by an earlier callback */
	TNID_STATE_EXPIRED,
	TNID_STATE_BROWSER,	/* started in another browser */
	TNID_STATE_ERR,		/* the database */
	TNID_STATE__MAX
};

/* A login taken by its callback (arena strings). */
struct tnid_login {
	const char	*nonce, *verifier, *return_to;
	uint64_t	 link_user;	/* linking a signed-in account, or 0 */
};

/* What a verified identity leads to. */
enum tnid_account {
	TNID_ACC_SIGNIN,	/* *uid: its linked account */
	TNID_ACC_CREATED,	/* *uid: a new resident's account */
	TNID_ACC_LINKED,	/* linked to the signed-in link_user */
	TNID_ACC_CONFIRM,	/* *uid has the ID number: confirm first */
	TNID_ACC_DISABLED,	/* its account is disabled */
	TNID_ACC_TAKEN,		/* linking: the identity is another's, or
				 * the account has another */
	TNID_ACC_ERR,
	TNID_ACC__MAX
};

const char	*tnid_state_msg(enum tnid_state);
const char	*tnid_state_name(enum tnid_state);
enum db_err	 tnid_login_start(struct db *, struct arena *,
		    const char *browser_hash,
		    const char *return_to, uint64_t link_user, long ttl,
		    char state[TOKEN_LEN], char nonce[TOKEN_LEN],
		    char verifier[TOKEN_LEN]);
enum tnid_state	 tnid_login_take(struct db *, struct arena *,
		    const char *state, const char *browser_hash,
		    struct tnid_login *);
enum db_err	 tnid_nonce_spend(struct db *, const char *nonce, long ttl);
enum tnid_account tnid_account(struct db *, struct arena *,
		    const struct actor *, const char *issuer,
		    const struct oidc_identity *, uint64_t link_user,
		    const char *browser_hash, uint64_t *uid);
enum db_err	 tnid_link_confirm(struct db *, struct arena *,
		    const struct actor *, const char *browser_hash);
enum db_err	 tnid_unlink(struct db *, const struct actor *,
		    const char *issuer);
enum db_err	 tnid_housekeeping(struct db *);

#endif
