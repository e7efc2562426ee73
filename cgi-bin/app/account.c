/* Operations on accounts.  Each public function but account_taken is one
 * transaction: the change, its audit row, and the sessions it ends. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "app/account.h"
#include "app/audit.h"
#include "app/mail.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/seal.h"
#include "core/tmpl.h"
#include "core/token.h"
#include "data/db.h"

/* Sends user a link confirming email, the address the account now has,
 * in the caller's transaction: the token's hash stored, the mail (templates/
 * mail/confirm.txt) queued.  The link lives [security] email_confirm_ttl
 * seconds. */
static enum db_err
account_confirm_send(struct db *db, struct arena *a, uint64_t user,
    const char *email)
{
	long			 ttl = cfg_int("security", "email_confirm_ttl",
				    86400, 300, 604800);
	char			 token[TOKEN_LEN], hash[TOKEN_HASH_LEN];
	struct tmpl_dict	*d;
	enum db_err		 e;

	token_new(token, hash);
	e = db_exec(db, STMT_CONFIRM_INSERT, NULL, NULL, "susi", hash,
	    (unsigned long long)user, email, (long long)ttl);
	if (e == DB_OK) {
		d = mail_dict("confirm");
		tmpl_set_int(d, "HOURS", ttl / 3600 > 0 ? ttl / 3600 : 1);
		tmpl_set(d, "EMAIL", email);
		tmpl_set(d, "LINK", arena_printf(a, "%s/xac-nhan-email?ma=%s",
		    cfg_str("site", "base_url", ""), token));
		if (!mail_queue_tmpl(db, email, "mail/confirm.txt", d))
			e = DB_ERR;
		tmpl_dict_free(d);
	}
	sodium_memzero(token, sizeof(token));
	return e;
}

/* Tells the confirmed address old that the account's address changed
 * (templates/mail/email_changed.txt), in the caller's transaction. */
static enum db_err
account_notify_changed(struct db *db, const char *old)
{
	struct tmpl_dict	*d = mail_dict("email_changed");
	int			 ok;

	ok = mail_queue_tmpl(db, old, "mail/email_changed.txt", d);
	tmpl_dict_free(d);
	return ok ? DB_OK : DB_ERR;
}

/* Finds which of phone and email another account (not except) already
 * has.  NULL arguments are not looked for. */
enum db_err
account_taken(struct db *db, struct arena *a, uint64_t except,
    const char *phone, const char *email, struct account_taken *t)
{
	struct row_USER_TAKEN	 r;
	enum db_err		 e;

	memset(t, 0, sizeof(*t));
	e = db_one(db, a, USER_TAKEN, &r, "ssssu", phone, email, phone, email,
	    (unsigned long long)except);
	if (e == DB_NOTFOUND)
		return DB_OK;
	t->phone = r.phone != 0;
	t->email = r.email != 0;
	return e;
}

/* Commits when e is DB_OK, else rolls back.  Returns the outcome. */
static enum db_err
account_end(struct db *db, enum db_err e)
{
	if (e == DB_OK && (e = db_commit(db)) == DB_OK)
		return DB_OK;
	db_rollback(db);
	return e;
}

/* Ends the sessions of user, all or all but keep_session (its hash). */
enum db_err
account_end_sessions(struct db *db, uint64_t user, const char *keep_session)
{
	if (keep_session != NULL)
		return db_exec(db, STMT_SESS_DELETE_OTHERS, NULL, NULL, "us",
		    (unsigned long long)user, keep_session);
	return db_exec(db, STMT_SESS_DELETE_USER, NULL, NULL, "u",
	    (unsigned long long)user);
}

/* Tells the other accounts claiming user's ID number, in the caller's
 * transaction: an audit row on each, for the
 * desk that verifies numbers, and a mail (templates/mail/id_claimed.txt)
 * to each confirmed address.  The registration form says nothing of them
 * (issue 7: it told anyone who is registered). */
