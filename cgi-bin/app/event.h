/* The rows of a change of an application's status. */
#ifndef EVENT_H
#define EVENT_H
#include <stdint.h>

#include "data/db.h"

struct actor;
struct arena;

enum db_err	 event_record(struct db *, struct arena *, const struct actor *,
		    uint64_t app, int from, int to, const char *note,
		    const char *action, const char *detail);

#endif
