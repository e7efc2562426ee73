/* Accounts as data: creating users, roles and passwords, and the audit
 * log, shared by the handlers and portalctl. */
#ifndef USER_H
#define USER_H
#include <stdint.h>

#include "db.h"
#include "router.h"

struct arena;

struct user_new {
	const char	*full_name;
	const char	*phone;		/* national form, or NULL */
	const char	*email;		/* lower case, or NULL */
	const char	*id_number;	/* 12 digits, or NULL */
	const char	*pw_hash;	/* Argon2id string, or NULL */
};

/* What is already taken by another account. */
struct user_taken {
	int	 phone, email, id_number;
};

enum db_err	 user_taken(struct db *, struct arena *, uint64_t except,
		    const char *phone, const char *email,
		    const char *id_number, struct user_taken *);
enum db_err	 user_create(struct db *, struct arena *,
		    const struct user_new *, uint64_t *id);
enum db_err	 user_set_password(struct db *, uint64_t user, const char *);
enum db_err	 user_grant(struct db *, uint64_t user, enum role,
		    uint64_t unit, uint64_t by);
enum db_err	 user_revoke(struct db *, uint64_t user, enum role,
		    uint64_t unit);
int		 user_role_scoped(enum role);
enum db_err	 audit(struct db *, uint64_t actor, const char *addr,
		    const char *action, const char *otype, uint64_t oid,
		    const char *detail);

#endif
