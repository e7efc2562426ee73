/* The rows of a change of an application's status. */
#ifndef EVENT_H
#define EVENT_H
#include <stdint.h>

#include "data/db.h"

struct actor;
struct arena;

/* One event of the timeline (migration 0015): a change of status (kind
 * "status"), or from = to for a message, an internal note, the
 * applicant's supplement, an approval, an apology. */
struct event {
	int		 from, to;
	const char	*kind;		/* application_events.kind */
	int		 internal;	/* 1: staff only, no mail */
	const char	*note;		/* "" for none */
	const char	*due;		/* an apology's new day, YYYY-MM-DD */
	const char	*say;		/* for the mail; NULL: none */
};

enum db_err	 event_add(struct db *, struct arena *, const struct actor *,
		    uint64_t app, const struct event *, const char *action,
		    const char *detail);
enum db_err	 event_record(struct db *, struct arena *, const struct actor *,
		    uint64_t app, int from, int to, const char *note,
		    const char *action, const char *detail);

#endif
