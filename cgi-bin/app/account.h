/* Operations on accounts, shared by the web handlers and portalctl: each
 * is one transaction holding the change, its audit row and the ending of
 * the sessions it must end. */
#ifndef ACCOUNT_H
#define ACCOUNT_H
#include <stdint.h>

#include "app/audit.h"
#include "core/role.h"
#include "data/db.h"


struct arena;

struct account_new {
	const char	*full_name;
	const char	*phone;		/* national form, or NULL */
	const char	*email;		/* lower case, or NULL */
	const char	*id_number;	/* 12 digits, or NULL */
	const char	*pw_hash;	/* Argon2id string, or NULL */
};

/* What is already taken by another account (an ID number never is: it
 * is a claim until verified). */
struct account_taken {
	int	 phone, email;
};

enum db_err	 account_find(struct db *, struct arena *, const char *name,
		    struct row_USER_BY_PHONE *);
enum db_err	 account_taken(struct db *, struct arena *, uint64_t except,
		    const char *phone, const char *email,
		    struct account_taken *);
enum db_err	 account_create(struct db *, struct arena *,
		    const struct actor *, const struct account_new *,
		    uint64_t *id);
enum db_err	 account_create_in(struct db *, struct arena *,
		    const struct actor *, const struct account_new *,
		    uint64_t *id);
enum db_err	 account_register(struct db *, struct arena *,
		    const char *addr, const struct account_new *,
		    uint64_t *id);
enum db_err	 account_set_role(struct db *, struct arena *,
		    const struct actor *, uint64_t user, enum role,
		    uint64_t unit, int grant);
enum db_err	 account_set_status(struct db *, const struct actor *,
		    uint64_t user, int active);
enum db_err	 account_set_password(struct db *, const struct actor *,
		    uint64_t user, const char *hash, const char *keep_session);
enum db_err	 account_reset_password(struct db *, const struct actor *,
		    uint64_t user, const char *token_hash, const char *hash);
enum db_err	 account_update_profile(struct db *, struct arena *,
		    const struct actor *, const char *full_name,
		    const char *email);
enum db_err	 account_confirm_find(struct db *, struct arena *,
		    const char *token, struct row_CONFIRM_GET *);
enum db_err	 account_confirm_email(struct db *, struct arena *,
		    const char *addr, const char *token);
enum db_err	 account_end_sessions(struct db *, uint64_t user,
		    const char *keep_session);

#endif
