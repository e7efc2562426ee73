/* The rows of a change of an application's status, written in the
 * transaction of the change (README, "Online public services": status,
 * event, outbox and audit rows together): the event of the timeline, the
 * mail telling the applicant (at a confirmed address) and the SMS (to
 * their phone, when a gateway is configured: app/notify.c), both tied to
 * the application, the audit row. */
#include <stddef.h>
#include <string.h>

#include "app/audit.h"
#include "app/event.h"
#include "app/mail.h"
#include "app/notify.h"
#include "app/status.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/tmpl.h"
#include "data/db.h"

/* What an event that is not a change of status tells the applicant. */
static const char *
event_news(const char *kind)
{
	if (strcmp(kind, "message") == 0)
		return "cán bộ gửi bạn lời nhắn";
	if (strcmp(kind, "supplied") == 0)
		return "đã nhận giấy tờ bổ sung bạn gửi, cán bộ sẽ kiểm tra";
	if (strcmp(kind, "apology") == 0)
		return "thư xin lỗi vì chậm trả kết quả, với ngày hẹn mới";
	return "có cập nhật mới";
}

/* Queues the mail (templates/mail/application_status.txt) of event ev of
 * application app, in the caller's transaction: its new status, or what
 * happened when the status stays (a message, the applicant's supplement,
 * an apology); its code, procedure, status, appointment date and the
 * links to follow it; with ev->say, the staff's words (a reason, the
 * documents asked for, a message).  Nothing when the applicant has no
 * confirmed address. */
static enum db_err
event_mail(struct db *db, struct arena *a, uint64_t app,
    const struct event *ev)
{
	struct row_NOTIFY_APP	 v;
	struct tmpl_dict	*d;
	const char		*base = cfg_str("site", "base_url", "");
	enum db_err		 e;
	int			 ok;

	if ((e = db_one(db, a, NOTIFY_APP, &v, "u",
	    (unsigned long long)app)) != DB_OK || v.email == NULL)
		return e == DB_NOTFOUND ? DB_ERR : e;
	d = mail_dict("application_status");
	tmpl_set(d, "CODE", v.code);
	tmpl_set(d, "PROCEDURE", v.proc_name);
	tmpl_set(d, "STATUS", status_name(v.status));
	if (strcmp(ev->kind, "status") == 0)
		tmpl_show(d, "CHANGED");
	else
		tmpl_set(tmpl_section(d, "NEWS"), "WHAT", event_news(ev->kind));
	if (v.due != NULL)
		tmpl_set(tmpl_section(d, "DUE"), "DUE_DATE", v.due);
	if (ev->say != NULL && *ev->say != '\0')
		tmpl_set(tmpl_section(d, "SAY"), "TEXT", ev->say);
	tmpl_set(d, "LINK", arena_printf(a, "%s/ho-so/%s", base, v.code));
	tmpl_set(d, "TRACK", arena_printf(a, "%s/tra-cuu?ma=%s", base,
	    v.code));
	ok = mail_queue_app_tmpl(db, app, v.email,
	    "mail/application_status.txt", d);
	tmpl_dict_free(d);
	return ok ? DB_OK : DB_ERR;
}

/* Queues the SMS of event ev (app/notify.c): a change of status, or the
 * staff's words (a message, an apology with its new date); nothing for
 * what the applicant did themselves (a supplement). */
static enum db_err
event_sms(struct db *db, struct arena *a, uint64_t app,
    const struct event *ev)
{
	if (strcmp(ev->kind, "status") == 0)
		return notify_sms_status(db, a, app);
	if (strcmp(ev->kind, "message") == 0 ||
	    strcmp(ev->kind, "apology") == 0)
		return notify_sms_message(db, a, app);
	return DB_OK;
}

/* Records, in the caller's transaction, event ev of application app, by
 * who: its row of the timeline; unless internal, the applicant's mail;
 * the audit row action (with detail). */
enum db_err
event_add(struct db *db, struct arena *a, const struct actor *who,
    uint64_t app, const struct event *ev, const char *action,
    const char *detail)
{
	enum db_err	 e;

	if ((e = db_exec(db, STMT_DESK_EVENT_ADD, NULL, NULL, "uuuusiss",
	    (unsigned long long)app, (unsigned long long)who->id,
	    (unsigned long long)ev->from, (unsigned long long)ev->to,
	    ev->kind, (long long)(ev->internal != 0), ev->note, ev->due)) !=
	    DB_OK || (!ev->internal &&
	    ((e = event_mail(db, a, app, ev)) != DB_OK ||
	    (e = event_sms(db, a, app, ev)) != DB_OK)))
		return e;
	return audit_add(db, who, action, "application", app, detail);
}

/* Records, in the caller's transaction, that application app went from
 * status from to status to, by who: its event (with note, "" for none),
 * the applicant's mail and SMS, and the audit row action (with detail). */
enum db_err
event_record(struct db *db, struct arena *a, const struct actor *who,
    uint64_t app, int from, int to, const char *note, const char *action,
    const char *detail)
{
	struct event	 ev = { from, to, "status", 0, note, NULL, NULL };

	return event_add(db, a, who, app, &ev, action, detail);
}
