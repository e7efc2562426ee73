/* The overdue job (app/late.h).  Late means: the appointment date is
 * before today (the city's day) while the deadline clock runs, that is
 * at status 2 (received), 4 (processing) or 6 (payment requested).  At 1
 * the clock has not started (receiving starts it); at 5 it is paused
 * while the applicant supplements; 3, 7, 8, 9 and 10 are over.  The
 * applicant is not mailed: the apology with a new appointment (Mẫu 04),
 * written by staff, tells them. */
#include <stdio.h>

#include "app/audit.h"
#include "app/late.h"
#include "core/arena.h"
#include "core/log.h"
#include "core/workday.h"
#include "data/db.h"

/* Marks one application locked by LATE_PICK: late_at, its event, its
 * audit row.  *done is 1 when this call marked it. */
static enum db_err
late_one(struct db *db, struct arena *a, const struct row_LATE_PICK *v,
    int *done)
{
	static const struct actor job = { 0, "portalctl" };
	const char	*note;
	uint64_t	 n = 0;
	enum db_err	 e;

	*done = 0;
	if ((e = db_exec(db, STMT_LATE_MARK, &n, NULL, "u",
	    (unsigned long long)v->id)) != DB_OK || n == 0)
		return e;
	note = arena_printf(a, "Quá hạn trả kết quả (hẹn trả %s).",
	    v->due ? v->due : "");
	if ((e = db_exec(db, STMT_LATE_EVENT, NULL, NULL, "uuus",
	    (unsigned long long)v->id, (unsigned long long)v->status,
	    (unsigned long long)v->status, note)) != DB_OK ||
	    (e = audit_add(db, &job, "application_late", "application", v->id,
	    v->due)) != DB_OK)
		return e;
	*done = 1;
	return DB_OK;
}

/* One transaction: a batch picked, each marked.  *n: how many were
 * picked (0: nothing left), *marked grows by how many were marked. */
static enum db_err
late_batch(struct db *db, struct arena *a, const char *today, size_t *n,
    uint64_t *marked)
{
	struct row_LATE_PICK	*v;
	enum db_err		 e;
	size_t			 i, got = 0;
	int			 done;

	*n = 0;
	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = db_all(db, a, LATE_PICK, &v, n, "si", today, (long long)LATE_BATCH);
	for (i = 0; e == DB_OK && i < *n; i++)
		if ((e = late_one(db, a, &v[i], &done)) == DB_OK)
			got += (size_t)done;
	if (e == DB_OK && (e = db_commit(db)) == DB_OK) {
		*marked += got;
		return DB_OK;
	}
	db_rollback(db);
	return e;
}

/* Marks every application late whose appointment is before today (days
 * since 1970-01-01, the city's day), in batches of LATE_BATCH, each its
 * own transaction; how many into *marked.  Idempotent: a marked one has
 * late_at and is not picked again; two runs at once skip each other's
 * locked rows.  Returns the first error. */
enum db_err
late_mark(struct db *db, struct arena *a, int64_t today, uint64_t *marked)
{
	char		 day[16];
	size_t		 n;
	enum db_err	 e;
	int		 y, m, d;

	*marked = 0;
	workday_ymd((int32_t)today, &y, &m, &d);
	snprintf(day, sizeof(day), "%04d-%02d-%02d", y, m, d);
	do
		e = late_batch(db, a, day, &n, marked);
	while (e == DB_OK && n == LATE_BATCH);
	if (e != DB_OK)
		LOGE("mark-late stopped after %llu: database error",
		    (unsigned long long)*marked);
	return e;
}
