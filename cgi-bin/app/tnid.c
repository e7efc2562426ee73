/* Sign-in with Thái Nguyên ID, the database's side (app/tnid.h). */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "app/account.h"
#include "app/audit.h"
#include "app/oidc.h"
#include "app/tnid.h"
#include "core/arena.h"
#include "core/log.h"
#include "core/role.h"
#include "core/seal.h"
#include "core/token.h"
#include "data/db.h"

#define PENDING_TTL	1800	/* seconds a link awaits confirmation */

/* Why a state was refused: the log's word and the resident's sentence. */
static const char *const tnid_states[TNID_STATE__MAX][2] = {
	[TNID_STATE_OK] = { "ok", "" },
	[TNID_STATE_MISSING] = { "missing", "Phản hồi đăng nhập thiếu mã "
	    "trạng thái (state) hoặc mã không hợp lệ." },
	[TNID_STATE_UNKNOWN] = { "unknown", "Không tìm thấy lần đăng nhập "
	    "này. Vui lòng đăng nhập lại." },
	[TNID_STATE_USED] = { "used", "Lần đăng nhập này đã được dùng. Vui "
	    "lòng đăng nhập lại." },
	[TNID_STATE_EXPIRED] = { "expired", "Lần đăng nhập này đã hết hạn. "
	    "Vui lòng đăng nhập lại." },
	[TNID_STATE_BROWSER] = { "browser", "Lần đăng nhập này được bắt đầu "
	    "trên một trình duyệt khác. Vui lòng đăng nhập lại trên trình "
	    "duyệt này." },
	[TNID_STATE_ERR] = { "db", "Hệ thống tạm thời không xử lý được yêu "
	    "cầu. Vui lòng thử lại sau ít phút." },
};

const char *
tnid_state_msg(enum tnid_state s)
{
	return (unsigned)s < TNID_STATE__MAX ? tnid_states[s][1] : "";
}

const char *
tnid_state_name(enum tnid_state s)
{
	return (unsigned)s < TNID_STATE__MAX ? tnid_states[s][0] : "?";
}

/* Commits when e is DB_OK, else rolls back.  Returns the outcome. */
static enum db_err
tnid_end(struct db *db, enum db_err e)
{
	if (e == DB_OK && (e = db_commit(db)) == DB_OK)
		return DB_OK;
	db_rollback(db);
	return e;
}

/* Records a new login for the browser: fresh state, nonce and PKCE
 * verifier (each 256 random bits), living ttl seconds; the browser's
 * oldest outstanding logins go first, so that it keeps fewer than
 * TNID_LOGINS_MAX + 1. */
enum db_err
tnid_login_start(struct db *db, struct arena *a, const char *browser_hash,
    const char *return_to, uint64_t link_user, long ttl,
    char state[TOKEN_LEN], char nonce[TOKEN_LEN], char verifier[TOKEN_LEN])
{
	struct row_TNID_LOGIN_COUNT	 c;
	char				 hash[TOKEN_HASH_LEN];
	enum db_err			 e;
	int				 guard = 10;

	token_new(state, hash);
	token_random(nonce);
	token_random(verifier);
	while ((e = db_one(db, a, TNID_LOGIN_COUNT, &c, "s",
	    browser_hash)) == DB_OK && c.n >= TNID_LOGINS_MAX && guard-- > 0)
		if ((e = db_exec(db, STMT_TNID_LOGIN_DROP_OLDEST, NULL, NULL,
		    "s", browser_hash)) != DB_OK)
			return e;
	if (e != DB_OK)
		return e;
	return db_exec(db, STMT_TNID_LOGIN_INSERT, NULL, NULL, "sssssni",
	    hash, browser_hash, nonce, verifier, return_to,
	    (unsigned long long)link_user, (long long)ttl);
}

/* Finds the login of state and spends it, checking in order: given,
 * known, unused, unexpired, this browser's.  A login is spent by the
 * first callback that names it, whatever follows. */
enum tnid_state
tnid_login_take(struct db *db, struct arena *a, const char *state,
    const char *browser_hash, struct tnid_login *out)
{
	struct row_TNID_LOGIN_GET	 v;
	char				 hash[TOKEN_HASH_LEN];
	uint64_t			 n = 0;
	enum db_err			 e;

	if (state == NULL)
		return TNID_STATE_MISSING;
	token_hash(state, hash);
	if ((e = db_one(db, a, TNID_LOGIN_GET, &v, "s", hash)) ==
	    DB_NOTFOUND)
		return TNID_STATE_UNKNOWN;
	if (e != DB_OK)
		return TNID_STATE_ERR;
	if (v.used)
		return TNID_STATE_USED;
	if (db_exec(db, STMT_TNID_LOGIN_USE, &n, NULL, "s", hash) != DB_OK)
		return TNID_STATE_ERR;
	if (n != 1)
		return TNID_STATE_USED;
	if (v.expired)
		return TNID_STATE_EXPIRED;
	if (browser_hash == NULL || strlen(v.browser_hash) !=
	    strlen(browser_hash) || sodium_memcmp(v.browser_hash,
	    browser_hash, strlen(browser_hash)) != 0)
		return TNID_STATE_BROWSER;
	out->nonce = v.nonce;
	out->verifier = v.verifier;
	out->return_to = v.return_to;
	out->link_user = v.link_user;
	return TNID_STATE_OK;
}

