/* SMS: the outbox (kind 'sms') and a client of the HTTP gateway.
 * sms_queue writes a row in the caller's transaction; sms_run_once, called
 * by the jobs process beside mail_run_once, claims due rows as the mailer
 * does (SELECT ... FOR UPDATE SKIP LOCKED and a time-limited claim), sends
 * each outside any transaction and records the outcome, retrying with
 * exponential back-off.  A row is marked sent only after the gateway's
 * 2xx; a jobs process that dies, or a database that goes away, between
 * the answer and the record leaves the row to be sent again when its
 * claim expires: at least once.  The gateway gets the row's id with
 * every attempt, so that it can drop a repeat. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <jansson.h>
#include <sodium.h>

#include "app/outbox.h"
#include "app/sms.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/log.h"
#include "core/metrics.h"
#include "core/text.h"
#include "core/valid.h"
#include "data/db.h"

#define SMS_ATTEMPTS	10	/* failures before 'failed', as for mail */
#define SMS_BACKOFF_MAX	3600	/* seconds */
#define SMS_TEXT_MAX	1000	/* bytes of a message's text */

static const char *
nonempty(const char *s)
{
	return (s != NULL && *s != '\0') ? s : NULL;
}

/* Reads the [sms] section of the configuration into c; the strings live
 * as long as the configuration. */
void
sms_conf_load(struct sms_conf *c)
{
	c->url = nonempty(cfg_str("sms", "gateway_url", NULL));
	c->token = nonempty(cfg_str("sms", "token", NULL));
	/* A token that would end its header line: nothing is sent (the rows
	 * wait) rather than a request the gateway would refuse. */
	if (c->token != NULL && strpbrk(c->token, "\r\n") != NULL) {
		LOGE("[sms] token holds a line break: no SMS is sent");
		c->url = NULL;
	}
	c->timeout_ms = cfg_int("sms", "timeout_ms", 10000, 100, 120000);
	c->backoff = cfg_int("sms", "backoff", 30, 1, 3600);
	c->ascii = cfg_bool("sms", "ascii", 1);
}

/* Whether SMS are sent at all: [sms] gateway_url is set. */
int
sms_enabled(void)
{
	return nonempty(cfg_str("sms", "gateway_url", NULL)) != NULL;
}

/* Writes one pending SMS about application app (0: none) to phone into
 * the outbox, in the caller's transaction; subject is what staff see of
 * it.  Refuses (logged), before touching db, a phone that is not a
 * Vietnamese number and an empty or overlong text.  Returns 1 when
 * queued, 0 refused, -1 on a database error. */
int
sms_queue(struct db *db, uint64_t app, const char *phone,
    const char *subject, const char *text)
{
	char	 num[11];
	size_t	 n = strlen(text);

	if (!valid_phone(phone, strlen(phone), num) || n == 0 ||
	    n > SMS_TEXT_MAX) {
		LOGW("sms refused: bad phone or text");
		return 0;
	}
	return db_exec(db, STMT_OUTBOX_INSERT, NULL, NULL, "snsss", "sms",
	    (unsigned long long)app, num, subject, text) == DB_OK ? 1 : -1;
}

/* The JSON the gateway gets for row id: {"id": id, "to": to, "text":
 * text}, the text without diacritics when c->ascii (text_unaccent).  In
 * arena a; NULL when text is not valid UTF-8. */
char *
sms_payload(struct arena *a, const struct sms_conf *c, uint64_t id,
    const char *to, const char *text)
{
	json_t	*o;
	char	*s, *out = NULL;

	if (c->ascii && (text = text_unaccent(a, text)) == NULL)
		return NULL;
	o = json_pack("{s:I, s:s, s:s}", "id", (json_int_t)id, "to", to,
	    "text", text);
	if (o == NULL)
		return NULL;
	if ((s = json_dumps(o, JSON_COMPACT)) != NULL) {
		out = arena_strdup(a, s);
		free(s);
	}
	json_decref(o);
	return out;
}

/* Seconds to wait after the failure of attempt number attempts + 1: base
 * doubled per earlier attempt, at most an hour. */
long
sms_backoff(long base, unsigned attempts)
{
	if (base <= 0)
		base = 1;
	for (; attempts > 0 && base < SMS_BACKOFF_MAX; attempts--)
		base *= 2;
	return base > SMS_BACKOFF_MAX ? SMS_BACKOFF_MAX : base;
}

/* libcurl's write callback: the gateway's answer is not read. */
static size_t
sms_discard(char *p, size_t size, size_t nitems, void *arg)
{
	(void)p;
	(void)arg;
	return size * nitems;
}

/* Sets every option of the POST; returns 0 when one is refused. */
static int
sms_curl_setup(CURL *h, const struct sms_conf *c, const char *json,
    struct curl_slist *hdr, char *ebuf)
{
	long	 connect = c->timeout_ms < 5000 ? c->timeout_ms : 5000;
	int	 bad = 0;

