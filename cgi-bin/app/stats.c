/* Statistics of the one-stop desks (issue 12): the indicators of a range
 * of the city's days, read with a few grouped queries over covering keys
 * (data/st_stats.h, migration 0026) and summed here; processing times are
 * counted in working days with the holidays, from the pairs (day
 * received, day decided).  No counter is kept anywhere: an answer is
 * computed from the applications and their events, and a worker keeps it
 * [stats] cache_seconds (60) for the same question. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/stats.h"
#include "app/store.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/clock.h"
#include "core/workday.h"
#include "data/db.h"

#define STATS_CACHE	8

/* The per-process cache: the newest answers, by their question; and the
 * questions a thread is computing now (the others that ask one wait for
 * its answer rather than compute it too: a cold city-wide year takes
 * seconds, and every reader of the page asks it at once). */
static struct {
	struct stats	*s;
	time_t		 made;
} stats_cache[STATS_CACHE];
static struct stats_q {
	uint64_t	 unit;
	int32_t		 from, to, today;	/* today 0: a free slot */
} stats_busy[STATS_CACHE];
static pthread_mutex_t	 stats_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 stats_done = PTHREAD_COND_INITIALIZER;
/* The gauges' text, as /metrics last made it in this process. */
static char		*stats_gauge_text;
static time_t		 stats_gauge_made;

/* The smallest number of days d such that at least pct per cent of the
 * counts of hist (hist[d]: how many took d days) took d or fewer (the
 * nearest rank).  -1 when hist is empty. */
int64_t
stats_percentile(const int64_t *hist, size_t nbins, unsigned pct)
{
	int64_t	 total = 0, rank, seen = 0, d = -1;
	size_t	 i;

	for (i = 0; i < nbins; i++)
		total += hist[i];
	if (total == 0)
		goto out;
	rank = (total * (int64_t)pct + 99) / 100;
	if (rank < 1)
		rank = 1;
	for (i = 0; i < nbins && d < 0; i++)
		if ((seen += hist[i]) >= rank)
			d = (int64_t)i;
out:
	return d;
}

/* The working days after day from up to day to, both in: 0 for a
 * decision on the day of receipt, 1 on the next working day. */
int64_t
stats_workdays(const struct workday_cal *c, int32_t from, int32_t to)
{
	int64_t	 n = 0;
	int32_t	 d;

	for (d = from + 1; d <= to; d++)
		n += workday_is_work(c, d);
	return n;
}

/* num / den, 0 when den is 0 (the pages show "—" then). */
double
stats_ratio(int64_t num, int64_t den)
{
	return den > 0 ? (double)num / (double)den : 0.0;
}

/* The month back months before (y, m). */
void
stats_month_back(int y, int m, int back, int *oy, int *om)
{
	int	 k = y * 12 + (m - 1) - back;

	*oy = k / 12;
	*om = k % 12 + 1;
}

/* The index of unit id in s, or -1. */
static int
stats_unit_at(const struct stats *s, uint64_t id)
{
	size_t	 i;

	for (i = 0; i < s->nunits; i++)
		if (s->units[i].id == id)
			return (int)i;
	return -1;
}

static void
stats_copy(char *dst, size_t sz, const char *src)
{
	snprintf(dst, sz, "%s", src != NULL ? src : "");
}

/* The current units (one, if s is about one). */
static enum db_err
stats_units(struct db *db, struct arena *a, struct stats *s)
{
	struct row_UNITS_CURRENT	*v;
	size_t				 i, n;
	enum db_err			 e;

	if ((e = db_all(db, a, UNITS_CURRENT, &v, &n, "")) != DB_OK)
		return e;
	for (i = 0; i < n && s->nunits < STATS_UNITS_MAX; i++) {
		struct stats_unit *u = &s->units[s->nunits];
		if (s->unit != 0 && v[i].id != s->unit)
			continue;
		u->id = v[i].id;
		stats_copy(u->slug, sizeof(u->slug), v[i].slug);
		stats_copy(u->kind, sizeof(u->kind), v[i].kind);
		stats_copy(u->name, sizeof(u->name), v[i].name);
		s->nunits++;
	}
	return DB_OK;
}

