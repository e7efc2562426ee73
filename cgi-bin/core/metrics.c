/* Prometheus metrics shared by every worker process: the master maps one
 * anonymous shared region before it forks, workers add with atomics, and
 * whichever worker answers /metrics reads the whole service's numbers. */
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "core/arena.h"
#include "core/metrics.h"

/* The status codes counted one by one; anything else is "other". */
static const int metrics_codes[] = {
	200, 301, 302, 303, 304, 400, 403, 404, 405, 409, 413, 422, 429, 500,
	502, 503,
};
#define NCODES	(sizeof(metrics_codes) / sizeof(metrics_codes[0]))

static const double metrics_buckets[] = {
	0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
};
#define NBUCKETS (sizeof(metrics_buckets) / sizeof(metrics_buckets[0]))

/* The last row counts requests that matched no route. */
struct metrics {
	atomic_uint_least64_t	 req[METRICS_ROUTES_MAX + 1][NCODES + 1];
	atomic_uint_least64_t	 bucket[NBUCKETS + 1];
	atomic_uint_least64_t	 sum_us;
	atomic_uint_least64_t	 count;
	atomic_uint_least64_t	 db_errors;
	atomic_uint_least64_t	 worker_restarts;
	atomic_uint_least64_t	 events[EV__MAX];
};

/* The counter of each event: name and help text. */
static const char *const event_names[EV__MAX][2] = {
	[EV_LOGIN_OK] = { "portal_logins_total", "Successful sign-ins." },
	[EV_LOGIN_FAILED] = { "portal_login_failures_total",
	    "Sign-ins refused for a wrong name or password." },
	[EV_LOGIN_REFUSED] = { "portal_login_throttled_total",
	    "Sign-ins refused for a locked account or a throttled address." },
	[EV_HASH_BUSY] = { "portal_hash_busy_total",
	    "Requests answered 503 for want of an Argon2id permit." },
	[EV_DB_DOWN] = { "portal_db_unavailable_total",
	    "Requests answered 503 because the database was away." },
	[EV_MAIL_SENT] = { "portal_mail_sent_total", "Messages delivered." },
	[EV_MAIL_FAILED] = { "portal_mail_failures_total",
	    "Delivery attempts that failed." },
	[EV_SMS_SENT] = { "portal_sms_sent_total",
	    "SMS accepted by the gateway." },
	[EV_SMS_FAILED] = { "portal_sms_failures_total",
	    "SMS delivery attempts that failed." },
};

static struct metrics	*m;
static const char	*route_names[METRICS_ROUTES_MAX];
static size_t		 nroutes;

/* Maps the shared region; call in the master before forking.  A process
 * that never calls it (portalctl, unit tests) gets private memory. */
int
metrics_init(const char *const *names, size_t n)
{
	void	*p;
	size_t	 i;

	if (n > METRICS_ROUTES_MAX)
		return 0;
	for (i = 0; i < n; i++)
		route_names[i] = names[i];
	nroutes = n;
	if (m != NULL)
		return 1;
	p = mmap(NULL, sizeof(*m), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return 0;
	memset(p, 0, sizeof(*m));
	m = p;
	return 1;
}

static size_t
metrics_code_slot(int status)
{
	size_t	 i;

	for (i = 0; i < NCODES; i++)
		if (metrics_codes[i] == status)
			return i;
	return NCODES;
}

/* Counts one request: route (ROUTE__MAX or -1 when none matched), its
 * status, and how long it took. */
void
metrics_observe(int route, int status, double seconds)
{
	size_t	 i;

	if (m == NULL && !metrics_init(NULL, 0))
		return;
	if (route < 0 || (size_t)route >= nroutes)
		route = (int)nroutes;
	atomic_fetch_add(&m->req[route][metrics_code_slot(status)], 1);
	for (i = 0; i < NBUCKETS && seconds > metrics_buckets[i]; i++)
		continue;
	atomic_fetch_add(&m->bucket[i], 1);
	atomic_fetch_add(&m->sum_us, (uint64_t)(seconds * 1e6));
	atomic_fetch_add(&m->count, 1);
}

void
metrics_db_error(void)
{
	if (m != NULL)
		atomic_fetch_add(&m->db_errors, 1);
}

void
metrics_worker_restart(void)
{
	if (m != NULL)
		atomic_fetch_add(&m->worker_restarts, 1);
}

void
metrics_event(enum metric_event e)
{
	if (m != NULL && e < EV__MAX)
		atomic_fetch_add(&m->events[e], 1);
}

struct buf {
	struct arena	*a;
	char		*p;
	size_t		 len, cap;
};

static void
buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		if (n >= 0 && (size_t)n < b->cap - b->len)
			break;
		char *np = arena_alloc(b->a, b->cap * 2);
		memcpy(np, b->p, b->len);
		b->p = np;
		b->cap *= 2;
	}
	b->len += (size_t)n;
}

