/* Tracking and the applicant's own changes to an application: counting
 * public lookups per address, withdrawing, rating.  One transaction each,
 * with its event and audit rows. */
#ifndef TRACKING_H
#define TRACKING_H
#include <stdint.h>

#include "app/audit.h"
#include "data/db.h"

struct arena;

enum track_err {
	TRACK_OK,
	TRACK_LIMITED,	/* too many lookups from the address */
	TRACK_STALE,	/* the application changed since the form was made,
			 * or no longer allows the change */
	TRACK_ERR,	/* the database failed; nothing changed */
	TRACK__MAX
};

enum track_err	 track_attempt(struct db *, struct arena *, const char *addr,
		    long limit, long *wait);
enum track_err	 track_withdraw(struct db *, struct arena *,
		    const struct actor *, uint64_t app, uint64_t version,
		    long long from);
enum track_err	 track_rate(struct db *, const struct actor *, uint64_t app,
		    unsigned rating, const char *comment);

#endif