/* Adds the counts of one unit's row to the unit and the city. */
static void
stats_add(struct stats_ind *t, const struct row_STATS_APPS *v)
{
	t->received += v->received;
	t->online += v->online;
	t->counter += v->counter;
	t->post += v->post;
	t->finished += v->finished;
	t->on_time += v->on_time;
	t->late += v->late;
	t->pending += v->pending;
	t->overdue += v->overdue;
	t->ratings += v->ratings;
	t->rating_sum += v->rating_sum;
	t->satisfied += v->satisfied;
}

/* The counts of the applications received in [lo, hi). */
static enum db_err
stats_apps(struct db *db, struct arena *a, struct stats *s, int64_t lo,
    int64_t hi)
{
	struct row_STATS_APPS	*v;
	long long		 off = clock_offset(), today = s->today;
	size_t			 i, n;
	enum db_err		 e;
	int			 k;

	e = s->unit == 0 ?
	    db_all(db, a, STATS_APPS, &v, &n, "iiiiii", off, off, today, today,
	    (long long)lo, (long long)hi) :
	    db_all(db, a, STATS_APPS_UNIT, (struct row_STATS_APPS_UNIT **)&v,
	    &n, "iiiiiiu", off, off, today, today, (long long)lo, (long long)hi,
	    (unsigned long long)s->unit);
	if (e != DB_OK)
		return e;
	for (i = 0; i < n; i++) {
		if ((k = stats_unit_at(s, v[i].unit_id)) >= 0)
			stats_add(&s->units[k].v, &v[i]);
		stats_add(&s->all, &v[i]);
	}
	return DB_OK;
}

/* The supplement requests of the applications received in [lo, hi). */
static enum db_err
stats_suppl(struct db *db, struct arena *a, struct stats *s, int64_t lo,
    int64_t hi)
{
	struct row_STATS_SUPPL	*v;
	size_t			 i, n;
	enum db_err		 e;
	int			 k;

	e = s->unit == 0 ?
	    db_all(db, a, STATS_SUPPL, &v, &n, "iii", (long long)lo,
	    (long long)lo, (long long)hi) :
	    db_all(db, a, STATS_SUPPL_UNIT, (struct row_STATS_SUPPL_UNIT **)&v,
	    &n, "iiiu", (long long)lo, (long long)lo, (long long)hi,
	    (unsigned long long)s->unit);
	if (e != DB_OK)
		return e;
	for (i = 0; i < n; i++) {
		if ((k = stats_unit_at(s, v[i].unit_id)) >= 0)
			s->units[k].v.supplements += v[i].n;
		s->all.supplements += v[i].n;
	}
	return DB_OK;
}

/* The counter applications received in [lo, hi) that staff scanned. */
static enum db_err
stats_digitised(struct db *db, struct arena *a, struct stats *s, int64_t lo,
    int64_t hi)
{
	struct row_STATS_DIGITISED	*v;
	size_t				 i, n;
	enum db_err			 e;
	int				 k;

	e = s->unit == 0 ?
	    db_all(db, a, STATS_DIGITISED, &v, &n, "iii", (long long)lo,
	    (long long)lo, (long long)hi) :
	    db_all(db, a, STATS_DIGITISED_UNIT,
	    (struct row_STATS_DIGITISED_UNIT **)&v, &n, "iiiu", (long long)lo,
	    (long long)lo, (long long)hi, (unsigned long long)s->unit);
	if (e != DB_OK)
		return e;
	for (i = 0; i < n; i++) {
		if ((k = stats_unit_at(s, v[i].unit_id)) >= 0)
			s->units[k].v.digitised += v[i].n;
		s->all.digitised += v[i].n;
	}
	return DB_OK;
}

/* The holidays from day from on, into c. */
static enum db_err
stats_calendar(struct db *db, struct arena *a, int32_t from,
    struct workday_cal *c)
{
	struct row_HOLIDAYS_FROM	*v;
	int32_t				*off;
	size_t				 i, n;
	enum db_err			 e;

	if ((e = db_all(db, a, HOLIDAYS_FROM, &v, &n, "i",
	    (long long)from)) != DB_OK)
		return e;
	off = arena_calloc(a, n + 1, sizeof(*off));
	for (i = 0; i < n; i++)
		off[i] = (int32_t)v[i].n;
	c->off = off;
	c->n = n;
	return DB_OK;
}

