/* Applications as the resident makes them (app/application.h). */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "app/application.h"
#include "app/event.h"
#include "app/status.h"
#include "app/upload.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/clock.h"
#include "core/log.h"
#include "core/workday.h"
#include "data/db.h"

/* [services] cutoff: applications that come in from then on count from
 * the next working day. */
static int	 cutoff_minutes = 15 * 60;

/* Reads [services] cutoff ("HH:MM", local time).  Returns 0 when it is
 * not one. */
int
application_init(void)
{
	const char	*s = cfg_str("services", "cutoff", "15:00");

	if (workday_hhmm(s, &cutoff_minutes))
		return 1;
	LOGE("[services] cutoff: not HH:MM: %s", s);
	return 0;
}

/* The appointment date ("YYYY-MM-DD") of an application that comes in at
 * now with a processing time of days working days; NULL when days is
 * unknown (-1) or the calendar cannot be read. */
const char *
application_due(struct db *db, struct arena *a, int64_t now, int64_t days)
{
	struct row_HOLIDAYS_FROM	*v;
	struct workday_cal		 cal;
	int32_t				*off;
	size_t				 i, n;

	if (days < 0 || db_all(db, a, HOLIDAYS_FROM, &v, &n, "i",
	    (long long)(int32_t)clock_day(now)) != DB_OK)
		return NULL;
	off = arena_calloc(a, n + 1, sizeof(*off));
	for (i = 0; i < n; i++)
		off[i] = (int32_t)v[i].n;
	cal.off = off;
	cal.n = n;
	return workday_iso(a, workday_due(&cal, workday_received(&cal, now,
	    (int)clock_offset(), cutoff_minutes), (unsigned)days));
}

/* The application already submitted with n's key: its code into *code.
 * Returns APPLICATION_DONE, or NOTFOUND when there is none. */
static enum application_err
application_done(struct db *db, struct arena *a,
    const struct application_new *n, const char **code)
{
	struct row_APP_BY_IDEM	 v;

	if (db_one(db, a, APP_BY_IDEM, &v, "us",
	    (unsigned long long)n->applicant, n->idem_key) != DB_OK ||
	    v.status == 0 || v.code == NULL)
		return APPLICATION_NOTFOUND;
	*code = v.code;
	return APPLICATION_DONE;
}

/* Inside the transaction: drops the files n names from draft id (while
 * it is one).  Returns 1/0. */
static int
application_drops(struct db *db, const struct application_new *n,
    uint64_t id)
{
	size_t	 i;

	for (i = 0; i < n->ndrops; i++)
		if (db_exec(db, STMT_UPLOAD_DROP, NULL, NULL, "uuu",
		    (unsigned long long)n->drops[i], (unsigned long long)id,
		    (unsigned long long)n->applicant) != DB_OK)
			return 0;
	return 1;
}

/* Inside the transaction: records n's new files of application id.
 * Returns APPLICATION_OK, FULL (over the application's limit) or ERR. */
static enum application_err
application_files(struct db *db, struct arena *a,
    const struct application_new *n, uint64_t id)
{
	enum store_err	 e;

	if ((e = upload_attach(db, a, id, n->files, n->nfiles)) == STORE_OK)
		return APPLICATION_OK;
	return e == STORE_APPFULL ? APPLICATION_FULL : APPLICATION_ERR;
}

/* The draft's row: a new one (*id set), or n->draft_id's.  A key already
 * used for a draft gives that draft (a double click). */
static enum application_err
application_draft_row(struct db *db, struct arena *a,
    const struct application_new *n, uint64_t *id)
{
	struct row_APP_BY_IDEM	 v;
	uint64_t		 changed = 0;
	enum db_err		 e;

	if (n->draft_id != 0) {
		*id = n->draft_id;
		e = db_exec(db, STMT_APP_DRAFT_UPDATE, &changed, NULL, "uusuu",
		    (unsigned long long)n->version_id,
		    (unsigned long long)n->unit_id, n->form_data,
		    (unsigned long long)n->draft_id,
		    (unsigned long long)n->applicant);
		if (e != DB_OK)
			return APPLICATION_ERR;
		return changed == 1 ? APPLICATION_OK : APPLICATION_NOTFOUND;
	}
	e = db_exec(db, STMT_APP_DRAFT_INSERT, &changed, id, "uussu",
	    (unsigned long long)n->version_id,
	    (unsigned long long)n->applicant, n->form_data, n->idem_key,
	    (unsigned long long)n->unit_id);
	if (e == DB_OK)
		return changed == 1 ? APPLICATION_OK : APPLICATION_NOTFOUND;
	if (e != DB_DUP || db_one(db, a, APP_BY_IDEM, &v, "us",
	    (unsigned long long)n->applicant, n->idem_key) != DB_OK)
		return APPLICATION_ERR;
	*id = v.id;
	return v.status == 0 ? APPLICATION_OK : APPLICATION_DONE;
}

/* Saves n as a draft with its files, in one transaction: a new one (*id
 * set), or n->draft_id's.  A key already used for a draft saves into that
 * draft (a double click); one already submitted returns DONE. */
enum application_err
application_draft(struct db *db, struct arena *a, const struct actor *who,
    const struct application_new *n, uint64_t *id)
{
	enum application_err	 e;

	(void)who;
	if (db_begin(db) != DB_OK)
		return APPLICATION_ERR;
	if ((e = application_draft_row(db, a, n, id)) == APPLICATION_OK)
		e = application_drops(db, n, *id) ?
		    application_files(db, a, n, *id) : APPLICATION_ERR;
	if (e != APPLICATION_OK) {
		db_rollback(db);
		return e;
	}
	return db_commit(db) == DB_OK ? APPLICATION_OK : APPLICATION_ERR;
}

