/* What the desk's pages share (h/h_desk.c): the unit a page is about,
 * chosen among the person's own. */
#ifndef DESK_H
#define DESK_H
#include <stdint.h>

#include "http/key.h"

struct request;
struct tmpl_dict;

struct desk_unit {
	uint64_t	 id;
	const char	*slug, *full;	/* "ba-hang", "Phường Ba Hàng" */
};

int	desk_given(const struct request *, enum key);
int	desk_unit_pick(struct request *, struct desk_unit *,
	    struct tmpl_dict *);
const char *desk_day(struct request *, int64_t t);

#endif