static void
metrics_render_requests(struct buf *b)
{
	size_t	 r, c;

	buf_printf(b, "# HELP portal_requests_total Requests answered, by "
	    "route and status.\n# TYPE portal_requests_total counter\n");
	for (r = 0; r <= nroutes; r++)
		for (c = 0; c <= NCODES; c++) {
			uint64_t v = atomic_load(&m->req[r][c]);
			char code[8];
			if (v == 0)
				continue;
			if (c < NCODES)
				snprintf(code, sizeof(code), "%d",
				    metrics_codes[c]);
			else
				snprintf(code, sizeof(code), "other");
			buf_printf(b, "portal_requests_total{route=\"%s\","
			    "status=\"%s\"} %llu\n", r < nroutes ?
			    route_names[r] : "none", code,
			    (unsigned long long)v);
		}
}

static void
metrics_render_latency(struct buf *b)
{
	uint64_t	 cum = 0;
	size_t		 i;

	buf_printf(b, "# HELP portal_request_duration_seconds Time to "
	    "answer a request.\n"
	    "# TYPE portal_request_duration_seconds histogram\n");
	for (i = 0; i < NBUCKETS; i++) {
		cum += atomic_load(&m->bucket[i]);
		buf_printf(b, "portal_request_duration_seconds_bucket"
		    "{le=\"%g\"} %llu\n", metrics_buckets[i],
		    (unsigned long long)cum);
	}
	cum += atomic_load(&m->bucket[NBUCKETS]);
	buf_printf(b, "portal_request_duration_seconds_bucket{le=\"+Inf\"} "
	    "%llu\nportal_request_duration_seconds_sum %.6f\n"
	    "portal_request_duration_seconds_count %llu\n",
	    (unsigned long long)cum, atomic_load(&m->sum_us) / 1e6,
	    (unsigned long long)atomic_load(&m->count));
}

/* Renders every metric as Prometheus text into arena memory. */
char *
metrics_render(struct arena *a, size_t *len)
{
	struct buf	 b = { a, NULL, 0, 4096 };
	size_t		 i;

	if (m == NULL)
		metrics_init(NULL, 0);
	b.p = arena_alloc(a, b.cap);
	b.p[0] = '\0';
	metrics_render_requests(&b);
	metrics_render_latency(&b);
	buf_printf(&b, "# HELP portal_db_errors_total Database errors.\n"
	    "# TYPE portal_db_errors_total counter\n"
	    "portal_db_errors_total %llu\n"
	    "# HELP portal_worker_restarts_total Workers restarted after "
	    "dying.\n# TYPE portal_worker_restarts_total counter\n"
	    "portal_worker_restarts_total %llu\n",
	    (unsigned long long)atomic_load(&m->db_errors),
	    (unsigned long long)atomic_load(&m->worker_restarts));
	for (i = 0; i < EV__MAX; i++)
		buf_printf(&b, "# HELP %s %s\n# TYPE %s counter\n%s %llu\n",
		    event_names[i][0], event_names[i][1], event_names[i][0],
		    event_names[i][0],
		    (unsigned long long)atomic_load(&m->events[i]));
	*len = b.len;
	return b.p;
}