/* The average and the 90th percentile of a histogram of days. */
static void
stats_times_of(struct stats_ind *t, const int64_t *hist)
{
	int64_t	 sum = 0, n = 0;
	size_t	 d;

	for (d = 0; d <= STATS_DAYS_MAX; d++) {
		n += hist[d];
		sum += hist[d] * (int64_t)d;
	}
	t->timed = n;
	t->days_avg = stats_ratio(sum, n);
	t->days_p90 = stats_percentile(hist, STATS_DAYS_MAX + 1, 90);
}

/* The processing times of the finished applications received in [lo,
 * hi): a histogram a unit and one for the city. */
static enum db_err
stats_times(struct db *db, struct arena *a, struct stats *s, int64_t lo,
    int64_t hi)
{
	struct row_STATS_TIMES	*v;
	struct workday_cal	 c;
	long long		 off = clock_offset();
	int64_t			*h, *all, d;
	size_t			 i, n, w = STATS_DAYS_MAX + 1;
	enum db_err		 e;
	int			 k;

	if ((e = stats_calendar(db, a, s->from, &c)) != DB_OK)
		return e;
	e = s->unit == 0 ?
	    db_all(db, a, STATS_TIMES, &v, &n, "iiii", off, off, (long long)lo,
	    (long long)hi) :
	    db_all(db, a, STATS_TIMES_UNIT, (struct row_STATS_TIMES_UNIT **)&v,
	    &n, "iiiiu", off, off, (long long)lo, (long long)hi,
	    (unsigned long long)s->unit);
	if (e != DB_OK)
		return e;
	h = arena_calloc(a, (s->nunits + 1) * w, sizeof(*h));
	all = h + s->nunits * w;
	for (i = 0; i < n; i++) {
		d = stats_workdays(&c, (int32_t)v[i].rd, (int32_t)v[i].dd);
		d = d > STATS_DAYS_MAX ? STATS_DAYS_MAX : d;
		if ((k = stats_unit_at(s, v[i].unit_id)) >= 0)
			h[(size_t)k * w + (size_t)d] += v[i].n;
		all[d] += v[i].n;
	}
	for (i = 0; i < s->nunits; i++)
		stats_times_of(&s->units[i].v, h + i * w);
	stats_times_of(&s->all, all);
	return DB_OK;
}

/* Articles published and questions answered in [lo, hi). */
static enum db_err
stats_transparency(struct db *db, struct arena *a, struct stats *s,
    int64_t lo, int64_t hi)
{
	struct row_STATS_ARTICLES	*v;
	struct row_STATS_ANSWERS	*q;
	size_t				 i, n, nq;
	enum db_err			 e;
	int				 k;

	if ((e = db_all(db, a, STATS_ARTICLES, &v, &n, "ii", (long long)lo,
	    (long long)hi)) != DB_OK || (e = db_all(db, a, STATS_ANSWERS, &q,
	    &nq, "ii", (long long)lo, (long long)hi)) != DB_OK)
		return e;
	for (i = 0; i < n; i++)
		if ((k = stats_unit_at(s, v[i].unit_id)) >= 0) {
			s->units[k].v.articles += v[i].n;
			s->all.articles += v[i].n;
		}
	for (i = 0; i < nq; i++)
		if ((k = stats_unit_at(s, q[i].unit_id)) >= 0) {
			s->units[k].v.answers += q[i].n;
			s->all.answers += q[i].n;
		}
	return DB_OK;
}

/* The twelve months up to the month of s->to. */
static enum db_err
stats_months(struct db *db, struct arena *a, struct stats *s, int64_t hi)
{
	struct row_STATS_MONTHS	*v;
	long long		 off = clock_offset(), lo;
	size_t			 i, j, n;
	enum db_err		 e;
	int			 y, m, d;

	workday_ymd(s->to, &y, &m, &d);
	for (i = 0; i < STATS_MONTHS; i++)
		stats_month_back(y, m, STATS_MONTHS - 1 - (int)i,
		    &s->months[i].y, &s->months[i].m);
	lo = (long long)workday_civil(s->months[0].y, s->months[0].m, 1) *
	    86400 - off;
	e = s->unit == 0 ?
	    db_all(db, a, STATS_MONTHS, &v, &n, "iiiii", off, off, off, lo,
	    (long long)hi) :
	    db_all(db, a, STATS_MONTHS_UNIT, (struct row_STATS_MONTHS_UNIT **)&v,
	    &n, "iiiiiu", off, off, off, lo, (long long)hi,
	    (unsigned long long)s->unit);
	if (e != DB_OK)
		return e;
	for (i = 0; i < n; i++)
		for (j = 0; j < STATS_MONTHS; j++)
			if (v[i].month != NULL && sscanf(v[i].month, "%d-%d",
			    &y, &m) == 2 && y == s->months[j].y &&
			    m == s->months[j].m) {
				s->months[j].received = v[i].received;
				s->months[j].online = v[i].online;
				s->months[j].on_time = v[i].on_time;
				s->months[j].late = v[i].late;
			}
	return DB_OK;
}

