/* Questions and answers (hỏi đáp).  A signed-in resident's question is
 * new at once; an anonymous one waits, unconfirmed, until the link mailed
 * to its address is followed (a day at most), and such questions are
 * bounded per address and per email.  The asker gets a mail when the
 * answer is published.  Every change is one transaction with its mail
 * (outbox) and audit row. */
#include <string.h>

#include <sodium.h>

#include "app/audit.h"
#include "app/mail.h"
#include "app/question.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/tmpl.h"
#include "core/token.h"
#include "data/db.h"

/* Commits when e is DB_OK, else rolls back; the outcome. */
static enum question_err
question_end(struct db *db, enum db_err e)
{
	if (e == DB_OK && db_commit(db) == DB_OK)
		return QUESTION_OK;
	db_rollback(db);
	return e == DB_NOTFOUND ? QUESTION_NOTFOUND : QUESTION_ERR;
}

/* Queues the confirmation link of an anonymous question to q->email. */
static enum db_err
question_mail_link(struct db *db, struct arena *a,
    const struct question_in *q, const char *token)
{
	struct tmpl_dict	*d = mail_dict("question_confirm");
	enum db_err		 e = DB_OK;

	tmpl_set(d, "TITLE", q->title);
	tmpl_set(d, "NAME", q->name);
	tmpl_set(d, "LINK", arena_printf(a, "%s/hoi-dap/xac-nhan?ma=%s",
	    cfg_str("site", "base_url", ""), token));
	if (!mail_queue_tmpl(db, q->email, "mail/question_confirm.txt", d))
		e = DB_ERR;
	tmpl_dict_free(d);
	return e;
}

/* An anonymous question: within the day's bounds, stored unconfirmed with
 * the hash of a fresh token whose link is mailed. */
static enum db_err
question_anonymous(struct db *db, struct arena *a,
    const struct question_in *q, uint64_t *id, int *limited)
{
	struct row_CT_QA_RECENT	 n;
	char			 token[TOKEN_LEN], hash[TOKEN_HASH_LEN];
	enum db_err		 e;

	e = db_one(db, a, CT_QA_RECENT, &n, "ss", q->addr, q->email);
	if (e == DB_OK && (n.by_addr >= QUESTION_ADDR_MAX ||
	    n.by_email >= QUESTION_EMAIL_MAX)) {
		*limited = 1;
		return DB_ERR;
	}
	token_new(token, hash);
	if (e == DB_OK)
		e = db_exec(db, STMT_CT_QA_INSERT, NULL, id, "unsssssss",
		    (unsigned long long)q->unit, 0ULL, q->name, q->email, hash,
		    q->title, q->text, "unconfirmed", q->addr);
	if (e == DB_OK)
		e = question_mail_link(db, a, q, token);
	sodium_memzero(token, sizeof(token));
	return e;
}

/* Stores question q: a signed-in asker's as new (with the account's
 * confirmed address, if any, for the answer's mail), an anonymous one as
 * unconfirmed with its link mailed.  QUESTION_LIMIT: the address or the
 * email asked too often today; nothing is stored. */
enum question_err
question_ask(struct db *db, struct arena *a, const struct question_in *q)
{
	struct row_CT_QA_USER_EMAIL	 u = { 0 };
	struct actor			 who = { q->user, q->addr };
	uint64_t			 id = 0;
	int				 limited = 0;
	enum db_err			 e;

	if (db_begin(db) != DB_OK)
		return QUESTION_ERR;
	if (q->user == 0)
		e = question_anonymous(db, a, q, &id, &limited);
	else if ((e = db_one(db, a, CT_QA_USER_EMAIL, &u, "u",
	    (unsigned long long)q->user)) == DB_OK || e == DB_NOTFOUND)
		e = db_exec(db, STMT_CT_QA_INSERT, NULL, &id, "uusssssss",
		    (unsigned long long)q->unit, (unsigned long long)q->user,
		    q->name, u.email, NULL, q->title, q->text, "new", q->addr);
	if (e == DB_OK)
		e = audit_add(db, &who, "question_ask", "question", id,
		    q->user == 0 ? "unconfirmed" : "new");
	if (limited) {
		db_rollback(db);
		return QUESTION_LIMIT;
	}
	return question_end(db, e);
}