/* Spends the nonce of an accepted ID token for ttl seconds: DB_DUP when
 * it was spent already. */
enum db_err
tnid_nonce_spend(struct db *db, const char *nonce, long ttl)
{
	char	 hash[TOKEN_HASH_LEN];

	token_hash(nonce, hash);
	return db_exec(db, STMT_TNID_NONCE_SPEND, NULL, NULL, "si", hash,
	    (long long)ttl);
}

/* Makes a resident's account from the identity, linked to its sub, in
 * the caller's transaction: its phone only when no account has it, its
 * ID number verified (the provider vouches for it). */
static enum db_err
tnid_create(struct db *db, struct arena *a, const struct actor *who,
    const char *issuer, const struct oidc_identity *id, uint64_t *uid)
{
	struct account_taken	 t;
	const char		*sealed = NULL, *idx = NULL, *last4 = NULL;
	const char		*phone = id->phone;
	struct actor		 self;
	enum db_err		 e;

	if (account_taken(db, a, 0, phone, NULL, &t) != DB_OK)
		return DB_ERR;
	if (t.phone)
		phone = NULL;
	if (id->id_number != NULL) {
		sealed = seal_encrypt(a, id->id_number);
		idx = seal_index(a, id->id_number);
		last4 = id->id_number + strlen(id->id_number) - 4;
		if (sealed == NULL || idx == NULL)
			return DB_ERR;
	}
	e = db_exec(db, STMT_TNID_USER_INSERT, NULL, uid, "sssssss",
	    id->full_name ? id->full_name : "Công dân", phone, sealed, idx,
	    last4, idx, idx);
	if (e == DB_OK)
		e = db_exec(db, STMT_ROLE_GRANT, NULL, NULL, "usun",
		    (unsigned long long)*uid, role_name(ROLE_RESIDENT), 0ULL,
		    0ULL);
	if (e == DB_OK)
		e = db_exec(db, STMT_TNID_LINK_INSERT, NULL, NULL, "ssu", issuer,
		    id->sub, (unsigned long long)*uid);
	self.id = *uid;
	self.addr = who->addr;
	if (e == DB_OK)
		e = audit_add(db, &self, "register_tnid", "user", *uid, "");
	return e;
}

/* Links the identity to the signed-in account link_user, in the
 * caller's transaction, unless the account has another link. */
static enum tnid_account
tnid_link(struct db *db, struct arena *a, const struct actor *who,
    const char *issuer, const char *sub, uint64_t link_user)
{
	struct row_TNID_LINK_OF_USER	 l;
	enum db_err			 e;

	e = db_one(db, a, TNID_LINK_OF_USER, &l, "us",
	    (unsigned long long)link_user, issuer);
	if (e == DB_OK)
		return TNID_ACC_TAKEN;
	if (e != DB_NOTFOUND)
		return TNID_ACC_ERR;
	e = db_exec(db, STMT_TNID_LINK_INSERT, NULL, NULL, "ssu", issuer, sub,
	    (unsigned long long)link_user);
	if (e == DB_DUP)
		return TNID_ACC_TAKEN;
	if (e != DB_OK || audit_add(db, who, "tnid_link", "user", link_user,
	    "") != DB_OK)
		return TNID_ACC_ERR;
	return TNID_ACC_LINKED;
}

/* An unknown sub: a new account, unless an account has its verified ID
 * number (then a link awaiting that account's confirmation, for this
 * browser).  In the caller's transaction. */
