/* The static route table: method, path pattern, handler, required role,
 * CSRF flag, and the parameters each route accepts. */
#ifndef ROUTER_H
#define ROUTER_H
#include <stddef.h>

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

/* Roles as stored in user_roles; ROLE_USER is "signed in", held by all. */
enum role {
	ROLE_USER,
	ROLE_RESIDENT,
	ROLE_EDITOR,
	ROLE_STAFF,
	ROLE_LEADER,
	ROLE_ADMIN,
	ROLE__MAX
};

#define ROLE_BIT(r)	(1u << (r))
#define PUBLIC		0u		/* a route anyone may use */

enum route_id {
	ROUTE_HOME,
	ROUTE_UNIT,
	ROUTE_ARTICLE,
	ROUTE_HEALTHZ,
	ROUTE_METRICS,
	ROUTE_LOGIN,
	ROUTE_LOGOUT,
	ROUTE_REGISTER,
	ROUTE_FORGOT,
	ROUTE_RESET,
	ROUTE_ACCOUNT,
	ROUTE_ACCOUNT_PASSWORD,
	ROUTE_ACCOUNT_LOGOUT_OTHERS,
	ROUTE_ADMIN_USERS,
	ROUTE_ADMIN_USER_NEW,
	ROUTE_ADMIN_USER,
	ROUTE_ADMIN_USER_GRANT,
	ROUTE_ADMIN_USER_REVOKE,
	ROUTE_ADMIN_USER_LOCK,
	ROUTE_EDITOR,
	ROUTE_EDITOR_NEW,
	ROUTE_EDITOR_EDIT,
	ROUTE_DESK,
	ROUTE__MAX
};

#define ROUTE_ARGS_MAX	4

struct route {
	enum route_id	 id;
	unsigned	 methods;	/* enum method bits */
	const char	*pattern;	/* "/don-vi/{unit}/", segments */
	int		(*handler)(struct request *);
	unsigned	 roles;		/* ROLE_BIT()s allowed; PUBLIC: anyone */
	unsigned	 keys;		/* KEY_BIT()s of the parameters read */
	const char	*name;		/* metrics label */
};

extern const struct route router_table[ROUTE__MAX];
extern const char *const role_names[ROLE__MAX];
extern const char *const role_labels[ROLE__MAX];

enum method	 router_method(const char *);
const char	*router_method_str(enum method);
int		 router_match(const char *path, enum method,
		    const struct route **, const char **args, size_t *nargs,
		    unsigned *allow, char *argbuf, size_t argbufsz);
void		 router_allow_str(unsigned allow, char *buf, size_t bufsz);

#endif