/* The next code of the day of unit unit_id (a current unit) for an
 * application that comes in at now: {unit code}-{yyMMdd}-{NNNN}, inside
 * the caller's transaction (the sequence's row stays locked until it
 * ends; a rollback gives the number back).  NULL on an error or when the
 * unit is not current. */
const char *
application_number(struct db *db, struct arena *a, uint64_t unit_id,
    int64_t now)
{
	struct row_APP_UNIT	 u;
	struct row_APP_SEQ_LAST	 last;
	int32_t			 day = (int32_t)clock_day(now);
	int			 y, m, d;

	if (db_one(db, a, APP_UNIT, &u, "u", (unsigned long long)unit_id)
	    != DB_OK || db_exec(db, STMT_APP_SEQ_NEXT, NULL, NULL, "us",
	    (unsigned long long)unit_id, workday_iso(a, day)) != DB_OK ||
	    db_one(db, a, APP_SEQ_LAST, &last, "") != DB_OK)
		return NULL;
	workday_ymd(day, &y, &m, &d);
	return arena_printf(a, "%s-%02d%02d%02d-%04llu", u.code, y % 100, m, d,
	    (unsigned long long)last.n);
}

/* Writes the submitted row: the draft's (0 rows: someone was quicker) or
 * a new one (DB_DUP: the key was used), with code (NULL: given later in
 * the transaction, APP_SET_CODE).  *id gets the row. */
static enum db_err
application_write(struct db *db, const struct application_new *n,
    const char *code, const char *due, uint64_t *id)
{
	uint64_t	 changed = 0;
	enum db_err	 e;

	if (n->draft_id == 0)
		return db_exec(db, STMT_APP_SUBMIT_INSERT, NULL, id,
		    "suuuussus", code, (unsigned long long)n->version_id,
		    (unsigned long long)n->unit_id,
		    (unsigned long long)n->applicant,
		    (unsigned long long)n->assisted_by, n->form_data,
		    n->idem_key, (unsigned long long)n->now, due);
	*id = n->draft_id;
	e = db_exec(db, STMT_APP_SUBMIT_DRAFT, &changed, NULL, "suususuu",
	    code, (unsigned long long)n->version_id,
	    (unsigned long long)n->unit_id, n->form_data,
	    (unsigned long long)n->now, due, (unsigned long long)n->draft_id,
	    (unsigned long long)n->applicant);
	return e == DB_OK && changed != 1 ? DB_NOTFOUND : e;
}

/* The first event's note: who helped, for an assisted submission. */
static const char *
application_note(struct arena *a, const struct application_new *n)
{
	if (n->assisted_by == 0)
		return "Nộp hồ sơ trực tuyến";
	return arena_printf(a, "Nộp hồ sơ trực tuyến với sự hỗ trợ của tổ "
	    "công nghệ số: %s", n->helper != NULL ? n->helper : "");
}

/* Inside the transaction, last: the code of application id from the
 * unit's sequence into *code, then its first event, mail and audit row,
 * which name it.  The sequence's row is locked from here to the commit:
 * every submission of the unit that day waits for it, so nothing slower
 * (the row, the files) comes after. */
static enum db_err
application_coded(struct db *db, struct arena *a, const struct actor *who,
    const struct application_new *n, uint64_t id, const char **code)
{
	if ((*code = application_number(db, a, n->unit_id, n->now)) == NULL ||
	    db_exec(db, STMT_APP_SET_CODE, NULL, NULL, "su", *code,
	    (unsigned long long)id) != DB_OK)
		return DB_ERR;
	return event_record(db, a, who, id, STATUS_DRAFT, STATUS_SUBMITTED,
	    application_note(a, n), n->assisted_by != 0 ?
	    "application_submit_assisted" : "application_submit",
	    n->assisted_by != 0 ? arena_printf(a, "%s; nộp hộ bởi tổ công "
	    "nghệ số: %s", *code, n->helper) : *code);
}

/* Submits n in one transaction: the row (status 1), its files (those of
 * the draft stay, but the dropped), then its code from the unit's
 * sequence, its first event, mail and audit row (app/event.c).  *code
 * gets the code, also when the key had been submitted before
 * (APPLICATION_DONE: nothing new is written). */
enum application_err
application_submit(struct db *db, struct arena *a, const struct actor *who,
    const struct application_new *n, const char **code)
{
	const char	*due = application_due(db, a, n->now, n->processing_days);
	uint64_t	 id = 0;
	enum db_err	 e = DB_ERR;
	enum application_err f;

	if (application_done(db, a, n, code) == APPLICATION_DONE)
		return APPLICATION_DONE;
	if (n->assisted_by != 0 && n->draft_id != 0)	/* never a draft */
		return APPLICATION_NOTFOUND;
	if (n->processing_days >= 0 && due == NULL)
		return APPLICATION_ERR;
	if (db_begin(db) != DB_OK)
		return APPLICATION_ERR;
	if ((n->draft_id != 0 && !application_drops(db, n, n->draft_id)) ||
	    (e = application_write(db, n, NULL, due, &id)) != DB_OK)
		goto fail;
	if ((f = application_files(db, a, n, id)) != APPLICATION_OK) {
		db_rollback(db);
		return f;
	}
	if ((e = application_coded(db, a, who, n, id, code)) != DB_OK ||
	    (e = db_commit(db)) != DB_OK)
		goto fail;
	return APPLICATION_OK;
fail:
	db_rollback(db);
	if (e == DB_DUP || e == DB_NOTFOUND)
		return application_done(db, a, n, code);
	return APPLICATION_ERR;
}
