/* Tracking and the applicant's own changes to an application. */
#include <stdio.h>

#include "app/audit.h"
#include "app/event.h"
#include "app/status.h"
#include "app/tracking.h"
#include "core/arena.h"
#include "data/db.h"

/* Counts a public lookup against addr, the lookup itself included, and
 * refuses it past limit lookups in the last hour: TRACK_LIMITED with
 * *wait the seconds until the oldest of them leaves the hour (at least
 * 1); TRACK_OK; TRACK_ERR.  A refused lookup is counted too, so that
 * hammering keeps the address out.  The count is one row an address a
 * minute (track_counts), so a lookup costs the same during a flood. */
enum track_err
track_attempt(struct db *db, struct arena *a, const char *addr, long limit,
    long *wait)
{
	struct row_TRACK_COUNTED	 c;

	*wait = 0;
	if (addr == NULL)
		addr = "";
	if (db_exec(db, STMT_TRACK_COUNT, NULL, NULL, "s", addr) != DB_OK ||
	    db_one(db, a, TRACK_COUNTED, &c, "s", addr) != DB_OK)
		return TRACK_ERR;
	if (c.n <= limit)
		return TRACK_OK;
	*wait = c.wait > 0 ? (long)c.wait : 1;
	return TRACK_LIMITED;
}

/* Withdraws application app for its applicant who->id, who saw it at
 * version with status from (status_can_withdraw, checked again by the
 * statement): status 7, its event, mail and audit rows, in one
 * transaction.
 * TRACK_STALE when the application changed since (another version, or a
 * status that no longer allows it); nothing changes then. */
enum track_err
track_withdraw(struct db *db, struct arena *a, const struct actor *who,
    uint64_t app, uint64_t version, long long from)
{
	uint64_t	 n = 0;
	char		 detail[32];

	snprintf(detail, sizeof(detail), "%lld -> %d", from,
	    STATUS_WITHDRAWN);
	if (db_begin(db) != DB_OK)
		return TRACK_ERR;
	if (db_exec(db, STMT_MYAPP_WITHDRAW, &n, NULL, "uuu",
	    (unsigned long long)app, (unsigned long long)who->id,
	    (unsigned long long)version) != DB_OK)
		goto fail;
	if (n == 0) {
		db_rollback(db);
		return TRACK_STALE;
	}
	if (event_record(db, a, who, app, (int)from, STATUS_WITHDRAWN, "",
	    "application_withdraw", detail) != DB_OK ||
	    db_commit(db) != DB_OK)
		goto fail;
	return TRACK_OK;
fail:
	db_rollback(db);
	return TRACK_ERR;
}

/* Records the applicant's rating (1-5) and comment (NULL: none) of
 * application app, returned (10) and not yet rated, with its audit row.
 * TRACK_STALE when it is not returned or already rated. */
enum track_err
track_rate(struct db *db, const struct actor *who, uint64_t app,
    unsigned rating, const char *comment)
{
	uint64_t	 n = 0;
	char		 detail[16];

	snprintf(detail, sizeof(detail), "%u", rating);
	if (db_begin(db) != DB_OK)
		return TRACK_ERR;
	if (db_exec(db, STMT_MYAPP_RATE, &n, NULL, "usuu",
	    (unsigned long long)rating, comment, (unsigned long long)app,
	    (unsigned long long)who->id) != DB_OK)
		goto fail;
	if (n == 0) {
		db_rollback(db);
		return TRACK_STALE;
	}
	if (audit_add(db, who, "application_rate", "application", app,
	    detail) != DB_OK || db_commit(db) != DB_OK)
		goto fail;
	return TRACK_OK;
fail:
	db_rollback(db);
	return TRACK_ERR;
}
