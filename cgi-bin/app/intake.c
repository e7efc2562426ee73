/* Counter intake (app/intake.h). */
#include <string.h>

#include "app/account.h"
#include "app/application.h"
#include "app/event.h"
#include "app/intake.h"
#include "app/status.h"
#include "app/upload.h"
#include "core/arena.h"
#include "data/db.h"

/* The application the key of n registered already: its code into *code.
 * Returns INTAKE_DONE, or INTAKE_NOTFOUND when there is none. */
static enum intake_err
intake_done(struct db *db, struct arena *a, const struct intake *n,
    const char **code)
{
	struct row_INTAKE_BY_KEY	 v;

	if (db_one(db, a, INTAKE_BY_KEY, &v, "s", n->idem_key) != DB_OK ||
	    v.code == NULL)
		return INTAKE_NOTFOUND;
	*code = v.code;
	return INTAKE_DONE;
}

/* Inside the transaction: the applicant's account, found by phone, else
 * made (a resident without a password).  Returns DB_OK (*id set), DB_DUP
 * (the email is another's, or the phone was registered meanwhile). */
static enum db_err
intake_applicant(struct db *db, struct arena *a, const struct actor *who,
    const struct intake *n, uint64_t *id)
{
	struct row_USER_BY_PHONE	 u;
	struct account_new		 acc;
	enum db_err			 e;

	if ((e = db_one(db, a, USER_BY_PHONE, &u, "s", n->phone)) == DB_OK) {
		*id = u.id;
		return DB_OK;
	}
	if (e != DB_NOTFOUND)
		return e;
	memset(&acc, 0, sizeof(acc));
	acc.full_name = n->full_name;
	acc.phone = n->phone;
	acc.email = n->email;
	return account_create_in(db, a, who, &acc, id);
}

/* The first event's note: where it was received, and the staff's note. */
static const char *
intake_note(struct arena *a, const struct intake *n)
{
	if (n->note == NULL || *n->note == '\0')
		return "Tiếp nhận trực tiếp tại Bộ phận tiếp nhận và trả kết "
		    "quả";
	return arena_printf(a, "Tiếp nhận trực tiếp tại Bộ phận tiếp nhận và "
	    "trả kết quả. %s", n->note);
}

/* Inside the transaction: the application row, its files (added by
 * who), its event from 0 to 2 with the mail and the audit row. */
static enum intake_err
intake_rows(struct db *db, struct arena *a, const struct actor *who,
    const struct intake *n, uint64_t applicant, const char *due,
    const char *code)
{
	uint64_t	 id = 0, changed = 0;
	enum store_err	 se;

	if (db_exec(db, STMT_INTAKE_INSERT, &changed, &id, "suusiisu", code,
	    (unsigned long long)n->version_id, (unsigned long long)applicant,
	    n->idem_key, (long long)n->now, (long long)n->now, due,
	    (unsigned long long)n->unit_id) != DB_OK)
		return INTAKE_ERR;
	if (changed != 1)
		return INTAKE_NOTFOUND;
	if ((se = upload_attach(db, a, id, n->files, n->nfiles)) != STORE_OK)
		return se == STORE_APPFULL ? INTAKE_FULL : INTAKE_ERR;
	if (db_exec(db, STMT_INTAKE_FILES_BY, NULL, NULL, "uu",
	    (unsigned long long)who->id, (unsigned long long)id) != DB_OK ||
	    event_record(db, a, who, id, STATUS_DRAFT, STATUS_RECEIVED,
	    intake_note(a, n), "application_intake", code) != DB_OK)
		return INTAKE_ERR;
	return INTAKE_OK;
}

/* Registers n, received now at the counter by who, in one transaction:
 * the applicant (found or made), the code from the unit's sequence, the
 * row (channel counter, status 2, the appointment from the procedure's
 * working days), the files, the event, mail and audit rows.  *code gets
 * the code, also when n's key registered one before (INTAKE_DONE:
 * nothing new is written). */
enum intake_err
intake_submit(struct db *db, struct arena *a, const struct actor *who,
    const struct intake *n, const char **code)
{
	const char	*due = application_due(db, a, n->now, n->processing_days);
	uint64_t	 applicant = 0;
	enum intake_err	 r = INTAKE_ERR;
	enum db_err	 e;

	if (intake_done(db, a, n, code) == INTAKE_DONE)
		return INTAKE_DONE;
	if (n->processing_days >= 0 && due == NULL)
		return INTAKE_ERR;
	if (db_begin(db) != DB_OK)
		return INTAKE_ERR;
	if ((e = intake_applicant(db, a, who, n, &applicant)) != DB_OK) {
		r = e == DB_DUP ? INTAKE_TAKEN : INTAKE_ERR;
		goto fail;
	}
	if ((*code = application_number(db, a, n->unit_id, n->now)) == NULL)
		goto fail;
	if ((r = intake_rows(db, a, who, n, applicant, due, *code)) !=
	    INTAKE_OK)
		goto fail;
	if (db_commit(db) != DB_OK) {
		r = INTAKE_ERR;
		goto fail;
	}
	return INTAKE_OK;
fail:
	db_rollback(db);
	/* A second click racing the first waited on its rows: its key is
	 * registered now. */
	if (r == INTAKE_TAKEN || r == INTAKE_ERR)
		return intake_done(db, a, n, code) == INTAKE_DONE ?
		    INTAKE_DONE : r;
	return r;
}
