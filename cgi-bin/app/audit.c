/* The audit log. */
#include <stdio.h>

#include "app/audit.h"
#include "core/log.h"
#include "data/db.h"

/* Appends a row; the caller fails its change when this fails. */
enum db_err
audit_add(struct db *db, const struct actor *who, const char *action,
    const char *otype, uint64_t oid, const char *detail)
{
	char		 id[24];
	enum db_err	 e;

	snprintf(id, sizeof(id), "%llu", (unsigned long long)oid);
	e = db_exec(db, STMT_AUDIT_INSERT, NULL, NULL, "nsssss",
	    (unsigned long long)who->id, action, otype, id,
	    detail ? detail : "", who->addr ? who->addr : "");
	if (e != DB_OK)
		LOGE("audit %s %s %s not written", action, otype, id);
	return e;
}
