/* The overdue job (portalctl mark-late): applications whose appointment
 * has passed while their deadline clock runs get late_at, a 'late' event
 * and an audit row, once. */
#ifndef LATE_H
#define LATE_H
#include <stdint.h>

#include "data/db.h"

struct arena;

/* How many applications one transaction marks. */
#define LATE_BATCH	500

enum db_err	 late_mark(struct db *, struct arena *, int64_t today,
		    uint64_t *marked);

#endif