static enum tnid_account
tnid_first(struct db *db, struct arena *a, const struct actor *who,
    const char *issuer, const struct oidc_identity *id,
    const char *browser_hash, uint64_t *uid)
{
	struct row_TNID_USER_BY_VERIFIED_ID	 u;
	const char				*idx;
	enum db_err				 e = DB_NOTFOUND;

	if (id->id_number != NULL) {
		if ((idx = seal_index(a, id->id_number)) == NULL)
			return TNID_ACC_ERR;
		e = db_one(db, a, TNID_USER_BY_VERIFIED_ID, &u, "s", idx);
	}
	if (e == DB_OK) {
		*uid = u.id;
		if (db_exec(db, STMT_TNID_PENDING_PUT, NULL, NULL, "sssui",
		    browser_hash, issuer, id->sub, (unsigned long long)u.id,
		    (long long)PENDING_TTL) != DB_OK)
			return TNID_ACC_ERR;
		return TNID_ACC_CONFIRM;
	}
	if (e != DB_NOTFOUND || tnid_create(db, a, who, issuer, id, uid) !=
	    DB_OK)
		return TNID_ACC_ERR;
	return TNID_ACC_CREATED;
}

/* Where a verified identity leads, as one transaction: linking the
 * signed-in link_user (when not 0), else the account linked to its sub,
 * else a first sign-in (tnid_first).  *uid gets the account. */
enum tnid_account
tnid_account(struct db *db, struct arena *a, const struct actor *who,
    const char *issuer, const struct oidc_identity *id, uint64_t link_user,
    const char *browser_hash, uint64_t *uid)
{
	struct row_TNID_LINK_FIND	 l;
	enum tnid_account		 r;
	enum db_err			 e;

	if (db_begin(db) != DB_OK)
		return TNID_ACC_ERR;
	e = db_one(db, a, TNID_LINK_FIND, &l, "ss", issuer, id->sub);
	if (e != DB_OK && e != DB_NOTFOUND)
		r = TNID_ACC_ERR;
	else if (link_user != 0) {
		*uid = link_user;
		r = e == DB_OK ? (l.user_id == link_user ? TNID_ACC_LINKED :
		    TNID_ACC_TAKEN) : tnid_link(db, a, who, issuer, id->sub,
		    link_user);
	} else if (e == DB_OK) {
		*uid = l.user_id;
		r = strcmp(l.status, "active") == 0 ? TNID_ACC_SIGNIN :
		    TNID_ACC_DISABLED;
	} else
		r = tnid_first(db, a, who, issuer, id, browser_hash, uid);
	if (tnid_end(db, r == TNID_ACC_ERR ? DB_ERR : DB_OK) != DB_OK)
		r = TNID_ACC_ERR;
	return r;
}

/* The signed-in resident (who) confirms the link awaiting in this
 * browser for their account: linked, with its audit row.  DB_NOTFOUND
 * when none awaits (or it is another account's, or expired); DB_DUP when
 * either side is linked already. */
enum db_err
tnid_link_confirm(struct db *db, struct arena *a, const struct actor *who,
    const char *browser_hash)
{
	struct row_TNID_PENDING_GET	 p;
	enum db_err			 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = db_one(db, a, TNID_PENDING_GET, &p, "su", browser_hash,
	    (unsigned long long)who->id);
	if (e == DB_OK)
		switch (tnid_link(db, a, who, p.issuer, p.sub, who->id)) {
		case TNID_ACC_LINKED:
			break;
		case TNID_ACC_TAKEN:
			e = DB_DUP;
			break;
		default:
			e = DB_ERR;
		}
	if (e == DB_OK)
		e = db_exec(db, STMT_TNID_PENDING_DELETE, NULL, NULL, "s",
		    browser_hash);
	return tnid_end(db, e);
}

/* Removes the signed-in account's link to issuer, with its audit row;
 * DB_NOTFOUND when there was none. */
enum db_err
tnid_unlink(struct db *db, const struct actor *who, const char *issuer)
{
	uint64_t	 n = 0;
	enum db_err	 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = db_exec(db, STMT_TNID_LINK_DELETE, &n, NULL, "us",
	    (unsigned long long)who->id, issuer);
	if (e == DB_OK && n == 0)
		e = DB_NOTFOUND;
	if (e == DB_OK)
		e = audit_add(db, who, "tnid_unlink", "user", who->id, "");
	return tnid_end(db, e);
}

/* Deletes the logins a day past their end, the spent nonces and the
 * pending links past theirs, a batch at a time until none is left
 * (app/jobs.c's housekeeping).  Returns DB_OK when done. */
enum db_err
tnid_housekeeping(struct db *db)
{
	static const enum stmt	 sts[] = { STMT_TNID_LOGIN_EXPIRE,
				    STMT_TNID_NONCE_EXPIRE,
				    STMT_TNID_PENDING_EXPIRE };
	uint64_t		 got;
	enum db_err		 e = DB_OK;
	size_t			 i;

	for (i = 0; e == DB_OK && i < sizeof(sts) / sizeof(sts[0]); i++)
		do {
			got = 0;
			e = db_exec(db, sts[i], &got, NULL, "");
		} while (e == DB_OK && got > 0);
	return e;
}
