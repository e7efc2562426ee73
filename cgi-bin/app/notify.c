/* The SMS telling an applicant about their application, queued in the
 * transaction of the change (event_record, and any message of the staff
 * to the applicant): the text of templates/sms/application.txt, the
 * section of the application's status or MESSAGE, with Vietnamese
 * diacritics (the sender takes them off when [sms] ascii is set, so that
 * staff read the text as written).  Nothing when no gateway is configured
 * or the applicant has no phone. */
#include <stdlib.h>
#include <string.h>

#include "app/notify.h"
#include "app/sms.h"
#include "app/status.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/tmpl.h"
#include "data/db.h"

#define NOTIFY_SMS_TMPL	"sms/application.txt"

/* The text of the SMS of v (section what: "S<status>" or "MESSAGE"), in
 * arena a, without the template's trailing white space; NULL on a
 * template error. */
static char *
notify_sms_text(struct arena *a, const struct row_NOTIFY_SMS_APP *v,
    const char *what)
{
	struct tmpl_dict	*d = tmpl_dict_new("sms");
	const char		*base = cfg_str("site", "base_url", "");
	char			*text = NULL, *out = NULL;
	size_t			 len;

	tmpl_set(d, "CODE", v->code);
	tmpl_set(d, "TRACK", arena_printf(a, "%s/tra-cuu?ma=%s", base,
	    v->code));
	if (v->due != NULL)
		tmpl_set(tmpl_section(d, "DUE"), "DUE_DATE", v->due);
	tmpl_show(d, what);
	if (tmpl_render(NOTIFY_SMS_TMPL, d, &text, &len)) {
		while (len > 0 && strchr(" \t\r\n", text[len - 1]) != NULL)
			len--;
		out = arena_strndup(a, text, len);
	}
	free(text);
	tmpl_dict_free(d);
	return out;
}

/* Queues, in the caller's transaction, the SMS about application app: of
 * its current status, or of a message of the staff when message is set.
 * Returns DB_OK also when nothing is to be sent. */
static enum db_err
notify_sms(struct db *db, struct arena *a, uint64_t app, int message)
{
	struct row_NOTIFY_SMS_APP	 v;
	const char			*what, *text, *subject;
	enum db_err			 e;

	if (!sms_enabled())
		return DB_OK;
	if ((e = db_one(db, a, NOTIFY_SMS_APP, &v, "u",
	    (unsigned long long)app)) != DB_OK)
		return e == DB_NOTFOUND ? DB_ERR : e;
	if (v.phone == NULL || v.code == NULL || (!message &&
	    (v.status < STATUS_SUBMITTED || v.status >= STATUS__MAX)))
		return DB_OK;
	what = message ? "MESSAGE" : arena_printf(a, "S%lld",
	    (long long)v.status);
	subject = arena_printf(a, "Hồ sơ %s: %s", v.code, message ?
	    "lời nhắn của cán bộ" : status_name(v.status));
	if ((text = notify_sms_text(a, &v, what)) == NULL)
		return DB_ERR;
	/* A phone sms_queue refuses is logged there: the change goes on. */
	return sms_queue(db, app, v.phone, subject, text) < 0 ? DB_ERR : DB_OK;
}

/* The SMS of application app's new status (event_record). */
enum db_err
notify_sms_status(struct db *db, struct arena *a, uint64_t app)
{
	return notify_sms(db, a, app, 0);
}

/* The SMS that the staff wrote a message to application app's applicant. */
enum db_err
notify_sms_message(struct db *db, struct arena *a, uint64_t app)
{
	return notify_sms(db, a, app, 1);
}

/* recipient (of kind "sms" or "email") as staff see it, in arena a: a
 * phone by its last 3 digits ("•••••••123"), an address by its first
 * letter and its domain ("h…@example.com"); "…" for anything else. */
const char *
notify_mask(struct arena *a, const char *kind, const char *recipient)
{
	const char	*at;
	size_t		 n = strlen(recipient), k;

	if (strcmp(kind, "sms") == 0)
		return n > 3 ? arena_printf(a, "•••••••%s", recipient + n - 3) :
		    "…";
	if ((at = strrchr(recipient, '@')) == NULL || at == recipient ||
	    at[1] == '\0')
		return "…";
	/* The first letter, whole when it is not ASCII. */
	for (k = 1; recipient + k < at &&
	    ((unsigned char)recipient[k] & 0xc0) == 0x80; k++)
		;
	return arena_printf(a, "%.*s…%s", (int)k, recipient, at);
}
