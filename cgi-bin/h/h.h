/* The handlers: one feature a file; each returns the HTTP status it
 * answered.  The routes that lead to them are in h/route_list.h. */
#ifndef H_H
#define H_H

#include "http/router.h"

struct request;

#define ROUTE(name, methods, pattern, scope, roles, keys)	ROUTE_##name,
enum route_id {
#include "h/route_list.h"
	ROUTE__MAX
};
#undef ROUTE

#define ROUTE(name, methods, pattern, scope, roles, keys) \
	int h_##name(struct request *);
#include "h/route_list.h"
#undef ROUTE

extern const struct route h_routes[ROUTE__MAX];
int	h_routes_check(void);

int	h_init(void);
int	h_track_init(void);

#endif
