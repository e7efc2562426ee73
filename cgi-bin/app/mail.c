/* Mail: the outbox and an SMTP client.  mail_queue writes a row in the
 * caller's transaction; mail_run_once, called by the mailer process,
 * claims due rows (several mailers may run: rows are claimed with
 * SELECT ... FOR UPDATE SKIP LOCKED and a time-limited claim), sends each
 * outside any transaction and records the outcome, retrying with
 * exponential back-off.  Delivery is at least once: a mailer that dies
 * between sending and recording leaves the row to be sent again when its
 * claim expires.  Message bodies may hold reset links: they are never
 * logged and their copies are wiped. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>
#include <sodium.h>

#include "app/mail.h"
#include "app/mail_msg.h"
#include "app/outbox.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/log.h"
#include "core/metrics.h"
#include "core/tmpl.h"
#include "data/db.h"

#define MAIL_FROM_DEFAULT	"Cổng thông tin điện tử <no-reply@localhost>"
#define MAIL_ATTEMPTS		10	/* failures before 'failed' */
#define MAIL_BACKOFF		30	/* seconds before the first retry */
#define MAIL_BACKOFF_MAX	3600
#define MAIL_CONNECT_TIMEOUT	10L	/* seconds */
#define MAIL_TIMEOUT		20L	/* seconds, whole transfer */

/* The message being uploaded by libcurl. */
struct upload {
	const char	*p;
	size_t		 len;
	size_t		 pos;
};

static const char *
nonempty(const char *s)
{
	return (s != NULL && *s != '\0') ? s : NULL;
}

/* libcurl, once per process before threads start.  Returns 1/0. */
int
mail_global_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == 0;
}

/* Reads the [mail] section of the configuration into c; the strings live
 * as long as the configuration. */
void
mail_conf_load(struct mail_conf *c)
{
	c->smtp_url = nonempty(cfg_str("mail", "smtp_url", NULL));
	if (c->smtp_url == NULL)
		c->smtp_url = "smtp://127.0.0.1:2525";
	c->from = nonempty(cfg_str("mail", "from", NULL));
	if (c->from == NULL)
		c->from = MAIL_FROM_DEFAULT;
	c->user = nonempty(cfg_str("mail", "user", NULL));
	c->password = nonempty(cfg_str("mail", "password", NULL));
	c->tls = cfg_bool("mail", "tls", 0);
}

/* Writes one pending message about application app (0: none) into the
 * outbox, in the caller's transaction if one is open.  Refuses, before
 * touching db, a recipient that is not a plain address and a subject
 * with CR or LF.  Returns 1 when queued. */
int
mail_queue_app(struct db *db, uint64_t app, const char *to,
    const char *subject, const char *body)
{
	if (!mail_msg_acceptable(to, subject, body)) {
		LOGW("message refused: bad recipient or subject");
		return 0;
	}
	if (db == NULL)
		return 0;
	return db_exec(db, STMT_OUTBOX_INSERT, NULL, NULL, "snsss", "email",
	    (unsigned long long)app, to, subject, body) == DB_OK;
}

/* mail_queue_app for a message about no application. */
int
mail_queue(struct db *db, const char *to, const char *subject,
    const char *body)
{
	return mail_queue_app(db, 0, to, subject, body);
}

/* Queues the message of template file (in templates/mail/: the subject on
 * the first line, a blank line, then the body) filled from d, about
 * application app (0: none).  Returns 1/0 like mail_queue.  The text may
 * hold a link that is a secret: its copy is wiped. */
int
mail_queue_app_tmpl(struct db *db, uint64_t app, const char *to,
    const char *file, struct tmpl_dict *d)
{
	char	*text, *nl;
	size_t	 len;
	int	 ok = 0;

	if (!tmpl_render(file, d, &text, &len))
		return 0;
	if ((nl = strstr(text, "\n\n")) != NULL) {
		*nl = '\0';
		ok = mail_queue_app(db, app, to, text, nl + 2);
	} else
		LOGE("%s: no blank line after the subject", file);
	sodium_memzero(text, len);
	free(text);
	return ok;
}

