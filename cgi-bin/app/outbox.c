/* Claiming the outbox's due rows for a sender. */
#include <stddef.h>

#include "app/outbox.h"
#include "data/db.h"

#define OUTBOX_CLAIM	300	/* seconds: longer than a batch's sends */

/* Claims up to OUTBOX_BATCH due rows of kind ("email", "sms") in one
 * short transaction; rows another sender holds are skipped, and a claim
 * that outlives its sender (a crash) expires after OUTBOX_CLAIM seconds.
 * *rows gets them (arena a).  Returns 0 on a database error. */
int
outbox_claim(struct db *db, struct arena *a, const char *kind,
    struct row_OUTBOX_DUE **rows, size_t *n)
{
	size_t	 i;
	int	 ok = 0;

	*n = 0;
	if (db_begin(db) != DB_OK)
		return 0;
	if (db_all(db, a, OUTBOX_DUE, rows, n, "si", kind,
	    (long long)OUTBOX_BATCH) != DB_OK)
		goto out;
	for (i = 0; i < *n; i++)
		if (db_exec(db, STMT_OUTBOX_CLAIM, NULL, NULL, "iu",
		    (long long)OUTBOX_CLAIM,
		    (unsigned long long)(*rows)[i].id) != DB_OK)
			goto out;
	ok = db_commit(db) == DB_OK;
out:
	if (!ok) {
		db_rollback(db);
		*n = 0;
	}
	return ok;
}
