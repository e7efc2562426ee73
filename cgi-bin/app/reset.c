/* Password resets: the queue of requests (reset_requests) and its
 * handling by the jobs process.  For an active account asked for fewer
 * than RESETS_PER_HOUR times in the last hour, a request becomes a reset
 * link (only its SHA-256 stored), its mail in the outbox and an audit
 * row, in the transaction that deletes the request; for any other
 * address the request is only deleted. */
#include <string.h>

#include <sodium.h>

#include "app/audit.h"
#include "app/mail.h"
#include "app/reset.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/log.h"
#include "core/tmpl.h"
#include "core/token.h"

#define RESETS_PER_HOUR	5
#define RESET_BATCH	100	/* requests handled per run at most */

/* Reads the reset settings; call once in the jobs process. */
void
reset_conf_load(struct reset_conf *c)
{
	c->ttl = cfg_int("security", "reset_ttl", 1800, 300, 86400);
	c->base_url = cfg_str("site", "base_url", "");
	c->service_name = cfg_str("site", "service_name", "Cổng dịch vụ công");
	c->site_name = cfg_str("site", "name", "Cổng thông tin điện tử");
}

/* Queues a reset of the account whose address email is, asked from addr.
 * The only statement a reset request runs on the web. */
enum db_err
reset_ask(struct db *db, const char *email, const char *addr)
{
	return db_exec(db, STMT_RESET_ASK, NULL, NULL, "ss", email,
	    addr != NULL ? addr : "");
}


/* Queues the reset link (token) to email: templates/mail/reset.txt, whose
 * greeting is fixed (no name a user typed reaches a mail).  Returns 1/0. */
static int
reset_mail(struct db *db, struct arena *a, const struct reset_conf *c,
    const char *email, const char *token)
{
	struct tmpl_dict	*d = tmpl_dict_new("reset");
	int			 ok;

	tmpl_set(d, "SERVICE_NAME", c->service_name);
	tmpl_set(d, "SITE_NAME", c->site_name);
	tmpl_set_int(d, "MINUTES", c->ttl / 60);
	tmpl_set(d, "LINK", arena_printf(a, "%s/dat-lai-mat-khau?ma=%s",
	    c->base_url, token));
	ok = mail_queue_tmpl(db, email, "mail/reset.txt", d);
	tmpl_dict_free(d);
	return ok;
}

/* Writes the reset link of account v, its mail and audit row (inside the
 * caller's transaction). */
static enum db_err
reset_link(struct db *db, struct arena *a, const struct reset_conf *c,
    const struct row_RESET_ASK_NEXT *q, const struct row_USER_BY_EMAIL *v)
{
	char		 token[TOKEN_LEN], hash[TOKEN_HASH_LEN];
	struct actor	 who = { v->id, q->addr };
	enum db_err	 e;

	token_new(token, hash);
	e = db_exec(db, STMT_RESET_INSERT, NULL, NULL, "sui", hash,
	    (unsigned long long)v->id, (long long)c->ttl);
	if (e == DB_OK && !reset_mail(db, a, c, q->email, token))
		e = DB_ERR;
	if (e == DB_OK)
		e = audit_add(db, &who, "password_reset_request", "user", v->id,
		    "");
	sodium_memzero(token, sizeof(token));
	return e;
}

/* Handles request q inside the caller's transaction: a link for an
 * active account not asked for too often, nothing for any other. */
static enum db_err
reset_one(struct db *db, struct arena *a, const struct reset_conf *c,
    const struct row_RESET_ASK_NEXT *q)
{
	struct row_USER_BY_EMAIL	 v;
	struct row_RESET_COUNT		 n;
	enum db_err			 e;

	if ((e = db_one(db, a, USER_BY_EMAIL, &v, "s", q->email)) != DB_OK)
		return e == DB_NOTFOUND ? DB_OK : e;
	if (strcmp(v.status, "active") != 0)
		return DB_OK;
	if ((e = db_one(db, a, RESET_COUNT, &n, "u",
	    (unsigned long long)v.id)) != DB_OK)
		return e;
	if (n.n >= RESETS_PER_HOUR)
		return DB_OK;
	return reset_link(db, a, c, q, &v);
}

/* Takes the oldest request and handles it in one transaction with its
 * deletion.  A request whose handling fails is dropped (and logged) if
 * the database still answers, so that it cannot hold up the queue; the
 * visitor may ask again.  Returns DB_OK (one handled), DB_NOTFOUND (the
 * queue is empty) or the error. */
static enum db_err
reset_next(struct db *db, struct arena *a, const struct reset_conf *c)
{
	struct row_RESET_ASK_NEXT	 q;
	enum db_err			 e;

	memset(&q, 0, sizeof(q));
	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = db_one(db, a, RESET_ASK_NEXT, &q, "");
	if (e == DB_OK)
		e = reset_one(db, a, c, &q);
	if (e == DB_OK)
		e = db_exec(db, STMT_RESET_ASK_DONE, NULL, NULL, "u",
		    (unsigned long long)q.id);
	if (e == DB_OK && (e = db_commit(db)) == DB_OK)
		return DB_OK;
	db_rollback(db);
	if (e == DB_ERR && q.id != 0 && db_exec(db, STMT_RESET_ASK_DONE,
	    NULL, NULL, "u", (unsigned long long)q.id) == DB_OK)
		LOGW("reset request %llu dropped after an error",
		    (unsigned long long)q.id);
	return e;
}

/* Handles the queued reset requests, at most RESET_BATCH of them, one
 * transaction each.  Returns how many, -1 on a database error. */
int
reset_run_once(struct db *db, struct arena *a, const struct reset_conf *c)
{
	enum db_err	 e = DB_OK;
	int		 n;

	for (n = 0; n < RESET_BATCH && (e = reset_next(db, a, c)) == DB_OK;
	    n++)
		continue;
	return e == DB_ERR ? -1 : n;
}
