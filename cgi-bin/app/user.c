/* Accounts as data. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "log.h"
#include "seal.h"
#include "user.h"

/* Finds which of phone, email and ID number another account (not
 * except) already has.  NULL arguments are not looked for. */
enum db_err
user_taken(struct db *db, struct arena *a, uint64_t except,
    const char *phone, const char *email, const char *id_number,
    struct user_taken *t)
{
	const char	*idx = id_number ? seal_index(a, id_number) : NULL;
	struct db_rows	 r;
	enum db_err	 e;

	memset(t, 0, sizeof(*t));
	e = db_query(db, a, STMT_USER_TAKEN, &r, "ssssssu", phone, email,
	    idx, phone, email, idx, (unsigned long long)except);
	if (e != DB_OK || r.nrows == 0)
		return e;
	t->phone = r.v[0][0] && strcmp(r.v[0][0], "0") != 0;
	t->email = r.v[0][1] && strcmp(r.v[0][1], "0") != 0;
	t->id_number = r.v[0][2] && strcmp(r.v[0][2], "0") != 0;
	return DB_OK;
}

/* Inserts a user; the ID number, if any, is stored sealed, with its blind
 * index and last four digits.  Returns DB_DUP when phone, email or ID
 * belong to someone else. */
enum db_err
user_create(struct db *db, struct arena *a, const struct user_new *u,
    uint64_t *id)
{
	const char	*sealed = NULL, *idx = NULL, *last4 = NULL;

	if (u->id_number != NULL) {
		sealed = seal_encrypt(a, u->id_number);
		idx = seal_index(a, u->id_number);
		last4 = u->id_number + strlen(u->id_number) - 4;
		if (sealed == NULL || idx == NULL)
			return DB_ERR;
	}
	return db_exec(db, STMT_USER_INSERT, NULL, id, "sssssss",
	    u->full_name, u->phone, u->email, sealed, idx, last4, u->pw_hash);
}

/* Gives the user a new password (its Argon2id string): failed sign-ins
 * forgotten, every reset link still out voided.  Sessions are the
 * caller's to end. */
enum db_err
user_set_password(struct db *db, uint64_t user, const char *hash)
{
	enum db_err	 e;

	e = db_exec(db, STMT_USER_SET_PASSWORD, NULL, NULL, "su", hash,
	    (unsigned long long)user);
	return e != DB_OK ? e : db_exec(db, STMT_RESET_VOID, NULL, NULL, "u",
	    (unsigned long long)user);
}

/* Roles held in one unit; the others are city-wide. */
int
user_role_scoped(enum role r)
{
	return r == ROLE_EDITOR || r == ROLE_STAFF || r == ROLE_LEADER;
}

enum db_err
user_grant(struct db *db, uint64_t user, enum role role, uint64_t unit,
    uint64_t by)
{
	return db_exec(db, STMT_ROLE_GRANT, NULL, NULL, "usun",
	    (unsigned long long)user, role_names[role],
	    (unsigned long long)unit, (unsigned long long)by);
}

enum db_err
user_revoke(struct db *db, uint64_t user, enum role role, uint64_t unit)
{
	return db_exec(db, STMT_ROLE_REVOKE, NULL, NULL, "usu",
	    (unsigned long long)user, role_names[role],
	    (unsigned long long)unit);
}

/* Appends to the audit log: who (0: the command line), from where, did
 * what to which object.  The caller fails its change when this fails. */
enum db_err
audit(struct db *db, uint64_t actor, const char *addr, const char *action,
    const char *otype, uint64_t oid, const char *detail)
{
	char		 id[24];
	enum db_err	 e;

	snprintf(id, sizeof(id), "%llu", (unsigned long long)oid);
	e = db_exec(db, STMT_AUDIT_INSERT, NULL, NULL, "nsssss",
	    (unsigned long long)actor, action, otype, id,
	    detail ? detail : "", addr ? addr : "");
	if (e != DB_OK)
		LOGE("audit %s %s %s not written", action, otype, id);
	return e;
}
