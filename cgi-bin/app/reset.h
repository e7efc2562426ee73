/* Password resets asked for by email.  The web request only queues the
 * address (reset_ask): one statement, the same whatever the address, so
 * that neither the answer nor its time tells whether an account has it.
 * The jobs process handles the queue (reset_run_once). */
#ifndef RESET_H
#define RESET_H

#include "data/db.h"

struct arena;

struct reset_conf {
	long		 ttl;		/* seconds a reset link lives */
	const char	*base_url;	/* of the link */
	const char	*service_name;	/* in the mail */
	const char	*site_name;
};

void		 reset_conf_load(struct reset_conf *);
enum db_err	 reset_ask(struct db *, const char *email, const char *addr);
int		 reset_run_once(struct db *, struct arena *,
		    const struct reset_conf *);

#endif
