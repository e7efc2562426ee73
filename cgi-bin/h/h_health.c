/* Operations: /healthz (does the database answer?) and /metrics. */
#include <string.h>

#include "app/stats.h"
#include "core/arena.h"
#include "core/metrics.h"
#include "core/pw.h"
#include "data/db.h"
#include "h/h.h"
#include "http/request.h"
#include "http/resp.h"

static const char ok[] = "ok\n";
static const char down[] = "database unavailable\n";

/* 200 "ok" when the database answers a query, else 503. */
int
h_healthz(struct request *r)
{
	resp_header(r, "Cache-Control", "no-store");
	if (!db_ping(r->db, r->a)) {
		resp_header(r, "Retry-After", "5");
		return resp_text(r, 503, "text/plain; charset=utf-8", down,
		    sizeof(down) - 1);
	}
	return resp_text(r, 200, "text/plain; charset=utf-8", ok,
	    sizeof(ok) - 1);
}

/* The counters, and the hash permits free now: all of them whenever no
 * hash runs, or some were lost (issue 15); the gauges of the desks'
 * applications (app/stats.c, issue 12). */
int
h_metrics(struct request *r)
{
	size_t		 len;
	unsigned	 total, nfree = pw_permits_free(&total);
	char		*body = metrics_render(r->a, &len);

	body = arena_printf(r->a, "%s# HELP portal_hash_permits Argon2id "
	    "permits ([security] hash_concurrency).\n"
	    "# TYPE portal_hash_permits gauge\nportal_hash_permits %u\n"
	    "# HELP portal_hash_permits_free Argon2id permits not held.\n"
	    "# TYPE portal_hash_permits_free gauge\n"
	    "portal_hash_permits_free %u\n%s", body, total, nfree,
	    stats_gauges(r->db, r->a));
	len = strlen(body);

	resp_header(r, "Cache-Control", "no-store");
	return resp_text(r, 200, "text/plain; version=0.0.4; charset=utf-8",
	    body, len);
}