/* The procedures most received in [lo, hi). */
static enum db_err
stats_procs(struct db *db, struct arena *a, struct stats *s, int64_t lo,
    int64_t hi)
{
	struct row_STATS_PROCS	*v;
	long long		 off = clock_offset(), today = s->today;
	size_t			 i, n;
	enum db_err		 e;

	e = s->unit == 0 ?
	    db_all(db, a, STATS_PROCS, &v, &n, "iiiiii", off, off, today,
	    (long long)lo, (long long)hi, (long long)STATS_PROCS_MAX) :
	    db_all(db, a, STATS_PROCS_UNIT, (struct row_STATS_PROCS_UNIT **)&v,
	    &n, "iiiiiui", off, off, today, (long long)lo, (long long)hi,
	    (unsigned long long)s->unit, (long long)STATS_PROCS_MAX);
	if (e != DB_OK)
		return e;
	for (i = 0; i < n && i < STATS_PROCS_MAX; i++) {
		struct stats_proc *p = &s->procs[i];
		stats_copy(p->code, sizeof(p->code), v[i].code);
		stats_copy(p->name, sizeof(p->name), v[i].name);
		p->received = v[i].received;
		p->online = v[i].online;
		p->on_time = v[i].on_time;
		p->late = v[i].late;
		p->overdue = v[i].overdue;
	}
	s->nprocs = i;
	return DB_OK;
}

/* Every indicator of s's question, from the database. */
static enum db_err
stats_compute(struct db *db, struct arena *a, struct stats *s)
{
	int64_t		 lo = (int64_t)s->from * 86400 - clock_offset();
	int64_t		 hi = ((int64_t)s->to + 1) * 86400 - clock_offset();
	enum db_err	 e;

	if ((e = stats_units(db, a, s)) != DB_OK ||
	    (e = stats_apps(db, a, s, lo, hi)) != DB_OK ||
	    (e = stats_suppl(db, a, s, lo, hi)) != DB_OK ||
	    (e = stats_digitised(db, a, s, lo, hi)) != DB_OK ||
	    (e = stats_times(db, a, s, lo, hi)) != DB_OK ||
	    (e = stats_transparency(db, a, s, lo, hi)) != DB_OK ||
	    (e = stats_months(db, a, s, hi)) != DB_OK)
		return e;
	return stats_procs(db, a, s, lo, hi);
}

#define STATS_SAME(a, b) ((a)->unit == (b)->unit && (a)->from == (b)->from \
	&& (a)->to == (b)->to && (a)->today == (b)->today)

/* The cached answer to s's question, copied into s; 1 if there is one
 * younger than ttl seconds.  With stats_lock held. */
static int
stats_cached(struct stats *s, long ttl, time_t now)
{
	size_t	 i;

	for (i = 0; i < STATS_CACHE; i++) {
		const struct stats *c = stats_cache[i].s;
		if (c != NULL && now - stats_cache[i].made < ttl &&
		    STATS_SAME(c, s)) {
			memcpy(s, c, sizeof(*s));
			return 1;
		}
	}
	return 0;
}

/* The slot of stats_busy holding question q, or -1. */
static int
stats_busy_slot(const struct stats_q *q)
{
	int	 i;

	for (i = 0; i < STATS_CACHE; i++)
		if (STATS_SAME(&stats_busy[i], q))
			return i;
	return -1;
}

/* 1 with the answer to s's question copied into s (waiting for the thread
 * computing it, if one is); 0 when this thread is to compute it, in
 * *slot the mark it put in stats_busy (-1: none free, it computes
 * unmarked). */
