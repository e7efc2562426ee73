/* Operations: /healthz (does the database answer?) and /metrics. */
#include "core/arena.h"
#include "core/metrics.h"
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

int
h_metrics(struct request *r)
{
	size_t	 len;
	char	*body = metrics_render(r->a, &len);

	resp_header(r, "Cache-Control", "no-store");
	return resp_text(r, 200, "text/plain; version=0.0.4; charset=utf-8",
	    body, len);
}
