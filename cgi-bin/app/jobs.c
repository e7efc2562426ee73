/* Background jobs: reset requests, mail and SMS delivery and
 * housekeeping. */
#include <stdint.h>
#include <time.h>

#include "app/jobs.h"
#include "app/mail.h"
#include "app/outbox.h"
#include "app/sms.h"
#include "app/tnid.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/log.h"
#include "data/db.h"

#define JOBS_DRAIN_MS	800	/* of a tick's second, for the senders */

/* Reads the jobs' settings; call once in the jobs process. */
void
jobs_init(struct jobs *j)
{
	mail_conf_load(&j->mail);
	sms_conf_load(&j->sms);
	reset_conf_load(&j->reset);
	j->every = cfg_int("server", "housekeeping", 60, 1, 86400);
	j->idle = cfg_int("session", "idle", 1800, 60, 86400);
	j->absolute = cfg_int("session", "absolute", 43200, 300, 604800);
	j->ticks = 0;
}

/* Milliseconds on a clock that only goes forward. */
static int64_t
jobs_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One second's work: turn reset requests into mail, deliver the mail
 * and the SMS that are due (one after the other: a slow gateway delays
 * the mail by at most [sms] timeout_ms a message), each sender batch
 * after batch while its batches come full, within JOBS_DRAIN_MS, so that
 * a burst (a thousand changes of status) drains at the servers' pace,
 * not a batch a second; now and then, housekeeping. */
void
jobs_tick(struct jobs *j, struct db *db, struct arena *a)
{
	int64_t	 end = jobs_ms() + JOBS_DRAIN_MS;

	reset_run_once(db, a, &j->reset);
	while (mail_run_once(db, a, &j->mail) == OUTBOX_BATCH &&
	    jobs_ms() < end)
		arena_reset(a);
	while (sms_run_once(db, a, &j->sms) == OUTBOX_BATCH &&
	    jobs_ms() < end)
		arena_reset(a);
	if (j->ticks++ % j->every == 0)
		jobs_housekeep(db, j->idle, j->absolute);
}

/* Runs the batch delete st (at most a batch of rows each time) until a
 * run deletes nothing, adding the rows deleted to *n; every batch is a
 * statement of its own, so that no lock is held long.  The statement
 * takes idle and absolute, or nothing ("" ignores them). */
static enum db_err
jobs_purge(struct db *db, enum stmt st, const char *fmt, long idle,
    long absolute, uint64_t *n)
{
	uint64_t	 got;
	enum db_err	 e;

	do {
		got = 0;
		e = db_exec(db, st, &got, NULL, fmt, (long long)idle,
		    (long long)absolute);
		*n += got;
	} while (e == DB_OK && got > 0);
	return e;
}

/* Housekeeping: deletes every expired session, every sign-in failure
 * older than any throttling window and every reset and email
 * confirmation link, registration attempt and tracking lookup a day
 * past its end, and Thái Nguyên ID's spent login states and nonces
 * (app/tnid.c), a batch at a time until none is left, and logs how many
 * when there were any.  Returns the sessions deleted, -1 on a database
 * error. */
int
jobs_housekeep(struct db *db, long idle, long absolute)
{
	uint64_t	 s = 0, f = 0, r = 0, c = 0, g = 0, t = 0;
	int		 ok;

	ok = jobs_purge(db, STMT_SESS_EXPIRE, "ii", idle, absolute, &s) ==
	    DB_OK && jobs_purge(db, STMT_FAIL_EXPIRE, "", 0, 0, &f) ==
	    DB_OK && jobs_purge(db, STMT_RESET_EXPIRE, "", 0, 0, &r) ==
	    DB_OK && jobs_purge(db, STMT_CONFIRM_EXPIRE, "", 0, 0, &c) ==
	    DB_OK && jobs_purge(db, STMT_REGISTER_ATTEMPT_EXPIRE, "", 0, 0,
	    &g) == DB_OK && jobs_purge(db, STMT_TRACK_COUNT_EXPIRE, "", 0,
	    0, &t) == DB_OK && tnid_housekeeping(db) == DB_OK;
	if (s + f + r + c + g + t > 0)
		LOGI("deleted %llu sessions, %llu sign-in failures, %llu "
		    "reset links, %llu email confirmation links, %llu "
		    "registration attempts, %llu tracking lookups",
		    (unsigned long long)s, (unsigned long long)f,
		    (unsigned long long)r, (unsigned long long)c,
		    (unsigned long long)g, (unsigned long long)t);
	return ok ? (int)s : -1;
}