static enum db_err
account_id_notify(struct db *db, struct arena *a, const struct actor *who,
    uint64_t user, const char *id_number)
{
	const char		*idx = seal_index(a, id_number);
	struct row_USER_SAME_ID	*v;
	struct tmpl_dict	*d;
	size_t			 i, n;
	enum db_err		 e;

	if (idx == NULL)
		return DB_ERR;
	e = db_all(db, a, USER_SAME_ID, &v, &n, "su", idx,
	    (unsigned long long)user);
	for (i = 0; e == DB_OK && i < n; i++) {
		e = audit_add(db, who, "id_number_claimed", "user", v[i].id,
		    arena_printf(a, "%llu", (unsigned long long)user));
		if (e != DB_OK || v[i].email == NULL)
			continue;
		d = mail_dict("id_claimed");
		if (!mail_queue_tmpl(db, v[i].email, "mail/id_claimed.txt", d))
			e = DB_ERR;
		tmpl_dict_free(d);
	}
	return e;
}

static enum db_err
account_insert(struct db *db, struct arena *a, const struct account_new *u,
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

static enum db_err
account_grant(struct db *db, uint64_t user, enum role role, uint64_t unit,
    uint64_t by)
{
	return db_exec(db, STMT_ROLE_GRANT, NULL, NULL, "usun",
	    (unsigned long long)user, role_name(role),
	    (unsigned long long)unit, (unsigned long long)by);
}

/* Creates an account (its ID number, if any, an unverified claim)
 * holding city-wide role (ROLE_USER: none), its email (if any)
 * unconfirmed with a confirmation link sent to it, with the audit row
 * action (actor: who, or the new account when who is NULL), inside the
 * caller's transaction.  Returns DB_DUP when phone or email belong to
 * someone else. */
static enum db_err
account_add_rows(struct db *db, struct arena *a, const struct actor *who,
    const char *addr, const struct account_new *u, enum role role,
    uint64_t *id)
{
	struct actor	 self;
	enum db_err	 e;

	e = account_insert(db, a, u, id);
	self.id = *id;
	self.addr = addr;
	if (e == DB_OK && u->id_number != NULL)
		e = account_id_notify(db, a, who ? who : &self, *id,
		    u->id_number);
	if (e == DB_OK && u->email != NULL)
		e = account_confirm_send(db, a, *id, u->email);
	if (e == DB_OK && role != ROLE_USER)
		e = account_grant(db, *id, role, 0, who ? who->id : 0);
	if (e == DB_OK)
		e = audit_add(db, who ? who : &self, who ? "user_create" :
		    "register", "user", *id, who ? u->phone : "");
	return e;
}

/* account_add_rows in a transaction of its own. */
static enum db_err
account_add(struct db *db, struct arena *a, const struct actor *who,
    const char *addr, const struct account_new *u, enum role role,
    uint64_t *id)
{
	enum db_err	 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	return account_end(db, account_add_rows(db, a, who, addr, u, role,
	    id));
}

/* A resident's account made by staff for an applicant at the counter
 * (who: the staff member), inside the caller's transaction: no password
 * (u->pw_hash NULL: the resident sets one with "quên mật khẩu" once the
 * email is confirmed).  DB_DUP: the phone or the email is taken. */
enum db_err
account_create_in(struct db *db, struct arena *a, const struct actor *who,
    const struct account_new *u, uint64_t *id)
{
	return account_add_rows(db, a, who, who->addr, u, ROLE_RESIDENT, id);
}

/* An account made by an administrator (or portalctl), without a role. */
enum db_err
account_create(struct db *db, struct arena *a, const struct actor *who,
    const struct account_new *u, uint64_t *id)
{
	return account_add(db, a, who, who->addr, u, ROLE_USER, id);
}

/* A resident's own registration from address addr. */
enum db_err
account_register(struct db *db, struct arena *a, const char *addr,
    const struct account_new *u, uint64_t *id)
{
	return account_add(db, a, NULL, addr, u, ROLE_RESIDENT, id);
}

/* Grants (grant 1) or revokes a role, in unit for the unit roles (0 for
 * the others), and ends every session of the user, so that the next one
 * starts with a fresh id and the new roles.  DB_NOTFOUND: nothing granted
 * (no such unit) or nothing to revoke is not an error. */
enum db_err
account_set_role(struct db *db, struct arena *a, const struct actor *who,
    uint64_t user, enum role role, uint64_t unit, int grant)
{
	enum db_err	 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = grant ? account_grant(db, user, role, unit, who->id) :
	    db_exec(db, STMT_ROLE_REVOKE, NULL, NULL, "usu",
	    (unsigned long long)user, role_name(role),
	    (unsigned long long)unit);
	if (e == DB_OK)
		e = account_end_sessions(db, user, NULL);
	if (e == DB_OK)
		e = audit_add(db, who, grant ? "role_grant" : "role_revoke",
		    "user", user, arena_printf(a, "%s unit=%llu",
		    role_name(role), (unsigned long long)unit));
	return account_end(db, e);
}

/* Enables or disables an account; disabling ends all its sessions. */
enum db_err
account_set_status(struct db *db, const struct actor *who, uint64_t user,
    int active)
{
	uint64_t	 n = 0;
	enum db_err	 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = db_exec(db, STMT_USER_SET_STATUS, &n, NULL, "su", active ?
	    "active" : "disabled", (unsigned long long)user);
	if (e == DB_OK && n == 0)
		e = DB_NOTFOUND;
	if (e == DB_OK && !active)
		e = account_end_sessions(db, user, NULL);
	if (e == DB_OK)
		e = audit_add(db, who, active ? "user_enable" : "user_disable",
		    "user", user, "");
	return account_end(db, e);
}

/* The new password (its Argon2id string) itself: failed sign-ins
 * forgotten, every reset link still out voided, sessions ended but
 * keep_session (NULL: all). */
static enum db_err
account_password(struct db *db, uint64_t user, const char *hash,
    const char *keep_session)
{
	enum db_err	 e;

	e = db_exec(db, STMT_USER_SET_PASSWORD, NULL, NULL, "su", hash,
	    (unsigned long long)user);
	if (e == DB_OK)
		e = db_exec(db, STMT_RESET_VOID, NULL, NULL, "u",
		    (unsigned long long)user);
	if (e == DB_OK)
		e = account_end_sessions(db, user, keep_session);
	return e;
}

/* Sets a new password chosen by its owner (keep_session: the session to
 * keep) or by an administrator (NULL: every session ends). */
enum db_err
account_set_password(struct db *db, const struct actor *who, uint64_t user,
    const char *hash, const char *keep_session)
{
	enum db_err	 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = account_password(db, user, hash, keep_session);
	if (e == DB_OK)
		e = audit_add(db, who, who->id == user ? "password_change" :
		    "password_reset", "user", user, "");
	return account_end(db, e);
}

/* Sets the password through reset link token_hash, spending it; every
 * session ends.  DB_NOTFOUND when the link is spent or expired. */
enum db_err
account_reset_password(struct db *db, const struct actor *who,
    uint64_t user, const char *token_hash, const char *hash)
{
	uint64_t	 used = 0;
	enum db_err	 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = db_exec(db, STMT_RESET_USE, &used, NULL, "s", token_hash);
	if (e == DB_OK && used != 1)
		e = DB_NOTFOUND;
	if (e == DB_OK)
		e = account_password(db, user, hash, NULL);
	if (e == DB_OK)
		e = audit_add(db, who, "password_reset", "user", user, "");
	return account_end(db, e);
}

/* Whether two addresses (NULL: none) are the same. */
static int
account_same_email(const char *x, const char *y)
{
	if (x == NULL || y == NULL)
		return x == y;
	return strcasecmp(x, y) == 0;
}

/* The email change of account v to email (NULL: none), after the row is
 * written: links still out voided, the new address sent a link, the old
 * one told if it was confirmed. */
static enum db_err
account_email_changed(struct db *db, struct arena *a,
    const struct row_USER_GET *v, const char *email)
{
	enum db_err	 e;

	e = db_exec(db, STMT_CONFIRM_VOID, NULL, NULL, "u",
	    (unsigned long long)v->id);
	if (e == DB_OK && email != NULL)
		e = account_confirm_send(db, a, v->id, email);
	if (e == DB_OK && v->email != NULL && v->email_verified)
		e = account_notify_changed(db, v->email);
	return e;
}

/* The actor's own name and email.  A new email is unconfirmed until its
 * owner follows the link sent to it; the old one, if confirmed, is told.
 * (The handler asks for the password before an email changes.) */
enum db_err
account_update_profile(struct db *db, struct arena *a,
    const struct actor *who, const char *full_name, const char *email)
{
	struct row_USER_GET	 v;
	enum db_err		 e;
	int			 changed;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = db_one(db, a, USER_GET, &v, "u", (unsigned long long)who->id);
	changed = e == DB_OK && !account_same_email(v.email, email);
	if (e == DB_OK)
		e = db_exec(db, STMT_USER_SET_PROFILE, NULL, NULL, "sssu",
		    full_name, email, email, (unsigned long long)who->id);
	if (e == DB_OK && changed)
		e = account_email_changed(db, a, &v, email);
	if (e == DB_OK)
		e = audit_add(db, who, changed ? "email_change" :
		    "profile_update", "user", who->id, "");
	return account_end(db, e);
}

/* The address a valid (unused, unexpired, still the account's) email
 * confirmation token would confirm: DB_OK (*v set), DB_NOTFOUND or
 * DB_ERR. */
enum db_err
account_confirm_find(struct db *db, struct arena *a, const char *token,
    struct row_CONFIRM_GET *v)
{
	char	 hash[TOKEN_HASH_LEN];

	token_hash(token, hash);
	return db_one(db, a, CONFIRM_GET, v, "s", hash);
}

/* Confirms the address of token, spending it, from addr: the account's
 * email is used from now on.  DB_NOTFOUND when the link is spent,
 * expired, or its address is no longer the account's. */
enum db_err
account_confirm_email(struct db *db, struct arena *a, const char *addr,
    const char *token)
{
	struct row_CONFIRM_GET	 v = { 0 };
	struct actor		 who;
	char			 hash[TOKEN_HASH_LEN];
	uint64_t		 n = 0;
	enum db_err		 e;

	token_hash(token, hash);
	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = db_one(db, a, CONFIRM_GET, &v, "s", hash);
	if (e == DB_OK)
		e = db_exec(db, STMT_CONFIRM_USE, &n, NULL, "s", hash);
	if (e == DB_OK && n == 1)
		e = db_exec(db, STMT_USER_EMAIL_VERIFY, &n, NULL, "us",
		    (unsigned long long)v.user_id, v.email);
	if (e == DB_OK && n != 1)
		e = DB_NOTFOUND;
	who.id = v.user_id;
	who.addr = addr;
	if (e == DB_OK)
		e = audit_add(db, &who, "email_verify", "user", v.user_id, "");
	return account_end(db, e);
}

/* The account signed in as name (a phone number or a lower-case email,
 * found only once confirmed: USER_BY_EMAIL), also the account a reset
 * link goes to: DB_OK (*v set), DB_NOTFOUND or DB_ERR.  Both statements have the
 * columns of DB_LOGIN_ROW. */
enum db_err
account_find(struct db *db, struct arena *a, const char *name,
    struct row_USER_BY_PHONE *v)
{
	if (strchr(name, '@') != NULL)
		return db_one(db, a, USER_BY_EMAIL,
		    (struct row_USER_BY_EMAIL *)v, "s", name);
	return db_one(db, a, USER_BY_PHONE, v, "s", name);
}
