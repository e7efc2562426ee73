/* Background jobs: mail delivery and housekeeping. */
#include "app/jobs.h"
#include "app/mail.h"
#include "core/cfg.h"
#include "data/db.h"

/* Reads the jobs' settings; call once in the jobs process. */
void
jobs_init(struct jobs *j)
{
	mail_conf_load(&j->mail);
	j->every = cfg_int("server", "housekeeping", 60, 1, 86400);
	j->idle = cfg_int("session", "idle", 1800, 60, 86400);
	j->absolute = cfg_int("session", "absolute", 43200, 300, 604800);
	j->ticks = 0;
}

/* One second's work: deliver what is due; now and then, housekeeping. */
void
jobs_tick(struct jobs *j, struct db *db, struct arena *a)
{
	mail_run_once(db, a, &j->mail);
	if (j->ticks++ % j->every == 0)
		jobs_housekeep(db, j->idle, j->absolute);
}

/* Housekeeping, a batch at a time: deletes expired sessions, sign-in
 * failures older than any throttling window, and reset and email
 * confirmation links a day past their end.  Returns the sessions
 * deleted, -1 on a database error. */
int
jobs_housekeep(struct db *db, long idle, long absolute)
{
	uint64_t	 n = 0;

	if (db_exec(db, STMT_SESS_EXPIRE, &n, NULL, "ii", (long long)idle,
	    (long long)absolute) != DB_OK ||
	    db_exec(db, STMT_FAIL_EXPIRE, NULL, NULL, "") != DB_OK ||
	    db_exec(db, STMT_RESET_EXPIRE, NULL, NULL, "") != DB_OK ||
	    db_exec(db, STMT_CONFIRM_EXPIRE, NULL, NULL, "") != DB_OK)
		return -1;
	return (int)n;
}
