/* Routes and path matching.  A route is method, path pattern, handler,
 * scope and roles (checked by authz before the handler runs), and the
 * parameters it accepts; the table itself is the handlers' (h/routes.h).
 * A pattern is '/'-separated segments; "{name:type}" matches one segment
 * of that type (slug, id, idslug, code), which the router validates once. */
#ifndef ROUTER_H
#define ROUTER_H
#include <stddef.h>
#include <stdint.h>

#include "http/key.h"

struct request;

enum method {
	METHOD_GET = 1 << 0,
	METHOD_HEAD = 1 << 1,
	METHOD_POST = 1 << 2,
	METHOD_PUT = 1 << 3,
	METHOD_DELETE = 1 << 4,
	METHOD_OPTIONS = 1 << 5,
	METHOD_PATCH = 1 << 6,
	METHOD_OTHER = 1 << 7
};

/* Who may use a route (authz.c decides). */
enum scope {
	SCOPE_PUBLIC,	/* anyone */
	SCOPE_USER,	/* anyone signed in */
	SCOPE_ROLE,	/* one of the route's roles, in any unit or city-wide */
	SCOPE_UNIT,	/* one of the roles in the unit the path names */
	SCOPE_OWNER,	/* one of the roles in the unit owning the path's object */
	SCOPE__MAX
};

#define ROUTE_ARGS_MAX	4

struct route {
	unsigned	 id;		/* enum route_id of h/routes.h */
	unsigned	 methods;	/* enum method bits */
	const char	*pattern;
	int		(*handler)(struct request *);
	enum scope	 scope;
	unsigned	 roles;		/* ROLE_BIT()s */
	keyset		 keys;		/* KEY_BIT()s of the parameters read */
	const char	*name;		/* for metrics and `portalctl routes` */
};

/* One path parameter: its name in the pattern, its text, and for the
 * types id and idslug its number. */
struct route_arg {
	const char	*name;
	const char	*s;
	uint64_t	 id;
};

struct route_match {
	const struct route	*route;		/* NULL: none */
	struct route_arg	 args[ROUTE_ARGS_MAX];
	size_t			 nargs;
	unsigned		 allow;		/* methods of the path (405) */
	char			 buf[512];	/* the args' text */
};

enum method	 router_method(const char *);
const char	*router_method_str(enum method);
int		 router_match(const struct route *, size_t n, const char *path,
		    enum method, struct route_match *);
void		 router_allow_str(unsigned allow, char *buf, size_t bufsz);
const char	*router_scope_name(enum scope);

#endif
