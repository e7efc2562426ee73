/* SMS: text messages written to the outbox (kind 'sms') in the
 * transaction of the change they announce, and delivered by the jobs
 * process beside the mail: an HTTP POST of JSON to the gateway of [sms]
 * gateway_url (libcurl), a 2xx answer meaning sent, anything else a retry
 * with back-off (README: Notifications). */
#ifndef SMS_H
#define SMS_H
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

struct sms_conf {
	const char	*url;		/* NULL: no SMS */
	const char	*token;		/* Authorization: Bearer; may be NULL */
	long		 timeout_ms;	/* the whole request */
	long		 backoff;	/* seconds before the first retry */
	int		 ascii;		/* send without diacritics */
};

void	 sms_conf_load(struct sms_conf *);
int	 sms_enabled(void);
int	 sms_queue(struct db *, uint64_t app, const char *phone,
	    const char *subject, const char *text);
char	*sms_payload(struct arena *, const struct sms_conf *, uint64_t id,
	    const char *to, const char *text);
long	 sms_backoff(long base, unsigned attempts);
int	 sms_post(const struct sms_conf *, const char *json, char *err,
	    size_t errsz);
int	 sms_run_once(struct db *, struct arena *, const struct sms_conf *);

#endif
