/* The outbox's senders (app/mail.c, app/sms.c) take their due rows the
 * same way: a batch claimed in one short transaction. */
#ifndef OUTBOX_H
#define OUTBOX_H
#include <stddef.h>

#include "data/db.h"

struct arena;

int	 outbox_claim(struct db *, struct arena *, const char *kind,
	    struct row_OUTBOX_DUE **, size_t *);

#endif
