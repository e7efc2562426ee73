/* Units as they change (issue 11): a new unit, a merger of units into
 * one (the old ones keep their rows, pages and articles: valid_to and
 * successor_id say where they went), and the host names that serve a
 * unit's website.  One transaction each, with its audit rows; used by
 * portalctl. */
#ifndef UNITS_H
#define UNITS_H
#include <stddef.h>
#include <stdint.h>

#include "app/audit.h"

struct arena;
struct db;

enum units_err {
	UNITS_OK,
	UNITS_BAD,		/* malformed argument */
	UNITS_UNKNOWN,		/* no unit of that slug */
	UNITS_SELF,		/* a unit merged into itself */
	UNITS_TWICE,		/* the same old unit named twice */
	UNITS_MERGED,		/* an old unit has already merged */
	UNITS_NOT_CURRENT,	/* the new unit has itself merged */
	UNITS_DATE,		/* the date is not after an old unit began */
	UNITS_DUP,		/* slug or host name taken */
	UNITS_NO_HOST,		/* no such host name */
	UNITS_DB,		/* the database failed */
	UNITS__MAX
};

#define UNITS_MERGE_MAX	32

const char	*units_err_msg(enum units_err);
int		 units_valid_host(const char *);
enum units_err	 units_add(struct db *, struct arena *, const struct actor *,
		    const char *code, const char *kind, const char *name,
		    const char *slug, int32_t from_day, uint64_t *id);
enum units_err	 units_merge(struct db *, struct arena *,
		    const struct actor *, const char *const *old, size_t nold,
		    const char *into, int32_t from_day, const char **bad);
enum units_err	 units_host(struct db *, struct arena *,
		    const struct actor *, const char *host, const char *slug,
		    int add);

#endif
