/* The audit log: append-only (a trigger refuses changes), one row per
 * change: who (0: the command line), from where, did what to which
 * object.  Written in the transaction of the change: a failed audit write
 * fails the change. */
#ifndef AUDIT_H
#define AUDIT_H
#include <stdint.h>

#include "data/db.h"

/* Who acts, from where: the signed-in user and the client's address, or
 * 0 and "portalctl". */
struct actor {
	uint64_t	 id;
	const char	*addr;
};

enum db_err	 audit_add(struct db *, const struct actor *,
		    const char *action, const char *otype, uint64_t oid,
		    const char *detail);

#endif
