/* Counters shared by all worker processes (one anonymous shared mapping,
 * made by the master before it forks), rendered as Prometheus text. */
#ifndef METRICS_H
#define METRICS_H
#include <stddef.h>

struct arena;

#define METRICS_ROUTES_MAX	128

/* Things worth counting besides requests. */
enum metric_event {
	EV_LOGIN_OK,		/* a sign-in succeeded */
	EV_LOGIN_FAILED,	/* wrong name or password */
	EV_LOGIN_REFUSED,	/* locked account or throttled address */
	EV_HASH_BUSY,		/* no Argon2id permit in time: 503 */
	EV_DB_DOWN,		/* the database away: 503 */
	EV_MAIL_SENT,
	EV_MAIL_FAILED,		/* an attempt failed (retried later) */
	EV_SMS_SENT,		/* the SMS gateway answered 2xx */
	EV_SMS_FAILED,		/* an attempt failed (retried later) */
	EV__MAX
};

int	 metrics_init(const char *const *route_names, size_t n);
void	 metrics_observe(int route, int status, double seconds);
void	 metrics_db_error(void);
void	 metrics_worker_restart(void);
void	 metrics_event(enum metric_event);
char	*metrics_render(struct arena *, size_t *len);

#endif
