/* The notifications of an application, for the desk:
 * GET /mot-cua/ho-so/{code}/thong-bao.  Every mail and SMS written for
 * it (app/event.c, app/notify.c), newest first, with its recipient
 * masked, its delivery status, attempts, last error and the time it was
 * sent (the city's time).  Staff and leaders of the application's unit
 * only (the route's scope, and the query names the user): anyone else,
 * like an unknown code, gets 404. */
#include <string.h>

#include "app/notify.h"
#include "app/status.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"

/* The Vietnamese of an outbox row's status, by its name in the table. */
static const struct {
	const char	*status;
	const char	*label;
} notices_status[] = {
	{ "pending", "Chờ gửi" },
	{ "sending", "Đang gửi" },
	{ "sent", "Đã gửi" },
	{ "failed", "Thất bại" },
};

static const char *
notices_label(const char *status)
{
	size_t	 i;

	for (i = 0; i < sizeof(notices_status) / sizeof(notices_status[0]);
	    i++)
		if (strcmp(status, notices_status[i].status) == 0)
			return notices_status[i].label;
	return status;
}

/* One row of the table, in section s. */
static void
notices_row(struct request *r, struct tmpl_dict *s,
    const struct row_NOTICE_LIST *v)
{
	int	 sms = strcmp(v->kind, "sms") == 0;

	tmpl_set(s, "KIND", sms ? "Tin nhắn" : "Thư điện tử");
	tmpl_set(s, "RECIPIENT", notify_mask(r->a, v->kind, v->recipient));
	tmpl_set(s, "SUBJECT", v->subject);
	tmpl_set(s, "STATUS", notices_label(v->status));
	tmpl_set(s, "STATUS_CLASS", v->status);
	tmpl_set(s, "ATTEMPTS", arena_printf(r->a, "%lld",
	    (long long)v->attempts));
	tmpl_set(s, "ERROR", v->last_error != NULL ? v->last_error : "");
	tmpl_set(s, "CREATED", clock_datetime(r->a, v->created_at));
	tmpl_set(s, "CREATED_ISO", clock_fmt(r->a, v->created_at,
	    "%Y-%m-%dT%H:%M"));
	if (v->sent_at != 0) {
		struct tmpl_dict *t = tmpl_section(s, "SENT");
		tmpl_set(t, "AT", clock_datetime(r->a, v->sent_at));
		tmpl_set(t, "AT_ISO", clock_fmt(r->a, v->sent_at,
		    "%Y-%m-%dT%H:%M"));
	}
}

/* GET /mot-cua/ho-so/{code}/thong-bao */
int
h_desk_notices(struct request *r)
{
	struct row_NOTICE_APP	 app;
	struct row_NOTICE_LIST	*v;
	struct page		 p;
	struct tmpl_dict	*table = NULL;
	size_t			 i, n;
	enum db_err		 e;
	unsigned long long	 uid = (unsigned long long)r->user->id;

	if ((e = db_one(r->db, r->a, NOTICE_APP, &app, "su", r->args[0].s,
	    uid)) != DB_OK)
		return resp_error(r, page_status(e), NULL);
	if ((e = db_all(r->db, r->a, NOTICE_LIST, &v, &n, "su", r->args[0].s,
	    uid)) != DB_OK)
		return resp_error(r, page_status(e), NULL);
	resp_page_new(r, &p, arena_printf(r->a, "Thông báo của hồ sơ %s",
	    app.code), "desk_notices.tpl");
	tmpl_set(p.body, "CODE", app.code);
	tmpl_set(p.body, "PROCEDURE_NAME", app.proc_name);
	tmpl_set(p.body, "STATUS_NAME", status_name(app.status));
	if (n == 0)
		tmpl_show(p.body, "NO_NOTICES");
	else
		table = tmpl_section(p.body, "TABLE");
	for (i = 0; i < n; i++)
		notices_row(r, tmpl_section(table, "NOTICE"), &v[i]);
	return resp_page(r, 200, &p);
}
