/* The background jobs of the jobs process: queued password-reset
 * requests and mail and SMS delivery from the outbox every second, and
 * housekeeping (every expired session, old sign-in failure and reset
 * link, in batches) every [server] housekeeping seconds. */
#ifndef JOBS_H
#define JOBS_H

#include "app/mail.h"
#include "app/reset.h"
#include "app/sms.h"

struct arena;
struct db;

struct jobs {
	struct mail_conf	 mail;
	struct sms_conf		 sms;
	struct reset_conf	 reset;
	long			 every;		/* housekeeping, in ticks */
	long			 idle, absolute;	/* session limits, s */
	long			 ticks;
};

void	jobs_init(struct jobs *);
void	jobs_tick(struct jobs *, struct db *, struct arena *);
int	jobs_housekeep(struct db *, long idle, long absolute);

#endif
