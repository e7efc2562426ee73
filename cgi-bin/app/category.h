/* A unit's categories of articles (issue 11): add, rename, move up or
 * down; one transaction each with its audit row.  Only a unit of the
 * person's (editor, leader; the administrator: every unit). */
#ifndef CATEGORY_H
#define CATEGORY_H
#include <stdint.h>

#include "app/audit.h"

struct arena;
struct db;

enum category_err {
	CAT_OK,
	CAT_DUP,	/* the unit has a category of that name */
	CAT_NOTFOUND,	/* no such category or unit, or not the person's */
	CAT_ERR,
	CAT_ERR__MAX
};

enum category_err category_add(struct db *, struct arena *,
		    const struct actor *, uint64_t unit, const char *name);
enum category_err category_rename(struct db *, struct arena *,
		    const struct actor *, uint64_t id, const char *name);
enum category_err category_move(struct db *, struct arena *,
		    const struct actor *, uint64_t id, int up);

#endif