/* Confirms the anonymous question of token, from addr: it is new, for
 * the editors to see.  QUESTION_NOTFOUND: spent, expired or unknown. */
enum question_err
question_confirm(struct db *db, struct arena *a, const char *token,
    const char *addr)
{
	struct row_CT_QA_CONFIRM_GET	 v = { 0 };
	struct actor			 who = { 0, addr };
	char				 hash[TOKEN_HASH_LEN];
	uint64_t			 n = 0;
	enum db_err			 e;

	token_hash(token, hash);
	if (db_begin(db) != DB_OK)
		return QUESTION_ERR;
	e = db_one(db, a, CT_QA_CONFIRM_GET, &v, "s", hash);
	if (e == DB_OK)
		e = db_exec(db, STMT_CT_QA_CONFIRM, &n, NULL, "s", hash);
	if (e == DB_OK && n != 1)
		e = DB_NOTFOUND;
	if (e == DB_OK)
		e = audit_add(db, &who, "question_confirm", "question", v.id, "");
	return question_end(db, e);
}

/* Tells the asker of v (when there is an address) that the answer is
 * published. */
static enum db_err
question_mail_answer(struct db *db, struct arena *a,
    const struct row_CT_ED_QA_GET *v)
{
	struct tmpl_dict	*d;
	enum db_err		 e = DB_OK;

	if (v->email == NULL || *v->email == '\0')
		return DB_OK;
	d = mail_dict("question_answered");
	tmpl_set(d, "TITLE", v->title);
	tmpl_set(d, "NAME", v->asker_name);
	tmpl_set(d, "LINK", arena_printf(a, "%s/don-vi/%s/hoi-dap#hoi-%llu",
	    cfg_str("site", "base_url", ""), v->unit_slug,
	    (unsigned long long)v->id));
	if (!mail_queue_tmpl(db, v->email, "mail/question_answered.txt", d))
		e = DB_ERR;
	tmpl_dict_free(d);
	return e;
}

/* The editor who answers question id ("answered": kept from the public;
 * "published": shown, the asker told the first time).  The audit row is
 * question_answer or question_publish. */
enum question_err
question_answer(struct db *db, struct arena *a, const struct actor *who,
    uint64_t id, const char *answer, const char *status)
{
	struct row_CT_ED_QA_GET	 v;
	unsigned long long	 ed = (unsigned long long)who->id;
	int			 publish = strcmp(status, "published") == 0;
	uint64_t		 n = 0;
	enum db_err		 e;

	if (db_begin(db) != DB_OK)
		return QUESTION_ERR;
	e = db_one(db, a, CT_ED_QA_GET, &v, "uu", (unsigned long long)id, ed);
	if (e == DB_OK)
		e = db_exec(db, STMT_CT_QA_ANSWER, &n, NULL, "ssusuu", answer,
		    status, ed, status, (unsigned long long)id, ed);
	if (e == DB_OK && n != 1)
		e = DB_NOTFOUND;
	if (e == DB_OK && publish && v.published_at == 0)
		e = question_mail_answer(db, a, &v);
	if (e == DB_OK)
		e = audit_add(db, who, publish ? "question_publish" :
		    "question_answer", "question", id, "");
	return question_end(db, e);
}

/* Hides question id from the public (an editor of its unit). */
enum question_err
question_hide(struct db *db, const struct actor *who, uint64_t id)
{
	unsigned long long	 ed = (unsigned long long)who->id;
	uint64_t		 n = 0;
	enum db_err		 e;

	if (db_begin(db) != DB_OK)
		return QUESTION_ERR;
	e = db_exec(db, STMT_CT_QA_HIDE, &n, NULL, "uu",
	    (unsigned long long)id, ed);
	if (e == DB_OK && n != 1)
		e = DB_NOTFOUND;
	if (e == DB_OK)
		e = audit_add(db, who, "question_hide", "question", id, "");
	return question_end(db, e);
}
