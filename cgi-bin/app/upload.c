/* Attachments as the applicant sends them (app/upload.h). */
#include <string.h>

#include "app/event.h"
#include "app/status.h"
#include "app/store.h"
#include "app/upload.h"
#include "core/arena.h"
#include "core/log.h"
#include "data/db.h"

/* The slot name of the e-form's document index (0-based): giay_to_1, ... */
const char *
upload_slot(struct arena *a, size_t index)
{
	return arena_printf(a, "giay_to_%zu", index + 1);
}

/* Records n stored files of application app_id, inside the caller's
 * transaction (store_attach locks the application's row and checks the
 * per-application limit); a content the slot has already is skipped.
 * Returns STORE_OK or the first error; the caller rolls back on any. */
enum store_err
upload_attach(struct db *db, struct arena *a, uint64_t app_id,
    const struct upload_file *v, size_t n)
{
	struct row_UPLOAD_HAS	 has;
	enum store_err		 e = STORE_OK;
	size_t			 i;

	for (i = 0; i < n && e == STORE_OK; i++) {
		if (db_one(db, a, UPLOAD_HAS, &has, "uss",
		    (unsigned long long)app_id, v[i].slot, v[i].f.sha256) !=
		    DB_OK)
			return STORE_DB;
		if (has.n == 0)
			e = store_attach(db, a, app_id, v[i].slot,
			    v[i].filename, &v[i].f, NULL);
	}
	return e;
}

/* The files' names, comma-separated, for an event's note. */
const char *
upload_names(struct arena *a, const struct upload_file *v, size_t n)
{
	const char	*s = "";
	size_t		 i;

	for (i = 0; i < n; i++)
		s = arena_printf(a, "%s%s%s", s, i > 0 ? ", " : "",
		    v[i].filename);
	return s;
}

/* The answer to a supplement request: at status 5 and the version the
 * applicant saw, in one transaction, the files are recorded and the
 * application marked supplied (supplied_at), with an event of kind
 * "supplied" whose note lists the files, a mail and an audit row.  The
 * status stays 5 and the deadline clock stays stopped until staff check
 * the documents and accept them (app/desk.c, nhan-bo-sung: 5 -> 4). */
enum upload_err
upload_supplement(struct db *db, struct arena *a, const struct actor *who,
    uint64_t app_id, const char *code, uint64_t version,
    const struct upload_file *v, size_t n)
{
	struct event	 ev = { STATUS_SUPPLEMENT, STATUS_SUPPLEMENT, "supplied",
			    0, NULL, NULL, NULL };
	uint64_t	 changed = 0;
	enum store_err	 se;

	if (db_begin(db) != DB_OK)
		return UPLOAD_ERR;
	if (db_exec(db, STMT_UPLOAD_SUPPLIED, &changed, NULL, "uuu",
	    (unsigned long long)app_id, (unsigned long long)who->id,
	    (unsigned long long)version) != DB_OK)
		goto fail;
	if (changed != 1) {
		db_rollback(db);
		return UPLOAD_STALE;
	}
	if ((se = upload_attach(db, a, app_id, v, n)) != STORE_OK) {
		db_rollback(db);
		return se == STORE_APPFULL ? UPLOAD_FULL : UPLOAD_ERR;
	}
	ev.note = arena_printf(a, "Công dân bổ sung giấy tờ: %s",
	    upload_names(a, v, n));
	if (event_add(db, a, who, app_id, &ev, "application_supplement",
	    code) != DB_OK || db_commit(db) != DB_OK)
		goto fail;
	return UPLOAD_OK;
fail:
	db_rollback(db);
	return UPLOAD_ERR;
}
