/* The outbox's senders (app/mail.c, app/sms.c) take their due rows the
 * same way: a batch claimed in one short transaction. */
#ifndef OUTBOX_H
#define OUTBOX_H
#include <stddef.h>

#include "data/db.h"

struct arena;

#define OUTBOX_BATCH	10	/* rows claimed at once */

int	 outbox_claim(struct db *, struct arena *, const char *kind,
	    struct row_OUTBOX_DUE **, size_t *);

#endif