static int
stats_claim(struct stats *s, long ttl, time_t now, int *slot)
{
	struct stats_q	 q = { s->unit, s->from, s->to, s->today };
	struct stats_q	 free = { 0 };
	int		 hit = 0;

	*slot = -1;
	pthread_mutex_lock(&stats_lock);
	while (!(hit = stats_cached(s, ttl, now)) && stats_busy_slot(&q) >= 0)
		pthread_cond_wait(&stats_done, &stats_lock);
	if (!hit && (*slot = stats_busy_slot(&free)) >= 0)
		stats_busy[*slot] = q;
	pthread_mutex_unlock(&stats_lock);
	return hit;
}

/* Keeps a copy of s in place of the oldest answer.  With stats_lock
 * held. */
static void
stats_keep(const struct stats *s, time_t now)
{
	size_t	 i, old = 0;

	for (i = 0; i < STATS_CACHE; i++)
		if (stats_cache[i].made < stats_cache[old].made)
			old = i;
	if (stats_cache[old].s == NULL &&
	    (stats_cache[old].s = malloc(sizeof(*s))) == NULL)
		abort();
	memcpy(stats_cache[old].s, s, sizeof(*s));
	stats_cache[old].made = now;
}

/* Ends the computation of s's question: keeps s when ok, takes off the
 * mark slot and wakes the waiting. */
static void
stats_release(const struct stats *s, int ok, time_t now, int slot)
{
	pthread_mutex_lock(&stats_lock);
	if (ok)
		stats_keep(s, now);
	if (slot >= 0)
		memset(&stats_busy[slot], 0, sizeof(stats_busy[slot]));
	pthread_cond_broadcast(&stats_done);
	pthread_mutex_unlock(&stats_lock);
}

/* The indicators of the applications of unit (0: every unit) received
 * from day from to day to (the city's days, both in), into *out (arena
 * memory).  Returns STATS_DB when the database failed. */
enum stats_err
stats_get(struct db *db, struct arena *a, uint64_t unit, int32_t from,
    int32_t to, struct stats **out)
{
	struct stats	*s = arena_calloc(a, 1, sizeof(*s));
	time_t		 now = time(NULL);
	long		 ttl = cfg_int("stats", "cache_seconds", 60, 0, 3600);
	enum stats_err	 err = STATS_OK;
	int		 slot = -1;

	s->unit = unit;
	s->from = from;
	s->to = to;
	s->today = (int32_t)clock_day(now);
	if (ttl > 0 && stats_claim(s, ttl, now, &slot))
		goto out;
	if (stats_compute(db, a, s) != DB_OK)
		err = STATS_DB;
	if (ttl > 0)
		stats_release(s, err == STATS_OK, now, slot);
out:
	*out = s;
	return err;
}

/* The gauges of the desks as Prometheus text: the applications by
 * status, and those overdue now, per unit and in all. */
static char *
stats_gauges_make(struct db *db, struct arena *a)
{
	struct row_STATS_QUEUE		*q;
	struct row_STATS_OVERDUE	*o;
	int64_t				 by[11] = { 0 }, total = 0;
	size_t				 i, nq, no;
	char				*t;

	if (db_all(db, a, STATS_QUEUE, &q, &nq, "") != DB_OK ||
	    db_all(db, a, STATS_OVERDUE, &o, &no, "i",
	    (long long)clock_day(time(NULL))) != DB_OK)
		return NULL;
	for (i = 0; i < nq; i++)
		if (q[i].status <= 10)
			by[q[i].status] = q[i].n;
	t = arena_printf(a, "# HELP portal_applications Applications by "
	    "status (1-10), drafts aside.\n# TYPE portal_applications gauge\n");
	for (i = 1; i <= 10; i++)
		t = arena_printf(a, "%sportal_applications{status=\"%zu\"} %lld\n",
		    t, i, (long long)by[i]);
	t = arena_printf(a, "%s# HELP portal_applications_overdue Applications "
	    "overdue now (status 2, 4, 5, 6, appointment before today), per "
	    "unit.\n# TYPE portal_applications_overdue gauge\n", t);
	for (i = 0; i < no; i++) {
		t = arena_printf(a, "%sportal_applications_overdue{unit=\"%s\"} "
		    "%lld\n", t, o[i].slug, (long long)o[i].n);
		total += o[i].n;
	}
	return arena_printf(a, "%s# HELP portal_applications_overdue_total "
	    "Applications overdue now, every unit.\n"
	    "# TYPE portal_applications_overdue_total gauge\n"
	    "portal_applications_overdue_total %lld\n", t, (long long)total);
}