/* mail_queue_app_tmpl for a message about no application. */
int
mail_queue_tmpl(struct db *db, const char *to, const char *file,
    struct tmpl_dict *d)
{
	return mail_queue_app_tmpl(db, 0, to, file, d);
}

/* libcurl's read callback: the next piece of the message. */
static size_t
mail_read(char *dst, size_t size, size_t nitems, void *arg)
{
	struct upload	*u = arg;
	size_t		 n = size * nitems;

	if (n > u->len - u->pos)
		n = u->len - u->pos;
	memcpy(dst, u->p + u->pos, n);
	u->pos += n;
	return n;
}

/* Copies libcurl's error for rc into err: its message and the detail,
 * which names the failing step and the server's reply, never the
 * credentials or the message. */
static void
mail_curl_err(char *err, size_t errsz, CURLcode rc, const char *detail)
{
	char	 clean[CURL_ERROR_SIZE], *p;

	log_clean(clean, sizeof(clean), detail);
	snprintf(err, errsz, "%s%s%s", curl_easy_strerror(rc),
	    *clean != '\0' ? ": " : "", clean);
	/* ASCII only: a cut UTF-8 sequence would not fit last_error. */
	for (p = err; *p != '\0'; p++)
		if ((unsigned char)*p >= 0x80)
			*p = '?';
}

/* Sets every option of the SMTP transfer; returns 0 when one is refused. */
static int
mail_curl_setup(CURL *h, const struct mail_conf *c, const char *mfrom,
    struct curl_slist *rcpt, struct upload *u, char *ebuf)
{
	int	 bad = 0;

	bad |= curl_easy_setopt(h, CURLOPT_ERRORBUFFER, ebuf) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_URL, c->smtp_url) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps") !=
	    CURLE_OK;
	/* Straight to smtp_url: all_proxy, meant for the web, must not
	 * divert mail. */
	bad |= curl_easy_setopt(h, CURLOPT_PROXY, "") != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT,
	    MAIL_CONNECT_TIMEOUT) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_TIMEOUT, MAIL_TIMEOUT) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_MAIL_FROM, mfrom) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_READFUNCTION, mail_read) !=
	    CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_READDATA, u) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_UPLOAD, 1L) != CURLE_OK;
	if (c->tls)
		bad |= curl_easy_setopt(h, CURLOPT_USE_SSL,
		    (long)CURLUSESSL_ALL) != CURLE_OK;
	if (c->user != NULL) {
		bad |= curl_easy_setopt(h, CURLOPT_USERNAME, c->user) !=
		    CURLE_OK;
		bad |= curl_easy_setopt(h, CURLOPT_PASSWORD,
		    c->password != NULL ? c->password : "") != CURLE_OK;
	}
	return !bad;
}

/* Sends message m from the bare address from to the bare address to.
 * Returns 1 when the server accepted it, else 0 with the reason in err. */
static int
mail_curl(const struct mail_conf *c, const char *from, const char *to,
    const struct mail_msg *m, char *err, size_t errsz)
{
	CURL			*h;
	struct curl_slist	*rcpt = NULL;
	struct upload		 u = { m->p, m->len, 0 };
	char			 ebuf[CURL_ERROR_SIZE] = "";
	char			 mfrom[MAIL_MSG_ADDR_MAX + 3];
	char			 mto[MAIL_MSG_ADDR_MAX + 3];
	CURLcode		 rc;
	int			 ok = 0;

	snprintf(mfrom, sizeof(mfrom), "<%s>", from);
	snprintf(mto, sizeof(mto), "<%s>", to);
	if ((h = curl_easy_init()) == NULL ||
	    (rcpt = curl_slist_append(NULL, mto)) == NULL) {
		snprintf(err, errsz, "libcurl: out of memory");
		goto out;
	}
	if (!mail_curl_setup(h, c, mfrom, rcpt, &u, ebuf)) {
		snprintf(err, errsz, "libcurl refused an option (smtp_url?)");
		goto out;
	}
	if ((rc = curl_easy_perform(h)) != CURLE_OK) {
		mail_curl_err(err, errsz, rc, ebuf);
		goto out;
	}
	ok = 1;
out:
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(h);
	return ok;
}

/* Sends one message now through the SMTP server of c.  Returns 1 when the
 * server accepted it, else 0 with a short reason (no secret, no body) in
 * err. */