	bad |= curl_easy_setopt(h, CURLOPT_ERRORBUFFER, ebuf) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_URL, c->url) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https") !=
	    CURLE_OK;
	/* Straight to the gateway, as mail: no proxy from the environment. */
	bad |= curl_easy_setopt(h, CURLOPT_PROXY, "") != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, connect) !=
	    CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, c->timeout_ms) !=
	    CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdr) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_POSTFIELDS, json) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, sms_discard) !=
	    CURLE_OK;
	return !bad;
}

/* The request's headers: JSON, and the bearer token when there is one
 * (NULL on out of memory). */
static struct curl_slist *
sms_headers(const struct sms_conf *c)
{
	struct curl_slist	*h, *t;
	char			 auth[600];

	h = curl_slist_append(NULL, "Content-Type: application/json; "
	    "charset=utf-8");
	if (h == NULL || c->token == NULL)
		return h;
	snprintf(auth, sizeof(auth), "Authorization: Bearer %s", c->token);
	if ((t = curl_slist_append(h, auth)) == NULL)
		curl_slist_free_all(h);
	sodium_memzero(auth, sizeof(auth));
	return t;
}

/* POSTs json to the gateway of c now.  Returns 1 on a 2xx answer, else 0
 * with a short reason (never the token or the text) in err. */
int
sms_post(const struct sms_conf *c, const char *json, char *err,
    size_t errsz)
{
	CURL			*h = NULL;
	struct curl_slist	*hdr = NULL;
	char			 ebuf[CURL_ERROR_SIZE] = "", clean[256];
	long			 code = 0;
	CURLcode		 rc;
	int			 ok = 0;

	if (c->url == NULL) {
		snprintf(err, errsz, "no [sms] gateway_url");
		goto out;
	}
	if ((h = curl_easy_init()) == NULL || (hdr = sms_headers(c)) == NULL) {
		snprintf(err, errsz, "libcurl: out of memory");
		goto out;
	}
	if (!sms_curl_setup(h, c, json, hdr, ebuf)) {
		snprintf(err, errsz, "libcurl refused an option (gateway_url?)");
		goto out;
	}
	if ((rc = curl_easy_perform(h)) != CURLE_OK) {
		log_clean(clean, sizeof(clean), ebuf);
		snprintf(err, errsz, "%s%s%s", curl_easy_strerror(rc),
		    *clean != '\0' ? ": " : "", clean);
		goto out;
	}
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
	if (code < 200 || code > 299) {
		snprintf(err, errsz, "gateway answered HTTP %ld", code);
		goto out;
	}
	ok = 1;
out:
	curl_slist_free_all(hdr);
	curl_easy_cleanup(h);
	return ok;
}

/* Sends one claimed row and records the outcome: sent, back to pending
 * after a back-off, or failed for good after SMS_ATTEMPTS (kept, never
 * deleted).  Returns 1 sent, 0 not sent, -1 database error. */
static int
sms_deliver(struct db *db, struct arena *a, const struct sms_conf *c,
    const struct row_OUTBOX_DUE *row)
{
	char		 err[256] = "";
	const char	*json;
	unsigned	 n = (unsigned)row->attempts + 1;
	int		 last = n >= SMS_ATTEMPTS;

	json = sms_payload(a, c, row->id, row->recipient, row->body);
	if (json == NULL)
		snprintf(err, sizeof(err), "text is not valid UTF-8");
	else if (sms_post(c, json, err, sizeof(err))) {
		metrics_event(EV_SMS_SENT);
		return db_exec(db, STMT_OUTBOX_SENT, NULL, NULL, "u",
		    (unsigned long long)row->id) == DB_OK ? 1 : -1;
	}
	metrics_event(EV_SMS_FAILED);
	LOGW("outbox %llu (sms): attempt %u failed%s: %s",
	    (unsigned long long)row->id, n, last ? ", giving up" : "", err);
	return db_exec(db, STMT_OUTBOX_RETRY, NULL, NULL, "sisiu",
	    last ? "failed" : "pending", (long long)n, err,
	    (long long)sms_backoff(c->backoff, n - 1),
	    (unsigned long long)row->id) == DB_OK ? 0 : -1;
}

/* One round of the SMS sender: claims due rows (a batch, OUTBOX_BATCH
 * at most), sends them, records each outcome.  a holds the rows (the
 * caller resets it).  Returns the number of rows handled, sent or not, or
 * -1 after a database error; rows claimed and not yet recorded then wait
 * for their claim to expire.  Nothing without a gateway. */
int
sms_run_once(struct db *db, struct arena *a, const struct sms_conf *c)
{
	struct row_OUTBOX_DUE	*rows;
	size_t			 i, n;

	if (c->url == NULL)
		return 0;
	if (!outbox_claim(db, a, "sms", &rows, &n))
		return -1;
	for (i = 0; i < n; i++)
		if (sms_deliver(db, a, c, &rows[i]) < 0)
			return -1;
	return (int)n;
}