/* The gauges' text (arena memory), made at most every [stats]
 * gauge_seconds (10) in a process; "" when the database fails. */
const char *
stats_gauges(struct db *db, struct arena *a)
{
	long		 ttl = cfg_int("stats", "gauge_seconds", 10, 0, 3600);
	time_t		 now = time(NULL);
	const char	*t = NULL;
	char		*made;

	pthread_mutex_lock(&stats_lock);
	if (stats_gauge_text != NULL && now - stats_gauge_made < ttl)
		t = arena_strdup(a, stats_gauge_text);
	pthread_mutex_unlock(&stats_lock);
	if (t != NULL)
		goto out;
	if ((made = stats_gauges_make(db, a)) == NULL) {
		t = "";
		goto out;
	}
	pthread_mutex_lock(&stats_lock);
	free(stats_gauge_text);
	if ((stats_gauge_text = strdup(made)) == NULL)
		abort();
	stats_gauge_made = now;
	pthread_mutex_unlock(&stats_lock);
	t = made;
out:
	return t;
}

#define STATS_SEED_BATCH	1000	/* rows a statement: seconds at most */

/* The rows [lo, hi) of the history: their applications, timelines and
 * scanned documents. */
static enum db_err
stats_history_batch(struct db *db, long long s, unsigned days, uint64_t who,
    uint64_t staff, const struct store_file *f, long long lo, long long hi)
{
	enum db_err	 e;

	if ((e = db_exec(db, STMT_SEEDH_APPS, NULL, NULL, "iiiuii", s,
	    (long long)days, (long long)clock_offset(),
	    (unsigned long long)who, lo, hi)) != DB_OK ||
	    (e = db_exec(db, STMT_SEEDH_EVENTS, NULL, NULL, "iii", s, lo,
	    hi)) != DB_OK)
		return e;
	return db_exec(db, STMT_SEEDH_FILES, NULL, NULL, "iusisii",
	    (long long)days, (unsigned long long)staff, f->sha256,
	    (long long)f->size, f->mime, lo, hi);
}

/* Months of history for the demo (portalctl seed-history): rows
 * applications spread over the current units and the days back days
 * before today, their timelines, and the scanned documents of the counter
 * ones (the stored file f, added by the history's officer).  Every choice
 * is a hash of seed; a second run adds nothing.  One transaction.  The
 * number of applications the history has now goes into *n. */
enum db_err
stats_history(struct db *db, struct arena *a, unsigned seed, unsigned days,
    unsigned rows, const struct store_file *f, uint64_t *n)
{
	struct row_SEEDH_USER_ID	 who, staff;
	long long			 s = seed;
	struct row_SEEDH_COUNT		 c = { 0 };
	unsigned			 lo;
	enum db_err			 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	if ((e = db_exec(db, STMT_SEEDH_USER, NULL, NULL, "ss",
	    "Người nộp hồ sơ (dữ liệu mẫu)", "du-lieu-mau@example.invalid")) !=
	    DB_OK || (e = db_exec(db, STMT_SEEDH_USER, NULL, NULL, "ss",
	    "Cán bộ một cửa (dữ liệu mẫu)", "can-bo-mau@example.invalid")) !=
	    DB_OK || (e = db_one(db, a, SEEDH_USER_ID, &who, "s",
	    "du-lieu-mau@example.invalid")) != DB_OK || (e = db_one(db, a,
	    SEEDH_USER_ID, &staff, "s", "can-bo-mau@example.invalid")) != DB_OK)
		goto out;
	for (lo = 0; lo < rows; lo += STATS_SEED_BATCH)
		if ((e = stats_history_batch(db, s, days, who.id, staff.id, f, lo,
		    lo + STATS_SEED_BATCH < rows ? lo + STATS_SEED_BATCH :
		    rows)) != DB_OK)
			goto out;
	e = db_one(db, a, SEEDH_COUNT, &c, "u", (unsigned long long)who.id);
	*n = (uint64_t)c.n;
out:
	if (e == DB_OK)
		e = db_commit(db);
	else
		db_rollback(db);
	return e;
}