int
mail_smtp_send(const struct mail_conf *c, const char *to,
    const char *subject, const char *body, char *err, size_t errsz)
{
	struct arena	*a = arena_new();
	struct mail_msg	 m = { 0 };
	char		*name, *from;
	int		 ok = 0;

	if (errsz > 0)
		err[0] = '\0';
	if (!mail_msg_acceptable(to, subject, body)) {
		snprintf(err, errsz, "bad recipient or subject");
		goto out;
	}
	if (c->from == NULL || !mail_msg_from_parse(a, c->from, &name, &from)) {
		snprintf(err, errsz, "bad [mail] from address");
		goto out;
	}
	mail_msg_build(&m, name, from, to, subject, body, time(NULL));
	ok = mail_curl(c, from, to, &m, err, errsz);
out:
	mail_msg_free(&m);
	arena_free(a);
	return ok;
}

/* Seconds to wait after the failure of attempt number attempts + 1:
 * 30 s doubled per earlier attempt, at most an hour. */
static long
mail_backoff(unsigned attempts)
{
	if (attempts >= 7)
		return MAIL_BACKOFF_MAX;
	return (MAIL_BACKOFF << attempts) > MAIL_BACKOFF_MAX ?
	    MAIL_BACKOFF_MAX : (MAIL_BACKOFF << attempts);
}

/* Records the failed attempt of row id, which had failed attempts times
 * before: back to pending after a back-off, or failed for good.  A
 * recipient that can never be valid fails at once. */
static int
mail_retry(struct db *db, unsigned long long id, unsigned attempts,
    int permanent, const char *err)
{
	unsigned	 n = attempts + 1;
	int		 last = permanent || n >= MAIL_ATTEMPTS;

	LOGW("outbox %llu: attempt %u failed%s: %s", id, n,
	    last ? ", giving up" : "", err);
	return db_exec(db, STMT_OUTBOX_RETRY, NULL, NULL, "sisiu",
	    last ? "failed" : "pending", (long long)n, err,
	    (long long)mail_backoff(attempts), id) == DB_OK;
}

/* Sends one claimed row and records the outcome.  Returns 1 sent, 0 not
 * sent, -1 database error. */
static int
mail_deliver(struct db *db, const struct mail_conf *c,
    const struct row_OUTBOX_DUE *row)
{
	char	 err[256];
	int	 permanent;

	if (mail_smtp_send(c, row->recipient, row->subject, row->body, err,
	    sizeof(err))) {
		metrics_event(EV_MAIL_SENT);
		return db_exec(db, STMT_OUTBOX_SENT, NULL, NULL, "u",
		    (unsigned long long)row->id) == DB_OK ? 1 : -1;
	}
	metrics_event(EV_MAIL_FAILED);
	permanent = !mail_msg_acceptable(row->recipient, row->subject,
	    row->body);
	return mail_retry(db, row->id, (unsigned)row->attempts, permanent,
	    err) ? 0 : -1;
}

/* One round of the mailer: claims due rows (a batch, OUTBOX_BATCH at
 * most), sends them, records each outcome.  a holds the rows (the caller
 * resets it).  Returns the number of rows handled, sent or not, or -1
 * after a database error; rows claimed and not yet recorded then wait
 * for their claim to expire. */
int
mail_run_once(struct db *db, struct arena *a, const struct mail_conf *c)
{
	struct row_OUTBOX_DUE	*rows;
	size_t			 i, n;

	if (!outbox_claim(db, a, "email", &rows, &n))
		return -1;
	for (i = 0; i < n; i++)
		if (mail_deliver(db, c, &rows[i]) < 0)
			return -1;
	return (int)n;
}

/* A mail's dictionary (the caller frees it) with the names of the site
 * and the service: never a name a user typed. */
struct tmpl_dict *
mail_dict(const char *name)
{
	struct tmpl_dict	*d = tmpl_dict_new(name);

	tmpl_set(d, "SERVICE_NAME", cfg_str("site", "service_name",
	    "Cổng dịch vụ công"));
	tmpl_set(d, "SITE_NAME", cfg_str("site", "name",
	    "Cổng thông tin điện tử"));
	return d;
}
